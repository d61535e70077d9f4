import { Text } from '@fluentui/react-components';
import type { LabStateDto } from '@/api/lab-contract';
import { FaultRow, SCOPES } from './fault-row';
import { useLabStyles } from './lab.styles';

/** The fault switches, grouped by what they act on. */
export function FaultSection({ state }: { state: LabStateDto }) {
  const styles = useLabStyles();
  const activeCount = state.faults.reduce((n, f) => n + f.active.length, 0);
  return (
    <section className={styles.section} aria-labelledby="lab-faults">
      <h3 id="lab-faults" className={styles.h3}>
        Fault switches
      </h3>
      <Text className={styles.muted}>
        {activeCount === 0
          ? 'No fault is on.'
          : `${activeCount} fault${activeCount === 1 ? ' is' : 's are'} on.`}{' '}
        API faults never affect this page, so you can always switch them off here.
      </Text>
      <div className={styles.groups}>
        {SCOPES.map(({ scope, title }) => (
          <div key={scope} role="group" aria-labelledby={`lab-faults-${scope}`}>
            <h4 id={`lab-faults-${scope}`} className={styles.h4}>
              {title}
            </h4>
            <ul className={styles.list}>
              {state.faults
                .filter((f) => f.scope === scope)
                .map((f) => (
                  <FaultRow key={f.name} state={state} fault={f} />
                ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
