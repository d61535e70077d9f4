import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  InfoLabel,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  OptionGroup,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, WarningFilled } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { ClusterDto, JobDto, PrerequisiteCheckDto, RegisterClusterRequestDto } from '@/api/contract';
import { armQueries } from '@/api/queries/arm-queries';
import { clusterQueries } from '@/api/queries/cluster-queries';
import { gatewayQueries } from '@/api/queries/gateway-queries';
import { jobQueries } from '@/api/queries/job-queries';
import { AzureGate } from '@/components/azure-gate/azure-gate';
import { ContextPane } from '@/components/context-pane/context-pane';
import { ErrorState } from '@/components/query-state/query-state';
import { RouterButton, RouterLink } from '@/components/router-link/router-link';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { ApiError, errorMessage } from '@/lib/api-client';
import { registerAzStackHci } from '@/lib/powershell';
import { useRegisterCluster } from '../api/registration-mutations';
import { registrationQueries } from '../api/registration-queries';
import { JobProgress } from './job-progress';
import { runningJob, useJob } from './use-job';
import { resourceGroupNameError, subscriptionIdError } from './validation';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sectionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
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
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  readOnly: { margin: 0, padding: `${tokens.spacingVerticalXS} 0` },
  review: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

export interface WizardValues {
  subscriptionId: string;
  resourceGroupMode: 'existing' | 'new';
  resourceGroup: string;
  region: string;
  enableArc: boolean;
  arcResourceGroup: string;
}

type FieldName = 'subscriptionId' | 'resourceGroup' | 'region' | 'arcResourceGroup';
type FieldErrors = Partial<Record<FieldName, string>>;

const requestKey = (jobId: string) => `hci-registration-request:${jobId}`;

/** The request of a job started from this browser, so "Register again" re-runs it even after a reload. */
function rememberRequest(jobId: string, request: RegisterClusterRequestDto): void {
  try {
    sessionStorage.setItem(requestKey(jobId), JSON.stringify(request));
  } catch {
    // storage full or blocked: Register again then falls back to the form's values
  }
}

function recallRequest(jobId: string): RegisterClusterRequestDto | undefined {
  try {
    const text = sessionStorage.getItem(requestKey(jobId));
    return text ? (JSON.parse(text) as RegisterClusterRequestDto) : undefined;
  } catch {
    return undefined;
  }
}

export function validateWizard(
  values: WizardValues,
  existingGroups: readonly string[] | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  const sub = subscriptionIdError(values.subscriptionId);
  if (sub) errors.subscriptionId = sub;
  if (values.resourceGroupMode === 'existing') {
    if (values.resourceGroup === '') errors.resourceGroup = 'Select a resource group.';
  } else {
    const rg = resourceGroupNameError(values.resourceGroup);
    if (rg) errors.resourceGroup = rg;
    else if (existingGroups?.some((g) => g.toLowerCase() === values.resourceGroup.toLowerCase())) {
      errors.resourceGroup = `A resource group named '${values.resourceGroup}' already exists in this subscription. Choose Use existing, or another name.`;
    }
  }
  if (values.region === '') errors.region = 'Select an Azure region.';
  if (values.enableArc && values.arcResourceGroup !== '') {
    const arc = resourceGroupNameError(values.arcResourceGroup);
    if (arc) errors.arcResourceGroup = arc;
  }
  return errors;
}

function toRequest(values: WizardValues): RegisterClusterRequestDto {
  return {
    subscriptionId: values.subscriptionId.trim(),
    resourceGroup: values.resourceGroup,
    createResourceGroup: values.resourceGroupMode === 'new',
    region: values.region,
    enableArc: values.enableArc,
    ...(values.enableArc && values.arcResourceGroup !== ''
      ? { arcResourceGroup: values.arcResourceGroup }
      : {}),
  };
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

function Prerequisites({
  cluster,
  subscriptionId,
  enableArc,
}: {
  cluster: string;
  subscriptionId: string;
  enableArc: boolean;
}) {
  const styles = useStyles();
  const checks = useQuery(registrationQueries.prerequisites(cluster, subscriptionId, enableArc));
  return (
    <section className={styles.section} aria-labelledby="hci-reg-prereq">
      <div className={styles.row}>
        <h3 id="hci-reg-prereq" className={styles.sectionTitle}>
          Prerequisites
        </h3>
        <Button size="small" onClick={() => void checks.refetch()} disabled={checks.isFetching}>
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
                <p className={styles.muted}>{check.detail}</p>
                {check.remedy && <p className={styles.muted}>What to do: {check.remedy}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What a result means and the way forward, under the job's steps. */
function JobOutcome({
  job,
  clusterName,
  cluster,
  onRegisterAgain,
  onChangeSettings,
  onContinueWithoutArc,
  registering,
}: {
  job: JobDto;
  clusterName: string;
  cluster: ClusterDto | undefined;
  onRegisterAgain: (overrides?: Partial<RegisterClusterRequestDto>) => void;
  onChangeSettings: () => void;
  onContinueWithoutArc: () => void;
  registering: boolean;
}) {
  const styles = useStyles();
  if (job.status === 'InProgress') {
    return (
      <p className={styles.muted}>
        It takes a few minutes to complete the registration. You can close this pane: the job goes on, and the
        notifications show its progress.
      </p>
    );
  }
  const message = job.message ?? '';
  if (job.result === 'Success') {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody className={styles.outcome}>
          <MessageBarTitle>Registered</MessageBarTitle>
          <span>{message}</span>
          {cluster?.portalPath && (
            <span>
              <RouterLink to={cluster.portalPath}>
                View the Azure resource {cluster.registration.azureResourceName ?? cluster.name}
              </RouterLink>
            </span>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (job.result === 'PendingForAdminConsent') {
    const appId = /identity ([0-9a-f-]{36})/i.exec(message)?.[1];
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody className={styles.outcome}>
          <MessageBarTitle>Pending admin consent</MessageBarTitle>
          <span>{message}</span>
          <span>
            The registration is partly done. Once an administrator has granted consent to the application,
            select Register again: it runs with the same parameters and completes the registration.
          </span>
          <div className={styles.row}>
            {appId && (
              <RouterButton to={`/azure/app-registrations/${appId}`}>View consent in Azure AD</RouterButton>
            )}
            <Button appearance="primary" onClick={() => onRegisterAgain()} disabled={registering}>
              Register again
            </Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (job.result === 'RegisterSucceededButArcFailed') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody className={styles.outcome}>
          <MessageBarTitle>Registered, but Azure Arc integration failed</MessageBarTitle>
          <span>{message}</span>
          <span>
            The cluster is registered with Azure. Ask for the Owner or User Access Administrator role on the
            subscription, then retry Azure Arc; or continue without Azure Arc.
          </span>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() => onRegisterAgain({ enableArc: true })}
              disabled={registering}
            >
              Retry Azure Arc integration
            </Button>
            <Button onClick={onContinueWithoutArc}>Continue without Azure Arc</Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody className={styles.outcome}>
        <MessageBarTitle>
          Couldn&apos;t register Azure Stack HCI. Review the error and then try again.
        </MessageBarTitle>
        <span>{message}</span>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => onRegisterAgain()} disabled={registering}>
            Register again
          </Button>
          <Button onClick={onChangeSettings}>Change the settings</Button>
          <RouterLink
            to={`/connections/cluster/${encodeURIComponent(clusterName)}/tools/diagnostics/troubleshoot?error=${encodeURIComponent(message)}`}
          >
            Troubleshoot this error
          </RouterLink>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

function useDefaults(cluster: string): WizardValues {
  return useMemo(
    () => ({
      subscriptionId: '',
      resourceGroupMode: 'new',
      resourceGroup: `${cluster}-rg`,
      region: 'eastus',
      enableArc: true,
      arcResourceGroup: '',
    }),
    [cluster],
  );
}

export interface RegisterWizardProps {
  cluster: string;
  open: boolean;
  onClose: () => void;
}

/**
 * The "Register Azure Stack HCI" context pane: prerequisites, the Azure details with Azure's rules checked
 * as you type, a review of what will be created, then the registration job live in the pane with the way
 * forward for every result. The job id sits in the URL (`job=`), and a running job is found again after a reload.
 */
export function RegisterWizard({ cluster, open, onClose }: RegisterWizardProps) {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const defaults = useDefaults(cluster);
  const [rawValues, setValues] = useState<WizardValues>(defaults);
  // Until the user picks or types one, the subscription is the account's first (WAC pre-selects one).
  const [subscriptionEdited, setSubscriptionEdited] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [subscriptionText, setSubscriptionText] = useState('');
  const [showForm, setShowForm] = useState(false);
  const firstErrorRef = useRef<HTMLDivElement>(null);
  // Set by a refused submit; the effect below moves focus once the render that marks the fields invalid is in
  // the DOM (focusing in the click handler would reach the fields before React marked them).
  const focusFirstError = useRef(false);
  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    firstErrorRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  const readiness = useQuery({ ...gatewayQueries.readiness(), enabled: open });
  const ready = readiness.data?.ready === true;
  const clusterQuery = useQuery({ ...clusterQueries.detail(cluster), enabled: open });
  const gateway = useQuery({ ...gatewayQueries.detail(), enabled: open && ready });
  const subscriptions = useQuery({ ...armQueries.subscriptions(), enabled: open && ready });
  const firstSubscription = subscriptions.data?.[0];
  const values: WizardValues = subscriptionEdited
    ? rawValues
    : { ...rawValues, subscriptionId: firstSubscription?.subscriptionId ?? '' };
  const shownSubscriptionText = subscriptionEdited
    ? subscriptionText
    : firstSubscription
      ? `${firstSubscription.displayName} (${firstSubscription.subscriptionId})`
      : '';
  const regions = useQuery({ ...registrationQueries.regions(cluster), enabled: open && ready });
  const subscriptionValid = subscriptionIdError(values.subscriptionId) === undefined;
  const groups = useQuery({
    ...armQueries.resourceGroups(values.subscriptionId.trim()),
    enabled: open && ready && subscriptionValid,
  });
  const jobs = useQuery({ ...jobQueries.list(), enabled: open });
  const prerequisites = useQuery({
    ...registrationQueries.prerequisites(
      cluster,
      subscriptionValid ? values.subscriptionId.trim() : '',
      values.enableArc,
    ),
    enabled: open && ready,
  });

  const urlJobId = params.get('job') ?? '';
  const resumed = runningJob(jobs.data, cluster, ['cluster/register']);
  const candidateJobId = urlJobId !== '' ? urlJobId : resumed?.id;
  // Sticky: between the job ending (no longer "running") and the URL getting its id, keep showing it.
  const [stickyJobId, setStickyJobId] = useState<string | undefined>(undefined);
  if (candidateJobId !== undefined && candidateJobId !== stickyJobId) setStickyJobId(candidateJobId);
  const jobId = candidateJobId ?? stickyJobId;
  const job = useJob(jobId);
  const register = useRegisterCluster(cluster);

  const setJobInUrl = (id: string | undefined) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('job', id);
        else next.delete('job');
        return next;
      },
      { replace: true },
    );
  };

  const groupNames = groups.data?.map((g) => g.name);
  const clientErrors = validateWizard(values, groupNames);
  const errorFor = (field: FieldName) =>
    serverErrors[field] ?? (touched[field] ? clientErrors[field] : undefined);
  const blocking = prerequisites.data?.filter((c) => c.state === 'fail') ?? [];

  const update = <K extends keyof WizardValues>(key: K, value: WizardValues[K]) => {
    setValues((v) => ({ ...v, subscriptionId: values.subscriptionId, [key]: value }));
    if (key === 'subscriptionId') setSubscriptionEdited(true);
    if (
      key === 'subscriptionId' ||
      key === 'resourceGroup' ||
      key === 'region' ||
      key === 'arcResourceGroup'
    ) {
      setTouched((t) => ({ ...t, [key]: true }));
      setServerErrors((e) => ({ ...e, [key]: undefined }));
    }
    if (key === 'resourceGroupMode') setServerErrors((e) => ({ ...e, resourceGroup: undefined }));
  };

  const start = (request: RegisterClusterRequestDto, rerun = false) => {
    setSubmitError(null);
    register.mutate(request, {
      onSuccess: (started) => {
        rememberRequest(started.id, request);
        setShowForm(false);
        setJobInUrl(started.id);
      },
      onError: (error) => {
        // Register again with "Create new": the first attempt created the group, so the same parameters mean Use existing now.
        if (
          rerun &&
          request.createResourceGroup &&
          error instanceof ApiError &&
          error.code === 'ResourceGroupExists'
        ) {
          start({ ...request, createResourceGroup: false }, true);
          return;
        }
        const target = error instanceof ApiError ? error.target : undefined;
        if (
          target === 'subscriptionId' ||
          target === 'resourceGroup' ||
          target === 'region' ||
          target === 'arcResourceGroup'
        ) {
          setServerErrors({ [target]: error.message });
          setShowForm(true);
        } else setSubmitError(errorMessage(error));
      },
    });
  };

  const submit = () => {
    setTouched({ subscriptionId: true, resourceGroup: true, region: true, arcResourceGroup: true });
    if (Object.keys(clientErrors).length > 0 || blocking.length > 0) {
      focusFirstError.current = true;
      return;
    }
    start(toRequest(values));
  };

  const registerAgain = (overrides?: Partial<RegisterClusterRequestDto>) => {
    const previous = (jobId ? recallRequest(jobId) : undefined) ?? toRequest(values);
    // The first attempt may have created the resource group: ask ARM afresh, and re-run with Use existing if it did.
    void queryClient
      .query({ ...armQueries.resourceGroups(previous.subscriptionId), staleTime: 0 })
      .catch(() => groups.data ?? [])
      .then((fresh) => {
        const exists = fresh.some((g) => g.name.toLowerCase() === previous.resourceGroup.toLowerCase());
        start(
          { ...previous, createResourceGroup: previous.createResourceGroup && !exists, ...overrides },
          true,
        );
      });
  };

  const close = () => {
    setShowForm(false);
    setSubmitError(null);
    if (job.data && job.data.status !== 'InProgress') {
      setJobInUrl(undefined);
      setStickyJobId(undefined);
    }
    onClose();
  };

  const showingJob = job.data !== undefined && !showForm;
  const running = job.data?.status === 'InProgress';

  const selectedRegion = regions.data?.find((r) => r.name === values.region);
  const supported = regions.data?.filter((r) => r.supported) ?? [];
  const unsupported = regions.data?.filter((r) => !r.supported) ?? [];
  const nodes = clusterQuery.data?.nodes.map((n) => n.name) ?? [];
  const arcGroup = values.arcResourceGroup !== '' ? values.arcResourceGroup : values.resourceGroup;

  let body: ReactNode;
  if (!ready) {
    // AzureGate says why and offers the gateway registration or the sign-in in place of the wizard.
    body = null;
  } else if (showingJob) {
    body = (
      <div className={styles.section}>
        <JobProgress job={job.data} />
        <div aria-live="polite">
          <JobOutcome
            job={job.data}
            clusterName={cluster}
            cluster={clusterQuery.data}
            registering={register.isPending}
            onRegisterAgain={registerAgain}
            onChangeSettings={() => {
              const previous = jobId ? recallRequest(jobId) : undefined;
              if (previous) {
                setSubscriptionEdited(true);
                setSubscriptionText(previous.subscriptionId);
                setValues((v) => ({
                  ...v,
                  subscriptionId: previous.subscriptionId,
                  resourceGroup: previous.resourceGroup,
                  resourceGroupMode: previous.createResourceGroup ? 'new' : 'existing',
                  region: previous.region,
                  enableArc: previous.enableArc,
                  arcResourceGroup: previous.arcResourceGroup ?? '',
                }));
              }
              setShowForm(true);
            }}
            onContinueWithoutArc={close}
          />
        </div>
        {submitError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{submitError}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    );
  } else {
    body = (
      <div className={styles.section} ref={firstErrorRef}>
        <Prerequisites
          cluster={cluster}
          subscriptionId={subscriptionValid ? values.subscriptionId.trim() : ''}
          enableArc={values.enableArc}
        />

        <section className={styles.section} aria-labelledby="hci-reg-azure">
          <h3 id="hci-reg-azure" className={styles.sectionTitle}>
            Azure details
          </h3>
          <Field label="Azure account">
            <p className={styles.readOnly} data-testid="azure-account">
              {gateway.data?.account
                ? `${gateway.data.account.displayName} (${gateway.data.account.upn})`
                : 'Loading...'}
            </p>
          </Field>
          <Field
            label="Azure subscription ID"
            required
            validationMessage={
              errorFor('subscriptionId') ??
              (subscriptions.isError
                ? `Couldn't list your subscriptions: ${errorMessage(subscriptions.error)} You can paste a subscription ID.`
                : undefined)
            }
            validationState={
              errorFor('subscriptionId') ? 'error' : subscriptions.isError ? 'warning' : 'none'
            }
            hint="Select one of your subscriptions, or paste a subscription ID."
          >
            <Combobox
              freeform
              value={shownSubscriptionText}
              selectedOptions={subscriptionValid ? [values.subscriptionId.trim()] : []}
              placeholder={
                subscriptions.isPending ? 'Loading subscriptions...' : 'Select or paste a subscription ID'
              }
              onChange={(event) => {
                setSubscriptionText(event.target.value);
                update('subscriptionId', event.target.value);
              }}
              onOptionSelect={(_e, data) => {
                if (data.optionValue) {
                  update('subscriptionId', data.optionValue);
                  setSubscriptionText(data.optionText ?? data.optionValue);
                }
              }}
            >
              {subscriptions.data?.map((s) => (
                <Option
                  key={s.subscriptionId}
                  value={s.subscriptionId}
                  text={`${s.displayName} (${s.subscriptionId})`}
                >
                  {`${s.displayName} (${s.subscriptionId})`}
                </Option>
              ))}
            </Combobox>
          </Field>

          <Field label="Azure resource group" required>
            <RadioGroup
              layout="horizontal"
              value={values.resourceGroupMode}
              aria-label="Azure resource group"
              onChange={(_e, data) => {
                const mode = data.value === 'existing' ? 'existing' : 'new';
                setValues((v) => ({
                  ...v,
                  subscriptionId: values.subscriptionId,
                  resourceGroupMode: mode,
                  resourceGroup: mode === 'new' ? `${cluster}-rg` : '',
                }));
                setServerErrors((e) => ({ ...e, resourceGroup: undefined }));
              }}
            >
              <Radio value="existing" label="Use existing" />
              <Radio value="new" label="Create new" />
            </RadioGroup>
          </Field>
          {values.resourceGroupMode === 'existing' ? (
            <Field
              label="Existing resource group"
              required
              validationMessage={
                errorFor('resourceGroup') ??
                (groups.isError
                  ? `Couldn't list the resource groups: ${errorMessage(groups.error)}`
                  : undefined)
              }
              validationState={errorFor('resourceGroup') || groups.isError ? 'error' : 'none'}
            >
              <Dropdown
                placeholder={
                  !subscriptionValid
                    ? 'Select a subscription first'
                    : groups.isPending
                      ? 'Loading resource groups...'
                      : 'Select a resource group'
                }
                value={values.resourceGroup}
                selectedOptions={values.resourceGroup ? [values.resourceGroup] : []}
                disabled={!subscriptionValid}
                onOptionSelect={(_e, data) => update('resourceGroup', data.optionValue ?? '')}
              >
                {groups.data?.map((g) => (
                  <Option key={g.id} value={g.name} text={g.name}>
                    {`${g.name} (${g.location})`}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          ) : (
            <Field
              label="New resource group name"
              required
              validationMessage={errorFor('resourceGroup')}
              validationState={errorFor('resourceGroup') ? 'error' : 'none'}
              hint="1–90 letters, digits, underscores, hyphens, periods and parentheses; not ending with a period."
            >
              <Input
                value={values.resourceGroup}
                onChange={(_e, data) => update('resourceGroup', data.value)}
              />
            </Field>
          )}

          <Field
            label="Azure region"
            required
            validationMessage={
              errorFor('region') ??
              (selectedRegion && !selectedRegion.supported
                ? `Azure Stack HCI isn't available in ${selectedRegion.displayName}. Registration will fail there: choose one of the supported regions.`
                : undefined)
            }
            validationState={
              errorFor('region') ? 'error' : selectedRegion && !selectedRegion.supported ? 'warning' : 'none'
            }
          >
            <Dropdown
              value={selectedRegion?.displayName ?? values.region}
              selectedOptions={values.region ? [values.region] : []}
              placeholder={regions.isPending ? 'Loading regions...' : 'Select a region'}
              onOptionSelect={(_e, data) => update('region', data.optionValue ?? '')}
            >
              <OptionGroup label="Supported by Azure Stack HCI">
                {supported.map((r) => (
                  <Option key={r.name} value={r.name} text={r.displayName}>
                    {r.displayName}
                  </Option>
                ))}
              </OptionGroup>
              {unsupported.length > 0 && (
                <OptionGroup label="Not available for Azure Stack HCI">
                  {unsupported.map((r) => (
                    <Option key={r.name} value={r.name} text={r.displayName}>
                      {`${r.displayName} (not available)`}
                    </Option>
                  ))}
                </OptionGroup>
              )}
            </Dropdown>
          </Field>

          <Accordion collapsible defaultOpenItems={values.arcResourceGroup !== '' ? ['advanced'] : []}>
            <AccordionItem value="advanced">
              <AccordionHeader>Advanced</AccordionHeader>
              <AccordionPanel>
                <div className={styles.section}>
                  <div className={styles.row}>
                    <Checkbox
                      checked={values.enableArc}
                      label="Enable Azure Arc"
                      onChange={(_e, data) => update('enableArc', data.checked === true)}
                    />
                    <InfoLabel
                      aria-label="About Azure Arc"
                      info="Arc-enables every server of the cluster, so you can manage them from Azure. Needs Owner or User Access Administrator on the subscription."
                    />
                  </div>
                  {values.enableArc && (
                    <Field
                      label="Azure Arc resource group"
                      validationMessage={errorFor('arcResourceGroup')}
                      validationState={errorFor('arcResourceGroup') ? 'error' : 'none'}
                      hint="Where the servers' Azure Arc resources go. Leave empty to use the cluster's resource group."
                    >
                      <Input
                        value={values.arcResourceGroup}
                        placeholder={values.resourceGroup}
                        onChange={(_e, data) => update('arcResourceGroup', data.value)}
                      />
                    </Field>
                  )}
                </div>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </section>

        <section className={styles.section} aria-labelledby="hci-reg-review">
          <h3 id="hci-reg-review" className={styles.sectionTitle}>
            What will be created
          </h3>
          <ul className={styles.review} aria-label="What will be created">
            {values.resourceGroupMode === 'new' && values.resourceGroup !== '' && (
              <li>{`Resource group ${values.resourceGroup} in ${selectedRegion?.displayName ?? values.region}`}</li>
            )}
            <li>{`Azure Stack HCI resource ${cluster} (Microsoft.AzureStackHCI/clusters) in resource group ${values.resourceGroup || '…'}, ${selectedRegion?.displayName ?? values.region}`}</li>
            <li>{`Azure AD application ${cluster}, whose certificate credential each server uses to sync`}</li>
            {values.enableArc &&
              nodes.map((node) => (
                <li
                  key={node}
                >{`Azure Arc-enabled server ${node} (Microsoft.HybridCompute/machines) in resource group ${arcGroup || '…'}`}</li>
              ))}
          </ul>
          <p className={styles.muted}>It takes a few minutes to complete the registration.</p>
          <div>
            <ShowPowerShell
              appearance="secondary"
              title="PowerShell for Register Azure Stack HCI"
              commands={[
                registerAzStackHci({
                  subscriptionId: values.subscriptionId.trim(),
                  resourceGroupName: values.resourceGroup,
                  region: values.region,
                  environmentName: gateway.data?.registration?.cloud,
                  enableAzureArcServer: values.enableArc,
                  arcServerResourceGroupName: values.arcResourceGroup,
                  tenantId: gateway.data?.registration?.tenantId,
                }),
              ]}
            />
          </div>
        </section>

        {blocking.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              Fix the failed prerequisites before registering: {blocking.map((c) => c.title).join('; ')}.
            </MessageBarBody>
          </MessageBar>
        )}
        {submitError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Couldn&apos;t start the registration</MessageBarTitle>
              {submitError}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    );
  }

  return (
    <ContextPane
      open={open}
      onClose={close}
      title="Register Azure Stack HCI"
      size="wide"
      primaryLabel="Register"
      secondaryLabel={showingJob ? 'Close' : 'Cancel'}
      onSubmit={showingJob ? () => undefined : submit}
      submitting={register.isPending || running}
      primaryDisabled={!ready || showingJob || blocking.length > 0}
    >
      <AzureGate purpose="register this cluster with Azure">{body}</AzureGate>
    </ContextPane>
  );
}
