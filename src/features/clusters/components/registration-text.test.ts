import type { AzureStackHciStatusDto } from '@/api/contract';
import { policyCountdown } from './registration-text';

const unregistered: AzureStackHciStatusDto = {
  clusterStatus: 'Clustered',
  registrationStatus: 'NotYet',
  registrationDate: null,
  azureResourceName: null,
  azureResourceUri: null,
  connectionStatus: '',
  lastConnected: null,
  nextSync: null,
  imdsAttestation: '',
  diagnosticLevel: 'Basic',
  region: null,
  outOfPolicyAt: '2026-12-20T09:00:00.000Z',
  daysUntilOutOfPolicy: 28,
  wacConnectionText: 'Not yet registered',
  subscriptionId: null,
  resourceGroup: null,
  cloud: null,
  vmCreationBlocked: false,
};

const registered: AzureStackHciStatusDto = {
  ...unregistered,
  registrationStatus: 'Registered',
  azureResourceUri:
    '/subscriptions/s/resourceGroups/rg/providers/Microsoft.AzureStackHCI/clusters/hci-cluster01',
  connectionStatus: 'Connected',
  lastConnected: '2026-11-22T08:00:00.000Z',
  nextSync: '2026-11-22T20:00:00.000Z',
  daysUntilOutOfPolicy: 30,
  wacConnectionText: 'Connected',
};

const texts = (r: AzureStackHciStatusDto) => policyCountdown(r).map((line) => line.text);

describe('policyCountdown', () => {
  it.each([
    [{ ...unregistered }, ['28 days left to register before the cluster is out of policy']],
    [
      { ...unregistered, daysUntilOutOfPolicy: 1 },
      ['1 day left to register before the cluster is out of policy'],
    ],
    [{ ...unregistered, daysUntilOutOfPolicy: null }, []],
    [
      {
        ...unregistered,
        registrationStatus: 'OutOfPolicy' as const,
        daysUntilOutOfPolicy: 0,
        vmCreationBlocked: true,
      },
      ["Out of policy: new virtual machines can't be created until the cluster is registered."],
    ],
    [{ ...registered }, [expect.stringMatching(/^Next sync: /)]],
    [
      {
        ...registered,
        connectionStatus: 'Disconnected' as const,
        wacConnectionText: 'Disconnected' as const,
        daysUntilOutOfPolicy: 12,
      },
      [expect.stringMatching(/^Next sync: /), '12 days left to sync before the cluster is out of policy'],
    ],
    [
      {
        ...registered,
        registrationStatus: 'OutOfPolicy' as const,
        connectionStatus: 'OutOfPolicy' as const,
        daysUntilOutOfPolicy: 0,
      },
      [
        "Out of policy: new virtual machines can't be created until the cluster is synced.",
        expect.stringMatching(/^Next sync: /),
      ],
    ],
  ])('%#: words the deadline for the cluster state', (registration, expected) => {
    expect(texts(registration)).toEqual(expected);
  });

  it('marks the last week and the past deadline as urgent', () => {
    expect(policyCountdown({ ...unregistered, daysUntilOutOfPolicy: 7 })[0]?.urgent).toBe(true);
    expect(policyCountdown({ ...unregistered, daysUntilOutOfPolicy: 8 })[0]?.urgent).toBe(false);
    expect(policyCountdown({ ...unregistered, daysUntilOutOfPolicy: 0 })[0]?.urgent).toBe(true);
  });
});
