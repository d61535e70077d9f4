import { Field, ProgressBar } from '@fluentui/react-components';
import type { JobDto } from '@/api/contract';
import { useBenefitsStyles } from './azure-benefits-page.styles';

/** Progress of the jobs running against the cluster, with the cmdlets' own status lines. */
export function ActiveJobs({ jobs }: { jobs: readonly JobDto[] }) {
  const styles = useBenefitsStyles();
  if (jobs.length === 0) return null;
  return (
    <div className={styles.jobs} role="status" aria-label="Running operations">
      {jobs.map((job) => (
        <Field
          key={job.id}
          label={job.title}
          validationState="none"
          validationMessage={`${job.currentStep ?? 'Starting...'} (${job.percent}%)`}
        >
          <ProgressBar value={job.percent / 100} aria-label={`${job.title} ${job.percent}%`} />
        </Field>
      ))}
    </div>
  );
}
