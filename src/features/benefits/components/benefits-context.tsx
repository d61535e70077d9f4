import { Button, Text } from '@fluentui/react-components';
import { PowerRegular, StopRegular } from '@fluentui/react-icons';
import { createContext, useContext, useState } from 'react';
import type { BenefitsFixDto, BenefitsVmDto, ClusterBenefitsDto } from '@/api/benefits-contract';
import { RouterLink } from '@/components/router-link/router-link';
import { paths, settingsSections } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { usePowerOffVm } from '../api/benefits-mutations';
import type { TrackedOperation } from './operation-result';

export type BenefitsTab = 'cluster' | 'vms';

export interface BenefitsPageContextValue {
  data: ClusterBenefitsDto;
  showTab: (tab: BenefitsTab) => void;
  /** Shows the outcome of an operation started from the page (a job to follow, or a refusal). */
  track: (operation: TrackedOperation) => void;
}

const BenefitsPageContext = createContext<BenefitsPageContextValue | null>(null);

export const BenefitsPageProvider = BenefitsPageContext.Provider;

export function useBenefitsPage(): BenefitsPageContextValue {
  const value = useContext(BenefitsPageContext);
  if (!value) throw new Error('useBenefitsPage is used outside the Azure benefits page.');
  return value;
}

/** A benefits job (or a sync) is running: WAC lets one run at a time per cluster. */
export function benefitsJobRunning(data: ClusterBenefitsDto): boolean {
  return data.activeJobs.some((j) => j.kind.startsWith('benefits/'));
}

const TRANSITIONAL = new Set<BenefitsVmDto['state']>(['Stopping', 'Saving', 'Starting']);

/**
 * Turns a running VM off from the page, so a Generation 1 VM can take (or give up) its network adapter.
 * Turn off is immediate; Shut down asks the guest OS first.
 */
export function PowerOffVmButtons({ vm }: { vm: BenefitsVmDto }) {
  const power = usePowerOffVm();
  const [how, setHow] = useState<'turn-off' | 'shutdown' | null>(null);
  if (vm.state === 'Off') return <Text>{vm.name} is off now: try again.</Text>;
  if (TRANSITIONAL.has(vm.state))
    return (
      <Text>
        {vm.name} is {vm.state.toLowerCase()}...
      </Text>
    );
  const start = (next: 'turn-off' | 'shutdown') => {
    setHow(next);
    power.mutate({ vmId: vm.id, how: next });
  };
  return (
    <>
      <Button
        size="small"
        icon={<PowerRegular />}
        disabled={power.isPending}
        onClick={() => start('turn-off')}
      >
        Turn off {vm.name}
      </Button>
      {vm.state === 'Running' && (
        <Button
          size="small"
          icon={<StopRegular />}
          disabled={power.isPending}
          onClick={() => start('shutdown')}
        >
          Shut down {vm.name}
        </Button>
      )}
      {power.isError && (
        <Text role="alert">
          Couldn&apos;t {how === 'shutdown' ? 'shut down' : 'turn off'} {vm.name}. {errorMessage(power.error)}
        </Text>
      )}
    </>
  );
}

export interface FixActionProps {
  fix: BenefitsFixDto | null;
  /** the VM the refusal is about, when it is about one */
  vmId?: string;
  /** the host server the refusal is about */
  server?: string;
}

/** The way out of a refusal, offered where the refusal is shown. */
export function FixAction({ fix, vmId, server }: FixActionProps) {
  const { data, showTab } = useBenefitsPage();
  switch (fix) {
    case 'turn-off-vm': {
      const vm = data.vms.find((v) => v.id === vmId);
      return vm ? <PowerOffVmButtons vm={vm} /> : null;
    }
    case 'host':
      return (
        <>
          <Text>
            Go to the Cluster tab to fix Azure benefits for {server ?? 'the host server'}, then try again.
          </Text>
          <Button size="small" onClick={() => showTab('cluster')}>
            Go to the Cluster tab
          </Button>
        </>
      );
    case 'remove-vms':
      return (
        <Button size="small" onClick={() => showTab('vms')}>
          Go to the VMs tab
        </Button>
      );
    case 'register':
      return (
        <RouterLink to={paths.connectionSettings('cluster', data.cluster, settingsSections.registration)}>
          Go to Azure Stack HCI registration
        </RouterLink>
      );
    case 'start-servers':
      return (
        <Text>
          Start the servers that are down (their status is Unknown on the Cluster tab), then try again.
        </Text>
      );
    case 'wait':
    case null:
      return null;
  }
}
