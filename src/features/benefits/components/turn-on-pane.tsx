import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { ContextPane } from '@/components/context-pane/context-pane';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { TroubleshootLink } from '@/components/show-powershell/troubleshoot-link';
import { ApiError, errorMessage } from '@/lib/api-client';
import { enableAzStackHciAttestation } from '@/lib/powershell';
import { useTurnOnBenefits } from '../api/benefits-mutations';
import { useBenefitsStyles } from './azure-benefits-page.styles';
import { useBenefitsPage } from './benefits-context';
import { FixAction, PowerOffVmButtons } from './fix-action';

export interface TurnOnPaneProps {
  open: boolean;
  onClose: () => void;
}

/** "Turn on Azure benefits for this cluster": Enable-AzStackHCIAttestation, with -AddVM unless unticked. */
export function TurnOnPane({ open, onClose }: TurnOnPaneProps) {
  const styles = useBenefitsStyles();
  const { data, track } = useBenefitsPage();
  const [addVms, setAddVms] = useState(true);
  const turnOn = useTurnOnBenefits(data.cluster);
  const blocker = data.turnOnBlocker;
  // A network adapter can't be hot-added to a Generation 1 VM: -AddVM skips these (the simulation says which).
  const gen1 = data.vms.filter((v) => data.addVmsSkipped.includes(v.id));

  const close = () => {
    turnOn.reset();
    onClose();
  };
  const submit = () => {
    turnOn.mutate(
      { addVms },
      {
        onSuccess: (operation) => {
          track({ title: 'Turn on Azure benefits', jobId: operation.job.id });
          close();
        },
      },
    );
  };

  return (
    <ContextPane
      open={open}
      onClose={close}
      title="Turn on Azure benefits for this cluster"
      description="This creates a virtual switch on the cluster and optionally connects existing VMs to the switch so that they can access Azure-exclusive benefits."
      primaryLabel="Turn on"
      onSubmit={submit}
      submitting={turnOn.isPending}
      primaryDisabled={blocker !== null}
    >
      <div className={styles.paneBody}>
        <Checkbox
          label="Turn on for all existing VMs (recommended)"
          checked={addVms}
          onChange={(_e, d) => setAddVms(d.checked === true)}
        />
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            For now, you&apos;ll have to manually enable benefits on each VM you create later.
          </MessageBarBody>
        </MessageBar>
        {addVms && gen1.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Generation 1 VMs must be turned off first</MessageBarTitle>
              {gen1.map((v) => v.name).join(', ')}{' '}
              {gen1.length === 1 ? 'is a Generation 1 VM that is' : 'are Generation 1 VMs that are'} not
              turned off. The network adapter Azure benefits needs can only be added to a Generation 1 VM
              while it is off, so {gen1.length === 1 ? 'it' : 'they'} won&apos;t get Azure benefits now. Turn{' '}
              {gen1.length === 1 ? 'it' : 'them'} off first, or turn benefits on for{' '}
              {gen1.length === 1 ? 'it' : 'them'} later from the VMs tab.
              {gen1.map((vm) => (
                <span key={vm.id} className={styles.fixRow}>
                  <PowerOffVmButtons vm={vm} />
                </span>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {blocker && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Azure benefits can&apos;t be turned on now</MessageBarTitle>
              {blocker.message}
              <span className={styles.fixRow}>
                <FixAction fix={blocker.fix} />
                <TroubleshootLink cluster={data.cluster} error={blocker.message} />
              </span>
            </MessageBarBody>
          </MessageBar>
        )}
        {turnOn.isError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Couldn&apos;t turn on Azure benefits</MessageBarTitle>
              {errorMessage(turnOn.error)}
              <span className={styles.fixRow}>
                {turnOn.error instanceof ApiError && turnOn.error.code === 'ImdsClusterNotRegistered' && (
                  <FixAction fix="register" />
                )}
                <TroubleshootLink cluster={data.cluster} error={errorMessage(turnOn.error)} />
              </span>
            </MessageBarBody>
          </MessageBar>
        )}
        <p className={styles.text}>It may take a few minutes for servers to reflect the changes.</p>
        <div>
          <ShowPowerShell
            appearance="secondary"
            title="PowerShell for Turn on Azure benefits"
            commands={[enableAzStackHciAttestation({ addVm: addVms })]}
          />
        </div>
      </div>
    </ContextPane>
  );
}
