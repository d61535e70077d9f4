/**
 * What the registration wizard reads before and after a registration: the regions it offers, and the
 * registration log files a cluster keeps (RegisterHCI_*.log, newest first).
 */
import type { LogFileDto } from '../../src/api/contract';
import { ALL_LOCATIONS, CLOUDS } from './clouds';
import type { Region } from './clouds';
import { requireCluster } from './cluster-lookup';
import { SimError } from './core';
import { quote } from './lookup';
import type { OnPremCluster, World } from './model';

/**
 * The regions of the gateway's cloud: Azure Stack HCI's regions there first (supported), then the cloud's
 * other Azure regions (shown, not supported). Another cloud's regions are not offered at all.
 */
export function registrationRegions(world: World): (Region & { supported: boolean })[] {
  const cloud = world.gateway.registration?.cloud ?? 'AzureCloud';
  const supported = new Set(CLOUDS[cloud].hciRegions.map((r) => r.name));
  return [
    ...CLOUDS[cloud].hciRegions.map((r) => ({ ...r, supported: true })),
    ...ALL_LOCATIONS.filter(
      (r) =>
        !supported.has(r.name) &&
        !Object.values(CLOUDS).some((c) => c.name !== cloud && c.hciRegions.some((h) => h.name === r.name)),
    ).map((r) => ({ ...r, supported: false })),
  ];
}

type LogFile = OnPremCluster['logFiles'][number];

/** The cluster's registration logs, newest first. */
export function registrationLogs(world: World, clusterName: string): LogFile[] {
  return [...requireCluster(world, clusterName).logFiles].reverse();
}

/** One registration log of the cluster by its file name, or 404 LogNotFound. */
export function registrationLog(world: World, clusterName: string, fileName: string): LogFile {
  const file = requireCluster(world, clusterName).logFiles.find((f) => f.name === fileName);
  if (!file)
    throw new SimError('not-found', 'LogNotFound', `There is no log file named '${quote(fileName)}'.`);
  return file;
}

/** The registration log files of the cluster as the page lists them (name, time, line count). */
export function registrationLogFilesView(world: World, clusterName: string): LogFileDto[] {
  return registrationLogs(world, clusterName).map((f) => ({
    name: f.name,
    createdAt: new Date(f.createdAt).toISOString(),
    lineCount: f.lines.length,
  }));
}
