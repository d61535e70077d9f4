import { troubleshootSchema } from '@/api/request-schemas';
import { fieldProblems } from '@/api/schema-messages';
import {
  Badge,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { DiagnosisDto, RemedyActionDto, RemedyStepDto } from '@/api/lab-contract';
import { labQueries } from '@/api/queries/lab-queries';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { sectionStyles } from '@/components/page-section/section-styles';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { errorMessage } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';

import {
  azcmagentDisconnect,
  enableArcIntegration,
  enableDebugChannel,
  startHcisvc,
  syncAzureStackHci,
} from '@/lib/powershell';
import { useRemedy } from '../api/diagnostics-mutations';
import { diagnosticsQueries } from '../api/diagnostics-queries';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '960px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // A native select is as wide as its longest option: at 1024 px that ran past the window's edge, cut off.
  pick: { minWidth: 0, width: '100%' },
  section: { ...sectionStyles.section, maxWidth: '960px' },
  h3: sectionStyles.h3,
  steps: {
    margin: 0,
    listStyleType: 'decimal',
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  step: { display: 'list-item', color: tokens.colorNeutralForeground1 },
  muted: sectionStyles.muted,
});

/** The command lines a step's button runs, where they need nothing but the server's name. */
function stepPowerShell(action: RemedyActionDto): string[] {
  switch (action.kind) {
    case 'start-hcisvc':
      return [startHcisvc(action.node)];
    case 'enable-debug':
      return enableDebugChannel(action.node);
    case 'sync':
      return syncAzureStackHci();
    case 'azcmagent-disconnect':
      return azcmagentDisconnect({ computerName: action.node, forceLocalOnly: true });
    case 'enable-arc':
      return enableArcIntegration(action.node);
    default:
      return [];
  }
}

function Step({ cluster, step }: { cluster: string; step: RemedyStepDto }) {
  const styles = useStyles();
  const remedy = useRemedy(cluster);
  const navigate = useNavigate();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const action = step.action;
  const ps = action ? stepPowerShell(action) : [];
  const run = () => {
    if (!action) return;
    if (action.kind === 'open-registration') {
      void navigate(
        `/connections/cluster/${encodeURIComponent(cluster)}/settings/azure-stack-hci-registration`,
      );
      return;
    }
    setResult(null);
    remedy.mutate(action, {
      onSuccess: (r) =>
        setResult({
          ok: true,
          text: r.job
            ? `${r.message} ${r.job.title} — follow it in Notifications; the check below updates when it ends.`
            : r.message,
        }),
      onError: (e) => setResult({ ok: false, text: errorMessage(e) }),
    });
  };
  return (
    <li className={styles.step}>
      <Text>{step.text}</Text>
      {action && (
        <div className={styles.row}>
          <Button
            size="small"
            appearance={action.kind === 'open-registration' ? 'secondary' : 'primary'}
            disabled={remedy.isPending}
            onClick={run}
          >
            {step.actionLabel ?? 'Do it'}
          </Button>
          {ps.length > 0 && <ShowPowerShell title={step.actionLabel ?? 'PowerShell'} commands={ps} />}
        </div>
      )}
      {result && (
        <Text role={result.ok ? 'status' : 'alert'} className={styles.muted}>
          {result.text}
        </Text>
      )}
    </li>
  );
}

function DiagnosisView({
  cluster,
  diagnosis,
  onCheck,
  checking,
}: {
  cluster: string;
  diagnosis: DiagnosisDto;
  onCheck: () => void;
  checking: boolean;
}) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section} aria-labelledby="ts-case">
        <h3 id="ts-case" className={styles.h3}>
          {diagnosis.title}
        </h3>
        <div className={styles.row}>
          <Badge appearance="tint">
            {diagnosis.source === 'guide' ? 'Troubleshooting guide' : 'Register-AzStackHCI message'}
          </Badge>
          {diagnosis.nodes.length > 0 && (
            <Text>Servers named in the error: {diagnosis.nodes.join(', ')}</Text>
          )}
        </div>
        {(diagnosis.generateNodes.length > 0 || diagnosis.verifyNodes.length > 0) && (
          <ul>
            <li>Couldn&apos;t generate the certificate on: {diagnosis.generateNodes.join(', ') || 'none'}</li>
            <li>
              Couldn&apos;t set and verify the certificate on: {diagnosis.verifyNodes.join(', ') || 'none'}
            </li>
          </ul>
        )}
        <Text>
          <strong>Cause: </strong>
          {diagnosis.cause}
        </Text>
      </section>
      <section className={styles.section} aria-labelledby="ts-steps">
        <h3 id="ts-steps" className={styles.h3}>
          Remediation
        </h3>
        <ol className={styles.steps}>
          {diagnosis.steps.map((s, i) => (
            <Step key={`${diagnosis.caseId}-${i}`} cluster={cluster} step={s} />
          ))}
        </ol>
      </section>
      <section className={styles.section} aria-labelledby="ts-check">
        <h3 id="ts-check" className={styles.h3}>
          Check
        </h3>
        <MessageBar
          intent={diagnosis.check.resolved ? 'success' : 'warning'}
          data-testid="troubleshoot-check"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {diagnosis.check.resolved ? 'The problem is gone' : 'The problem is still there'}
            </MessageBarTitle>
            {diagnosis.check.detail}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.row}>
          <Button
            icon={diagnosis.check.resolved ? <CheckmarkCircleRegular /> : <ArrowSyncRegular />}
            disabled={checking}
            onClick={onCheck}
          >
            Check again
          </Button>
        </div>
        {diagnosis.alternatives.length > 0 && (
          <Text className={styles.muted}>
            The same text also fits: {diagnosis.alternatives.map((a) => a.title).join('; ')}.
          </Text>
        )}
      </section>
    </>
  );
}

/** Paste or pick an error, get its cause and the remedy, run it, and check it is gone. */
export function TroubleshooterPage({ clusterName }: { clusterName: string }) {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const submitted = params.get('error') ?? '';
  const [draft, setDraft] = useState(submitted);
  const [problem, setProblem] = useState<string | undefined>();
  const { ref: textRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLTextAreaElement>();
  const cases = useQuery(labQueries.cases());
  const result = useQuery(diagnosticsQueries.troubleshoot(clusterName, submitted));
  useMarkAppReady(!cases.isPending && !(result.isFetching && !result.data));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    // the API's rule (troubleshootSchema) and its words, before anything is asked
    const blank = fieldProblems(troubleshootSchema, { text: draft }).get('text');
    if (blank !== undefined) {
      setProblem(blank);
      focusFirstInvalid();
      return;
    }
    setProblem(undefined);
    setParams({ error: draft.trim() });
  };
  return (
    <PageLayout>
      <PageHeader title="Troubleshooter">
        <RouterLink to={`/connections/cluster/${encodeURIComponent(clusterName)}/tools/diagnostics`}>
          Back to Diagnostics
        </RouterLink>
      </PageHeader>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field label="Pick a known error">
          <Select
            select={{ className: styles.pick }}
            value=""
            onChange={(_e, d) => {
              const picked = cases.data?.find((c) => c.id === d.value);
              if (picked) {
                setDraft(picked.sample);
                setProblem(undefined);
                setParams({ error: picked.sample });
              }
            }}
          >
            <option value="">Choose an error…</option>
            {(cases.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Error text"
          validationMessage={problem}
          validationState={problem ? 'error' : 'none'}
          hint="Paste the message from PowerShell, the event log, the registration log or the portal."
        >
          <Textarea
            ref={textRef}
            value={draft}
            onChange={(_e, d) => setDraft(d.value)}
            rows={4}
            resize="vertical"
          />
        </Field>
        <div className={styles.row}>
          <Button type="submit" appearance="primary">
            Troubleshoot
          </Button>
        </div>
      </form>
      {result.isFetching && !result.data && <LoadingState label="Reading the error..." />}
      {result.isError && (
        <ErrorState
          error={result.error}
          title="Couldn't troubleshoot this text"
          onRetry={() => void result.refetch()}
        />
      )}
      {result.data?.diagnosis === null && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>No known cause</MessageBarTitle>
            This text doesn&apos;t match a case of the registration troubleshooting guide or a
            Register-AzStackHCI message. Check the event viewer and the registration logs in Diagnostics for
            the full error.
          </MessageBarBody>
        </MessageBar>
      )}
      {result.data?.diagnosis && (
        <DiagnosisView
          cluster={clusterName}
          diagnosis={result.data.diagnosis}
          checking={result.isFetching}
          onCheck={() => void result.refetch()}
        />
      )}
    </PageLayout>
  );
}
