import {
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CreateVmRequestDto, JobDto } from '@/api/contract';
import { createVmSchema } from '@/api/request-schemas';
import { vmHostCapacityProblem, vmNameTakenProblem } from '@/api/rules';
import { fieldProblems } from '@/api/schema-messages';
import { ContextPane } from '@/components/context-pane/context-pane';
import { TroubleshootLink } from '@/components/show-powershell/troubleshoot-link';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useJobTracker } from '@/lib/use-job-tracker';
import { clusterQueries } from '@/api/queries/cluster-queries';
import { useCreateVm } from '../api/vm-mutations';

export const OPERATING_SYSTEMS = [
  'Windows Server 2022 Datacenter: Azure Edition',
  'Windows Server 2022 Datacenter',
  'Windows Server 2019 Datacenter',
  'Windows 11 Enterprise multi-session',
  'Ubuntu 22.04 LTS',
  'Red Hat Enterprise Linux 9',
] as const;

const FIELD_NAMES = ['name', 'hostServer', 'generation', 'cpuCount', 'memoryMiB', 'os'] as const;
type FieldName = (typeof FIELD_NAMES)[number];
type Errors = Partial<Record<FieldName, string>>;
const isFieldName = (value: unknown): value is FieldName =>
  typeof value === 'string' && (FIELD_NAMES as readonly string[]).includes(value);

interface Form {
  name: string;
  hostServer: string;
  generation: 1 | 2;
  cpuCount: string;
  memoryGb: string;
  os: string;
}

/** The pane's fields as the request they become: processors as typed, memory from GB to MB. */
function toRequest(form: Form): CreateVmRequestDto {
  const cpu = form.cpuCount.trim();
  const gb = form.memoryGb.trim();
  return {
    name: form.name,
    hostServer: form.hostServer,
    generation: form.generation,
    // a text that is not a whole number stays one the rule refuses
    cpuCount: /^\d+$/.test(cpu) ? Number(cpu) : Number.NaN,
    memoryMiB: gb === '' || !Number.isFinite(Number(gb)) ? Number.NaN : Math.round(Number(gb) * 1024),
    os: form.os,
  };
}

/**
 * The API's own rules (createVmSchema, built from src/api/rules.ts) and its words, so a mistake shows next to
 * its field before anything is sent; then what the pane knows of the world: the chosen host and the
 * cluster's names, checked with the same rule functions the simulation uses.
 */
function validate(
  form: Form,
  hosts: { name: string; coreCount: number; memoryGiB: number; state: string }[],
  existing: readonly string[],
  cluster: string,
): Errors {
  const request = toRequest(form);
  const errors: Errors = {};
  for (const [field, message] of fieldProblems(createVmSchema, request))
    if (isFieldName(field)) errors[field] = message;
  if (!errors.name && existing.some((n) => n.toLowerCase() === form.name.toLowerCase()))
    errors.name = vmNameTakenProblem(form.name, cluster);
  const host = hosts.find((h) => h.name === form.hostServer);
  if (host && host.state !== 'Up')
    errors.hostServer = `${host.name} is not responding; choose a server that is up.`;
  for (const field of ['cpuCount', 'memoryMiB'] as const) {
    const problem = host && vmHostCapacityProblem(host, field, request[field]);
    if (problem !== undefined) errors[field] ??= problem;
  }
  return errors;
}

export interface CreateVmPaneProps {
  cluster: string;
  existingNames: readonly string[];
  onClose: () => void;
  /** the job ended successfully; the VM is on its host */
  onCreated: (job: JobDto) => void;
}

/** WAC's "Add virtual machine" pane. Create runs as a job; its failure (the licensing error) stays in the pane. */
export function CreateVmPane({ cluster, existingNames, onClose, onCreated }: CreateVmPaneProps) {
  const hosts = useQuery(clusterQueries.nodes(cluster));
  const create = useCreateVm(cluster);
  const [form, setForm] = useState<Form>({
    name: '',
    hostServer: '',
    generation: 2,
    cpuCount: '2',
    memoryGb: '4',
    os: OPERATING_SYSTEMS[0],
  });
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [job, setJob] = useState<JobDto | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const tracker = useJobTracker((ended) => {
    setJob(ended);
    if (ended.status === 'Succeeded') onCreated(ended);
    else setFailure(ended.message ?? 'The job failed without a message.');
  });
  const hostList = (hosts.data ?? []).map((n) => ({
    name: n.name,
    coreCount: n.coreCount,
    memoryGiB: n.memoryGiB,
    state: n.state,
  }));
  const errors: Errors = submitted
    ? { ...validate(form, hostList, existingNames, cluster), ...serverErrors }
    : serverErrors;
  const running = tracker.running[0] ?? (job?.status === 'InProgress' ? job : undefined);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setServerErrors({});
    setFailure(undefined);
  };

  const submit = () => {
    setSubmitted(true);
    setFailure(undefined);
    if (Object.keys(validate(form, hostList, existingNames, cluster)).length > 0) return;
    create.mutate(toRequest(form), {
      onSuccess: (started) => {
        setJob(started);
        tracker.track(started);
      },
      onError: (error) => {
        const target = error instanceof ApiError ? error.target : undefined;
        if (isFieldName(target)) setServerErrors({ [target]: error.message });
        else setFailure(errorMessage(error));
      },
    });
  };

  const fieldState = (key: FieldName) =>
    errors[key] ? { validationState: 'error' as const, validationMessage: errors[key] } : {};
  const busy = create.isPending || running !== undefined;

  return (
    <ContextPane
      open
      onClose={onClose}
      title="Add virtual machine"
      description={`Creates a Hyper-V virtual machine on a server of ${cluster} and makes it highly available in the cluster.`}
      primaryLabel="Create"
      onSubmit={submit}
      submitting={busy}
    >
      <Field label="Name" required {...fieldState('name')}>
        <Input value={form.name} onChange={(_e, d) => set('name', d.value)} />
      </Field>
      <Field
        label="Host server"
        required
        {...fieldState('hostServer')}
        hint={hosts.isError ? `Couldn't load the servers: ${errorMessage(hosts.error)}` : undefined}
      >
        <Dropdown
          placeholder={hosts.isPending ? 'Loading servers...' : 'Select a server'}
          value={form.hostServer}
          selectedOptions={form.hostServer ? [form.hostServer] : []}
          onOptionSelect={(_e, d) => set('hostServer', d.optionValue ?? '')}
        >
          {hostList.map((h) => (
            <Option key={h.name} value={h.name} text={h.name}>
              {`${h.name} (${h.state === 'Up' ? `${h.coreCount} cores, ${h.memoryGiB} GB` : 'Down'})`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label="Generation"
        required
        {...fieldState('generation')}
        hint="Generation 2 has UEFI firmware and Secure Boot; choose Generation 1 only for operating systems that need BIOS."
      >
        <RadioGroup
          value={String(form.generation)}
          onChange={(_e, d) => set('generation', d.value === '1' ? 1 : 2)}
          layout="horizontal"
        >
          <Radio value="2" label="Generation 2 (Recommended)" />
          <Radio value="1" label="Generation 1" />
        </RadioGroup>
      </Field>
      <Field label="Virtual processors" required {...fieldState('cpuCount')}>
        <Input type="number" min={1} value={form.cpuCount} onChange={(_e, d) => set('cpuCount', d.value)} />
      </Field>
      <Field label="Startup memory (GB)" required {...fieldState('memoryMiB')}>
        <Input
          type="number"
          min={0}
          step="any"
          value={form.memoryGb}
          onChange={(_e, d) => set('memoryGb', d.value)}
        />
      </Field>
      <Field label="Operating system" required {...fieldState('os')}>
        <Dropdown
          value={form.os}
          selectedOptions={[form.os]}
          onOptionSelect={(_e, d) => set('os', d.optionValue ?? '')}
        >
          {OPERATING_SYSTEMS.map((os) => (
            <Option key={os} value={os}>
              {os}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {running && (
        <Field
          label={running.currentStep ?? `Creating the virtual machine '${form.name}'...`}
          validationState="none"
        >
          <ProgressBar
            value={running.percent / 100}
            aria-label={`Creating ${form.name}: ${running.percent}%`}
          />
        </Field>
      )}
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`Couldn't create the virtual machine '${form.name}'`}</MessageBarTitle>
            {failure}
            {failure.includes('licensed for a particular number of connections') &&
              ' The cluster is not registered with Azure or has not synced for more than 30 days. Allow outbound connectivity to Azure, then register the cluster or sync it (Settings > Azure Stack HCI registration), and create the VM again.'}{' '}
            <TroubleshootLink cluster={cluster} error={failure} />
          </MessageBarBody>
        </MessageBar>
      )}
    </ContextPane>
  );
}
