import { makeStyles, tokens } from '@fluentui/react-components';
import type { GatewayDto, RegionDto } from '@/api/contract';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { registerAzStackHci } from '@/lib/powershell';
import { useWizardStyles } from './register-wizard.styles';
import type { WizardValues } from './wizard-values';

const useStyles = makeStyles({
  review: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/** "What will be created" from the current values, and the Register-AzStackHCI line that does the same. */
export function RegistrationReview({
  cluster,
  values,
  nodes,
  region,
  gateway,
}: {
  cluster: string;
  values: WizardValues;
  nodes: readonly string[];
  region: RegionDto | undefined;
  gateway: GatewayDto | undefined;
}) {
  const styles = useStyles();
  const wizard = useWizardStyles();
  const regionName = region?.displayName ?? values.region;
  const name = values.resourceName || '…';
  const arcGroup = values.arcResourceGroup !== '' ? values.arcResourceGroup : values.resourceGroup;
  return (
    <section className={wizard.section} aria-labelledby="hci-reg-review">
      <h3 id="hci-reg-review" className={wizard.sectionTitle}>
        What will be created
      </h3>
      <ul className={styles.review} aria-label="What will be created">
        {values.resourceGroupMode === 'new' && values.resourceGroup !== '' && (
          <li>{`Resource group ${values.resourceGroup} in ${regionName}`}</li>
        )}
        <li>{`Azure Stack HCI resource ${name} (Microsoft.AzureStackHCI/clusters) in resource group ${values.resourceGroup || '…'}, ${regionName}`}</li>
        <li>{`Azure AD application ${name}, whose certificate credential each server uses to sync`}</li>
        {values.enableArc &&
          nodes.map((node) => (
            <li
              key={node}
            >{`Azure Arc-enabled server ${node} (Microsoft.HybridCompute/machines) in resource group ${arcGroup || '…'}`}</li>
          ))}
      </ul>
      <p className={wizard.muted}>It takes a few minutes to complete the registration.</p>
      <div>
        <ShowPowerShell
          appearance="secondary"
          title="PowerShell for Register Azure Stack HCI"
          commands={[
            registerAzStackHci({
              subscriptionId: values.subscriptionId.trim(),
              resourceGroupName: values.resourceGroup,
              region: values.region,
              // the cmdlet's own default: left out when it is the cluster's name
              resourceName: values.resourceName === cluster ? undefined : values.resourceName,
              environmentName: gateway?.registration?.cloud,
              enableAzureArcServer: values.enableArc,
              arcServerResourceGroupName: values.arcResourceGroup,
              tenantId: gateway?.registration?.tenantId,
            }),
          ]}
        />
      </div>
    </section>
  );
}
