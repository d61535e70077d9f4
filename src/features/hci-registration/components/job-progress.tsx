import { Field, makeStyles, mergeClasses, ProgressBar, Spinner, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, DismissCircleFilled } from '@fluentui/react-icons';
import type { Ref } from 'react';
import type { JobDto } from '@/api/contract';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  steps: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  step: {
    display: 'grid',
    gridTemplateColumns: '20px 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  pending: { color: tokens.colorNeutralForeground3 },
  current: { fontWeight: tokens.fontWeightSemibold },
  icon: { fontSize: '16px', marginTop: '2px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

type StepState = 'done' | 'current' | 'failed' | 'pending';

/**
 * The job's steps in order, each with a check mark once done, the current one with a spinner, and the percent.
 * With `headingRef` the title can take focus (tabIndex -1), for a pane that moves the user to the job.
 */
export function JobProgress({ job, headingRef }: { job: JobDto; headingRef?: Ref<HTMLHeadingElement> }) {
  const styles = useStyles();
  const running = job.status === 'InProgress';
  // The step a failed job stopped at is the first one not done.
  const firstOpen = job.steps.findIndex((s) => !s.done);
  const stateOf = (index: number, done: boolean): StepState => {
    if (done) return 'done';
    if (index === firstOpen) return running ? 'current' : job.status === 'Failed' ? 'failed' : 'pending';
    return 'pending';
  };
  const percent = job.status === 'Succeeded' ? 100 : job.percent;
  return (
    <section className={styles.root} aria-label={job.title}>
      <h3 className={styles.title} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {job.title}
      </h3>
      <Field
        validationState="none"
        validationMessage={running ? `${percent}% — ${job.currentStep ?? ''}` : `${percent}%`}
        validationMessageIcon={null}
      >
        <ProgressBar
          value={percent / 100}
          aria-label={`${job.title} ${percent}%`}
          color={job.status === 'Failed' ? 'error' : job.status === 'Succeeded' ? 'success' : 'brand'}
        />
      </Field>
      <ol className={styles.steps} aria-label="Steps">
        {job.steps.map((step, index) => {
          const state = stateOf(index, step.done);
          return (
            <li
              key={`${index}-${step.text}`}
              className={mergeClasses(
                styles.step,
                state === 'pending' && styles.pending,
                state === 'current' && styles.current,
              )}
              aria-current={state === 'current' ? 'step' : undefined}
              data-step-state={state}
            >
              {state === 'done' ? (
                <CheckmarkCircleFilled
                  className={mergeClasses(styles.icon, styles.done)}
                  aria-label="Done"
                  role="img"
                />
              ) : state === 'current' ? (
                <Spinner size="extra-tiny" aria-label="In progress" />
              ) : state === 'failed' ? (
                <DismissCircleFilled
                  className={mergeClasses(styles.icon, styles.failed)}
                  aria-label="Failed"
                  role="img"
                />
              ) : (
                <CircleRegular className={styles.icon} aria-label="Not started" role="img" />
              )}
              <span>{step.text}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
