/** Hyper-V on a cluster server: Get-VM lists this host's VMs; Start-VM and Stop-VM run the portal's power jobs. */
import { powerVm } from '../vms';
import type { VirtualMachine } from '../model';
import { boundStrings, boundSwitch, cmdletError, done, writeError, writeWarning } from './context';
import type { CmdletContext, CmdletDef, CmdletResult } from './context';
import { psEnum, psObject } from './values';
import type { PsObject } from './values';

function vmObject(vm: VirtualMachine, now: number): PsObject {
  const running = vm.power === 'Running';
  return psObject(
    'Microsoft.HyperV.PowerShell.VirtualMachine',
    [
      ['Name', vm.name],
      ['State', psEnum(vm.power)],
      ['CPUUsage(%)', running ? vm.cpuUsagePercent : 0],
      ['MemoryAssigned(M)', running ? vm.memoryMiB : 0],
      [
        'Uptime',
        {
          kind: 'timespan',
          ms: running && vm.startedAt !== undefined ? Math.floor((now - vm.startedAt) / 1000) * 1000 : 0,
        },
      ],
      ['Status', 'Operating normally'],
      // the configuration version Windows Server 2022 / Azure Stack HCI 22H2 creates
      ['Version', '10.0'],
      ['Generation', vm.generation],
      ['ComputerName', vm.hostNode.toUpperCase()],
    ],
    {
      kind: 'table',
      columns: ['Name', 'State', 'CPUUsage(%)', 'MemoryAssigned(M)', 'Uptime', 'Status', 'Version'],
      leftAligned: true,
    },
  );
}

function named(ctx: CmdletContext, def: CmdletDef): VirtualMachine[] | undefined {
  const here = Object.values(ctx.draft.vms).filter((v) => v.hostNode === ctx.node.name);
  const names = boundStrings(ctx, 'Name');
  if (!names) return here;
  const found: VirtualMachine[] = [];
  for (const name of names) {
    const matches = here.filter((v) =>
      new RegExp(
        `^${name
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      ).test(v.name),
    );
    if (matches.length === 0) {
      // Hyper-V's words for a name that is not on this host
      cmdletError(ctx, def, `Hyper-V was unable to find a virtual machine with name "${name}".`, {
        category: 'InvalidArgument',
        target: `${name}:String`,
        exception: 'VirtualizationException',
        errorId: 'InvalidParameter',
      });
      return undefined;
    }
    found.push(...matches);
  }
  return found;
}

function powerRun(kind: 'start' | 'stop') {
  return (ctx: CmdletContext, def: CmdletDef): CmdletResult => {
    if (ctx.stage === 'start') {
      const vms = named(ctx, def);
      if (!vms) return done();
      const jobs: string[] = [];
      for (const vm of vms) {
        const target = kind === 'start' ? 'Running' : 'Off';
        if (vm.power === target) {
          // Hyper-V's warning when the VM is already there
          writeWarning(ctx, `The virtual machine '${vm.name}' is already in the specified state.`);
          continue;
        }
        const action = kind === 'start' ? 'start' : boundSwitch(ctx, 'TurnOff') ? 'turn-off' : 'shutdown';
        jobs.push(powerVm(ctx.draft, vm.id, action, ctx.now).id);
      }
      return jobs.length > 0 ? { kind: 'job', jobIds: jobs, stage: 'finished' } : done();
    }
    for (const job of ctx.jobs ?? []) if (job.status !== 'Succeeded') writeError(ctx, job.message ?? '');
    return done();
  };
}

const withDef = (
  run: (ctx: CmdletContext, def: CmdletDef) => CmdletResult,
  def: Omit<CmdletDef, 'run'>,
): CmdletDef => ({
  ...def,
  run: (ctx) => run(ctx, def),
});

export const VM_CMDLETS: CmdletDef[] = [
  withDef(
    (ctx, def) => {
      const vms = named(ctx, def);
      return done(vms?.map((v) => vmObject(v, ctx.now)) ?? []);
    },
    {
      name: 'Get-VM',
      module: 'Hyper-V',
      errorSource: 'Microsoft.HyperV.PowerShell.Commands.GetVM',
      params: [
        { name: 'Name', type: 'strings', position: 0, aliases: ['VMName'] },
        { name: 'ComputerName', type: 'strings' },
      ],
    },
  ),
  withDef(powerRun('start'), {
    name: 'Start-VM',
    module: 'Hyper-V',
    errorSource: 'Microsoft.HyperV.PowerShell.Commands.StartVM',
    shouldProcess: true,
    params: [
      { name: 'Name', type: 'strings', position: 0, mandatory: true, aliases: ['VMName'] },
      { name: 'ComputerName', type: 'strings' },
      { name: 'Passthru', type: 'switch' },
    ],
  }),
  withDef(powerRun('stop'), {
    name: 'Stop-VM',
    module: 'Hyper-V',
    errorSource: 'Microsoft.HyperV.PowerShell.Commands.StopVM',
    shouldProcess: true,
    params: [
      { name: 'Name', type: 'strings', position: 0, mandatory: true, aliases: ['VMName'] },
      { name: 'ComputerName', type: 'strings' },
      { name: 'Force', type: 'switch' },
      { name: 'TurnOff', type: 'switch' },
      { name: 'Save', type: 'switch' },
      { name: 'Passthru', type: 'switch' },
    ],
  }),
];
