/**
 * Every case of the registration troubleshooting guide (seed 001) as data: the error text and where it
 * appears, the cause in this world, the guide's remediation, and a check of whether it is gone.
 */
import { own } from '../lookup';
import { onBoxResourceUri, resourceKey } from '../arm-ids';
import { MESSAGES } from '../cluster-registration';
import { registrationView } from '../derive';
import { HCI_ADMIN_EVENTS } from '../events';
import { hasFault } from '../faults-state';
import { ARC_PATCH_FAILED, TENANT_MFA, TIME_SKEW, appNotFound, arcDisableFailed } from '../guide-texts';
import { HOUR } from '../model';
import type { ClusterNode } from '../model';
import { vmLicensingError } from '../vms';
import {
  arcAppMissing,
  arcCheck,
  arcConnectedNodes,
  arcUnreachableNodes,
  arcNodesNotHealthy,
  clusterResourceExists,
  connectivityFaultNodes,
  expiredArcNodes,
  lastEventTime,
  lastRepairAfter,
  nodeHealthy,
  nodesOf,
  orphans,
  skewedNodes,
  syncCheck,
  syncedSince,
} from './checks';
import { CERT_PATTERN, P, templatePattern } from './patterns';
import {
  CONNECTIVITY,
  REGISTER_STEP,
  REPAIR_STEP,
  SYNC_STEP,
  UNREGISTER_STEP,
  arcReEnableSteps,
  nodeFaultSteps,
} from './remedy-steps';
import type { RemedyStep, TroubleshootCase } from './types';
import { utcMinute } from '../time-text';

export const GUIDE_CASES: TroubleshootCase[] = [
  {
    id: 'certificates',
    title:
      "Failed to register. Couldn't generate self-signed certificate on node(s) … Couldn't set and verify registration certificate on node(s) …",
    source: 'guide',
    sample: (_w, c) => MESSAGES.certificates([c.nodeNames[0] ?? 'Node1'], [c.nodeNames[1] ?? 'Node2']),
    patterns: [CERT_PATTERN, /SettingCertificateFailed|WacErrorCode\s*:?\s*911[09]/i],
    cause: (ctx) => {
      const parts: string[] = [];
      if (ctx.generateNodes.length > 0)
        parts.push(
          `The certificate couldn't be generated on ${ctx.generateNodes.join(', ')}: the server is down, hcisvc isn't running, or it can't be reached with PowerShell remoting from the machine running Register-AzStackHCI.`,
        );
      if (ctx.verifyNodes.length > 0)
        parts.push(
          `The certificate was generated on ${ctx.verifyNodes.join(', ')} but the server couldn't call the Azure Stack HCI cloud service: outbound Internet is blocked by a firewall or proxy, or the server's clock is wrong.`,
        );
      return parts.length > 0
        ? parts.join(' ')
        : 'Every server in the cluster must be up with outbound connectivity to Azure; each one provisions a certificate and calls the HCI cloud service with it.';
    },
    steps: (ctx) => [
      ...nodeFaultSteps(ctx.world, ctx.generateNodes, ['node-down', 'hcisvc-stopped']),
      ...(ctx.generateNodes.length > 0
        ? [
            {
              text: `Check that ${ctx.generateNodes.join(', ')} answer New-PSSession -ComputerName from the machine that runs Register-AzStackHCI.`,
            },
          ]
        : []),
      ...nodeFaultSteps(ctx.world, ctx.verifyNodes, CONNECTIVITY),
      ...(ctx.verifyNodes.length > 0
        ? [
            {
              text: 'Run Invoke-AzStackHciConnectivityValidation (AzStackHCI.EnvironmentChecker) and make sure it succeeds.',
            },
            ...ctx.verifyNodes.map((node): RemedyStep => ({
              text: `Look at the hcisvc debug log on ${node} (AADTokenFetch retries, AADSTS700027).`,
              action: { kind: 'enable-debug', node },
              actionLabel: `Enable the Debug log on ${node}`,
            })),
          ]
        : []),
      { ...REGISTER_STEP, text: 'Register again.' },
    ],
    check: (ctx) => {
      const bad = [...ctx.generateNodes, ...ctx.verifyNodes]
        .map((n) => own(ctx.world.nodes, n))
        .filter((n): n is ClusterNode => !!n && !nodeHealthy(n));
      if (bad.length > 0)
        return {
          resolved: false,
          detail: `${bad.map((n) => n.name).join(', ')} still can't provision or verify a certificate.`,
        };
      return ctx.cluster.registration
        ? {
            resolved: true,
            detail: 'Every server named is up, runs hcisvc and reaches Azure, and the cluster is registered.',
          }
        : {
            resolved: true,
            detail: 'Every server named is up, runs hcisvc and reaches Azure. Register again to finish.',
          };
    },
  },
  {
    id: 'resource-deleted',
    title: 'Deleting HCI resource from portal and re-registering the same cluster causes issues',
    source: 'guide',
    sample: (_w, c) =>
      MESSAGES.cloudResourceMissing(
        c.registration
          ? onBoxResourceUri(
              c.registration.subscriptionId,
              c.registration.resourceGroup,
              c.registration.resourceName,
            )
          : `/Subscriptions/<subscription>/resourceGroups/${c.name}-rg/providers/Microsoft.AzureStackHCI/clusters/${c.name}`,
      ),
    patterns: [
      templatePattern(MESSAGES.cloudResourceMissing(P)),
      /deleted the Azure Stack HCI cluster resource from the Azure portal|resource was deleted in the Azure portal/i,
    ],
    cause: () =>
      'The Azure Stack HCI resource was deleted in the Azure portal without unregistering the cluster first, which leaves a bad cluster resource state. Unregistration must always start on the cluster (Unregister-AzStackHCI).',
    steps: (ctx) => [
      UNREGISTER_STEP,
      {
        text: `If unregistration succeeds, delete the app registrations ${ctx.cluster.name} and ${ctx.cluster.name}.arc in Azure Active Directory > App registrations (All applications) if they still exist.`,
        action: { kind: 'delete-orphans' },
        actionLabel: 'Delete leftover app registrations and resources',
      },
      REGISTER_STEP,
    ],
    check: (ctx) => {
      if (ctx.cluster.registration && !clusterResourceExists(ctx.world, ctx.cluster))
        return {
          resolved: false,
          detail: 'The cluster still believes it is registered to a resource that no longer exists.',
        };
      const left = orphans(ctx.world, ctx.cluster);
      if (!ctx.cluster.registration && left.apps.length > 0)
        return {
          resolved: false,
          detail: `App registrations are left in the tenant: ${left.apps.join(', ')}.`,
        };
      return {
        resolved: true,
        detail: ctx.cluster.registration
          ? 'The cluster is registered to a resource that exists.'
          : 'The cluster is cleanly unregistered; register it again.',
      };
    },
  },
  {
    id: 'arc-disable-failed',
    title: "Couldn't disable Azure Arc integration on Node <node name> (unregistration fails)",
    source: 'guide',
    sample: (_w, c) => arcDisableFailed(c.nodeNames[0] ?? 'Node1'),
    patterns: [/Couldn't disable Azure Arc integration on Node\s+\S+/i],
    applies: (ctx) => arcAppMissing(ctx),
    cause: (ctx) =>
      `The ${ctx.cluster.name}.arc application was deleted from Azure AD (or the node is in a state where Disable-AzureStackHCIArcIntegration can't run), so unregistration can't disable Azure Arc integration on ${ctx.nodes.join(', ') || 'the node'}.`,
    steps: (ctx) => [
      ...arcConnectedNodes(ctx).flatMap((node): RemedyStep[] => [
        {
          text: `Sign in to ${node}, cd 'C:\\Program Files\\AzureConnectedMachineAgent\\' and run .\\azcmagent.exe show to find the resource group the agent is projected to. Then force-disconnect the agent: .\\azcmagent.exe disconnect --force-local-only.`,
          action: { kind: 'azcmagent-disconnect', node },
          actionLabel: `Disconnect the Arc agent on ${node}`,
        },
        {
          text: `Delete the Arc-for-Server resource ${node} from that resource group in the Azure portal.`,
          action: { kind: 'delete-arc-resource', node },
          actionLabel: `Delete the Arc resource ${node}`,
        },
      ]),
      { ...UNREGISTER_STEP, text: 'Run Unregister-AzStackHCI again.' },
      {
        text: `Delete the app registrations ${ctx.cluster.name} and ${ctx.cluster.name}.arc if they still exist.`,
        action: { kind: 'delete-orphans' },
        actionLabel: 'Delete leftover app registrations and resources',
      },
    ],
    check: (ctx) => {
      const still = arcConnectedNodes(ctx);
      if (ctx.cluster.registration)
        return {
          resolved: false,
          detail:
            still.length > 0
              ? `The Arc agent is still connected on ${still.join(', ')} and the cluster is still registered.`
              : 'The cluster is still registered: run Unregister-AzStackHCI.',
        };
      return { resolved: true, detail: 'The cluster is unregistered and its Arc agents are disconnected.' };
    },
  },
  {
    id: 'cluster-app-deleted',
    title: 'User deleted the App IDs by mistake',
    source: 'guide',
    sample: (_w, c) => appNotFound(c.registration?.appId ?? '<ID>'),
    patterns: [
      /Application with identifier '[^']*' was not found in the directory/i,
      /Disconnected - Cluster not in connected state for more than 8 hours/i,
    ],
    cause: (ctx) =>
      `The ${ctx.cluster.name} application (the Azure AD app registration that represents the cluster) was deleted from the tenant, so the cluster can't authenticate to Azure: sync fails and the Azure portal shows Disconnected after 8 hours.`,
    steps: () => [REPAIR_STEP, SYNC_STEP],
    check: (ctx) => {
      const reg = ctx.cluster.registration;
      if (!reg) return { resolved: false, detail: 'The cluster is not registered.' };
      if (!own(ctx.world.cloud.apps, reg.appId))
        return { resolved: false, detail: `The application ${reg.appId} still doesn't exist in the tenant.` };
      return {
        resolved: true,
        detail: `The application ${reg.appId} exists and the registration can authenticate again.`,
      };
    },
  },
  {
    id: 'event-594',
    title: 'Out of policy error: Event ID 594 (Azure Stack HCI encountered an error accessing its data)',
    source: 'guide',
    sample: () => HCI_ADMIN_EVENTS[594].message,
    patterns: [/encountered an error accessing its data/i, /Event ID 594/i],
    cause: (ctx) => {
      const damaged = nodesOf(ctx.world, ctx.cluster)
        .filter((n) => n.tpmCleared)
        .map((n) => n.name);
      return `A system change (Secure Boot settings, a cleared TPM, a significant time change) made the licence data unreadable${damaged.length > 0 ? ` on ${damaged.join(', ')}` : ''}. 21H2 with KB5010421 and later repair it automatically (event 592); if the whole cluster is OutOfPolicy, unregister, restart and register again.`;
    },
    steps: (ctx) => {
      const damaged = nodesOf(ctx.world, ctx.cluster)
        .filter((n) => n.tpmCleared)
        .map((n) => n.name);
      const all = damaged.length > 0 && damaged.length === ctx.cluster.nodeNames.length;
      return [
        { text: 'Check which nodes are affected (Get-AzureStackHCI on each server).' },
        ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, ['secure-boot-off']),
        ...(all
          ? [
              {
                ...UNREGISTER_STEP,
                text: 'The entire cluster is OutOfPolicy: run Unregister-AzStackHCI on the cluster.',
              },
              ...damaged.map((node): RemedyStep => ({
                text: `Restart ${node}.`,
                action: { kind: 'restart-node', node },
                actionLabel: `Restart ${node}`,
              })),
              { ...REGISTER_STEP, text: 'Then run Register-AzStackHCI.' },
            ]
          : [
              {
                text: 'Wait for the automatic repair to complete (about 2 hours; event 592 was logged when it started).',
                action: { kind: 'wait', durationMs: 2 * HOUR },
                actionLabel: 'Advance the clock 2 hours',
              } satisfies RemedyStep,
            ]),
        ...(all
          ? []
          : damaged.map((node): RemedyStep => ({
              text: `Only ${node} is affected: remove it from the cluster, restart it, wait for the repair to complete, then rejoin it.`,
              action: { kind: 'repair-fault', fault: 'tpm-cleared', target: node },
              actionLabel: `Repair and rejoin ${node}`,
            }))),
      ];
    },
    check: (ctx) => {
      const nodes = nodesOf(ctx.world, ctx.cluster);
      const secureBootOff = nodes.filter((n) => !n.secureBoot).map((n) => n.name);
      if (secureBootOff.length > 0)
        return { resolved: false, detail: `Secure Boot is still off on ${secureBootOff.join(', ')}.` };
      const damaged = nodes.filter((n) => n.tpmCleared).map((n) => n.name);
      return damaged.length > 0
        ? { resolved: false, detail: `The licence data on ${damaged.join(', ')} is still being repaired.` }
        : { resolved: true, detail: 'No server reports damaged licence data.' };
    },
  },
  {
    id: 'event-592',
    title: 'Out of policy error: Event ID 592 (Azure Stack HCI has initiated a repair of its data)',
    source: 'guide',
    sample: () => HCI_ADMIN_EVENTS[592].message,
    patterns: [/has initiated a repair of its data/i, /Event ID 592/i],
    cause: () =>
      'Informational: Azure Stack HCI started repairing its licence data after a system change. No further action from the user is required at this time.',
    steps: () => [
      {
        text: 'Wait for the repair to complete.',
        action: { kind: 'wait', durationMs: 2 * HOUR },
        actionLabel: 'Advance the clock 2 hours',
      },
      {
        text: 'Event 585 may appear while the connection to Azure is re-established; it does not affect workloads or licensing.',
      },
    ],
    check: (ctx) => {
      const damaged = nodesOf(ctx.world, ctx.cluster)
        .filter((n) => n.tpmCleared)
        .map((n) => n.name);
      return damaged.length > 0
        ? { resolved: false, detail: `The repair is still running on ${damaged.join(', ')}.` }
        : { resolved: true, detail: 'The repair has completed.' };
    },
  },
  {
    id: 'event-585',
    title: 'Out of policy error: Event ID 585 (Azure Stack HCI failed to renew license from Azure)',
    source: 'guide',
    sample: () => HCI_ADMIN_EVENTS[585].message,
    patterns: [/failed to renew license from Azure/i, /Event ID 585/i],
    cause: (ctx) => {
      const blocked = connectivityFaultNodes(ctx);
      return blocked.length > 0
        ? `${blocked.join(', ')} can't reach Azure (firewall, proxy or clock), so the licence couldn't be renewed. The Debug channel has the specific error.`
        : 'The licence couldn\u2019t be renewed from Azure; the Microsoft-AzureStack-HCI/Debug channel has the specific error. After an automatic repair, some delay before the full connection is back is expected.';
    },
    steps: (ctx) => [
      ...ctx.cluster.nodeNames
        .filter((n) => !own(ctx.world.nodes, n)?.debugChannelEnabled)
        .map((node): RemedyStep => ({
          text: `Enable the Debug channel on ${node}: wevtutil.exe sl /q /e:true Microsoft-AzureStack-HCI/Debug.`,
          action: { kind: 'enable-debug', node },
          actionLabel: `Enable the Debug log on ${node}`,
        })),
      ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, [...CONNECTIVITY, 'hcisvc-stopped']),
      SYNC_STEP,
    ],
    check: (ctx) => syncCheck(ctx),
  },
  {
    id: 'event-591',
    title: 'Out of policy error: Event ID 591 (Azure Stack HCI failed to connect with Azure)',
    source: 'guide',
    sample: () => HCI_ADMIN_EVENTS[591].message,
    patterns: [/failed to connect with Azure/i, /Event ID 591/i],
    cause: (ctx) => {
      const blocked = connectivityFaultNodes(ctx);
      return blocked.length > 0
        ? `${blocked.join(', ')} can't reach Azure (firewall, proxy or clock).`
        : 'The cluster couldn\u2019t connect with Azure; if it keeps happening, repair the registration.';
    },
    steps: (ctx) => [
      ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, [...CONNECTIVITY, 'hcisvc-stopped']),
      {
        ...REPAIR_STEP,
        text: 'If you continue to see this error, run Register-AzStackHCI again with the -RepairRegistration parameter.',
      },
    ],
    check: (ctx) => syncCheck(ctx),
  },
  {
    id: 'out-of-policy',
    title: 'Out of policy error (the cluster shows OutOfPolicy)',
    source: 'guide',
    sample: () => 'ConnectionStatus : OutOfPolicy',
    patterns: [/Out\s*of\s*policy/i],
    cause: (ctx) => {
      const view = registrationView(ctx.world, ctx.cluster, ctx.now);
      if (!ctx.cluster.registration)
        return 'The cluster wasn\u2019t registered within 30 days of installation.';
      const blocked = connectivityFaultNodes(ctx);
      if (nodesOf(ctx.world, ctx.cluster).some((n) => n.tpmCleared))
        return 'A system change (Secure Boot, a cleared TPM, a significant time change) made the licence data unreadable.';
      return `The cluster hasn\u2019t synced with Azure for more than 30 days${view.lastConnected !== undefined ? ` (last ${utcMinute(view.lastConnected)})` : ''}${blocked.length > 0 ? `: ${blocked.join(', ')} can't reach Azure` : ''}.`;
    },
    steps: (ctx) =>
      ctx.cluster.registration
        ? [
            ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, [
              ...CONNECTIVITY,
              'hcisvc-stopped',
              'tpm-cleared',
            ]),
            {
              text: 'Review the Microsoft-AzureStack-HCI/Admin event log for the present status (events 585, 591, 592, 594).',
            },
            SYNC_STEP,
          ]
        : [REGISTER_STEP],
    check: (ctx) => {
      const view = registrationView(ctx.world, ctx.cluster, ctx.now);
      return view.registrationStatus === 'OutOfPolicy'
        ? { resolved: false, detail: 'The cluster is still OutOfPolicy.' }
        : { resolved: true, detail: `The cluster is ${view.wacText}.` };
    },
  },
  {
    id: 'not-yet-but-resources',
    title:
      'Cluster and Arc resource in Azure portal exists but the Get-AzureStackHCI status says "Not Yet" registered',
    source: 'guide',
    sample: () => 'RegistrationStatus : NotYet',
    patterns: [/NotYet|Not\s+Yet/i],
    applies: (ctx) => !ctx.cluster.registration && orphans(ctx.world, ctx.cluster).resources.length > 0,
    cause: () =>
      'Unregister-AzStackHCI ran with the wrong -EnvironmentName or -SubscriptionId: the registration state was removed from the cluster, but the cluster and Arc resources still exist in the original cloud or subscription.',
    steps: (ctx) => [
      {
        text: 'Delete the cluster and Arc resources from the portal, then delete the app registrations <clusterName> and <clusterName>.arc in Azure Active Directory > App registrations (All applications).'.replace(
          /<clusterName>/g,
          ctx.cluster.name,
        ),
        action: { kind: 'delete-orphans' },
        actionLabel: 'Delete the resources and app registrations',
      },
      REGISTER_STEP,
    ],
    check: (ctx) => {
      const left = orphans(ctx.world, ctx.cluster);
      if (ctx.cluster.registration) return { resolved: true, detail: 'The cluster is registered.' };
      const n = left.resources.length + left.machines.length + left.apps.length;
      return n > 0
        ? {
            resolved: false,
            detail: `${left.resources.length} cluster resource(s), ${left.machines.length} Arc machine(s) and ${left.apps.length} app registration(s) are still in Azure.`,
          }
        : { resolved: true, detail: 'Nothing is left in Azure; register the cluster again.' };
    },
  },
  {
    id: 'sync-after-restart',
    title:
      'Issuing Sync-AzureStackHCI immediately after restart of the nodes of the cluster result in Arc resource deletion',
    source: 'guide',
    sample: (_w, c) => `${c.nodeNames[0] ?? 'Node1'}: Azure Arc Not installed`,
    patterns: [/Not\s+installed/i, /Arc resource deletion|Arc resource .* (was )?(removed|deleted)/i],
    applies: (ctx) =>
      ctx.nodes.some((n) => {
        const node = own(ctx.world.nodes, n);
        const id = node?.arc.machineResourceId;
        return !!node?.arc.connected && !!id && !own(ctx.world.cloud.machines, resourceKey(id));
      }),
    cause: (ctx) =>
      `A census sync ran before the cluster reconciled after a restart, without ${ctx.nodes.join(', ') || 'the node'}, so Azure removed that node's Arc resource. Sync-AzureStackHCI must not run right after rebooting a node.`,
    steps: (ctx) => [
      ...ctx.nodes.map((node): RemedyStep => ({
        text: `Sign in to ${node} and disconnect the Arc agent: cd "C:\\Program Files\\AzureConnectedMachineAgent" then .\\azcmagent.exe disconnect --force-local-only.`,
        action: { kind: 'azcmagent-disconnect', node },
        actionLabel: `Disconnect the Arc agent on ${node}`,
      })),
      REPAIR_STEP,
      ...arcReEnableSteps(ctx.nodes),
    ],
    check: (ctx) => arcCheck(ctx),
  },
  {
    id: 'arc-role-removed',
    title:
      'Registration completes successfully but Azure Arc connection in portal says Not Installed — Scenario 1 (role removed)',
    source: 'guide',
    sample: () => ARC_PATCH_FAILED,
    patterns: [
      templatePattern(ARC_PATCH_FAILED),
      templatePattern(MESSAGES.arcRoles),
      /Azure Connected Machine Resource Manager/i,
      /Not\s+installed/i,
    ],
    applies: (ctx) =>
      hasFault(ctx.world, 'no-arc-role') || hasFault(ctx.world, 'hci-rp-role-removed', ctx.cluster.name),
    cause: () =>
      'The Azure Connected Machine Resource Manager role was removed from the HCI resource provider in the Arc-for-Server resource group (Access control blade), or your account can\u2019t assign it (Owner or User Access Administrator is needed).',
    steps: (ctx) => [
      ...(hasFault(ctx.world, 'no-arc-role')
        ? [
            {
              text: 'Assign the Azure Connected Machine Resource Manager role back to the HCI resource provider (an Owner or User Access Administrator must do it).',
              action: { kind: 'repair-fault', fault: 'no-arc-role', target: '*' },
              actionLabel: 'Restore the role assignment',
            } satisfies RemedyStep,
          ]
        : []),
      {
        ...REPAIR_STEP,
        text: 'Run the repair registration cmdlet (Register-AzStackHCI -TenantId … -SubscriptionId … -RepairRegistration).',
      },
      ...arcReEnableSteps(arcNodesNotHealthy(ctx)),
    ],
    check: (ctx) =>
      hasFault(ctx.world, 'no-arc-role') || hasFault(ctx.world, 'hci-rp-role-removed', ctx.cluster.name)
        ? { resolved: false, detail: 'The role is still missing.' }
        : arcCheck(ctx),
  },
  {
    id: 'arc-transient',
    title:
      'Registration completes successfully but Azure Arc connection in portal says Not Installed — Scenario 2 (transient)',
    source: 'guide',
    sample: () => ARC_PATCH_FAILED,
    patterns: [templatePattern(ARC_PATCH_FAILED), /Not\s+installed/i],
    applies: (ctx) =>
      !hasFault(ctx.world, 'no-arc-role') &&
      !hasFault(ctx.world, 'hci-rp-role-removed', ctx.cluster.name) &&
      arcUnreachableNodes(ctx).length === 0,
    cause: () =>
      'A transient issue during registration: Register-AzStackHCI warned that Arc for Servers registration failed. The hourly Arc registration task resolves it.',
    steps: (ctx) => [
      {
        text: 'Wait 12 hours after the registration for the problem to be resolved automatically.',
        action: { kind: 'wait', durationMs: 12 * HOUR },
        actionLabel: 'Advance the clock 12 hours',
      },
      ...arcReEnableSteps(arcNodesNotHealthy(ctx)),
      { text: 'If it continues failing for more than 12 hours, contact support.' },
    ],
    check: (ctx) => arcCheck(ctx),
  },
  {
    id: 'arc-proxy',
    title:
      'Registration completes successfully but Azure Arc connection in portal says Not Installed — Scenario 3 (proxy)',
    source: 'guide',
    sample: () => ARC_PATCH_FAILED,
    patterns: [templatePattern(ARC_PATCH_FAILED), /proxy/i, /Not\s+installed/i],
    applies: (ctx) => arcUnreachableNodes(ctx).length > 0,
    cause: () =>
      'The proxy isn\u2019t configured properly for connections to Azure Arc cloud services from the servers (the Arc agent logs show the connection failures).',
    steps: (ctx) => [
      ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, ['proxy-misconfigured', 'arc-proxy-misconfigured']),
      { ...REPAIR_STEP, text: 'Then re-register the Azure Stack HCI cluster (repair registration).' },
      ...arcReEnableSteps(arcNodesNotHealthy(ctx)),
    ],
    check: (ctx) => {
      const proxy = arcUnreachableNodes(ctx);
      return proxy.length > 0
        ? { resolved: false, detail: `The proxy is still misconfigured on ${proxy.join(', ')}.` }
        : arcCheck(ctx);
    },
  },
  {
    id: 'cert-rotation',
    title: 'Not able to rotate certificates in Fairfax and Mooncake',
    source: 'guide',
    sample: () => 'exception: AADSTS700027: Client assertion failed signature validation',
    patterns: [
      /Client assertion failed signature validation/i,
      /RotateRegistrationCertificate failed: Invalid Audience/i,
    ],
    cause: () =>
      'The registration certificate couldn\u2019t be rotated in the Azure AD application (Azure Government / Azure China): the Azure portal shows Disconnected.',
    steps: () => [
      {
        ...REPAIR_STEP,
        text: 'Perform a repair registration to add new certificates in the Azure AD application; the resource name, resource group and other registration choices are kept.',
      },
    ],
    check: (ctx) => {
      const since = lastEventTime(ctx, /Client assertion failed signature validation|Invalid Audience/i);
      return syncedSince(ctx, since ?? 0) && lastRepairAfter(ctx, since ?? 0)
        ? { resolved: true, detail: 'New certificates were added by a repair and the cluster synced since.' }
        : { resolved: false, detail: 'No repair has rotated the certificates since the error.' };
    },
  },
  {
    id: 'time-skew',
    title: 'OnPremisesPasswordValidationTimeSkew',
    source: 'guide',
    sample: () => TIME_SKEW,
    patterns: [
      /AADSTS80013|OnPremisesPasswordValidationTimeSkew/i,
      /AADSTS700027: Client assertion contains an invalid signature/i,
      /key used is expired/i,
    ],
    cause: (ctx) => {
      const skewed = skewedNodes(ctx);
      return `Azure AD token generation fails because the local time is too far from the true UTC time${skewed.length > 0 ? ` on ${skewed.join(', ')}` : ''}.`;
    },
    steps: (ctx) => [
      {
        text: 'Check the UTC time on every server with [System.DateTime]::UtcNow and compare it with the actual UTC time.',
      },
      ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, ['time-skew']),
      { text: 'Ensure the time is synchronized to a known and accurate time source, then try again.' },
    ],
    check: (ctx) => {
      const skewed = skewedNodes(ctx);
      return skewed.length > 0
        ? { resolved: false, detail: `The clock is still off on ${skewed.join(', ')}.` }
        : { resolved: true, detail: 'Every server\u2019s clock is in sync.' };
    },
  },
  {
    id: 'aad-token-fetch',
    title: 'ExecuteWithRetry operation AADTokenFetch failed after all retries',
    source: 'guide',
    sample: () => 'ExecuteWithRetry operation AADTokenFetch failed after all retries',
    patterns: [/AADTokenFetch failed after all retries/i, /AADTokenFetch failed with retryable error/i],
    cause: (ctx) => {
      const blocked = connectivityFaultNodes(ctx);
      return `The node couldn\u2019t fetch an Azure AD token even after all retries${blocked.length > 0 ? ` (${blocked.join(', ')} can't reach Azure)` : ''}. A few "failed with retryable error" lines are normal; the Azure AD exception logged with the final failure says why.`;
    },
    steps: (ctx) => [...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, CONNECTIVITY), SYNC_STEP],
    check: (ctx) => syncCheck(ctx),
  },
  {
    id: 'tenant-mfa',
    title: 'Unable to acquire token for tenant with error',
    source: 'guide',
    sample: () => TENANT_MFA,
    patterns: [
      /Unable to acquire token for tenant/i,
      /must use multi-factor authentication to access tenant/i,
    ],
    cause: () =>
      'The account used for registration belongs to several Azure AD tenants, and -TenantId wasn\u2019t given for registration or unregistration.',
    steps: () => [
      {
        text: 'Specify -TenantId for registration and unregistration. The portal always passes the tenant you choose in the registration wizard (see Show PowerShell there).',
        action: { kind: 'open-registration' },
        actionLabel: 'Open the registration',
      },
    ],
    check: (ctx) =>
      ctx.cluster.registration?.tenantId
        ? {
            resolved: true,
            detail: `The cluster is registered with -TenantId ${ctx.cluster.registration.tenantId}.`,
          }
        : { resolved: false, detail: 'The cluster is not registered yet: register it with a tenant chosen.' },
  },
  {
    id: 'nodes-cannot-connect',
    title: 'One or more cluster nodes not able to connect to Azure',
    source: 'guide',
    sample: (_w, c) => `${c.nodeNames[0] ?? 'Node1'}: Azure Arc Expired`,
    patterns: [/not able to connect to Azure/i, /expired certificates?/i, /Arc\s+Expired|:\s*Expired/i],
    cause: (ctx) =>
      `${ctx.nodes.join(', ') || 'A node'} had connectivity problems after registration and couldn\u2019t connect to Azure for a long time; now its certificates have expired, so it can\u2019t reconnect on its own even though the connectivity is back.`,
    steps: (ctx) => {
      const nodes = ctx.nodes.length > 0 ? ctx.nodes : expiredArcNodes(ctx);
      return [
        ...nodeFaultSteps(ctx.world, nodes, CONNECTIVITY),
        ...nodes.flatMap((node): RemedyStep[] => [
          {
            text: `Sign in to ${node} and run Disable-AzureStackHCIArcIntegration; Get-AzureStackHCIArcIntegration then says Disabled for it.`,
            action: { kind: 'azcmagent-disconnect', node },
            actionLabel: `Disable Arc integration on ${node}`,
          },
          {
            text: `Delete the Azure Resource Manager resource of the Arc server ${node} in the Azure portal.`,
            action: { kind: 'delete-arc-resource', node },
            actionLabel: `Delete the Arc resource ${node}`,
          },
          {
            text: `Run Enable-AzureStackHCIArcIntegration on ${node}.`,
            action: { kind: 'enable-arc', node },
            actionLabel: `Enable Arc on ${node}`,
          },
        ]),
        SYNC_STEP,
      ];
    },
    check: (ctx) => {
      const expired = expiredArcNodes(ctx);
      return expired.length > 0
        ? { resolved: false, detail: `Azure Arc is still Expired on ${expired.join(', ')}.` }
        : arcCheck(ctx);
    },
  },
  {
    id: 'vm-create-licensing',
    title: 'Job failure when attempting to create VM',
    source: 'guide',
    sample: () => vmLicensingError('vmname'),
    patterns: [
      /licensed for a particular number of connections/i,
      /failure configuring the virtual machine role/i,
    ],
    cause: (ctx) =>
      ctx.cluster.registration
        ? 'The cluster is registered but hasn\u2019t connected to Azure for more than 30 days (OutOfPolicy): new VMs can\u2019t be created or added.'
        : 'The cluster isn\u2019t registered with Azure: new VMs can\u2019t be created or added.',
    steps: (ctx) =>
      ctx.cluster.registration
        ? [
            ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, [
              ...CONNECTIVITY,
              'hcisvc-stopped',
              'tpm-cleared',
            ]),
            SYNC_STEP,
          ]
        : [REGISTER_STEP],
    check: (ctx) =>
      registrationView(ctx.world, ctx.cluster, ctx.now).vmCreationBlocked
        ? { resolved: false, detail: 'New VMs are still refused.' }
        : { resolved: true, detail: 'New VMs can be created.' },
  },
  {
    id: 'common-resource-group',
    title: 'Use common resource group for cluster and Arc-for-Server resources',
    source: 'guide',
    sample: (_w, c) => MESSAGES.arcMachinesExist(c.nodeNames.slice(0, 2), `${c.name}-rg`),
    patterns: [
      templatePattern(MESSAGES.arcMachinesExist([P], P)),
      /Arc servers are already registered in Resource Group/i,
      /ArcForServerResourceGroupName|ArcServerResourceGroupName/i,
    ],
    cause: () =>
      'Clusters registered with Az.StackHCI 1.4.1 or earlier can\u2019t use a common or pre-existing resource group for Arc-for-Server resources, and an Arc machine of the same name already exists in the chosen group.',
    steps: (ctx) => [
      // registration stops before anything is written when the machines are found, so there may be nothing to unregister
      ...(ctx.cluster.registration ? [UNREGISTER_STEP] : []),
      { text: 'Install the latest PowerShell module: Install-Module Az.StackHCI -Force.' },
      {
        ...REGISTER_STEP,
        text: 'Register again, passing -ResourceGroupName and -ArcServerResourceGroupName.',
      },
    ],
    check: (ctx) =>
      ctx.cluster.registration
        ? {
            resolved: true,
            detail: `Registered; Arc resources in ${ctx.cluster.registration.arcResourceGroup}.`,
          }
        : { resolved: false, detail: 'The cluster is not registered.' },
  },
];
