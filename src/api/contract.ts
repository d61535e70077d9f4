/**
 * Wire types of the gateway/cluster API at same-origin `/api/...`, shared by the UI and the MSW handlers
 * (handlers build these with `satisfies`). Field names follow what Windows Admin Center's PowerShell returns
 * (Get-AzureStackHCI, Get-AzureStackHCIArcIntegration, …) in camelCase. Times are ISO 8601 strings of
 * simulated time.
 *
 * Errors from `/api` are `{ error: { code, message, details? } }` with a 4xx/5xx status, the same shape ARM uses.
 */

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    target?: string;
    details?: { code: string; message: string; target?: string }[];
  };
}

/** GET /api/sim/clock */
export interface ClockDto {
  /** simulated now */
  now: string;
  /** how far simulated time is ahead of real time, ms */
  offsetMs: number;
  scenario: string;
}

export type ConnectionStatusDto =
  'Online' | 'Warning' | 'Server Unreachable' | 'Needs Authorization' | 'Unknown';

/** GET /api/connections */
export interface ConnectionDto {
  name: string;
  type: 'cluster' | 'server';
  /** "Server clusters" / "Servers", as WAC's Type column shows */
  typeLabel: string;
  lastConnected: string | null;
  managingAs: string;
  tags: string[];
  status: ConnectionStatusDto;
  /** short explanation shown beside Warning/Unreachable */
  statusDetail?: string;
}

/** POST /api/connections */
export interface AddConnectionRequest {
  name: string;
  type: 'cluster' | 'server';
  tags?: string[];
}

/** PATCH /api/connections/:type/:name — Edit Tags, Manage as; only the fields given change */
export interface UpdateConnectionRequest {
  tags?: string[];
  managingAs?: string;
  /** With managingAs; stored with the connection, never returned */
  password?: string;
  /** Manage as's "Use these credentials for all connections": every connection gets managingAs and password */
  allConnections?: boolean;
}

export type NodeStateDto = 'Up' | 'Down' | 'Paused';

/** Get-AzureStackHCI as one node reports it, plus time-derived values */
export interface AzureStackHciStatusDto {
  clusterStatus: 'NotYet' | 'Clustered' | 'OutOfPolicy';
  registrationStatus: 'NotYet' | 'Registered' | 'OutOfPolicy';
  registrationDate: string | null;
  azureResourceName: string | null;
  azureResourceUri: string | null;
  /** '' when unregistered, as the cmdlet prints */
  connectionStatus: '' | 'Connected' | 'NotConnectedRecently' | 'Disconnected' | 'OutOfPolicy';
  lastConnected: string | null;
  nextSync: string | null;
  imdsAttestation: 'Disabled' | 'Enabled' | '';
  diagnosticLevel: 'Off' | 'Basic' | 'Enhanced';
  region: string | null;
  /** the 30-day deadline: from install while unregistered, from the last sync once registered */
  outOfPolicyAt: string | null;
  /** whole days left before OutOfPolicy (0 when already past), null when not applicable */
  daysUntilOutOfPolicy: number | null;
  /** WAC's wording for the dashboard card */
  wacConnectionText:
    'Not yet registered' | 'Connected' | 'Not connected recently' | 'Disconnected' | 'Out of policy';
  subscriptionId: string | null;
  resourceGroup: string | null;
  cloud: string | null;
  /** new VMs are refused while true (unregistered past the grace period, or OutOfPolicy) */
  vmCreationBlocked: boolean;
}

export interface ArcNodeStatusDto {
  nodeName: string;
  /** Get-AzureStackHCIArcIntegration NodesArcStatus */
  arcStatus: 'Unknown' | 'Enabled' | 'Disabled' | 'DisableInProgress';
  /** the Azure view of the node's machine: Connected / Disconnected / Expired, or Not installed */
  agentStatus: 'Connected' | 'Disconnected' | 'Expired' | 'Not installed' | 'Pending';
  agentVersion: string | null;
  lastHeartbeat: string | null;
  machineResourceId: string | null;
}

export interface NodeDto {
  name: string;
  fqdn: string;
  cluster: string;
  state: NodeStateDto;
  hcisvc: 'Running' | 'Stopped' | 'Unknown';
  outboundConnectivity: 'Connected' | 'Blocked' | 'Proxy misconfigured' | 'Unknown';
  clockSkewSeconds: number;
  osName: string;
  osBuild: string;
  osDisplayVersion: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  coreCount: number;
  memoryGiB: number;
  tpm: 'Ready' | 'Cleared' | 'Not present';
  secureBoot: boolean;
  uptimeSeconds: number | null;
  vmCount: number;
  runningVmCount: number;
  arc: ArcNodeStatusDto;
  benefits: {
    status: 'Active' | 'Inactive' | 'Expired' | 'Unknown';
    expiration: string | null;
  };
}

export interface VmSummaryDto {
  total: number;
  running: number;
  off: number;
  saved: number;
  other: number;
  withBenefits: number;
}

/** GET /api/clusters/:name */
export interface ClusterDto {
  name: string;
  fqdn: string;
  osDisplayVersion: string;
  osBuild: string;
  installedAt: string;
  nodes: NodeDto[];
  vms: VmSummaryDto;
  registration: AzureStackHciStatusDto;
  arc: {
    clusterArcStatus: 'Unknown' | 'Enabled' | 'Disabled' | 'DisableInProgress';
    /** WAC tile wording: Connected when every server is Arc-enabled */
    wacText: 'Not configured' | 'Connected' | 'Partially connected' | 'Disconnected';
  };
  benefits: {
    clusterStatus: 'On' | 'Off';
    vmsWithBenefits: number;
    vmCount: number;
  };
  /** ARM id of the cluster resource when registered */
  azureResourceId: string | null;
  /** deep link into the cloud view when registered */
  portalPath: string | null;
}

export interface VmDto {
  id: string;
  name: string;
  cluster: string;
  hostServer: string;
  state: 'Running' | 'Off' | 'Saved' | 'Paused' | 'Starting' | 'Stopping' | 'Saving';
  generation: 1 | 2;
  cpuCount: number;
  cpuUsagePercent: number;
  memoryMiB: number;
  uptimeSeconds: number | null;
  os: string;
  ipAddress: string;
  networks: string[];
  clustered: boolean;
  checkpointCount: number;
  azureBenefits: 'Connected' | 'Disconnected' | 'Off';
}

/** GET /api/clusters/:name/vms — paged server-side so 10,000 VMs never cross the wire at once */
export interface VmListDto {
  items: VmDto[];
  total: number;
}

export interface JobStepDto {
  percent: number;
  text: string;
  done: boolean;
}

/** GET /api/jobs, GET /api/jobs/:id */
export interface JobDto {
  id: string;
  kind: string;
  title: string;
  target: { type: string; name: string };
  startedAt: string;
  endedAt: string | null;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  percent: number;
  currentStep: string | null;
  steps: JobStepDto[];
  message: string | null;
  result: string | null;
}

/** GET /api/notifications */
export interface NotificationDto {
  id: string;
  time: string;
  level: 'Informational' | 'Success' | 'Warning' | 'Error';
  title: string;
  message: string;
  jobId: string | null;
  read: boolean;
}

/** GET /api/nodes/:name/events */
export interface NodeEventDto {
  seq: number;
  node: string;
  channel: string;
  source: string;
  id: number;
  level: 'Information' | 'Warning' | 'Error' | 'Critical' | 'Verbose';
  time: string;
  message: string;
}

/** GET /api/gateway */
export interface GatewayDto {
  hostName: string;
  registered: boolean;
  registration: { cloud: string; tenantId: string; appId: string; registeredAt: string } | null;
  account: {
    upn: string;
    displayName: string;
    tenantId: string;
    tokenExpiresAt: string;
    expired: boolean;
  } | null;
}

/** GET /api/gateway/registration — where the "Get started with Azure" pane stands */
export interface GatewayRegistrationFlowDto {
  gatewayHost: string;
  appName: string;
  clouds: { name: 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment'; displayName: string }[];
  registered: boolean;
  deviceCode: {
    code: string;
    cloud: string;
    expiresAt: string;
    expired: boolean;
    /** the account that signed in with it, once it has */
    redeemedBy: string | null;
  } | null;
  /** tenants of the signed-in device account in the chosen cloud */
  tenants: { tenantId: string; displayName: string; defaultDomain: string }[];
  pending: {
    tenantId: string;
    appId: string;
    appName: string;
    createdApp: boolean;
    consentGranted: boolean;
    /** what the Permissions requested prompt lists */
    permissions: string[];
    /** where an administrator grants consent, in the cloud view */
    adminConsentPath: string;
  } | null;
}

/** POST /api/gateway/device-code */
export interface DeviceCodeRequest {
  cloud: 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';
}

/** POST /api/device-login — the simulated Microsoft sign-in page */
export interface DeviceLoginRequest {
  code: string;
  upn: string;
}

/** GET /api/device-login/accounts?code= — accounts offered by the sign-in page once the code checks out */
export interface DeviceLoginAccountDto {
  upn: string;
  displayName: string;
}

/** POST /api/gateway/connect */
export interface GatewayConnectRequest {
  tenantId: string;
  application: { mode: 'create' } | { mode: 'existing'; appId: string };
}

/** POST /api/gateway/sign-in */
export interface SignInRequest {
  upn?: string;
}

/** GET /api/gateway/azure-readiness — what any Azure action must check first */
export interface AzureReadinessDto {
  ready: boolean;
  code: 'GatewayNotRegistered' | 'NotSignedIn' | 'SessionExpired' | null;
  message: string | null;
}

/** GET /api/cloud/apps — Entra app registrations of the tenant, for the cloud view */
export interface AppRegistrationDto {
  appId: string;
  objectId: string;
  displayName: string;
  tenantId: string;
  kind: 'gateway' | 'cluster' | 'arc' | 'other';
  clusterName: string | null;
  replyUrls: string[];
  permissions: string[];
  adminConsentGranted: boolean;
  createdAt: string;
}

/** GET /api/cloud/users — accounts of the simulated tenants (the sign-in page and the cloud view's "acting as") */
export interface AzureUserDto {
  upn: string;
  displayName: string;
  tenantIds: string[];
  canGrantAdminConsent: boolean;
  roles: { subscriptionId: string; subscriptionName: string; role: string }[];
}

/** GET /api/clusters/:name/registration/prerequisites?subscriptionId=&enableArc= */
export interface PrerequisiteCheckDto {
  id: string;
  title: string;
  state: 'pass' | 'warn' | 'fail';
  detail: string;
  remedy: string | null;
  nodes: string[];
}

/** GET /api/clusters/:name/registration/regions — the clouds' regions where HCI clusters can be created */
export interface RegionDto {
  name: string;
  displayName: string;
  /** false for regions ARM knows but Azure Stack HCI is not available in */
  supported: boolean;
}

/** POST /api/clusters/:name/registration */
export interface RegisterClusterRequestDto {
  subscriptionId: string;
  resourceGroup: string;
  /** true when the wizard's "Create new" was chosen; the group must not exist yet */
  createResourceGroup: boolean;
  region: string;
  enableArc: boolean;
  arcResourceGroup?: string;
  /** Register-AzStackHCI's -ResourceName: the HCI resource and its Azure AD app; default the cluster's name */
  resourceName?: string;
}

/** POST /api/clusters/:name/unregister (optional overrides reproduce the wrong-subscription case) */
export interface UnregisterClusterRequestDto {
  subscriptionId?: string;
  cloud?: 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';
}

/** GET /api/clusters/:name/registration/logs */
export interface LogFileDto {
  name: string;
  createdAt: string;
  lineCount: number;
}

/** POST /api/clusters/:name/vms */
export interface CreateVmRequestDto {
  name: string;
  hostServer: string;
  generation: 1 | 2;
  cpuCount: number;
  memoryMiB: number;
  os: string;
}
