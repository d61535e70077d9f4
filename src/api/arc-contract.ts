/**
 * Wire types for Azure Arc: the cluster's Arc-enabled servers as WAC shows them (the on-premises agent
 * and the Azure machine resource side by side), and the simulated run of the portal's onboarding script.
 */

/** What the server's own agent says (`azcmagent show`), as the gateway reads it. */
export type OnPremAgentStatus = 'Connected' | 'Disconnected' | 'Expired' | 'Not installed' | 'Offline';

/** Microsoft.HybridCompute/machines `properties.status`; null until the first heartbeat. */
export type AzureMachineStatus = 'Connected' | 'Disconnected' | 'Expired';

export interface ArcServerDto {
  name: string;
  fqdn: string;
  /** '' for a standalone server */
  cluster: string;
  /** Get-AzureStackHCIArcIntegration NodesArcStatus for this server; Unknown off a registered cluster */
  arcStatus: 'Enabled' | 'Disabled' | 'Unknown';
  agentVersion: string | null;
  onPrem: {
    status: OnPremAgentStatus;
    /** the last heartbeat the agent sent that reached Azure */
    lastHeartbeat: string | null;
    /** when the gateway read it (simulated now) */
    checkedAt: string;
  };
  /** null when no machine resource stands for this server in Azure */
  azure: {
    resourceId: string;
    subscriptionId: string;
    resourceGroup: string;
    status: AzureMachineStatus | null;
    lastStatusChange: string | null;
    /** cloud-view deep link */
    portalPath: string;
  } | null;
  /** the status column: Azure's status, else what can be said without it */
  displayStatus: AzureMachineStatus | 'Not installed' | 'Waiting for first heartbeat' | 'Not enabled';
  /** both sides tell the same story */
  statusesAgree: boolean;
}

/** GET /api/clusters/:name/arc */
export interface ClusterArcDto {
  cluster: string;
  registered: boolean;
  clusterArcStatus: 'Enabled' | 'Disabled' | 'Unknown';
  /** arcInstanceResourceGroup, once Arc is set up */
  resourceGroup: string | null;
  /** cloud-view link to the cluster resource */
  clusterPortalPath: string | null;
  servers: ArcServerDto[];
}

/** POST /api/clusters/:name/arc/enable — all servers not yet enabled when `nodes` is absent */
export interface EnableArcRequest {
  nodes?: string[];
}

/** POST /api/servers/:name/arc/disconnect */
export interface DisconnectAgentRequest {
  /** azcmagent disconnect --force-local-only: Azure is not told */
  forceLocalOnly?: boolean;
}

/** POST /api/cloud/onboarding/run — the generated script, run on a new simulated server */
export interface RunOnboardingRequest {
  serverName: string;
  subscriptionId: string;
  resourceGroup: string;
  region: string;
  osType: 'windows' | 'linux';
  tags: Record<string, string>;
  proxyUrl?: string;
}

export interface RunOnboardingResultDto {
  serverName: string;
  machineResourceId: string;
  portalPath: string;
}
