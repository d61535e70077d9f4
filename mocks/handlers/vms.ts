/**
 * Cluster Manager's Virtual machines tool under `/api/clusters/:name/vms` and `/api/vms/:id/...`: create,
 * power actions, delete, checkpoints, Connect (.rdp) and the details. Every change answers 202 with the
 * JobDto to poll; bad input is a 4xx that changes nothing. Projections shared with the multi-cloud routes.
 */
import { http, HttpResponse } from 'msw';
import type { CheckpointDto, VmDetailDto } from '../../src/api/vms-contract';
import type { SimRuntime } from '../runtime';
import {
  rdpConnection,
  requireClusterVm,
  startCheckpointJob,
  startCreateVm,
  startDeleteVm,
  startVmAction,
  vmBenefitsStatus,
} from '../sim';
import type { Job, Millis, Op, VirtualMachine, VmCheckpoint, VmRef, WapVm, World } from '../sim';
import { checkpointNameSchema, createVmSchema } from '../../src/api/request-schemas';
import { acceptedJob, parseBody, simRoute } from './http';
import { vmDto } from './views';
import { requireCluster } from '../sim';

export const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Starts a job and answers 202 with it, or the refusal with its status. */
export const jobResponse = (sim: SimRuntime, op: Op<Job>): Response => acceptedJob(sim, op);

export function checkpointDtos(vm: {
  checkpoints: VmCheckpoint[];
  currentCheckpointId?: string;
}): CheckpointDto[] {
  return vm.checkpoints.map((c) => ({
    id: c.id,
    name: c.name,
    createdAt: new Date(c.createdAt).toISOString(),
    parentId: c.parentId ?? null,
    current: c.id === vm.currentCheckpointId,
  }));
}

const mb = (mib: number) => `${mib.toLocaleString('en-US')} MB`;

/** The configuration Settings shows, grouped as Hyper-V Manager's settings are. */
export function vmSettings(
  vm: VirtualMachine | WapVm,
  networks: string[],
  extra: { group: string; label: string; value: string }[] = [],
) {
  const generation = 'generation' in vm ? vm.generation : 2;
  const linux = /ubuntu|linux|red hat/i.test(vm.os);
  return [
    { group: 'General', label: 'Name', value: vm.name },
    { group: 'General', label: 'Generation', value: `Generation ${generation}` },
    { group: 'General', label: 'Configuration version', value: generation === 1 ? '8.0' : '10.0' },
    { group: 'General', label: 'Created', value: new Date(vm.createdAt).toISOString() },
    ...extra,
    { group: 'Memory', label: 'Startup memory', value: mb(vm.memoryMiB) },
    { group: 'Memory', label: 'Dynamic memory', value: 'Off' },
    { group: 'Processors', label: 'Virtual processors', value: String(vm.cpuCount) },
    { group: 'Network', label: 'Network adapters', value: networks.join(', ') || 'None' },
    { group: 'Network', label: 'IP address', value: vm.ipAddress },
    { group: 'Operating system', label: 'Operating system', value: vm.os },
    {
      group: 'Security',
      label: 'Secure Boot',
      value:
        generation === 1
          ? 'Not available for Generation 1 virtual machines'
          : `On (template: ${linux ? 'Microsoft UEFI Certificate Authority' : 'Microsoft Windows'})`,
    },
    { group: 'Checkpoints', label: 'Checkpoint type', value: 'Production' },
    { group: 'Checkpoints', label: 'Checkpoints', value: String(vm.checkpoints.length) },
  ];
}

export function vmDetailDto(world: World, vm: VirtualMachine, now: Millis): VmDetailDto {
  return {
    ...vmDto(world, vm, now),
    createdAt: new Date(vm.createdAt).toISOString(),
    checkpoints: checkpointDtos(vm),
    settings: vmSettings(vm, vm.networks, [
      { group: 'General', label: 'Host server', value: vm.hostNode },
      { group: 'General', label: 'Clustered', value: vm.clustered ? 'Yes (highly available)' : 'No' },
      {
        group: 'Azure benefits',
        label: 'IMDS attestation adapter',
        value: vm.attestationNic ? 'AZSHCI_GUEST-IMDS_DO_NOT_MODIFY' : 'None',
      },
      { group: 'Azure benefits', label: 'Azure benefits', value: vmBenefitsStatus(world, vm, now) },
    ]),
  };
}

const clusterNameOr404 = (world: World, name: string): string => requireCluster(world, name).name;

/** The .rdp download of a VM (the simulation refuses one that is not running). */
export function rdpResponse(vm: { name: string; power: string; ipAddress: string }): Response {
  const { fileName, text } = rdpConnection(vm);
  return new HttpResponse(text, {
    headers: {
      'Content-Type': 'application/x-rdp; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    },
  });
}

/** Checkpoint routes under a VM path; `ref` resolves the VM from the route. */
export function checkpointRoutes(
  sim: SimRuntime,
  base: string,
  ref: (params: Record<string, string>) => VmRef,
  handle: (fn: Parameters<typeof simRoute>[1]) => ReturnType<typeof simRoute> = (fn) => simRoute(sim, fn),
) {
  return [
    http.post(
      `${base}/checkpoints`,
      handle(async (request, params) => {
        const { name } = await parseBody(request, checkpointNameSchema);
        return jobResponse(sim, (d, now) => startCheckpointJob(d, ref(params), { op: 'create', name }, now));
      }),
    ),
    http.post(
      `${base}/checkpoints/:checkpointId/apply`,
      handle((_r, params) =>
        jobResponse(sim, (d, now) =>
          startCheckpointJob(d, ref(params), { op: 'apply', checkpointId: params.checkpointId ?? '' }, now),
        ),
      ),
    ),
    http.patch(
      `${base}/checkpoints/:checkpointId`,
      handle(async (request, params) => {
        const { name } = await parseBody(request, checkpointNameSchema);
        return jobResponse(sim, (d, now) =>
          startCheckpointJob(
            d,
            ref(params),
            { op: 'rename', checkpointId: params.checkpointId ?? '', name },
            now,
          ),
        );
      }),
    ),
    http.delete(
      `${base}/checkpoints/:checkpointId`,
      handle((_r, params) =>
        jobResponse(sim, (d, now) =>
          startCheckpointJob(d, ref(params), { op: 'delete', checkpointId: params.checkpointId ?? '' }, now),
        ),
      ),
    ),
  ];
}

export function vmHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);
  const hciRef = (params: Record<string, string>): VmRef => ({
    vmId: sim.read((w) => requireClusterVm(w, params.id ?? '').id),
  });

  return [
    http.post(
      '*/api/clusters/:name/vms',
      handle(async (request, params) => {
        const body = await parseBody(request, createVmSchema);
        const cluster = sim.read((w) => clusterNameOr404(w, params.name ?? ''));
        return jobResponse(sim, (d, now) =>
          startCreateVm(
            d,
            {
              cluster,
              name: body.name,
              hostNode: body.hostServer,
              generation: body.generation,
              cpuCount: body.cpuCount,
              memoryMiB: body.memoryMiB,
              os: body.os,
            },
            now,
          ),
        );
      }),
    ),

    http.get(
      '*/api/vms/:id',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => vmDetailDto(w, requireClusterVm(w, params.id ?? ''), now))),
      ),
    ),

    http.get(
      '*/api/vms/:id/rdp',
      handle((_r, params) => rdpResponse(sim.read((w) => requireClusterVm(w, params.id ?? '')))),
    ),

    http.delete(
      '*/api/vms/:id',
      handle((_r, params) => jobResponse(sim, (d, now) => startDeleteVm(d, hciRef(params), now))),
    ),

    ...checkpointRoutes(sim, '*/api/vms/:id', hciRef),

    http.post(
      '*/api/vms/:id/:action',
      handle((_r, params) =>
        jobResponse(sim, (d, now) => startVmAction(d, params.id ?? '', params.action ?? '', now)),
      ),
    ),
  ];
}
