import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RegisterClusterRequestDto } from '@/api/contract';
import { armQueries } from '@/api/queries/arm-queries';
import { clusterQueries } from '@/api/queries/cluster-queries';
import { gatewayQueries } from '@/api/queries/gateway-queries';
import { AzureGate } from '@/components/azure-gate/azure-gate';
import { ContextPane } from '@/components/context-pane/context-pane';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useRegisterCluster } from '../api/registration-mutations';
import { usePrerequisiteFailures } from './prerequisites';
import { RegistrationForm } from './registration-form';
import { RegistrationJobView } from './registration-job-view';
import { recallRequest, rememberRequest } from './request-memory';
import { useWizardForm } from './use-wizard-form';
import { useWizardJob } from './use-wizard-job';
import { isFieldName } from './wizard-values';

export interface RegisterWizardProps {
  cluster: string;
  open: boolean;
  onClose: () => void;
}

/** Where focus goes once the next view of the pane is in the DOM. */
type FocusTarget = { view: 'job'; jobId: string } | { view: 'form' };

/**
 * The "Register Azure Stack HCI" context pane: it sequences the form (prerequisites, Azure details, review)
 * and the registration job (live steps, then each result's way forward). The job id sits in the URL
 * (`job=`), and a running job is found again after a reload.
 */
export function RegisterWizard({ cluster, open, onClose }: RegisterWizardProps) {
  const queryClient = useQueryClient();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [showForm, setShowForm] = useState(false);

  const readiness = useQuery({ ...gatewayQueries.readiness(), enabled: open });
  const ready = readiness.data?.ready === true;
  const clusterQuery = useQuery({ ...clusterQueries.detail(cluster), enabled: open });
  const gateway = useQuery({ ...gatewayQueries.detail(), enabled: open && ready });
  const formRef = useRef<HTMLDivElement>(null);
  const form = useWizardForm(cluster, open && ready);
  const { values } = form;
  const blocking = usePrerequisiteFailures(
    cluster,
    form.subscriptionValid ? values.subscriptionId.trim() : '',
    values.enableArc,
    open && ready,
  );
  const { jobId, job, follow, forget } = useWizardJob(cluster, open);
  const register = useRegisterCluster(cluster);

  const showingJob = job.data !== undefined && !showForm;
  const running = job.data?.status === 'InProgress';

  // Moving between the form and the job replaces the content that held focus (the Register button's form,
  // the outcome's buttons): the action that switches views says where focus goes, and this effect moves it
  // after the commit that mounted that view, so the element exists and Fluent's focus trap keeps it.
  const focusNext = useRef<FocusTarget | null>(null);
  const jobHeading = useRef<HTMLHeadingElement>(null);
  const shownJobId = showingJob ? job.data.id : undefined;
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    if (target.view === 'job' && shownJobId === target.jobId) {
      focusNext.current = null;
      jobHeading.current?.focus();
    } else if (target.view === 'form' && shownJobId === undefined) {
      focusNext.current = null;
      const root = formRef.current;
      (
        root?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        root?.querySelector<HTMLElement>('[aria-labelledby="hci-reg-azure"] input')
      )?.focus();
    }
  }, [shownJobId]);

  const start = (request: RegisterClusterRequestDto, rerun = false) => {
    setSubmitError(null);
    register.mutate(request, {
      onSuccess: (started) => {
        rememberRequest(started.id, request);
        focusNext.current = { view: 'job', jobId: started.id };
        setShowForm(false);
        follow(started.id);
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
        if (isFieldName(target)) {
          form.refuseField(target, error.message);
          if (!showForm) focusNext.current = { view: 'form' };
          setShowForm(true);
        } else setSubmitError(errorMessage(error));
      },
    });
  };

  const submit = () => {
    const request = form.checkedRequest();
    if (request && blocking.length === 0) start(request);
  };

  const registerAgain = (overrides?: Partial<RegisterClusterRequestDto>) => {
    const previous = recallRequest(jobId) ?? form.request();
    // The first attempt may have created the resource group: ask ARM afresh, and re-run with Use existing if it did.
    void queryClient
      .query({ ...armQueries.resourceGroups(previous.subscriptionId), staleTime: 0 })
      .catch(() => form.groups.data ?? [])
      .then((fresh) => {
        const exists = fresh.some((g) => g.name.toLowerCase() === previous.resourceGroup.toLowerCase());
        start(
          { ...previous, createResourceGroup: previous.createResourceGroup && !exists, ...overrides },
          true,
        );
      });
  };

  const changeSettings = () => {
    const previous = recallRequest(jobId);
    if (previous) form.restore(previous);
    focusNext.current = { view: 'form' };
    setShowForm(true);
  };

  const close = () => {
    setShowForm(false);
    setSubmitError(null);
    if (job.data && job.data.status !== 'InProgress') forget();
    onClose();
  };

  let body: ReactNode;
  if (!ready) {
    // AzureGate says why and offers the gateway registration or the sign-in in place of the wizard.
    body = null;
  } else if (showingJob) {
    body = (
      <RegistrationJobView
        job={job.data}
        cluster={clusterQuery.data}
        clusterName={cluster}
        headingRef={jobHeading}
        registering={register.isPending}
        submitError={submitError}
        onRegisterAgain={registerAgain}
        onChangeSettings={changeSettings}
        onContinueWithoutArc={close}
      />
    );
  } else {
    body = (
      <RegistrationForm
        cluster={cluster}
        form={form}
        formRef={formRef}
        gateway={gateway.data}
        nodes={clusterQuery.data?.nodes.map((n) => n.name) ?? []}
        blocking={blocking}
        submitError={submitError}
      />
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
