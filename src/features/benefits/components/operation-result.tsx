import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '@/lib/api-client';
import type { BenefitsFixDto, BenefitsVmOutcomeDto } from '@/api/benefits-contract';
import { TroubleshootLink } from '@/components/show-powershell/troubleshoot-link';
import { benefitsQueries } from '../api/benefits-queries';
import { useBenefitsStyles } from './azure-benefits-page.styles';
import { useBenefitsPage, type TrackedOperation } from './benefits-context';
import { FixAction } from './fix-action';

/** Each VM that didn't change, with the reason and the way to fix it. */
export function VmProblemList({
  problems,
}: {
  problems: readonly Pick<BenefitsVmOutcomeDto, 'vmId' | 'vmName' | 'hostServer' | 'message' | 'fix'>[];
}) {
  const styles = useBenefitsStyles();
  const { data } = useBenefitsPage();
  return (
    <ul className={styles.problems} aria-label="VMs that didn't change">
      {problems.map((p) => (
        <li key={p.vmId} className={styles.problem}>
          <span>
            <strong>{p.vmName}</strong> ({p.hostServer}): {p.message}
          </span>
          <span className={styles.fixRow}>
            <FixAction fix={p.fix} vmId={p.vmId} server={p.hostServer} />
            <TroubleshootLink cluster={data.cluster} error={p.message} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The fix for a refusal code, kept with the refusal even after the VM's state has moved on. */
function fixForCode(code: string): BenefitsFixDto | null {
  switch (code) {
    case 'Gen1VmRunning':
      return 'turn-off-vm';
    case 'AttestationNotEnabled':
    case 'HostUnreachable':
    case 'HostServiceStopped':
      return 'host';
    case 'ImdsClusterNotRegistered':
      return 'register';
    default:
      return null;
  }
}

function Dismiss({ onDismiss }: { onDismiss: () => void }) {
  return (
    <Button
      appearance="transparent"
      aria-label="Dismiss alert"
      icon={<DismissRegular />}
      onClick={onDismiss}
    />
  );
}

function Refusal({ title, error, onDismiss }: { title: string; error: ApiError; onDismiss: () => void }) {
  const { data } = useBenefitsPage();
  const problems = (error.details ?? []).flatMap((d) => {
    const vm = data.vms.find((v) => v.id === d.target);
    if (!vm) return [];
    return [
      {
        vmId: vm.id,
        vmName: vm.name,
        hostServer: vm.hostServer,
        message: d.message,
        fix: fixForCode(d.code),
      },
    ];
  });
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {problems.length === 0 ? (
          <>
            {error.message} <TroubleshootLink cluster={data.cluster} error={error.message} />
          </>
        ) : problems.length === 1 ? (
          `${problems[0]?.vmName ?? 'The VM'} didn\u2019t change:`
        ) : (
          `None of the ${problems.length} selected VMs changed:`
        )}
        {problems.length > 0 && <VmProblemList problems={problems} />}
      </MessageBarBody>
      <MessageBarActions containerAction={<Dismiss onDismiss={onDismiss} />} />
    </MessageBar>
  );
}

function JobResult({ title, jobId, onDismiss }: { title: string; jobId: string; onDismiss: () => void }) {
  // What the job changed is refetched when it ends: its mutation declares that (meta.invalidatesWhenJobEnds).
  const operation = useQuery(benefitsQueries.operation(jobId));
  const status = operation.data?.job.status;

  if (!operation.data || status === 'InProgress') return null;
  const { job, vms } = operation.data;
  const failed = vms.filter((v) => v.outcome === 'Failed');
  const succeeded = vms.filter((v) => v.outcome === 'Succeeded');
  const vmJob = job.kind === 'benefits/add-vm' || job.kind === 'benefits/remove-vm';
  const intent =
    job.status === 'Failed' && succeeded.length === 0
      ? 'error'
      : failed.length > 0 || job.result === 'SucceededWithWarnings'
        ? 'warning'
        : 'success';
  const summary =
    vmJob && failed.length > 0
      ? `Turned ${job.kind === 'benefits/add-vm' ? 'on' : 'off'} Azure benefits for ${succeeded.length} of ${vms.length} VMs${
          succeeded.length > 0 ? ` (${succeeded.map((v) => v.vmName).join(', ')})` : ''
        }.`
      : (job.message ?? '');
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {title}:{' '}
          {job.status === 'Succeeded' && failed.length === 0
            ? 'succeeded'
            : succeeded.length > 0
              ? 'partly succeeded'
              : 'failed'}
        </MessageBarTitle>
        {summary}
        {failed.length > 0 && <VmProblemList problems={failed} />}
      </MessageBarBody>
      <MessageBarActions containerAction={<Dismiss onDismiss={onDismiss} />} />
    </MessageBar>
  );
}

/** The result of the last operation started from the page; progress is shown by ActiveJobs while it runs. */
export function OperationResult({
  operation,
  onDismiss,
}: {
  operation: TrackedOperation;
  onDismiss: () => void;
}) {
  if ('error' in operation)
    return <Refusal title={operation.title} error={operation.error} onDismiss={onDismiss} />;
  return <JobResult title={operation.title} jobId={operation.jobId} onDismiss={onDismiss} />;
}
