import { describe, expect, it } from 'vitest';
import {
  buildScenario,
  clusterArcStatus,
  clusterBenefitsStatus,
  connectionTypeLabel,
  serverStatus,
  vmStatus,
} from './index';
import type { ClusterNode, OnPremCluster, VirtualMachine } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const world = buildScenario('registered', T0);
const node = Object.values(world.nodes)[0] as ClusterNode;
const vm = Object.values(world.vms)[0] as VirtualMachine;
const cluster = Object.values(world.clusters)[0] as OnPremCluster;

describe('the one-word states of a server and a VM', () => {
  it('a running server reports its service, connectivity and uptime', () => {
    const up = { ...node, power: 'Up' as const, hcisvcRunning: true, outboundBlocked: false, lastBootAt: T0 };
    expect(serverStatus(up, T0 + 90_000)).toMatchObject({
      state: 'Up',
      hcisvc: 'Running',
      outboundConnectivity: 'Connected',
      uptimeSeconds: 90,
    });
    expect(serverStatus({ ...up, outboundBlocked: true }, T0).outboundConnectivity).toBe('Blocked');
    expect(serverStatus({ ...up, hcisvcRunning: false }, T0).hcisvc).toBe('Stopped');
  });

  it('a server that is down answers nothing else: Unknown, no uptime', () => {
    expect(serverStatus({ ...node, power: 'Down' }, T0)).toMatchObject({
      state: 'Down',
      hcisvc: 'Unknown',
      outboundConnectivity: 'Unknown',
      uptimeSeconds: null,
      benefits: 'Unknown',
    });
  });

  it('names the TPM as the server reports it', () => {
    expect(serverStatus({ ...node, tpmPresent: false }, T0).tpm).toBe('Not present');
    expect(serverStatus({ ...node, tpmPresent: true, tpmCleared: true }, T0).tpm).toBe('Cleared');
    expect(serverStatus({ ...node, tpmPresent: true, tpmCleared: false }, T0).tpm).toBe('Ready');
  });

  it('a VM that is not running has no CPU use and no uptime', () => {
    const running = { ...vm, power: 'Running' as const, startedAt: T0, cpuUsagePercent: 40 };
    expect(vmStatus(running, T0 + 5_000)).toEqual({ cpuUsagePercent: 40, uptimeSeconds: 5 });
    expect(vmStatus({ ...running, power: 'Off' }, T0 + 5_000)).toEqual({
      cpuUsagePercent: 0,
      uptimeSeconds: null,
    });
  });

  it('words the cluster’s Arc and Benefits states and the connection types', () => {
    expect(clusterArcStatus({ ...cluster, registration: undefined })).toBe('Unknown');
    const registration = cluster.registration as NonNullable<OnPremCluster['registration']>;
    expect(clusterArcStatus({ ...cluster, registration: { ...registration, arcEnabled: false } })).toBe(
      'Disabled',
    );
    expect(clusterArcStatus({ ...cluster, registration: { ...registration, arcEnabled: true } })).toBe(
      'Enabled',
    );
    expect(clusterBenefitsStatus({ ...cluster, imdsAttestation: 'Enabled' })).toBe('On');
    expect(clusterBenefitsStatus({ ...cluster, imdsAttestation: 'Disabled' })).toBe('Off');
    expect(connectionTypeLabel('cluster')).toBe('Server clusters');
    expect(connectionTypeLabel('server')).toBe('Servers');
  });
});
