import { Button, Checkbox, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { TroubleshootLink } from '@/components/show-powershell/troubleshoot-link';
import { errorMessage } from '@/lib/api-client';
import { plural } from '@/lib/format';
import { disableAzStackHciAttestation } from '@/lib/powershell';
import { useTurnOffBenefits } from '../api/benefits-mutations';
import { useBenefitsStyles } from './azure-benefits-page.styles';
import { useBenefitsPage } from './benefits-context';
import { FixAction, PowerOffVmButtons } from './fix-action';

export interface TurnOffDialogProps {
  open: boolean;
  onClose: () => void;
}

/**
 * Disable-AzStackHCIAttestation. It refuses while VMs are connected, so the dialog offers both ways out:
 * turn them off together with the cluster (-RemoveVM), or remove them first on the VMs tab.
 */
export function TurnOffDialog({ open, onClose }: TurnOffDialogProps) {
  const styles = useBenefitsStyles();
  const { data, track, showTab } = useBenefitsPage();
  const [removeVms, setRemoveVms] = useState(true);
  const turnOff = useTurnOffBenefits(data.cluster);
  const attached = data.vms.filter((v) => v.benefits === 'On');
  const blocker = attached.length > 0 && removeVms ? data.turnOffWithVmsBlocker : data.turnOffBlocker;
  const stuck = attached.filter((v) => v.turnOffBlocker?.code === 'Gen1VmRunning');

  const close = () => {
    turnOff.reset();
    onClose();
  };
  const confirm = () => {
    turnOff.mutate(
      { removeVms: attached.length > 0 && removeVms },
      {
        onSuccess: (operation) => {
          track({ title: 'Turn off Azure benefits', jobId: operation.job.id });
          close();
        },
      },
    );
  };

  return (
    <ConfirmDialog
      open={open}
      title="Turn off Azure benefits?"
      confirmLabel="Turn off"
      cancelLabel="Cancel"
      busy={turnOff.isPending}
      error={turnOff.isError ? errorMessage(turnOff.error) : null}
      onConfirm={confirm}
      onCancel={close}
      message={
        <div className={styles.paneBody}>
          <p className={styles.text}>
            Disabling IMDS Attestation will remove the ability for some exclusive Azure workloads to function.
            The virtual switch AZSHCI_HOST-IMDS_DO_NOT_MODIFY is removed from every server of {data.cluster}.
          </p>
          {attached.length > 0 && (
            <>
              <p className={styles.text}>
                {plural(attached.length, 'VM')} still {attached.length === 1 ? 'has' : 'have'} Azure benefits
                turned on. Azure benefits can&apos;t be turned off for the cluster while VMs are connected to
                it.
              </p>
              <Checkbox
                label={`Also turn off Azure benefits for the ${plural(attached.length, 'VM')}`}
                checked={removeVms}
                onChange={(_e, d) => setRemoveVms(d.checked === true)}
              />
            </>
          )}
          {blocker && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {blocker.code === 'GuestsStillConnected'
                  ? `${blocker.message} Turn Azure benefits off for the VMs first on the VMs tab, or select the option above.`
                  : blocker.message}
                <span className={styles.fixRow}>
                  {blocker.code === 'Gen1VmRunning' ? (
                    stuck.map((vm) => <PowerOffVmButtons key={vm.id} vm={vm} />)
                  ) : blocker.fix === 'remove-vms' ? (
                    <Button
                      size="small"
                      onClick={() => {
                        close();
                        showTab('vms');
                      }}
                    >
                      Go to the VMs tab
                    </Button>
                  ) : (
                    <FixAction fix={blocker.fix} />
                  )}
                  <TroubleshootLink cluster={data.cluster} error={blocker.message} />
                </span>
              </MessageBarBody>
            </MessageBar>
          )}
          {turnOff.isError && <TroubleshootLink cluster={data.cluster} error={errorMessage(turnOff.error)} />}
          <div>
            <ShowPowerShell
              appearance="secondary"
              title="PowerShell for Turn off Azure benefits"
              commands={[disableAzStackHciAttestation({ removeVm: attached.length > 0 && removeVms })]}
            />
          </div>
        </div>
      }
    />
  );
}
