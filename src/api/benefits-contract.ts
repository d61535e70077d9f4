/**
 * Wire types of the Azure benefits API (IMDS attestation) at same-origin `/api/...`, shared by the UI and the
 * MSW handlers. Statuses are WAC's words (Active / Inactive / Expired / Unknown; On / Off); refusals use the
 * `{ error: { code, message, details? } }` shape of contract.ts, with one detail per VM (`target` = VM id).
 */
import type { JobDto } from './contract';

export type BenefitsServerStatusDto = 'Active' | 'Inactive' | 'Expired' | 'Unknown';

/** What fixes a refusal, so the page can offer it where the refusal is shown. */
export type BenefitsFixDto = 'register' | 'start-servers' | 'host' | 'turn-off-vm' | 'remove-vms' | 'wait';

/** Why an action would be refused now: the cmdlet's own message and what to do about it. */
export interface BenefitsBlockerDto {
  code: string;
  message: string;
  fix: BenefitsFixDto;
}

/** One row of the Cluster tab (Get-AzureStackHCIAttestation per node). */
export interface BenefitsServerDto {
  name: string;
  fqdn: string;
  status: BenefitsServerStatusDto;
  /** certificate expiry; null while the server has none */
  expiration: string | null;
  /** why the status is not Active, in words a person can act on */
  detail: string | null;
}

/** One row of the VMs tab. */
export interface BenefitsVmDto {
  id: string;
  name: string;
  generation: 1 | 2;
  state: 'Running' | 'Off' | 'Saved' | 'Paused' | 'Starting' | 'Stopping' | 'Saving';
  hostServer: string;
  hostServerBenefits: BenefitsServerStatusDto;
  /** the AZSHCI_GUEST-IMDS_DO_NOT_MODIFY adapter is attached */
  benefits: 'On' | 'Off';
  /** Get-AzStackHCIVMAttestation's view of an attached VM; null when benefits are off */
  connection: 'Connected' | 'Disconnected' | null;
  /** why turning benefits on would be refused now (null when it would not) */
  turnOnBlocker: BenefitsBlockerDto | null;
  /** why turning benefits off would be refused now */
  turnOffBlocker: BenefitsBlockerDto | null;
}

/** GET /api/clusters/:name/benefits — the Azure benefits page */
export interface ClusterBenefitsDto {
  cluster: string;
  fqdn: string;
  /** Get-AzureStackHCI IMDSAttestation, as WAC words it */
  clusterStatus: 'On' | 'Off';
  vmsWithBenefits: number;
  vmCount: number;
  servers: BenefitsServerDto[];
  vms: BenefitsVmDto[];
  /** servers that are up but not set up while the cluster is On (added later): the "Enable inactive server" banner */
  inactiveServers: string[];
  /** ids of the VMs "Turn on for all existing VMs" would skip: Generation 1 VMs that are not turned off */
  addVmsSkipped: string[];
  /** why Turn on / Enable inactive server would be refused now */
  turnOnBlocker: BenefitsBlockerDto | null;
  /** why Turn off would be refused now without removing VMs, and with */
  turnOffBlocker: BenefitsBlockerDto | null;
  turnOffWithVmsBlocker: BenefitsBlockerDto | null;
  /** why Sync with Azure would fail now; null when it can reach Azure */
  syncBlocker: string | null;
  /** jobs running against this cluster (benefits, sync, VM power) */
  activeJobs: JobDto[];
  learnMoreUrl: string;
}

/** POST /api/clusters/:name/benefits/enable */
export interface EnableBenefitsRequestDto {
  /** "Turn on for all existing VMs (recommended)" */
  addVms: boolean;
  /** only these servers ("Enable inactive server"); every server when absent */
  servers?: string[];
}

/** POST /api/clusters/:name/benefits/disable */
export interface DisableBenefitsRequestDto {
  /** turn benefits off for every VM first; refused with GuestsStillConnected while VMs are attached otherwise */
  removeVms: boolean;
}

/** POST /api/clusters/:name/benefits/vms/add and /vms/remove */
export interface VmBenefitsRequestDto {
  vmIds: string[];
}

export interface BenefitsVmOutcomeDto {
  vmId: string;
  vmName: string;
  hostServer: string;
  outcome: 'Succeeded' | 'Failed' | 'Pending';
  /** Connected / Disconnected on success, else the reason */
  message: string;
  code: string | null;
  fix: BenefitsFixDto | null;
}

/**
 * 202 of every benefits operation, and GET /api/benefits/operations/:jobId (any job id, e.g. a sync's):
 * the job and, for operations on VMs, each VM's outcome — refusals known at the start included.
 */
export interface BenefitsOperationDto {
  job: JobDto;
  vms: BenefitsVmOutcomeDto[];
}
