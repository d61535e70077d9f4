import type { ConnectionDto } from '@/api/contract';

export type ConnectionType = ConnectionDto['type'];

const enc = encodeURIComponent;

/** Every in-app URL is built here so links and routes cannot drift apart. */
export const paths = {
  home: () => '/',
  gatewaySettings: (section?: string) => (section ? `/settings/${enc(section)}` : '/settings'),
  azurePortal: (portalPath?: string | null) =>
    portalPath ? `/azure${portalPath.startsWith('/') ? '' : '/'}${portalPath}` : '/azure',
  azureStackPortal: () => '/azure-stack',
  connection: (type: ConnectionType, name: string) => `/connections/${type}/${enc(name)}`,
  tool: (type: ConnectionType, name: string, toolId: string) =>
    `/connections/${type}/${enc(name)}/tools/${enc(toolId)}`,
  connectionSettings: (type: ConnectionType, name: string, section?: string) =>
    `/connections/${type}/${enc(name)}/settings${section ? `/${enc(section)}` : ''}`,
};

/** Section ids that other pages deep-link into. */
export const settingsSections = {
  registration: 'azure-stack-hci-registration',
  benefits: 'azure-benefits',
  account: 'account',
  personalization: 'personalization',
} as const;

export function isConnectionType(value: string | undefined): value is ConnectionType {
  return value === 'cluster' || value === 'server';
}
