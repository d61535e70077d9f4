import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { ClusterDto, JobDto, RegisterClusterRequestDto } from '@/api/contract';
import { JobOutcome } from './job-outcome';
import { JobProgress } from './job-progress';
import { useWizardStyles } from './register-wizard.styles';

/** The wizard once a job started: its steps live, then the outcome with the way forward. */
export function RegistrationJobView({
  job,
  cluster,
  clusterName,
  headingRef,
  registering,
  submitError,
  onRegisterAgain,
  onChangeSettings,
  onContinueWithoutArc,
}: {
  job: JobDto;
  cluster: ClusterDto | undefined;
  clusterName: string;
  headingRef: Ref<HTMLHeadingElement>;
  registering: boolean;
  submitError: string | null;
  onRegisterAgain: (overrides?: Partial<RegisterClusterRequestDto>) => void;
  onChangeSettings: () => void;
  onContinueWithoutArc: () => void;
}) {
  const wizard = useWizardStyles();
  return (
    <div className={wizard.section}>
      <JobProgress job={job} headingRef={headingRef} />
      <div aria-live="polite">
        <JobOutcome
          job={job}
          clusterName={clusterName}
          cluster={cluster}
          registering={registering}
          onRegisterAgain={onRegisterAgain}
          onChangeSettings={onChangeSettings}
          onContinueWithoutArc={onContinueWithoutArc}
        />
      </div>
      {submitError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{submitError}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
