import { Badge, Button, Text } from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { LabStateDto } from '@/api/lab-contract';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { useReset } from '../api/lab-mutations';
import { Feedback, useFeedback } from './lab-feedback';
import { useLabStyles } from './lab.styles';

/** The presets, each loaded after a confirmation (the world is replaced). */
export function PresetSection({ state }: { state: LabStateDto }) {
  const styles = useLabStyles();
  const reset = useReset();
  const fb = useFeedback();
  const [confirm, setConfirm] = useState<string | null>(null);
  const load = (name: string) => {
    fb.clear();
    reset.mutate(name, {
      onSuccess: () => fb.ok(`Loaded the ${name} preset.`),
      onError: fb.fail,
      onSettled: () => setConfirm(null),
    });
  };
  return (
    <section className={styles.section} aria-labelledby="lab-presets">
      <h3 id="lab-presets" className={styles.h3}>
        Presets
      </h3>
      <Text className={styles.muted}>
        Loading a preset replaces the whole world; the clock stays where it is.
      </Text>
      <ul className={styles.list}>
        {state.scenarios.map((s) => (
          <li key={s.name} className={styles.item}>
            <span className={styles.name}>
              {s.name} {s.name === state.scenario && <Badge appearance="tint">current</Badge>}
            </span>
            <Text>{s.description}</Text>
            <Button
              size="small"
              disabled={reset.isPending}
              onClick={() => setConfirm(s.name)}
              aria-label={`Load ${s.name}`}
            >
              Load
            </Button>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Button
          icon={<ArrowResetRegular />}
          disabled={reset.isPending}
          onClick={() => setConfirm(state.scenario)}
        >
          Reset
        </Button>
        <Text className={styles.muted}>Rebuilds the current preset ({state.scenario}) from scratch.</Text>
      </div>
      <Feedback feedback={fb.feedback} onDismiss={fb.clear} />
      <ConfirmDialog
        open={confirm !== null}
        title="Replace the simulated world"
        message={`Load the ${confirm ?? ''} preset? Everything that happened in the current world is lost unless you export it first.`}
        confirmLabel="Load"
        cancelLabel="Cancel"
        busy={reset.isPending}
        onConfirm={() => confirm !== null && load(confirm)}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}
