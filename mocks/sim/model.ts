/**
 * The simulated hybrid world: one plain, JSON-serialisable value.
 *
 * Two sides share one clock:
 *   cloud   tenants ─ users ─ role assignments ─ subscriptions ─ resource groups ─ ARM resources
 *           (HCI clusters with arcSettings, HybridCompute machines) and Entra app registrations
 *   on-prem gateway (its Azure registration, signed-in account, connections) ─ clusters ─ nodes ─ VMs,
 *           plus Windows Azure Pack clouds with their own VMs and networks
 *
 * Nothing here is computed: statuses that follow from time (Connected / Not connected recently /
 * Disconnected, OutOfPolicy, Expired, heartbeats) are derived by selectors from the timestamps stored
 * here and the `now` they are given. Only changes that cannot be derived are stored, which is why a jump
 * of 31 days costs the scheduled events inside it and not its length.
 *
 * Time is always simulated epoch milliseconds. IDs are deterministic (see `nextSeq`).
 */

export const SCHEMA_VERSION = 1;

export type Millis = number;

export const MINUTE: Millis = 60_000;
export const HOUR: Millis = 60 * MINUTE;
export const DAY: Millis = 24 * HOUR;

// ───────────────────────────── Cloud side ─────────────────────────────

export type CloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';

export type RoleName = 'Owner' | 'Contributor' | 'User Access Administrator' | 'Reader';

export interface RoleAssignment {
  subscriptionId: string;
  role: RoleName;
}

export interface AzureUser {
  /** user principal name, also the key */
  upn: string;
  displayName: string;
  objectId: string;
  /** tenants the user is a member of (a guest in the others) */
  tenantIds: string[];
  roleAssignments: RoleAssignment[];
  /** Entra admin roles let a user grant tenant-wide admin consent. */
  canGrantAdminConsent: boolean;
}

export type AppKind = 'gateway' | 'cluster' | 'arc' | 'other';

export interface AppRegistration {
  appId: string;
  objectId: string;
  servicePrincipalObjectId: string;
  displayName: string;
  tenantId: string;
  kind: AppKind;
  /** the on-prem cluster the app belongs to, for kind cluster/arc */
  clusterName?: string;
  replyUrls: string[];
  requiredPermissions: string[];
  adminConsentGranted: boolean;
  createdAt: Millis;
}

export interface Tenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  cloud: CloudName;
}

export type ProviderState = 'Registered' | 'NotRegistered' | 'Registering' | 'Unregistering';

export interface Subscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: 'Enabled' | 'Disabled' | 'Warned';
  /** keyed by provider namespace, e.g. Microsoft.AzureStackHCI */
  providers: Record<string, ProviderState>;
}

export interface SystemData {
  createdBy: string;
  createdByType: 'User' | 'Application' | 'ManagedIdentity' | 'Key';
  createdAt: Millis;
  lastModifiedBy: string;
  lastModifiedByType: 'User' | 'Application' | 'ManagedIdentity' | 'Key';
  lastModifiedAt: Millis;
}

export interface ResourceGroup {
  subscriptionId: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  managedBy?: string;
  provisioningState: 'Succeeded' | 'Deleting';
  systemData: SystemData;
}

/** The cloud's record of one Microsoft.AzureStackHCI/clusters resource. */
export interface HciClusterResource {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  provisioningState: 'Succeeded' | 'Failed' | 'Provisioning' | 'Deleting';
  /** the on-prem cluster that last synced into this resource; undefined for one created only in ARM */
  onPremCluster?: string;
  cloudId: string;
  aadClientId?: string;
  aadTenantId?: string;
  aadApplicationObjectId?: string;
  aadServicePrincipalObjectId?: string;
  registrationTimestamp?: Millis;
  lastSyncTimestamp?: Millis;
  lastBillingTimestamp?: Millis;
  desiredDiagnosticLevel: 'Off' | 'Basic' | 'Enhanced';
  desiredWindowsServerSubscription: 'Disabled' | 'Enabled';
  /** what the last sync reported; absent until the first census sync */
  reported?: {
    clusterName: string;
    clusterId: string;
    clusterVersion: string;
    imdsAttestation: 'Disabled' | 'Enabled';
    diagnosticLevel: 'Off' | 'Basic' | 'Enhanced';
    lastUpdated: Millis;
    nodes: {
      name: string;
      id: number;
      osName: string;
      osVersion: string;
      coreCount: number;
      memoryInGiB: number;
    }[];
  };
  arcSetting?: ArcSettingResource;
  systemData: SystemData;
}

export type ArcNodeState =
  | 'NotSpecified'
  | 'Error'
  | 'Succeeded'
  | 'Canceled'
  | 'Failed'
  | 'Connected'
  | 'Disconnected'
  | 'Deleted'
  | 'Creating'
  | 'Updating'
  | 'Deleting'
  | 'Moving'
  | 'PartiallySucceeded'
  | 'PartiallyConnected'
  | 'InProgress'
  | 'Accepted'
  | 'Provisioning'
  | 'DisableInProgress';

/** clusters/{name}/arcSettings/default */
export interface ArcSettingResource {
  provisioningState: 'Succeeded' | 'Failed' | 'Provisioning' | 'Accepted' | 'Deleting';
  arcInstanceResourceGroup: string;
  arcApplicationClientId?: string;
  arcApplicationTenantId?: string;
  arcApplicationObjectId?: string;
  arcServicePrincipalObjectId?: string;
  /** node name (as on-prem) → HybridCompute machine resource id */
  perNode: Record<string, { arcInstance: string; arcNodeServicePrincipalObjectId: string }>;
  systemData: SystemData;
}

/** Microsoft.HybridCompute/machines. Status is derived from the agent's heartbeats, not stored. */
export interface HybridMachineResource {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  vmId: string;
  osType: 'windows' | 'linux';
  osName: string;
  osVersion: string;
  osSku: string;
  agentVersion: string;
  /** the on-prem node (or onboarded server) whose agent owns this resource */
  hostName: string;
  /** set when the machine belongs to an HCI cluster's Arc integration */
  parentClusterResourceId?: string;
  provisioningState: 'Succeeded' | 'Failed' | 'Creating' | 'Deleting';
  /** first heartbeat; a machine with none has no status yet */
  firstHeartbeatAt?: Millis;
  /** last time the status changed (ARM lastStatusChange), tracked when state is materialised */
  lastStatusChangeAt: Millis;
  systemData: SystemData;
}

export interface CloudWorld {
  tenants: Record<string, Tenant>;
  users: Record<string, AzureUser>;
  subscriptions: Record<string, Subscription>;
  /** key: `${subscriptionId}/${resourceGroupName.toLowerCase()}` */
  resourceGroups: Record<string, ResourceGroup>;
  /** key: lower-cased ARM resource id */
  hciClusters: Record<string, HciClusterResource>;
  /** key: lower-cased ARM resource id */
  machines: Record<string, HybridMachineResource>;
  /** key: appId */
  apps: Record<string, AppRegistration>;
}

// ───────────────────────────── On-premises side ─────────────────────────────

export interface GatewayRegistration {
  cloud: CloudName;
  tenantId: string;
  appId: string;
  registeredAt: Millis;
  /** the account that registered it; Sign in offers it first */
  registeredBy?: string;
}

export interface SignedInAccount {
  upn: string;
  tenantId: string;
  signedInAt: Millis;
  tokenExpiresAt: Millis;
}

export interface DeviceCode {
  code: string;
  cloud: CloudName;
  issuedAt: Millis;
  expiresAt: Millis;
  /** set once the user has entered the code and picked an account */
  redeemedBy?: string;
  /**
   * The client application a console's code signs in to, as the sign-in page names it ("Are you trying to
   * sign in to …?"); absent on the gateway's codes (Windows Admin Center) and on consoles' codes from older
   * worlds (Microsoft Azure PowerShell).
   */
  appName?: string;
}

export type ConnectionType = 'cluster' | 'server';

export interface GatewayConnection {
  name: string;
  type: ConnectionType;
  lastConnectedAt?: Millis;
  managingAs: string;
  /**
   * The password given with Manage as, kept with the connection as WAC keeps it for the session; no answer of the
   * API carries it back.
   */
  password?: string;
  tags: string[];
  addedAt: Millis;
}

/** Between Connect and the end of the flow: the app exists, consent may still be missing. */
export interface PendingGatewayRegistration {
  cloud: CloudName;
  tenantId: string;
  appId: string;
  /** who connected; the same account signs in at the end */
  upn: string;
  createdApp: boolean;
  startedAt: Millis;
}

export interface Gateway {
  hostName: string;
  registration?: GatewayRegistration;
  pending?: PendingGatewayRegistration;
  account?: SignedInAccount;
  deviceCode?: DeviceCode;
  connections: GatewayConnection[];
}

export type RegistrationStatus = 'NotYet' | 'Registered' | 'OutOfPolicy';

/** On-box registration record: what Get-AzureStackHCI reads, before time-derived fields are added. */
export interface ClusterRegistration {
  cloud: CloudName;
  subscriptionId: string;
  resourceGroup: string;
  resourceName: string;
  region: string;
  tenantId: string;
  appId: string;
  registeredAt: Millis;
  /** last successful sync with Azure (LastConnected) */
  lastSyncAt: Millis;
  /** set when a sync could not renew the licence; the reason shown in events 585/591 */
  lastSyncError?: string;
  arcEnabled: boolean;
  arcResourceGroup: string;
  /** the cluster holds an unreadable licence store (TPM cleared, big clock change) until this time */
  dataRepairUntil?: Millis;
}

export type NodePower = 'Up' | 'Down';

export interface ArcAgent {
  installed: boolean;
  version: string;
  /** agent has been connected (azcmagent connect) and is not disconnected */
  connected: boolean;
  /** ARM id of the machine resource the agent reports to */
  machineResourceId?: string;
  /** heartbeats are every 5 minutes on a grid anchored here while the node can reach Azure */
  heartbeatAnchor?: Millis;
  /** the last heartbeat that reached Azure, materialised whenever reachability changes */
  lastHeartbeatAt?: Millis;
}

export type AttestationNodeStatus = 'Inactive' | 'Active' | 'Expired' | 'Error';

export interface NodeAttestation {
  /** the AZSHCI_HOST-IMDS_DO_NOT_MODIFY switch exists */
  hostSwitch: boolean;
  /** Enable-AzStackHCIAttestation ran for this node */
  enabled: boolean;
  /** certificate expiry; renewed to lastSync + 30 days on every successful sync */
  expiresAt?: Millis;
}

export interface ClusterNode {
  name: string;
  cluster: string;
  fqdn: string;
  power: NodePower;
  hcisvcRunning: boolean;
  /** outbound HTTPS to Azure is blocked (firewall) */
  outboundBlocked: boolean;
  /** the node's proxy settings point nowhere useful */
  proxyMisconfigured: boolean;
  /** the proxy is wrong only for the Azure Arc endpoints (absent in worlds saved before it existed) */
  arcProxyMisconfigured?: boolean;
  /** node clock minus true time */
  clockSkewMs: number;
  osName: string;
  osBuild: string;
  osDisplayVersion: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  coreCount: number;
  memoryGiB: number;
  tpmPresent: boolean;
  secureBoot: boolean;
  /** TPM was cleared: the licence store is unreadable on this node */
  tpmCleared: boolean;
  installedAt: Millis;
  lastBootAt: Millis;
  arc: ArcAgent;
  attestation: NodeAttestation;
  /** Microsoft-AzureStack-HCI/Debug channel enabled */
  debugChannelEnabled: boolean;
}

export type VmPowerState = 'Running' | 'Off' | 'Saved' | 'Paused' | 'Starting' | 'Stopping' | 'Saving';

export interface VmCheckpoint {
  id: string;
  name: string;
  createdAt: Millis;
  parentId?: string;
}

export interface VirtualMachine {
  id: string;
  name: string;
  cluster: string;
  hostNode: string;
  /** clustered VMs fail over when their host goes down */
  clustered: boolean;
  generation: 1 | 2;
  power: VmPowerState;
  /** simulated time the VM last started; uptime derives from it */
  startedAt?: Millis;
  cpuCount: number;
  memoryMiB: number;
  cpuUsagePercent: number;
  os: string;
  ipAddress: string;
  networks: string[];
  checkpoints: VmCheckpoint[];
  currentCheckpointId?: string;
  /** the AZSHCI_GUEST-IMDS_DO_NOT_MODIFY NIC is attached */
  attestationNic: boolean;
  createdAt: Millis;
}

export interface OnPremCluster {
  name: string;
  domain: string;
  fqdn: string;
  /** OS installation; the 30-day registration deadline counts from here */
  installedAt: Millis;
  clusteredAt: Millis;
  osBuild: string;
  osDisplayVersion: string;
  /** the cluster's servers, in order; an index so per-cluster work never scans every node of the world */
  nodeNames: string[];
  registration?: ClusterRegistration;
  /** a registration stopped at PendingForAdminConsent; re-running with the same parameters resumes with this app */
  pendingConsent?: { appId: string; startedAt: Millis };
  /** Azure Benefits switched on for the cluster (Get-AzureStackHCI IMDSAttestation) */
  imdsAttestation: 'Disabled' | 'Enabled';
  diagnosticLevel: 'Off' | 'Basic' | 'Enhanced';
  /** HCI registration logs written by each attempt (RegisterHCI_…log) */
  logFiles: LogFile[];
}

export interface LogFile {
  name: string;
  createdAt: Millis;
  lines: string[];
}

// ───────────────────────────── Windows Azure Pack ─────────────────────────────

export interface WapNetwork {
  id: string;
  name: string;
  addressSpace: string;
  subscriptionId: string;
}

export interface WapVm {
  id: string;
  name: string;
  subscriptionId: string;
  power: VmPowerState;
  startedAt?: Millis;
  cpuCount: number;
  memoryMiB: number;
  os: string;
  ipAddress: string;
  networkIds: string[];
  checkpoints: VmCheckpoint[];
  currentCheckpointId?: string;
  createdAt: Millis;
}

export interface WapCloud {
  name: string;
  displayName: string;
  connectorReachable: boolean;
  connectorLatencyMs: number;
  /** users known to this cloud's identity provider */
  knownUsers: string[];
  subscriptions: { subscriptionId: string; displayName: string }[];
  vms: Record<string, WapVm>;
  networks: Record<string, WapNetwork>;
}

// ───────────────────────────── Jobs, events, faults, schedule ─────────────────────────────

export type JobStatus = 'InProgress' | 'Succeeded' | 'Failed';

export interface JobStep {
  /** offset from job start at which this step begins */
  at: Millis;
  percent: number;
  text: string;
}

/** A job's VM: on a cluster (no cloud) or in a Windows Azure Pack cloud. */
interface VmJobRef {
  vmId: string;
  cloud?: string;
  vmName: string;
}

export interface VmPowerJobInput extends VmJobRef {
  action: string;
  /** the state before the transitional one, put back when a WAP cloud's connector drops mid-job */
  previous: VmPowerState;
}

export interface CheckpointJobInput extends VmJobRef {
  op: 'create' | 'apply' | 'rename' | 'delete';
  /** the checkpoint's name as the job reports it (the new name for a rename) */
  label: string;
  /** set when the job starts for apply/rename/delete, and by the completion for create */
  checkpointId?: string;
  name?: string;
}

export interface CreateVmInput {
  cluster: string;
  name: string;
  hostNode: string;
  generation: 1 | 2;
  cpuCount: number;
  memoryMiB: number;
  os: string;
}

export type BenefitsFix = 'register' | 'start-servers' | 'host' | 'turn-off-vm' | 'remove-vms' | 'wait';

export interface PlannedBenefitsVm {
  vmId: string;
  vmName: string;
  hostServer: string;
}

export interface BenefitsVmOutcome extends PlannedBenefitsVm {
  outcome: 'Succeeded' | 'Failed' | 'Pending';
  /** the cmdlet's output status (Connected / Disconnected) or the reason it failed */
  message: string;
  code?: string;
  fix?: BenefitsFix;
}

export interface RegistrationInput {
  cluster: string;
  cloud: CloudName;
  subscriptionId: string;
  resourceGroup: string;
  region: string;
  resourceName: string;
  tenantId: string;
  enableArc: boolean;
  arcResourceGroup: string;
  /** who registered, for systemData */
  upn: string;
}

/** What a registration job was asked to do, decided when it starts. */
export interface RegistrationPlan extends RegistrationInput {
  createdResourceGroup: boolean;
  /** re-running on a cluster already registered to the same resource jumps straight to Arc */
  alreadyRegistered: boolean;
  legacyConsent: boolean;
}

export interface UnregisterRequest {
  cluster: string;
  /** a different subscription or cloud than the registration: the local state is cleared, Azure keeps everything */
  subscriptionId?: string;
  cloud?: CloudName;
}

/**
 * Every kind of job and the input its completion reads. `JobKind` is derived from it, and the dispatch table
 * in dispatch.ts is a `Record` over it, so a kind added here without a completion does not compile.
 */
export interface JobInputs {
  'vm/start': VmPowerJobInput;
  'vm/stop': VmPowerJobInput;
  'vm/shutdown': VmPowerJobInput;
  'vm/save': VmPowerJobInput;
  'vm/create': CreateVmInput & { vmId?: string };
  'vm/delete': VmJobRef;
  'vm/checkpoint': CheckpointJobInput;
  'vm/apply-checkpoint': CheckpointJobInput;
  'vm/rename-checkpoint': CheckpointJobInput;
  'vm/delete-checkpoint': CheckpointJobInput;
  'vnet/delete': { cloud: string; networkId: string; networkName: string };
  'cluster/register': { plan: RegistrationPlan; failure: { message: string; code: number } | null };
  'cluster/unregister': { request: UnregisterRequest };
  'cluster/repair': { cluster: string; upn: string };
  'cluster/sync': { cluster: string };
  'benefits/enable': {
    cluster: string;
    addVms: boolean;
    nodes: string[];
    partial: boolean;
    vms: PlannedBenefitsVm[];
    results?: BenefitsVmOutcome[];
  };
  'benefits/disable': {
    cluster: string;
    removeVms: boolean;
    vms: PlannedBenefitsVm[];
    results?: BenefitsVmOutcome[];
  };
  'benefits/add-vm': BenefitsVmJobInput;
  'benefits/remove-vm': BenefitsVmJobInput;
  'arc/enable': { cluster: string; nodes: string[]; upn: string };
  'arc/disable': { cluster: string; node: string };
}

export interface BenefitsVmJobInput {
  cluster: string;
  action: 'add' | 'remove';
  vms: PlannedBenefitsVm[];
  refused: BenefitsVmOutcome[];
  results?: BenefitsVmOutcome[];
}

export type JobKind = keyof JobInputs;

interface JobFields {
  id: string;
  /** e.g. "Registering Azure Stack HCI with Azure..." */
  title: string;
  /** connection the job runs against, for "Go to … on …" links */
  target: { type: ConnectionType | 'gateway' | 'cloud'; name: string };
  startedAt: Millis;
  /** when the job will finish, or did */
  endsAt: Millis;
  steps: JobStep[];
  status: JobStatus;
  /** final message: success text or the failure text */
  message?: string;
  /** machine-readable outcome, e.g. Success, PendingForAdminConsent, RegisterSucceededButArcFailed */
  result?: string;
}

/** A job of one kind (or, without the parameter, of any kind: a union narrowed by `kind`). */
export type Job<K extends JobKind = JobKind> = {
  [P in K]: JobFields & { kind: P; input: JobInputs[P] };
}[K];

export type EventLevel = 'Information' | 'Warning' | 'Error' | 'Critical' | 'Verbose';

export type EventChannel =
  'Microsoft-AzureStack-HCI/Admin' | 'Microsoft-AzureStack-HCI/Debug' | 'Application';

export interface NodeEvent {
  seq: number;
  node: string;
  channel: EventChannel;
  /** e.g. "HCI Registration", "Microsoft-AzureStack-HCI" */
  source: string;
  id: number;
  level: EventLevel;
  time: Millis;
  message: string;
}

export const FAULT_NAMES = [
  'node-down',
  'hcisvc-stopped',
  'outbound-blocked',
  'time-skew',
  'no-aad-consent',
  'no-arc-role',
  'reader-only',
  'cluster-app-deleted',
  'arc-app-deleted',
  'resource-deleted-in-portal',
  'tpm-cleared',
  'proxy-misconfigured',
  'api-latency',
  'api-errors',
  'api-throttling',
  'secure-boot-off',
  'node-restart',
  'arc-proxy-misconfigured',
  'hci-rp-role-removed',
  'cert-rotation-failing',
  'tenant-mfa-required',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

export interface ActiveFault {
  fault: FaultName;
  /** node, cluster or user the fault applies to; '*' for the whole world */
  target: string;
  since: Millis;
  /** what the fault changed, to put back on repair (e.g. an app registration it deleted) */
  undo?: { appRegistrations?: AppRegistration[] };
}

/**
 * A change that time itself causes. Only these are stored in the schedule; everything periodic and
 * uneventful (heartbeats, "is it still connected?") is derived.
 */
export type ScheduledEvent =
  | { at: Millis; kind: 'job/complete'; jobId: string }
  | { at: Millis; kind: 'cluster/sync'; cluster: string }
  | { at: Millis; kind: 'node/data-repaired'; node: string }
  /** the end of a Restart-Computer: the server answers again */
  | { at: Millis; kind: 'node/boot'; node: string }
  /** ArcRegistrationTask: retries the nodes a registration could not Arc-enable */
  | { at: Millis; kind: 'arc/registration-task'; cluster: string; nodes: string[] }
  /** the end of a long-running ARM delete: the resource (marked Deleting until then) goes */
  | { at: Millis; kind: 'arm/delete'; target: ArmDeleteTarget };

/** What a long-running ARM delete removes when it ends, by the names in its path. */
export type ArmDeleteTarget =
  | { type: 'resourceGroup'; subscriptionId: string; resourceGroup: string }
  | { type: 'cluster' | 'arcSetting'; subscriptionId: string; resourceGroup: string; cluster: string };

export type ScheduledEventKind = ScheduledEvent['kind'];

export interface Notification {
  id: string;
  time: Millis;
  level: 'Informational' | 'Success' | 'Warning' | 'Error';
  title: string;
  message: string;
  jobId?: string;
  read: boolean;
}

// ───────────────────────────── The world ─────────────────────────────

export interface World {
  schemaVersion: typeof SCHEMA_VERSION;
  /** the preset the world was built from */
  scenario: string;
  /** how far simulated time runs ahead of real time; only ever grows (hciSim.advance, the lab) */
  clockOffsetMs: Millis;
  /** simulated time the world has been advanced to; never moves back */
  processedUntil: Millis;
  /** monotonic counter behind every generated id */
  nextSeq: number;
  cloud: CloudWorld;
  gateway: Gateway;
  clusters: Record<string, OnPremCluster>;
  nodes: Record<string, ClusterNode>;
  vms: Record<string, VirtualMachine>;
  wapClouds: Record<string, WapCloud>;
  jobs: Record<string, Job>;
  /** newest last; capped per node so long runs stay small */
  events: NodeEvent[];
  notifications: Notification[];
  faults: ActiveFault[];
  /** sorted by `at`, ascending */
  schedule: ScheduledEvent[];
  /**
   * Device codes of the PowerShell consoles' Azure sign-ins, redeemed on the same simulated sign-in page as
   * the gateway's (the page may run in another tab, which only shares the world). Optional: older worlds load.
   */
  consoleDeviceCodes?: DeviceCode[];
}
