import { Button, Text } from '@fluentui/react-components';
import { PowerRegular, StopRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { BenefitsFixDto, BenefitsVmDto } from '@/api/benefits-contract';
import { RouterLink } from '@/components/router-link/router-link';
import { paths, settingsSections } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { isTransitional } from '@/lib/vm-power-state';
import { usePowerOffVm } from '../api/benefits-mutations';
import { useBenefitsPage } from './benefits-context';

/**
 * Turns a running VM off from the page, so a Generation 1 VM can take (or give up) its network adapter.
 * Turn off is immediate; Shut down asks the guest OS first.
 */
export function PowerOffVmButtons({ vm }: { vm: BenefitsVmDto }) {
  const power = usePowerOffVm();
  const [how, setHow] = useState<'turn-off' | 'shutdown' | null>(null);
  if (vm.state === 'Off') return <Text>{vm.name} is off now: try again.</Text>;
  if (isTransitional(vm.state))
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
