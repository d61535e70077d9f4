import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { GatewayDto, PrerequisiteCheckDto } from '@/api/contract';
import { AzureDetailsFields } from './azure-details-fields';
import { Prerequisites } from './prerequisites';
import { useWizardStyles } from './register-wizard.styles';
import { RegistrationReview } from './registration-review';
import type { WizardForm } from './use-wizard-form';

/** The wizard before a job: prerequisites, the Azure details, what will be created, and why Register is refused. */
export function RegistrationForm({
  cluster,
  form,
  formRef,
  gateway,
  nodes,
  blocking,
  submitError,
}: {
  cluster: string;
  form: WizardForm;
  formRef: Ref<HTMLDivElement>;
  gateway: GatewayDto | undefined;
  nodes: readonly string[];
  blocking: readonly PrerequisiteCheckDto[];
  submitError: string | null;
}) {
  const wizard = useWizardStyles();
  const { values } = form;
  return (
    <div className={wizard.section} ref={formRef}>
      <Prerequisites
        cluster={cluster}
        subscriptionId={form.subscriptionValid ? values.subscriptionId.trim() : ''}
        enableArc={values.enableArc}
      />
      <AzureDetailsFields form={form} gateway={gateway} defaultName={cluster} />
      <RegistrationReview
        cluster={cluster}
        values={values}
        nodes={nodes}
        region={form.regions.data?.find((r) => r.name === values.region)}
        gateway={gateway}
      />
      {blocking.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            Fix the failed prerequisites before registering: {blocking.map((c) => c.title).join('; ')}.
          </MessageBarBody>
        </MessageBar>
      )}
      {submitError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Couldn&apos;t start the registration</MessageBarTitle>
            {submitError}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
