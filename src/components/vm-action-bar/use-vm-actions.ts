import { useMutation, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import type { JobDto } from '@/api/contract';
import { useActionFailures } from '@/components/action-failure/use-action-failures';
import { api } from '@/lib/api-client';
import { downloadText } from '@/lib/download-file';
import { useJobTracker } from '@/lib/use-job-tracker';
import { checkpointRequest, fetchRdp, type CheckpointAction } from '@/lib/vm-requests';

/** What an action needs to know of a VM, in WAC's inventory and in a cloud's list alike. */
export interface VmTarget {
  id: string;
  name: string;
  ipAddress: string;
}

export interface UseVmActionsOptions {
  /** The VM's resource path: `/api/vms/:id`, or `/api/clouds/:cloud/vms/:id`; both answer the same verbs. */
  vmPath: (vm: VmTarget) => string;
  /**
   * What a VM action changes, declared on its mutations: `invalidates` when the action starts,
   * `invalidatesWhenJobEnds` when its job ends (src/lib/job-end.ts), so nothing here refetches by hand.
   */
  meta: { invalidates: readonly QueryKey[]; invalidatesWhenJobEnds: readonly QueryKey[] };
  /** Sees every failure first, e.g. a cloud whose connector stopped answering refreshes its status. */
  onError?: (error: unknown) => void;
}

/**
 * The VM actions the WAC Virtual machines tool and the Azure Stack portal share: power, delete, Connect (.rdp)
 * and checkpoints. Each failure is reported in place, naming the VM, with Retry; a job that ends Failed is
 * reported with its own message; running jobs are followed for the page's progress line.
 */
export function useVmActions({ vmPath, meta, onError }: UseVmActionsOptions) {
  const { failures, report, dismiss } = useActionFailures();
  const [notice, setNotice] = useState<string | undefined>();
  const tracker = useJobTracker((job) => {
    if (job.status === 'Failed') report(`${job.title} failed`, job.message ?? `${job.title} failed.`);
  });
  const powerMutation = useMutation({
    mutationFn: ({ vm, action }: { vm: VmTarget; action: string }) =>
      api.post<JobDto>(`${vmPath(vm)}/${encodeURIComponent(action)}`),
    meta,
  });
  const removeMutation = useMutation({
    mutationFn: (vm: VmTarget) => api.delete<JobDto>(vmPath(vm)),
    meta,
  });
  const checkpointMutation = useMutation({
    mutationFn: ({ vm, action }: { vm: VmTarget; action: CheckpointAction }) =>
      checkpointRequest(vmPath(vm), action),
    meta,
  });
  const rdpMutation = useMutation({ mutationFn: (vm: VmTarget) => fetchRdp(`${vmPath(vm)}/rdp`) });

  const fail = (title: string, retry: () => void) => (error: unknown) => {
    onError?.(error);
    report(title, error, retry);
  };

  /** `verb` says the action in the failure's words: "start", "turn off", "stop". */
  const power = (vm: VmTarget, action: string, verb: string = action): void => {
    setNotice(undefined);
    powerMutation.mutate(
      { vm, action },
      {
        onSuccess: tracker.track,
        onError: fail(`Couldn't ${verb} the virtual machine '${vm.name}'.`, () => power(vm, action, verb)),
      },
    );
  };

  /** `onStarted`: the delete job is under way (a blade of the VM closes then). */
  const remove = (vm: VmTarget, onStarted?: () => void): void => {
    setNotice(undefined);
    removeMutation.mutate(vm, {
      onSuccess: (job) => {
        tracker.track(job);
        onStarted?.();
      },
      onError: fail(`Couldn't delete the virtual machine '${vm.name}'.`, () => remove(vm, onStarted)),
    });
  };

  const connect = (vm: VmTarget): void => {
    rdpMutation.mutate(vm, {
      onSuccess: (text) => {
        downloadText(`${vm.name}.rdp`, text, 'application/x-rdp');
        setNotice(
          `Downloaded ${vm.name}.rdp: open it to connect to ${vm.name} at ${vm.ipAddress} with Remote Desktop Connection.`,
        );
      },
      onError: fail(`Couldn't connect to the virtual machine '${vm.name}'.`, () => connect(vm)),
    });
  };

  /** For CheckpointPanel's onAction: it shows a failure in its own dialog, so the error is rethrown. */
  const checkpoint =
    (vm: VmTarget) =>
    async (action: CheckpointAction): Promise<void> => {
      try {
        tracker.track(await checkpointMutation.mutateAsync({ vm, action }));
      } catch (error) {
        onError?.(error);
        throw error;
      }
    };

  return {
    power,
    remove,
    connect,
    checkpoint,
    /** Follow a job this page started some other way (Create). */
    track: tracker.track,
    running: tracker.running,
    connecting: rdpMutation.isPending,
    deleting: removeMutation.isPending,
    failures,
    dismiss,
    notice,
    clearNotice: () => setNotice(undefined),
    setNotice,
  };
}
