import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { LabStateDto } from '@/api/lab-contract';
import { labQueries } from '@/api/queries/lab-queries';
import { ErrorState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { troubleshootPath } from '@/components/show-powershell/troubleshoot-link';
import { useReproduce } from '../api/lab-mutations';
import { Feedback, useFeedback } from './lab-feedback';
import { useLabStyles } from './lab.styles';

/** The troubleshooting guide's cases: reproduce one on a cluster, then open the troubleshooter with its error. */
export function CasesSection({ state }: { state: LabStateDto }) {
  const styles = useLabStyles();
  const cases = useQuery(labQueries.cases());
  const reproduce = useReproduce();
  const [cluster, setCluster] = useState(state.targets.clusters[0]?.name ?? '');
  const [result, setResult] = useState<{ cluster: string; text: string; title: string } | null>(null);
  const fb = useFeedback();
  const selectId = useId();
  const guide = (cases.data ?? []).filter((c) => c.source === 'guide');
  return (
    <section className={styles.section} aria-labelledby="lab-cases">
      <h3 id="lab-cases" className={styles.h3}>
        Troubleshooting-guide cases
      </h3>
      <Text className={styles.muted}>
        Put a cluster into a case of the registration troubleshooting guide, then open the troubleshooter with
        its error.
      </Text>
      <div className={styles.row}>
        <label htmlFor={selectId}>Cluster</label>
        <Select id={selectId} value={cluster} onChange={(_e, d) => setCluster(d.value)}>
          {state.targets.clusters.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} {c.registered ? '(registered)' : '(not registered)'}
            </option>
          ))}
        </Select>
      </div>
      {cases.isError && (
        <ErrorState
          error={cases.error}
          title="Couldn't load the cases"
          onRetry={() => void cases.refetch()}
        />
      )}
      {result && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{result.title}</MessageBarTitle>
            <span className={styles.code}>{result.text}</span>{' '}
            <RouterLink to={troubleshootPath(result.cluster, result.text)}>
              Troubleshoot this error
            </RouterLink>
          </MessageBarBody>
        </MessageBar>
      )}
      <Feedback feedback={fb.feedback} onDismiss={fb.clear} />
      <ul className={styles.list}>
        {guide.map((c) => (
          <li key={c.id} className={styles.item}>
            <span className={styles.name}>{c.id}</span>
            <Text>{c.title}</Text>
            {c.reproducible ? (
              <Button
                size="small"
                disabled={reproduce.isPending || cluster === ''}
                aria-label={`Reproduce ${c.id}`}
                onClick={() => {
                  fb.clear();
                  setResult(null);
                  reproduce.mutate(
                    { id: c.id, cluster },
                    { onSuccess: (r) => setResult({ ...r, title: c.title }), onError: fb.fail },
                  );
                }}
              >
                Reproduce
              </Button>
            ) : (
              <RouterLink to={troubleshootPath(cluster, c.sample)}>Open in the troubleshooter</RouterLink>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
