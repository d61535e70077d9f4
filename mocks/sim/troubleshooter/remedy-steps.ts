/** Remediation steps several cases share, each with the portal action that performs it where there is one. */
import type { FaultName, World } from '../model';
import { nodeFaults } from './checks';
import type { RemedyStep } from './types';

export const FAULT_FIX: Partial<Record<FaultName, { text: (node: string) => string; label: string }>> = {
  'node-down': { text: (n) => `${n} is powered off. Start the server.`, label: 'Start the server' },
  'hcisvc-stopped': {
    text: (n) =>
      `hcisvc is stopped on ${n} (sc.exe query hcisvc shows STOPPED). Start it with Start-Service hcisvc.`,
    label: 'Start hcisvc',
  },
  'outbound-blocked': {
    text: (n) =>
      `${n} can't reach Azure: the firewall blocks outbound HTTPS (443). Allow it (see Firewall requirements for Azure Stack HCI).`,
    label: 'Allow outbound HTTPS',
  },
  'proxy-misconfigured': {
    text: (n) => `${n}'s proxy points at an unreachable host. Update the proxy settings.`,
    label: 'Fix the proxy settings',
  },
  'arc-proxy-misconfigured': {
    text: (n) =>
      `${n}'s proxy is not configured properly for Azure Arc. Update the proxy settings (guidelines to update proxy settings).`,
    label: 'Fix the proxy settings',
  },
  'secure-boot-off': {
    text: (n) => `Secure Boot is off on ${n}. Turn it back on in the server's firmware settings.`,
    label: 'Turn on Secure Boot',
  },
  'time-skew': {
    text: (n) =>
      `${n}'s clock is off ([System.DateTime]::UtcNow differs from the actual UTC time). Synchronise it with an accurate time source.`,
    label: 'Synchronise the clock',
  },
  'tpm-cleared': {
    text: (n) => `${n}'s TPM was cleared; its licence data is being repaired.`,
    label: 'Complete the repair',
  },
};

/** One step per node fault that keeps `nodes` from reaching Azure or generating certificates. */
export function nodeFaultSteps(world: World, nodes: string[], faults: FaultName[]): RemedyStep[] {
  const steps: RemedyStep[] = [];
  for (const node of nodes) {
    for (const fault of nodeFaults(world, node)) {
      const fix = FAULT_FIX[fault];
      if (!fix || !faults.includes(fault)) continue;
      steps.push({
        text: fix.text(node),
        actionLabel: `${fix.label} on ${node}`,
        action:
          fault === 'hcisvc-stopped'
            ? { kind: 'start-hcisvc', node }
            : { kind: 'repair-fault', fault, target: node },
      });
    }
  }
  return steps;
}

export const CONNECTIVITY: FaultName[] = ['outbound-blocked', 'proxy-misconfigured', 'time-skew'];

export const UNREGISTER_STEP: RemedyStep = {
  text: 'Run Unregister-AzStackHCI on the cluster to clean up the cluster registration state and cluster Arc state.',
  action: { kind: 'unregister' },
  actionLabel: 'Unregister',
};

export const REPAIR_STEP: RemedyStep = {
  text: 'Repair the registration (Register-AzStackHCI -RepairRegistration): it recreates the Azure AD application and new certificates while keeping the resource name, resource group and other registration choices.',
  action: { kind: 'repair-registration' },
  actionLabel: 'Repair registration',
};

export const SYNC_STEP: RemedyStep = {
  text: 'Sync with Azure (Sync-AzureStackHCI).',
  action: { kind: 'sync' },
  actionLabel: 'Sync now',
};

export const REGISTER_STEP: RemedyStep = {
  text: 'Register the cluster with Azure (Register-AzStackHCI).',
  action: { kind: 'open-registration' },
  actionLabel: 'Open the registration',
};

export function arcReEnableSteps(nodes: string[]): RemedyStep[] {
  return nodes.map((node) => ({
    text: `Enable Azure Arc integration on ${node} again (Enable-AzureStackHCIArcIntegration).`,
    action: { kind: 'enable-arc', node },
    actionLabel: `Enable Arc on ${node}`,
  }));
}
