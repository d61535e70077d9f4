/**
 * Wire types of the Virtual machines tool (Cluster Manager) and of the Azure Stack portal in multi-cloud
 * mode. Long operations answer 202 with a JobDto (contract.ts) and a Location to poll.
 */
import type { VmDto } from './contract';

export interface CheckpointDto {
  id: string;
  name: string;
  createdAt: string;
  parentId: string | null;
  /** the checkpoint the VM currently runs from ("Now" hangs under it) */
  current: boolean;
}

/** GET /api/vms/:id — the list row plus what the details pane and Settings show. */
export interface VmDetailDto extends VmDto {
  createdAt: string;
  checkpoints: CheckpointDto[];
  /** "Settings": the configuration as Hyper-V reports it, label → value */
  settings: { group: string; label: string; value: string }[];
}

/** POST /api/vms/:id/checkpoints, PATCH /api/vms/:id/checkpoints/:checkpointId */
export interface CheckpointNameRequestDto {
  name: string;
}

/** The power actions of POST /api/vms/:id/:action */
export type VmPowerActionDto = 'start' | 'turn-off' | 'shutdown' | 'save';

// ───────────── Multi-cloud (Azure Stack portal) ─────────────

export type CloudStateDto = 'Available' | 'ConnectorUnreachable' | 'UserNotFound';

/** GET /api/clouds — the Cloud drop-down: the local Azure Stack cloud first, then each Azure Pack cloud. */
export interface CloudSummaryDto {
  name: string;
  kind: 'AzureStack' | 'AzurePack';
  /** the Azure Pack connector endpoint; null for the local cloud */
  endpoint: string | null;
  state: CloudStateDto;
  /** why the cloud is unavailable; null when Available */
  reason: string | null;
  /** connector latency; null for the local cloud */
  latencyMs: number | null;
  /** the account the portal acts as */
  user: string | null;
}

/** GET /api/clouds/:cloud/subscriptions */
export interface CloudSubscriptionDto {
  subscriptionId: string;
  displayName: string;
  state: string;
  vmCount: number;
  networkCount: number;
}

/** GET /api/clouds/:cloud/vms — compact rows, so 10,000 of them stay cheap on the wire and in memory. */
export interface CloudVmDto {
  id: string;
  name: string;
  state: VmDto['state'];
  /** WAP: the subscription's name; Azure Stack: the cluster */
  group: string;
  cpuCount: number;
  memoryMiB: number;
  os: string;
  ipAddress: string;
  networks: string[];
  checkpointCount: number;
  uptimeSeconds: number | null;
}

/** The VM list's sort keys for `?sort=`: the portal table's column ids. */
export const CLOUD_VM_SORT_KEYS = ['name', 'status', 'group', 'size', 'os', 'ip', 'checkpoints'] as const;
export type CloudVmSortKey = (typeof CLOUD_VM_SORT_KEYS)[number];

/**
 * GET /api/clouds/:cloud/vms?limit=&offset=&sort=&direction=&search= — one page of the list, filtered and
 * sorted by the server, so a table of 10,000 VMs fetches only the rows in view.
 */
export interface CloudVmPageDto {
  items: CloudVmDto[];
  offset: number;
  /** VMs matching `search` */
  total: number;
  /** VMs of the cloud */
  unfiltered: number;
}

/** GET /api/clouds/:cloud/vms/:id */
export interface CloudVmDetailDto extends CloudVmDto {
  cloud: string;
  subscriptionId: string | null;
  createdAt: string;
  checkpoints: CheckpointDto[];
  settings: { group: string; label: string; value: string }[];
}

/** GET /api/clouds/:cloud/networks */
export interface CloudNetworkDto {
  id: string;
  name: string;
  addressSpace: string;
  group: string;
  /** names of the VMs connected to it; a network in use can't be deleted */
  usedBy: string[];
}

/** PUT /api/wap/clouds/:cloud/connector (test and presenter control) */
export interface WapConnectorRequestDto {
  reachable?: boolean;
  latencyMs?: number;
}
