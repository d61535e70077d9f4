/** ARM resource ids and the keys the world stores resources under (ARM ids are case-insensitive). */
export const rgKey = (subscriptionId: string, resourceGroup: string) =>
  `${subscriptionId.toLowerCase()}/${resourceGroup.toLowerCase()}`;

export const resourceGroupId = (subscriptionId: string, resourceGroup: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;

export const hciClusterId = (subscriptionId: string, resourceGroup: string, name: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.AzureStackHCI/clusters/${name}`;

export const arcSettingId = (clusterId: string) => `${clusterId}/arcSettings/default`;

export const machineId = (subscriptionId: string, resourceGroup: string, name: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.HybridCompute/machines/${name}`;

export const resourceKey = (id: string) => id.toLowerCase();

/** The form Get-AzureStackHCI prints (capital S in "Subscriptions"). */
export const onBoxResourceUri = (subscriptionId: string, resourceGroup: string, name: string) =>
  `/Subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.AzureStackHCI/clusters/${name}`;

/** The portal's cloud view shows a resource at this path (its deep link from the gateway's pages). */
export const portalPathOf = (resourceId: string): string => `/azure/resource${resourceId}`;
