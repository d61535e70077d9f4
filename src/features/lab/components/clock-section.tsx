import { Button, Field, Input, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useState, type SyntheticEvent } from 'react';
import type { LabStateDto } from '@/api/lab-contract';
import { formatDateTime } from '@/lib/format';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';
import { useAdvance } from '../api/lab-mutations';
import { durationProblem, offsetText } from './clock-text';
import { Feedback, useFeedback } from './lab-feedback';
import { useLabStyles } from './lab.styles';

const useClockStyles = makeStyles({
  // The Advance button sits level with the input, not centred on the field's label, input and hint.
  form: { alignItems: 'flex-start' },
  // A fixed width: a message under the input wraps instead of widening the input and moving Advance.
  field: { width: '360px', maxWidth: '100%' },
  // A vertical Field's label: its line height, then 2 px of padding and 2 px of margin (Fluent's Field styles).
  submit: { marginTop: `calc(${tokens.lineHeightBase300} + 2 * ${tokens.spacingVerticalXXS})` },
});

/** Simulated time: where the clock is, and moving it forward by a step or a custom duration. */
export function ClockSection({ state }: { state: LabStateDto }) {
  const styles = useLabStyles();
  const clock = useClockStyles();
  const advance = useAdvance();
  const [custom, setCustom] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const { ref: customRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLInputElement>();
  const fb = useFeedback();
  const go = (duration: string, label: string) => {
    fb.clear();
    advance.mutate(duration, {
      onSuccess: (s) => fb.ok(`Advanced ${label}. Simulated time is now ${formatDateTime(s.now)}.`),
      onError: fb.fail,
    });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const p = durationProblem(custom);
    setProblem(p);
    if (p === undefined) go(custom.trim(), custom.trim());
    else focusFirstInvalid();
  };
  return (
    <section className={styles.section} aria-labelledby="lab-clock">
      <h3 id="lab-clock" className={styles.h3}>
        Simulated time
      </h3>
      <Text className={styles.clock} data-testid="lab-now">
        {formatDateTime(state.now)}
      </Text>
      <Text className={styles.muted} data-testid="lab-offset">
        {offsetText(state.offsetMs)} · preset {state.scenario}
      </Text>
      <div className={styles.row} role="group" aria-label="Advance the clock">
        <Button disabled={advance.isPending} onClick={() => go('1h', '1 hour')}>
          +1 hour
        </Button>
        <Button disabled={advance.isPending} onClick={() => go('1d', '1 day')}>
          +1 day
        </Button>
        <Button disabled={advance.isPending} onClick={() => go('7d', '7 days')}>
          +7 days
        </Button>
        <Button disabled={advance.isPending} onClick={() => go('31d', '31 days')}>
          +31 days
        </Button>
      </div>
      <form className={mergeClasses(styles.row, clock.form)} onSubmit={submit} noValidate>
        <Field
          className={clock.field}
          label="Custom duration"
          validationMessage={problem}
          validationState={problem ? 'error' : 'none'}
          hint="For example 90m, 12h, 3d or 1d12h"
        >
          <Input ref={customRef} value={custom} onChange={(_e, d) => setCustom(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" className={clock.submit} disabled={advance.isPending}>
          Advance
        </Button>
      </form>
      <Feedback feedback={fb.feedback} onDismiss={fb.clear} />
    </section>
  );
}
