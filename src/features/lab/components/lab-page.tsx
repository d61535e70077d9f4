import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowResetRegular,
  ArrowUploadRegular,
  CopyRegular,
  DismissRegular,
} from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import type { FaultScopeDto, LabStateDto } from '@/api/lab-contract';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { troubleshootPath } from '@/components/show-powershell/troubleshoot-link';
import { checkDuration } from '@/api/durations';
import { api, errorMessage } from '@/lib/api-client';
import { downloadBlob } from '@/lib/download-file';
import { useMarkAppReady } from '@/lib/app-ready';

import { formatDateTime } from '@/lib/format';
import { labQueries } from '@/api/queries/lab-queries';
import {
  useAdvance,
  useImportWorld,
  useInject,
  useRepair,
  useReproduce,
  useReset,
} from '../api/lab-mutations';

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '880px' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  h4: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  clock: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 220px) 1fr auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  faultItem: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  name: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  active: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground1,
  },
  hiddenInput: { display: 'none' },
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What is wrong with the custom duration, if anything: the simulation's own grammar and bound. */
export function durationProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a duration, like 90m, 12h, 3d or 1d12h.';
  const check = checkDuration(text);
  return check.ok ? undefined : check.problem;
}

/** "3 d 4 h" from milliseconds. */
export function offsetText(ms: number): string {
  if (ms <= 0) return 'in step with real time';
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / 60_000);
  const parts = [d > 0 ? `${d} d` : '', h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean);
  return `${parts.join(' ') || 'less than a minute'} ahead of real time`;
}

/** A link that loads the same preset and moves the clock the same distance ahead. */
export function shareLink(
  state: Pick<LabStateDto, 'scenario' | 'offsetMs'>,
  origin: string,
  base: string,
): string {
  const url = new URL(base, origin);
  url.searchParams.set('scenario', state.scenario);
  if (state.offsetMs > 0) url.searchParams.set('advance', String(Math.round(state.offsetMs)));
  return url.toString();
}

const SCOPES: { scope: FaultScopeDto; title: string }[] = [
  { scope: 'node', title: 'Per server' },
  { scope: 'account', title: 'Tenant and account' },
  { scope: 'cluster', title: 'Cluster resource' },
  { scope: 'api', title: 'API' },
];

function targetOptions(
  state: LabStateDto,
  scope: FaultScopeDto,
  fault: string,
): { value: string; label: string }[] {
  switch (scope) {
    case 'node':
      return [
        { value: '', label: 'Every server' },
        ...state.targets.clusters.map((c) => ({ value: c.name, label: `Every server of ${c.name}` })),
        ...state.targets.nodes.map((n) => ({ value: n.name, label: n.name })),
      ];
    case 'account':
      return [
        { value: '', label: 'Every account' },
        ...state.targets.accounts.map((a) => ({ value: a, label: a })),
      ];
    case 'cluster':
      return [
        { value: '', label: 'Every registered cluster' },
        ...state.targets.clusters.filter((c) => c.registered).map((c) => ({ value: c.name, label: c.name })),
      ];
    case 'api':
      return fault === 'api-latency'
        ? [
            { value: '', label: '1500 ms' },
            { value: '500', label: '500 ms' },
            { value: '5000', label: '5000 ms' },
          ]
        : [
            { value: '', label: 'Azure Resource Manager and /api' },
            { value: 'arm', label: 'Azure Resource Manager only' },
            { value: 'api', label: 'Gateway /api only' },
          ];
  }
}

function useFeedback() {
  const [feedback, setFeedback] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  return {
    feedback,
    ok: (text: string) => setFeedback({ intent: 'success', text }),
    fail: (error: unknown) => setFeedback({ intent: 'error', text: errorMessage(error) }),
    clear: () => setFeedback(null),
  };
}

function Feedback({
  feedback,
  onDismiss,
}: {
  feedback: { intent: 'success' | 'error'; text: string } | null;
  onDismiss: () => void;
}) {
  if (!feedback) return null;
  return (
    <MessageBar intent={feedback.intent} role={feedback.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{feedback.text}</MessageBarBody>
      <Button
        appearance="transparent"
        size="small"
        icon={<DismissRegular />}
        aria-label="Dismiss"
        onClick={onDismiss}
      />
    </MessageBar>
  );
}

function ClockSection({ state }: { state: LabStateDto }) {
  const styles = useStyles();
  const advance = useAdvance();
  const [custom, setCustom] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
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
      <form className={styles.row} onSubmit={submit} noValidate>
        <Field
          label="Custom duration"
          validationMessage={problem}
          validationState={problem ? 'error' : 'none'}
          hint="For example 90m, 12h, 3d or 1d12h"
        >
          <Input value={custom} onChange={(_e, d) => setCustom(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={advance.isPending}>
          Advance
        </Button>
      </form>
      <Feedback feedback={fb.feedback} onDismiss={fb.clear} />
    </section>
  );
}

function PresetSection({ state }: { state: LabStateDto }) {
  const styles = useStyles();
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

function FaultRow({ state, fault }: { state: LabStateDto; fault: LabStateDto['faults'][number] }) {
  const styles = useStyles();
  const inject = useInject();
  const repair = useRepair();
  const options = targetOptions(state, fault.scope, fault.name);
  const [target, setTarget] = useState(options[0]?.value ?? '');
  const fb = useFeedback();
  const selectId = useId();
  const busy = inject.isPending || repair.isPending;
  return (
    <li className={styles.faultItem} data-testid={`fault-${fault.name}`}>
      <div className={styles.active}>
        <span className={styles.name}>{fault.name}</span>
        {fault.active.length > 0 ? <Badge color="danger">on</Badge> : <Badge appearance="outline">off</Badge>}
      </div>
      <Text>{fault.description}</Text>
      {fault.active.length > 0 && (
        <div className={styles.active} aria-label={`Where ${fault.name} is on`} role="group">
          {fault.active.map((a) => (
            <Button
              key={a.target}
              size="small"
              appearance="outline"
              icon={<DismissRegular />}
              disabled={busy}
              aria-label={`Repair ${fault.name} on ${a.target === '*' ? 'everything' : a.target}`}
              onClick={() =>
                repair.mutate(
                  { fault: fault.name, target: a.target === '*' ? undefined : a.target },
                  { onSuccess: () => fb.ok(`${fault.name} repaired.`), onError: fb.fail },
                )
              }
            >
              {a.target === '*' ? 'everywhere' : a.target}
            </Button>
          ))}
        </div>
      )}
      <div className={styles.row}>
        <label htmlFor={selectId} className={styles.muted}>
          Target
        </label>
        <Select id={selectId} value={target} onChange={(_e, d) => setTarget(d.value)} size="small">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        <Button
          size="small"
          disabled={busy}
          aria-label={`Inject ${fault.name}`}
          onClick={() =>
            inject.mutate(
              { fault: fault.name, ...(target ? { target } : {}) },
              { onSuccess: () => fb.ok(`${fault.name} injected.`), onError: fb.fail },
            )
          }
        >
          Inject
        </Button>
        {fault.active.length > 0 && (
          <Button
            size="small"
            disabled={busy}
            onClick={() =>
              repair.mutate(
                { fault: fault.name },
                { onSuccess: () => fb.ok(`${fault.name} repaired everywhere.`), onError: fb.fail },
              )
            }
          >
            Repair all
          </Button>
        )}
      </div>
      <Feedback feedback={fb.feedback} onDismiss={fb.clear} />
    </li>
  );
}

function FaultSection({ state }: { state: LabStateDto }) {
  const styles = useStyles();
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

function CasesSection({ state }: { state: LabStateDto }) {
  const styles = useStyles();
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

function WorldFileSection({ state }: { state: LabStateDto }) {
  const styles = useStyles();
  const importWorld = useImportWorld();
  const fileInput = useRef<HTMLInputElement>(null);
  const fb = useFeedback();
  const [exporting, setExporting] = useState(false);
  const link = shareLink(state, window.location.origin, `${import.meta.env.BASE_URL}lab`);
  const exportWorld = async () => {
    fb.clear();
    setExporting(true);
    try {
      const { blob, fileName } = await api.getFile('/api/sim/export');
      const name = fileName ?? 'hci-world.json';
      downloadBlob(name, blob);
      fb.ok(`Exported the world as ${name}.`);
    } catch (error) {
      fb.fail(error);
    } finally {
      setExporting(false);
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    fb.clear();
    const text = await file.text();
    importWorld.mutate(text, {
      onSuccess: (s) =>
        fb.ok(`Imported ${file.name}: preset ${s.scenario}, simulated time ${formatDateTime(s.now)}.`),
      onError: (error) =>
        fb.fail(
          new Error(
            `${file.name} was not imported and the current world is unchanged. ${errorMessage(error)}`,
          ),
        ),
    });
    if (fileInput.current) fileInput.current.value = '';
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      fb.ok('The link is copied.');
    } catch (error) {
      fb.fail(error);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="lab-file">
      <h3 id="lab-file" className={styles.h3}>
        Save, restore and share
      </h3>
      <div className={styles.row}>
        <Button icon={<ArrowDownloadRegular />} disabled={exporting} onClick={() => void exportWorld()}>
          Export world
        </Button>
        <Button
          icon={<ArrowUploadRegular />}
          disabled={importWorld.isPending}
          onClick={() => fileInput.current?.click()}
        >
          Import world
        </Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept="application/json,.json"
          aria-label="World file to import"
          data-testid="lab-import-file"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      <Field label="Shareable link" hint="Opens the same preset with the clock the same distance ahead.">
        <Input
          readOnly
          value={link}
          contentAfter={
            <Button
              appearance="transparent"
              size="small"
              icon={<CopyRegular />}
              aria-label="Copy the link"
              onClick={() => void copyLink()}
            />
          }
        />
      </Field>
      <Feedback feedback={fb.feedback} onDismiss={fb.clear} />
    </section>
  );
}

/** The simulation lab: drive the simulated world without the console. */
export function LabPage() {
  const styles = useStyles();
  const state = useQuery(labQueries.state());
  useMarkAppReady(!state.isPending);
  return (
    <PageLayout>
      <PageHeader title="Simulation lab" />
      <Text className={styles.intro}>
        Everything behind this portal is a simulation. Move its clock, load presets, switch faults on and off,
        and reproduce the cases of the troubleshooting guide. window.hciSim drives the same world.
      </Text>
      {state.isPending && <LoadingState label="Loading the simulation..." />}
      {state.isError && (
        <ErrorState
          error={state.error}
          title="Couldn't read the simulation"
          onRetry={() => void state.refetch()}
        />
      )}
      {state.data && (
        <>
          <ClockSection state={state.data} />
          <PresetSection state={state.data} />
          <FaultSection state={state.data} />
          <CasesSection state={state.data} />
          <WorldFileSection state={state.data} />
        </>
      )}
    </PageLayout>
  );
}
