/** Static facts about the Azure clouds (arm-api.md §7, behaviour.md §1.7). Not part of the world: they never change. */
import type { CloudName } from './model';

export interface Region {
  /** normalised name, e.g. eastus */
  name: string;
  displayName: string;
}

export interface CloudEnvironment {
  name: CloudName;
  /** as WAC's gateway registration lists it */
  displayName: string;
  portalUrl: string;
  authority: string;
  dataPlaneEndpoint: string;
  defaultRegion: string;
  /** regions where Microsoft.AzureStackHCI/clusters can be created */
  hciRegions: Region[];
}

const region = (displayName: string): Region => ({ name: normaliseRegion(displayName), displayName });

export const CLOUDS: Record<CloudName, CloudEnvironment> = {
  AzureCloud: {
    name: 'AzureCloud',
    displayName: 'Azure Global',
    portalUrl: 'https://portal.azure.com/',
    authority: 'https://login.microsoftonline.com',
    dataPlaneEndpoint: 'https://dp.stackhci.azure.com',
    defaultRegion: 'eastus',
    hciRegions: [
      'East US',
      'South Central US',
      'Canada Central',
      'West Europe',
      'Southeast Asia',
      'Central India',
      'Japan East',
      'Australia East',
    ].map(region),
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    displayName: 'Azure China',
    portalUrl: 'https://portal.azure.cn/',
    authority: 'https://login.partner.microsoftonline.cn',
    dataPlaneEndpoint: 'https://dp.stackhci.azure.cn',
    defaultRegion: 'chinaeast2',
    hciRegions: ['China East 2', 'China North 3'].map(region),
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    displayName: 'Azure Government',
    portalUrl: 'https://portal.azure.us/',
    authority: 'https://login.microsoftonline.us',
    dataPlaneEndpoint: 'https://dp.azurestackhci.azure.us',
    defaultRegion: 'usgovvirginia',
    hciRegions: ['US Gov Virginia'].map(region),
  },
};

/** Every location ARM knows of, for resource groups and machines (a resource group may live anywhere). */
export const ALL_LOCATIONS: Region[] = [
  'East US',
  'East US 2',
  'West US',
  'West US 2',
  'West US 3',
  'Central US',
  'North Central US',
  'South Central US',
  'Canada Central',
  'Brazil South',
  'North Europe',
  'West Europe',
  'UK South',
  'France Central',
  'Germany West Central',
  'Sweden Central',
  'Southeast Asia',
  'East Asia',
  'Central India',
  'Japan East',
  'Korea Central',
  'Australia East',
  'China East 2',
  'China North 3',
  'US Gov Virginia',
  'US Gov Arizona',
].map(region);

/** "East US", "eastus" and "EastUS" are the same region: spaces removed, lower-cased (Validate-RegionName). */
export function normaliseRegion(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

export function findLocation(name: string): Region | undefined {
  const key = normaliseRegion(name);
  return ALL_LOCATIONS.find((r) => r.name === key);
}

/** The tag Register-AzStackHCI puts on a resource group it creates; unregister deletes only those, when empty. */
export const CREATED_BY_TAG = { CreatedBy: '4C02703C-F5D0-44B0-ADC3-4ED5C2839E61' } as const;
