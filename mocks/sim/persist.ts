/**
 * The world as JSON: what snapshot() and export give, and what import and the reload path read back.
 * Reading is defensive: a file from another schema version, a hand-edited file or a truncated one is
 * refused with a reason, and nothing of the current world is touched.
 */
import { SimError } from './core';
import { quote } from './lookup';
import { EVENT_HANDLERS } from './dispatch';
import { FAULT_NAMES, SCHEMA_VERSION } from './model';
import type { World } from './model';

export function serializeWorld(world: World): string {
  return JSON.stringify(world);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(reason: string): SimError {
  return new SimError(
    'bad-request',
    'InvalidWorld',
    `This file is not a world this portal can load: ${reason}`,
  );
}

function expectRecord(parent: Record<string, unknown>, key: string, path: string): Record<string, unknown> {
  const value = parent[key];
  if (!isRecord(value)) throw invalid(`'${path}${key}' is missing or is not an object.`);
  return value;
}

function expectArray(parent: Record<string, unknown>, key: string, path: string): unknown[] {
  const value = parent[key];
  if (!Array.isArray(value)) throw invalid(`'${path}${key}' is missing or is not a list.`);
  return value;
}

function expectNumber(parent: Record<string, unknown>, key: string, path: string): number {
  const value = parent[key];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalid(`'${path}${key}' is missing or is not a number.`);
  return value;
}

/** Parses and checks a world; throws SimError(bad-request, InvalidWorld) with the first problem found. */
export function parseWorld(text: string): World {
  if (text.trim() === '')
    throw new SimError(
      'bad-request',
      'EmptyFile',
      'The file is empty: choose a world exported from the lab.',
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(`it is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!isRecord(data)) throw invalid('the top level is not an object.');
  if (data.schemaVersion !== SCHEMA_VERSION) {
    throw invalid(
      data.schemaVersion === undefined
        ? `it has no schemaVersion; this portal reads version ${SCHEMA_VERSION}.`
        : `its schema version is ${quote(JSON.stringify(data.schemaVersion))}, and this portal reads version ${SCHEMA_VERSION}.`,
    );
  }
  if (typeof data.scenario !== 'string') throw invalid("'scenario' is missing.");
  expectNumber(data, 'clockOffsetMs', '');
  expectNumber(data, 'processedUntil', '');
  expectNumber(data, 'nextSeq', '');
  const cloud = expectRecord(data, 'cloud', '');
  for (const key of [
    'tenants',
    'users',
    'subscriptions',
    'resourceGroups',
    'hciClusters',
    'machines',
    'apps',
  ])
    expectRecord(cloud, key, 'cloud.');
  const gateway = expectRecord(data, 'gateway', '');
  expectArray(gateway, 'connections', 'gateway.');
  const clusters = expectRecord(data, 'clusters', '');
  const nodes = expectRecord(data, 'nodes', '');
  const vms = expectRecord(data, 'vms', '');
  for (const key of ['wapClouds', 'jobs']) expectRecord(data, key, '');
  for (const key of ['events', 'notifications', 'faults', 'schedule']) expectArray(data, key, '');

  for (const [name, cluster] of Object.entries(clusters)) {
    if (!isRecord(cluster) || !Array.isArray(cluster.nodeNames))
      throw invalid(`cluster '${name}' has no list of servers.`);
    for (const nodeName of cluster.nodeNames) {
      if (typeof nodeName !== 'string' || !(nodeName in nodes))
        throw invalid(
          `cluster '${name}' lists a server ${JSON.stringify(nodeName)} that is not in the file.`,
        );
    }
  }
  for (const [name, node] of Object.entries(nodes)) {
    if (
      !isRecord(node) ||
      typeof node.cluster !== 'string' ||
      !isRecord(node.arc) ||
      !isRecord(node.attestation)
    ) {
      throw invalid(`server '${name}' is incomplete.`);
    }
    if (!(node.cluster in clusters))
      throw invalid(`server '${name}' belongs to cluster '${node.cluster}', which is not in the file.`);
  }
  for (const [id, vm] of Object.entries(vms)) {
    if (!isRecord(vm) || typeof vm.hostNode !== 'string' || typeof vm.name !== 'string')
      throw invalid(`virtual machine '${id}' is incomplete.`);
    if (!(vm.hostNode in nodes))
      throw invalid(`virtual machine '${vm.name}' is hosted on '${vm.hostNode}', which is not in the file.`);
  }
  for (const fault of data.faults as unknown[]) {
    if (!isRecord(fault) || !(FAULT_NAMES as readonly unknown[]).includes(fault.fault))
      throw invalid(`it lists an unknown fault ${JSON.stringify(isRecord(fault) ? fault.fault : fault)}.`);
  }
  const schedule = data.schedule as unknown[];
  for (const event of schedule) {
    if (!isRecord(event) || typeof event.kind !== 'string' || !Object.hasOwn(EVENT_HANDLERS, event.kind))
      throw invalid(
        `its schedule has an event of unknown kind ${JSON.stringify(isRecord(event) ? event.kind : event)}.`,
      );
  }
  for (let i = 1; i < schedule.length; i++) {
    const a = schedule[i - 1];
    const b = schedule[i];
    if (!isRecord(a) || !isRecord(b) || typeof a.at !== 'number' || typeof b.at !== 'number' || a.at > b.at)
      throw invalid('its schedule is not in time order.');
  }
  return data as unknown as World;
}
