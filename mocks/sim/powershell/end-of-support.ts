/**
 * The 22H2 end-of-support question Az.StackHCI 2.x (behaviour.md's source A) asks before anything else in
 * every cmdlet run against a server on build 20349 or older, through ShouldProcess; "No" throws `Aborting
 * based on user input`. Both texts are behaviour.md §1.2/§1.4's, verbatim. The prompt's caption is not quoted
 * by any reference file: the console shows the host's default ShouldProcess caption, "Confirm", and its choices.
 */
import type { ClusterNode } from '../model';
import { formatError } from './format';
import type { ChoicePrompt, ErrorPosition } from './format';

export const END_OF_SUPPORT_TEXT =
  'Your system is running Azure Local, version 22H2, and will no longer receive security updates and support after May 31, 2025. To continue receiving security updates and support, you must upgrade your operating system. Visit https://aka.ms/azlocal-os-upgrade to learn more.';

export const ABORTED_TEXT = 'Aborting based on user input';

/** 22H2 is build 20349; older builds (21H2 20348, 20H2 17784) get the same question. */
export function runsOutOfSupportOs(node: ClusterNode): boolean {
  const major = Number.parseInt(node.osBuild.split('.')[0] ?? '', 10);
  return Number.isFinite(major) && major <= 20349;
}

export const END_OF_SUPPORT_PROMPT: ChoicePrompt = {
  caption: 'Confirm',
  message: END_OF_SUPPORT_TEXT,
  choices: [
    { key: 'Y', label: 'Yes', help: 'Continue with only the next step of the operation.' },
    { key: 'A', label: 'Yes to All', help: 'Continue with all the steps of the operation.' },
    { key: 'N', label: 'No', help: 'Skip this operation and proceed with the next operation.' },
    { key: 'L', label: 'No to All', help: 'Skip this operation and all subsequent operations.' },
    {
      key: 'S',
      label: 'Suspend',
      help: 'Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.',
    },
  ],
  defaultKey: 'Y',
};

/**
 * `throw 'Aborting based on user input'` as PowerShell shows a thrown string: a RuntimeException. The real
 * record points at the throw inside the module's script file, whose line no reference gives; the console
 * points at the command typed.
 */
export function abortedLines(at: ErrorPosition): string[] {
  return formatError(
    {
      command: '',
      message: ABORTED_TEXT,
      category: 'OperationStopped',
      target: `${ABORTED_TEXT}:String`,
      activity: '',
      exception: 'RuntimeException',
      errorId: ABORTED_TEXT,
    },
    at,
  );
}
