import { Button, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, WarningFilled } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PrerequisiteCheckDto } from '@/api/contract';
import { ErrorState } from '@/components/query-state/query-state';
import { registrationQueries } from '../api/registration-queries';
import { useWizardStyles } from './register-wizard.styles';

const useStyles = makeStyles({
  checks: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  check: { display: 'grid', gridTemplateColumns: '20px 1fr', columnGap: tokens.spacingHorizontalS },
  checkIcon: { fontSize: '16px', marginTop: '2px' },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteMarigoldForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  checkTitle: { fontWeight: tokens.fontWeightSemibold },
});

/** The prerequisites that fail (the same query the list shows): registering cannot succeed until they are fixed. */
export function usePrerequisiteFailures(
  cluster: string,
  subscriptionId: string,
  enableArc: boolean,
  enabled: boolean,
): PrerequisiteCheckDto[] {
  const checks = useQuery({
    ...registrationQueries.prerequisites(cluster, subscriptionId, enableArc),
    enabled,
  });
  return checks.data?.filter((c) => c.state === 'fail') ?? [];
}

function CheckIcon({ state }: { state: PrerequisiteCheckDto['state'] }) {
  const styles = useStyles();
  if (state === 'pass')
    return (
      <CheckmarkCircleFilled
        className={mergeClasses(styles.checkIcon, styles.pass)}
        role="img"
        aria-label="Passed"
      />
    );
  if (state === 'warn')
    return (
      <WarningFilled
        className={mergeClasses(styles.checkIcon, styles.warn)}
        role="img"
        aria-label="Warning"
      />
    );
  return (
    <DismissCircleFilled
      className={mergeClasses(styles.checkIcon, styles.fail)}
      role="img"
      aria-label="Failed"
    />
  );
}

/** The gateway, the servers and the account's Azure roles, each pass / warn / fail with what to do. */
export function Prerequisites({
  cluster,
  subscriptionId,
  enableArc,
}: {
  cluster: string;
  subscriptionId: string;
  enableArc: boolean;
}) {
  const styles = useStyles();
  const wizard = useWizardStyles();
  const checks = useQuery(registrationQueries.prerequisites(cluster, subscriptionId, enableArc));
  // Only the user's own Check again disables the button: a refetch the world's change stream starts in the
  // background would otherwise flicker it disabled and back while the user reads the list.
  const [rechecking, setRechecking] = useState(false);
  const checkAgain = () => {
    setRechecking(true);
    void checks.refetch().finally(() => setRechecking(false));
  };
  return (
    <section className={wizard.section} aria-labelledby="hci-reg-prereq">
      <div className={wizard.row}>
        <h3 id="hci-reg-prereq" className={wizard.sectionTitle}>
          Prerequisites
        </h3>
        <Button size="small" onClick={checkAgain} disabled={checks.isPending || rechecking}>
          Check again
        </Button>
      </div>
      {checks.isPending ? (
        <Spinner size="tiny" label="Checking the gateway, the servers and your Azure roles..." />
      ) : checks.isError ? (
        <ErrorState
          error={checks.error}
          title="Couldn't check the prerequisites"
          onRetry={() => void checks.refetch()}
        />
      ) : (
        <ul className={styles.checks} aria-label="Prerequisite checks">
          {checks.data.map((check) => (
            <li key={check.id} className={styles.check} data-check-state={check.state}>
              <CheckIcon state={check.state} />
              <div>
                <div className={styles.checkTitle}>{check.title}</div>
                <p className={wizard.muted}>{check.detail}</p>
                {check.remedy && <p className={wizard.muted}>What to do: {check.remedy}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
