import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  InfoLabel,
  Input,
  makeStyles,
  Option,
  OptionGroup,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { GatewayDto } from '@/api/contract';
import { errorMessage } from '@/lib/api-client';
import { useWizardStyles } from './register-wizard.styles';
import type { WizardForm } from './use-wizard-form';

const useStyles = makeStyles({
  readOnly: { margin: 0, padding: `${tokens.spacingVerticalXS} 0` },
});

/**
 * The "Azure details" of the real pane (ui.md §2a): the account, subscription, resource group, region and,
 * under Advanced, Enable Azure Arc; each field says what Azure would refuse as the user types.
 */
export function AzureDetailsFields({
  form,
  gateway,
  defaultName,
}: {
  form: WizardForm;
  gateway: GatewayDto | undefined;
  /** the cluster's name, the resource name Register-AzStackHCI uses when none is given */
  defaultName: string;
}) {
  const styles = useStyles();
  const wizard = useWizardStyles();
  const { values, subscriptions, groups, regions, errorFor, update, subscriptionValid } = form;
  const selectedRegion = regions.data?.find((r) => r.name === values.region);
  const supported = regions.data?.filter((r) => r.supported) ?? [];
  const unsupported = regions.data?.filter((r) => !r.supported) ?? [];
  // Advanced opens by itself when a field in it is refused, so the message is never hidden.
  const [advancedOpen, setAdvancedOpen] = useState(
    values.arcResourceGroup !== '' || values.resourceName !== defaultName,
  );
  const advancedRefused =
    errorFor('resourceName') !== undefined || errorFor('arcResourceGroup') !== undefined;

  return (
    <section className={wizard.section} aria-labelledby="hci-reg-azure">
      <h3 id="hci-reg-azure" className={wizard.sectionTitle}>
        Azure details
      </h3>
      <Field label="Azure account">
        <p className={styles.readOnly} data-testid="azure-account">
          {gateway?.account ? `${gateway.account.displayName} (${gateway.account.upn})` : 'Loading...'}
        </p>
      </Field>
      <Field
        label="Azure subscription ID"
        required
        validationMessage={
          errorFor('subscriptionId') ??
          (subscriptions.isError
            ? `Couldn't list your subscriptions: ${errorMessage(subscriptions.error)} You can paste a subscription ID.`
            : undefined)
        }
        validationState={errorFor('subscriptionId') ? 'error' : subscriptions.isError ? 'warning' : 'none'}
        hint="Select one of your subscriptions, or paste a subscription ID."
      >
        <Combobox
          freeform
          value={form.subscriptionText}
          selectedOptions={subscriptionValid ? [values.subscriptionId.trim()] : []}
          placeholder={
            subscriptions.isPending ? 'Loading subscriptions...' : 'Select or paste a subscription ID'
          }
          onChange={(event) => form.typeSubscription(event.target.value)}
          onOptionSelect={(_e, data) => {
            if (data.optionValue)
              form.chooseSubscription(data.optionValue, data.optionText ?? data.optionValue);
          }}
        >
          {subscriptions.data?.map((s) => (
            <Option
              key={s.subscriptionId}
              value={s.subscriptionId}
              text={`${s.displayName} (${s.subscriptionId})`}
            >
              {`${s.displayName} (${s.subscriptionId})`}
            </Option>
          ))}
        </Combobox>
      </Field>

      <Field label="Azure resource group" required>
        <RadioGroup
          layout="horizontal"
          value={values.resourceGroupMode}
          aria-label="Azure resource group"
          onChange={(_e, data) =>
            form.chooseResourceGroupMode(data.value === 'existing' ? 'existing' : 'new')
          }
        >
          <Radio value="existing" label="Use existing" />
          <Radio value="new" label="Create new" />
        </RadioGroup>
      </Field>
      {values.resourceGroupMode === 'existing' ? (
        <Field
          label="Existing resource group"
          required
          validationMessage={
            errorFor('resourceGroup') ??
            (groups.isError ? `Couldn't list the resource groups: ${errorMessage(groups.error)}` : undefined)
          }
          validationState={errorFor('resourceGroup') || groups.isError ? 'error' : 'none'}
        >
          <Dropdown
            placeholder={
              !subscriptionValid
                ? 'Select a subscription first'
                : groups.isPending
                  ? 'Loading resource groups...'
                  : 'Select a resource group'
            }
            value={values.resourceGroup}
            selectedOptions={values.resourceGroup ? [values.resourceGroup] : []}
            disabled={!subscriptionValid}
            onOptionSelect={(_e, data) => update('resourceGroup', data.optionValue ?? '')}
          >
            {groups.data?.map((g) => (
              <Option key={g.id} value={g.name} text={g.name}>
                {`${g.name} (${g.location})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        <Field
          label="New resource group name"
          required
          validationMessage={errorFor('resourceGroup')}
          validationState={errorFor('resourceGroup') ? 'error' : 'none'}
          hint="1–90 letters, digits, underscores, hyphens, periods and parentheses; not ending with a period."
        >
          <Input value={values.resourceGroup} onChange={(_e, data) => update('resourceGroup', data.value)} />
        </Field>
      )}

      <Field
        label="Azure region"
        required
        validationMessage={
          errorFor('region') ??
          (selectedRegion && !selectedRegion.supported
            ? `Azure Stack HCI isn't available in ${selectedRegion.displayName}. Registration will fail there: choose one of the supported regions.`
            : undefined)
        }
        validationState={
          errorFor('region') ? 'error' : selectedRegion && !selectedRegion.supported ? 'warning' : 'none'
        }
      >
        <Dropdown
          value={selectedRegion?.displayName ?? values.region}
          selectedOptions={values.region ? [values.region] : []}
          placeholder={regions.isPending ? 'Loading regions...' : 'Select a region'}
          onOptionSelect={(_e, data) => update('region', data.optionValue ?? '')}
        >
          <OptionGroup label="Supported by Azure Stack HCI">
            {supported.map((r) => (
              <Option key={r.name} value={r.name} text={r.displayName}>
                {r.displayName}
              </Option>
            ))}
          </OptionGroup>
          {unsupported.length > 0 && (
            <OptionGroup label="Not available for Azure Stack HCI">
              {unsupported.map((r) => (
                <Option key={r.name} value={r.name} text={r.displayName}>
                  {`${r.displayName} (not available)`}
                </Option>
              ))}
            </OptionGroup>
          )}
        </Dropdown>
      </Field>

      <Accordion
        collapsible
        openItems={advancedOpen || advancedRefused ? ['advanced'] : []}
        onToggle={(_e, data) => setAdvancedOpen(data.openItems.includes('advanced'))}
      >
        <AccordionItem value="advanced">
          <AccordionHeader>Advanced</AccordionHeader>
          <AccordionPanel>
            <div className={wizard.section}>
              {/* The WAC pane has no such field and no source gives it a label: it is Register-AzStackHCI's
                  -ResourceName (behaviour.md §1.1), named here after what it sets. */}
              <Field
                label="Azure resource name"
                required
                validationMessage={errorFor('resourceName')}
                validationState={errorFor('resourceName') ? 'error' : 'none'}
                hint="The Azure Stack HCI resource and its Azure AD application get this name. Register-AzStackHCI uses the cluster's name when none is given."
              >
                <Input
                  value={values.resourceName}
                  onChange={(_e, data) => update('resourceName', data.value)}
                />
              </Field>
              <div className={wizard.row}>
                <Checkbox
                  checked={values.enableArc}
                  label="Enable Azure Arc"
                  onChange={(_e, data) => update('enableArc', data.checked === true)}
                />
                <InfoLabel
                  aria-label="About Azure Arc"
                  info="Arc-enables every server of the cluster, so you can manage them from Azure. Needs Owner or User Access Administrator on the subscription."
                />
              </div>
              {values.enableArc && (
                <Field
                  label="Azure Arc resource group"
                  validationMessage={errorFor('arcResourceGroup')}
                  validationState={errorFor('arcResourceGroup') ? 'error' : 'none'}
                  hint="Where the servers' Azure Arc resources go. Leave empty to use the cluster's resource group."
                >
                  <Input
                    value={values.arcResourceGroup}
                    placeholder={values.resourceGroup}
                    onChange={(_e, data) => update('arcResourceGroup', data.value)}
                  />
                </Field>
              )}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
