/** The messages of behaviour.md §1.5 that are not a case of the guide: cause, remedy and, where the world can tell, a check. */
import { MESSAGES } from '../cluster-registration';
import { HOUR } from '../model';
import { registeredCheck, unregisteredCheck } from './checks';
import { P, templatePattern } from './patterns';
import { REGISTER_STEP, REPAIR_STEP, UNREGISTER_STEP } from './remedy-steps';
import type { CaseContext, CheckResult, RemedyStep, TroubleshootCase } from './types';

interface MessageEntry {
  id: string;
  title: string;
  text: string;
  cause: string;
  remedy: RemedyStep[];
  check?: (ctx: CaseContext) => CheckResult;
}

const MESSAGE_ENTRIES: MessageEntry[] = [
  {
    id: 'no-cluster',
    title: 'NoClusterError',
    text: `Computer ${P} is not part of an Azure Stack HCI cluster. Use the -ComputerName parameter to specify an Azure Stack HCI cluster node and try again.`,
    cause: 'The command ran on a computer that is not a cluster node.',
    remedy: [
      {
        text: 'Run it from a cluster node, or pass -ComputerName with a node name. The portal always targets a node of the cluster.',
      },
    ],
  },
  {
    id: 'different-resource-id',
    title: 'RegisteredWithDifferentResourceId',
    text: MESSAGES.differentResourceId(P),
    cause: 'The cluster is already registered with another Azure resource.',
    remedy: [UNREGISTER_STEP, REGISTER_STEP],
    check: unregisteredCheck,
  },
  {
    id: 'registration-info-not-found',
    title: 'RegistrationInfoNotFound',
    text: MESSAGES.notRegistered,
    cause:
      'The cluster has no registration to unregister, so Unregister-AzStackHCI needs the resource parameters.',
    remedy: [
      {
        text: 'Pass -SubscriptionId, -ResourceGroupName and -ResourceName (Get-Help Unregister-AzStackHCI -Full), or there is nothing to unregister.',
      },
    ],
  },
  {
    id: 'region-not-supported',
    title: 'RegionNotSupported',
    text: MESSAGES.regionNotSupported(P, [P]),
    cause: 'Azure Stack HCI is not offered in the chosen region.',
    remedy: [{ ...REGISTER_STEP, text: 'Choose one of the listed regions in the registration wizard.' }],
    check: registeredCheck,
  },
  {
    id: 'certificate-not-found',
    title: 'CertificateNotFoundOnNode',
    text: `Certificate with thumbprint ${P} not found on node(s) ${P}. Make sure the certificate has been added to the certificate store on every clustered node.`,
    cause:
      'The certificate given with -CertificateThumbprint isn\u2019t in the certificate store of every node.',
    remedy: [
      {
        text: 'Add the certificate to the store of every clustered node, or register without -CertificateThumbprint (the portal uses self-signed certificates).',
      },
    ],
  },
  {
    id: 'not-ga',
    title: 'NotAllTheNodesInClusterAreGA',
    text: `Update the operating system on node(s) ${P} to version 17784.1374 or later to continue.`,
    cause: 'Some servers run a pre-release build of Azure Stack HCI.',
    remedy: [{ text: 'Install the latest updates on the servers named, then register.' }],
  },
  {
    id: 'repair-not-registered',
    title: 'NoExistingRegistrationExistsErrorMessage',
    text: MESSAGES.repairNotRegistered,
    cause: 'A repair needs an existing registration.',
    remedy: [REGISTER_STEP],
    check: registeredCheck,
  },
  {
    id: 'rg-different',
    title: 'HCIResourceGroupNameDifferentErrorMessage',
    text: MESSAGES.differentResourceGroup(P),
    cause: 'The cluster resource already exists in another resource group.',
    remedy: [{ ...REGISTER_STEP, text: 'Use the resource group named in the message, or leave it out.' }],
    check: registeredCheck,
  },
  {
    id: 'subscription-different',
    title: 'HCISubscriptionDifferentErrorMessage',
    text: MESSAGES.differentSubscription(P),
    cause: 'The cluster is already registered to another subscription.',
    remedy: [{ ...REGISTER_STEP, text: 'Use the subscription named in the message, or unregister first.' }],
    check: registeredCheck,
  },
  {
    id: 'name-different',
    title: 'HCIResourceNameDifferentErrorMessage',
    text: MESSAGES.differentName(P),
    cause: 'The cluster is already registered with another resource name.',
    remedy: [{ ...REGISTER_STEP, text: 'Use the resource name in the message, or unregister first.' }],
    check: registeredCheck,
  },
  {
    id: 'user-cert-validity',
    title: 'UserCertValidationErrorMessage',
    text: `Can't use certificate with thumbprint ${P} because it expires in less than 60 days, on ${P}. Certificates must be valid for at least 60 days.`,
    cause: 'A user-provided certificate must be valid for at least 60 days.',
    remedy: [{ text: 'Use a certificate valid for 60 days or more, or let the cmdlet generate one.' }],
  },
  {
    id: 'cert-cleanup',
    title: 'FailedToRemoveRegistrationCertWarning',
    text: `Couldn't clean up Azure Stack HCI registration certificate from node(s) ${P}. You can ignore this message or clean up the certificate yourself (optional).`,
    cause: 'Unregistration couldn\u2019t remove the certificate from some nodes (they were down).',
    remedy: [{ text: 'Optional: remove the certificate from those nodes\u2019 stores.' }],
  },
  {
    id: 'install-latest',
    title: 'InstallLatestVersionWarning',
    text: `Newer version of the Az.StackHCI module is available. Update from version ${P} to version ${P} using Update-Module.`,
    cause: 'A newer Az.StackHCI module exists.',
    remedy: [{ text: 'Run Update-Module Az.StackHCI.' }],
  },
  {
    id: 'gallery-unreachable',
    title: 'CouldNotGetLatestModuleInformationWarning',
    text: `Can't connect to the PowerShell Gallery to verify module version. Make sure you have the latest Az.StackHCI module with major version ${P}.`,
    cause: 'The PowerShell Gallery couldn\u2019t be reached.',
    remedy: [{ text: 'Check Internet access from the management PC, or update the module yourself.' }],
  },
  {
    id: 'cannot-reach-azure',
    title: 'ConnectingToCloudBillingServiceFailed',
    text: `Can't reach Azure from node(s) ${P}. Make sure every clustered node has network connectivity to Azure.`,
    cause: 'Some servers can\u2019t reach the Azure Stack HCI cloud service.',
    remedy: [
      {
        text: 'Allow outbound HTTPS (443) to the Azure Stack HCI endpoints on every server, then try again.',
      },
    ],
  },
  {
    id: 'region-mismatch',
    title: 'ResourceExistsInDifferentRegionError',
    text: MESSAGES.differentRegion(P, P),
    cause: 'A resource with the same ID exists in another region.',
    remedy: [
      { ...REGISTER_STEP, text: 'Specify the same region, or delete the existing resource and try again.' },
    ],
    check: registeredCheck,
  },
  {
    id: 'arc-cmdlets-missing',
    title: 'ArcCmdletsNotAvailableError',
    text: `Azure Arc integration isn't available for the version of Azure Stack HCI installed on node(s) ${P} yet.`,
    cause: 'The servers\u2019 OS build lacks the Arc integration cmdlets.',
    remedy: [{ text: 'Install the latest update on the servers named.' }],
  },
  {
    id: 'arc-disable-in-progress',
    title: 'ArcRegistrationDisableInProgressError',
    text: 'Unregister of Azure Arc integration is in progress. Try Unregister-AzStackHCI to finish unregistration and then try Register-AzStackHCI again.',
    cause: 'An earlier unregistration of Arc didn\u2019t finish.',
    remedy: [UNREGISTER_STEP, REGISTER_STEP],
    check: unregisteredCheck,
  },
  {
    id: 'arc-not-in-cloud',
    title: 'ArcIntegrationNotAvailableForCloudError',
    text: `Azure Arc integration is not available in ${P}. Specify '-EnableAzureArcServer:`,
    cause: 'Arc integration isn\u2019t offered in this Azure cloud.',
    remedy: [
      { ...REGISTER_STEP, text: 'Register without Azure Arc integration (-EnableAzureArcServer:$false).' },
    ],
    check: registeredCheck,
  },
  {
    id: 'arc-rg-exists',
    title: 'ArcResourceGroupExists',
    text: `Arc resource group ${P} already exists. Please delete the resource group for cluster registration.`,
    cause: 'Older modules need an Arc resource group that doesn\u2019t exist yet.',
    remedy: [{ text: 'Delete that resource group, or update the Az.StackHCI module.' }],
  },
  {
    id: 'set-registration-exception',
    title: 'SetAzureStackHCIRegistrationErrorMessage',
    text: `Exception occurred in Set-AzureStackHCIRegistration. ErrorMessage: ${P}`,
    cause: 'Writing the registration to the cluster failed; the message after ErrorMessage says why.',
    remedy: [REPAIR_STEP],
  },
  {
    id: 'arc-other-rg',
    title: 'ArcAlreadyRegisteredInDifferentResourceGroupError',
    text: `Arc servers are already registered in Resource Group: ${P}. To change resource groups, please unregister and register again`,
    cause: 'The Arc machines already live in another resource group.',
    remedy: [UNREGISTER_STEP, REGISTER_STEP],
    check: unregisteredCheck,
  },
  {
    id: 'cluster-creation-failed',
    title: 'ClusterCreationFailureMessage',
    text: 'Failed to create cluster resource',
    cause: 'Azure refused to create the cluster resource after 10 attempts.',
    remedy: [
      {
        ...REGISTER_STEP,
        text: 'Check the subscription (Microsoft.AzureStackHCI provider registered, your role), then register again.',
      },
    ],
    check: registeredCheck,
  },
  {
    id: 'rp-object-id-null',
    title: 'rpObjectIdNullError',
    text: 'Resource Provider Object Id is Null. Failed to assign roles to HCI RP for ARC Onboarding',
    cause: 'The Microsoft.AzureStackHCI resource provider isn\u2019t registered in the subscription.',
    remedy: [
      { text: 'Register the Microsoft.AzureStackHCI resource provider in the subscription, then repair.' },
      REPAIR_STEP,
    ],
  },
  {
    id: 'role-assignment-rp',
    title: 'roleAssignmentHCIRPFailError',
    text: 'Failed to assign Arc roles to HCI Resource Provider',
    cause: 'Your account can\u2019t assign roles in the subscription.',
    remedy: [{ text: 'Ask an Owner or User Access Administrator, then repair.' }, REPAIR_STEP],
  },
  {
    id: 'missing-modules',
    title: 'MissingDependentModulesError',
    text: `Can't find PowerShell module(s): ${P}. Please install the missing module(s)`,
    cause: 'Required PowerShell modules are missing.',
    remedy: [{ text: "Install them with 'Install-Module -Name <Module_Name>'." }],
  },
  {
    id: 'arc-other-resource',
    title: 'ArcAlreadyEnabledInADifferentResourceError',
    text: 'Below mentioned cluster node(s) are already Arc enabled with a different ARM Resource Id',
    cause: 'Some nodes\u2019 Arc agents point at other machine resources.',
    remedy: [
      {
        text: 'Disconnect the Arc agent on those nodes (azcmagent disconnect) and run Register-AzStackHCI again.',
      },
    ],
  },
  {
    id: 'arc-register-failed',
    title: 'RegisterArcFailedErrorMessage',
    text: "Some clustered nodes couldn't be Arc-enabled right now.",
    cause:
      'Arc registration failed on some nodes (nodes down, or no connectivity); the scheduled task retries every hour.',
    remedy: [
      {
        text: 'Wait an hour, then check Get-AzureStackHCIArcIntegration on each node.',
        action: { kind: 'wait', durationMs: HOUR },
        actionLabel: 'Advance the clock 1 hour',
      },
    ],
  },
  {
    id: 'arc-roles-cleanup',
    title: 'ArcRolesCleaningWarningMessage',
    text: `Couldn't clean up Azure AD application identity ${P} used by Azure Arc integration.`,
    cause: 'The Arc app registration couldn\u2019t be removed.',
    remedy: [
      {
        text: 'Optional: delete it in the Azure portal.',
        action: { kind: 'delete-orphans' },
        actionLabel: 'Delete leftover app registrations and resources',
      },
    ],
  },
  {
    id: 'admin-consent',
    title: 'AdminConsentWarning',
    text: MESSAGES.adminConsent(P, P),
    cause: 'Your account can\u2019t grant admin consent for the cluster\u2019s Azure AD application.',
    remedy: [
      {
        text: 'Ask an Azure AD administrator to grant consent at the address given, then register again with the same parameters.',
      },
      REGISTER_STEP,
    ],
    check: registeredCheck,
  },
  {
    id: 'logs-directory',
    title: 'LogsDirectory',
    text: 'LogsDirectory path is not valid.',
    cause: 'The -LogsDirectory path doesn\u2019t exist.',
    remedy: [
      { text: 'Pass an existing folder, or leave it out (C:\\ProgramData\\AzureStackHCI\\Registration).' },
    ],
  },
  {
    id: 'aborted',
    title: 'Aborting based on user input',
    text: 'Aborting based on user input',
    cause: 'The 22H2 end-of-support prompt was declined.',
    remedy: [{ text: 'Run again and accept the prompt.' }],
  },
  {
    id: 'wac-register-failed',
    title: "Couldn't register Azure Stack HCI",
    text: MESSAGES.wacRegisterFailed,
    cause: 'The portal\u2019s registration job failed; its notification and the RegisterHCI log say why.',
    remedy: [{ text: 'Open the registration log in Diagnostics and paste its error here.' }],
  },
];

export const MESSAGE_CASES: TroubleshootCase[] = MESSAGE_ENTRIES.map((entry): TroubleshootCase => ({
  id: entry.id,
  title: entry.title,
  source: 'message',
  sample: () => entry.text.split(P).join('…'),
  patterns: [templatePattern(entry.text)],
  cause: () => entry.cause,
  steps: () => entry.remedy,
  check:
    entry.check ??
    (() => ({
      resolved: true,
      detail: 'Nothing in the simulated cluster keeps this from succeeding now; run the command again.',
    })),
}));
