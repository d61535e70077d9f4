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
import type { JobDto } from '@/api/contract';
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

type FieldName = 'name' | 'hostServer' | 'generation' | 'cpuCount' | 'memoryMiB' | 'os';
type Errors = Partial<Record<FieldName, string>>;

const LIMITS = { 1: { cpu: 64, memoryMiB: 1_048_576 }, 2: { cpu: 240, memoryMiB: 12_582_912 } } as const;
const NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_ .-]{0,98}[A-Za-z0-9_.-])?$/;

interface Form {
  name: string;
  hostServer: string;
  generation: 1 | 2;
  cpuCount: string;
  memoryGb: string;
  os: string;
}

/** The same rules the server applies (Hyper-V's), so a mistake shows next to its field before anything is sent. */
function validate(
  form: Form,
  hosts: { name: string; coreCount: number; memoryGiB: number; state: string }[],
  existing: readonly string[],
): Errors {
  const errors: Errors = {};
  const limits = LIMITS[form.generation];
  if (form.name.trim() === '') errors.name = 'Enter a name for the virtual machine.';
  else if (!NAME.test(form.name))
    errors.name =
      "Use 1–100 letters, digits, spaces, dots, hyphens and underscores; don't start with a space, dot or hyphen or end with a space.";
  else if (existing.some((n) => n.toLowerCase() === form.name.toLowerCase()))
    errors.name = `A virtual machine named '${form.name}' already exists on this cluster.`;
  const host = hosts.find((h) => h.name === form.hostServer);
  if (!host) errors.hostServer = 'Select the server to create the virtual machine on.';
  else if (host.state !== 'Up')
    errors.hostServer = `${host.name} is not responding; choose a server that is up.`;
  const cpu = Number(form.cpuCount);
  if (!/^\d+$/.test(form.cpuCount) || cpu < 1 || cpu > limits.cpu)
    errors.cpuCount = `Enter a whole number from 1 to ${limits.cpu} for a Generation ${form.generation} virtual machine.`;
  else if (host && cpu > host.coreCount)
    errors.cpuCount = `${host.name} has ${host.coreCount} logical processors; a virtual machine can't have more.`;
  const gb = Number(form.memoryGb);
  const mib = Math.round(gb * 1024);
  if (form.memoryGb.trim() === '' || !Number.isFinite(gb) || mib < 32 || mib > limits.memoryMiB) {
    errors.memoryMiB = `Enter the startup memory in GB, from 0.03 to ${(limits.memoryMiB / 1024).toLocaleString('en-US')} for a Generation ${form.generation} virtual machine.`;
  } else if (host && mib > host.memoryGiB * 1024)
    errors.memoryMiB = `${host.name} has ${host.memoryGiB} GB of memory; the startup memory can't be more.`;
  if (form.os === '') errors.os = 'Select the operating system to install.';
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
    ? { ...validate(form, hostList, existingNames), ...serverErrors }
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
    if (Object.keys(validate(form, hostList, existingNames)).length > 0) return;
    create.mutate(
      {
        name: form.name,
        hostServer: form.hostServer,
        generation: form.generation,
        cpuCount: Number(form.cpuCount),
        memoryMiB: Math.round(Number(form.memoryGb) * 1024),
        os: form.os,
      },
      {
        onSuccess: (started) => {
          setJob(started);
          tracker.track(started);
        },
        onError: (error) => {
          const target = error instanceof ApiError ? error.target : undefined;
          if (target && ['name', 'hostServer', 'generation', 'cpuCount', 'memoryMiB', 'os'].includes(target))
            setServerErrors({ [target as FieldName]: error.message });
          else setFailure(errorMessage(error));
        },
      },
    );
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
