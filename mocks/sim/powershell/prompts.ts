/**
 * The console host's prompts. The Confirm layout and choices are the Unregister-AzStackHCI transcript's
 * (behaviour.md §2.1); the `?` help lines of each choice, ShouldContinue's Yes/No set and the PowerShellGet
 * prompts are Windows PowerShell 5.1's own words, which no reference file quotes in full (the seed quotes
 * their questions: "Do you want PowerShellGet to install and import the NuGet provider now?" and "Are you
 * sure you want to install the modules from 'PSGallery'?").
 */
import type { ChoicePrompt } from './format';

const YES = { key: 'Y', label: 'Yes', help: 'Continue with only the next step of the operation.' };
const YES_ALL = { key: 'A', label: 'Yes to All', help: 'Continue with all the steps of the operation.' };
const NO = { key: 'N', label: 'No', help: 'Skip this operation and proceed with the next operation.' };
const NO_ALL = { key: 'L', label: 'No to All', help: 'Skip this operation and all subsequent operations.' };
const SUSPEND = {
  key: 'S',
  label: 'Suspend',
  help: 'Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.',
};

/** ShouldProcess on a ConfirmImpact High cmdlet, or any cmdlet run with -Confirm. */
export function confirmPrompt(operation: string, target: string): ChoicePrompt {
  return {
    caption: 'Confirm',
    message: `Are you sure you want to perform this action?\nPerforming the operation "${operation}" on target "${target}".`,
    choices: [YES, YES_ALL, NO, NO_ALL, SUSPEND],
    defaultKey: 'Y',
  };
}

/** ShouldContinue(query, caption): Yes / No. */
export function continuePrompt(caption: string, query: string): ChoicePrompt {
  return {
    caption,
    message: query,
    choices: [{ key: 'Y', label: 'Yes', help: 'Yes' }, { key: 'N', label: 'No', help: 'No' }, SUSPEND],
    defaultKey: 'Y',
  };
}

export const NUGET_PROMPT: ChoicePrompt = {
  caption: 'NuGet provider is required to continue',
  message:
    "PowerShellGet requires NuGet provider version '2.8.5.201' or newer to interact with NuGet-based repositories. The NuGet provider must be available in 'C:\\Program Files\\PackageManagement\\ProviderAssemblies' or 'C:\\Users\\hciadmin\\AppData\\Local\\PackageManagement\\ProviderAssemblies'. You can also install the NuGet provider by running 'Install-PackageProvider -Name NuGet -MinimumVersion 2.8.5.201 -Force'. Do you want PowerShellGet to install and import the NuGet provider now?",
  choices: [{ key: 'Y', label: 'Yes', help: 'Yes' }, { key: 'N', label: 'No', help: 'No' }, SUSPEND],
  defaultKey: 'Y',
};

export const PSGALLERY_PROMPT: ChoicePrompt = {
  caption: 'Untrusted repository',
  message:
    "You are installing the modules from an untrusted repository. If you trust this repository, change its InstallationPolicy value by running the Set-PSRepository cmdlet. Are you sure you want to install the modules from 'PSGallery'?",
  choices: [YES, YES_ALL, NO, NO_ALL, SUSPEND],
  defaultKey: 'N',
};

export const isYes = (answer: string | undefined) => answer === 'Y' || answer === 'A';
