/**
 * Texts the real product writes, verbatim from the registration troubleshooting guide (seed 001) and
 * behaviour.md: the hcisvc Debug channel, Azure AD's errors as hcisvc logs them, the Arc warnings. They are
 * written by the simulation where the product writes them, and the troubleshooter matches them.
 */

/** ArcSettingsPatchFailedWarningMessage (behaviour.md §1.5). */
export const ARC_PATCH_FAILED =
  'Arc for Servers registration failed. Visit https://learn.microsoft.com/en-us/azure-stack/hci/deploy/troubleshoot-hci-registration#registration-completes-successfully-but-azure-arc-connection-in-portal-says-not-installed and follow the troubleshooting steps. If Azure-Arc registration continues failing for more than 12 hours, contact support.';

/** "OnPremisesPasswordValidationTimeSkew": what Azure AD returns when the node's clock is too far off. */
export const TIME_SKEW =
  'AADSTS80013: OnPremisesPasswordValidationTimeSkew - The authentication attempt could not be completed due to time skew between the machine running the authentication agent and AD. Fix time sync issues.';

export const TENANT_MFA =
  'Unable to acquire token for tenant with error. You must use multi-factor authentication to access tenant. Please rerun Connect-AzAccount with additional parameter -TenantId.';

/** The guide's hcisvc Debug lines around the Azure AD token fetch. */
export const AAD_TOKEN_FETCH = {
  retryable: 'ExecuteWithRetry operation AADTokenFetch failed with retryable error',
  exhausted: 'ExecuteWithRetry operation AADTokenFetch failed after all retries',
  recovered: 'ExecuteWithRetry operation AADTokenFetch succeeded in retry',
} as const;

/**
 * The guide's AADSTS700027 for a clock that is wrong: the key's validity window as Azure AD saw it. The guide
 * shows the text up to the Found key part, without a closing bracket; it is kept exactly so.
 */
export function expiredKeyAssertion(thumbprint: string, start: string, end: string): string {
  return `AADSTS700027: Client assertion contains an invalid signature. [Reason - The key used is expired. Thumbprint of key used by client: '${thumbprint}', Found key 'Start=${start}, End=${end}'`;
}

/** "Not able to rotate certificates in Fairfax and Mooncake": the two forms the guide shows. */
export const ROTATION_FAILED = {
  assertion: 'exception: AADSTS700027: Client assertion failed signature validation',
  audience: 'RotateRegistrationCertificate failed: Invalid Audience',
} as const;

/** Unregister-AzStackHCI when the `<cluster>.arc` app is gone (the guide's "User deleted the App IDs" case). */
export function arcDisableFailed(node: string): string {
  return `Couldn't disable Azure Arc integration on Node ${node}. Try running the Disable-AzureStackHCIArcIntegration cmdlet on the node. If the node is in a state where the Disable-AzureStackHCIArcIntegration cmdlet could not be run, remove the node from the cluster and try running the Unregister-AzStackHCI cmdlet again.`;
}

/** hcisvc's Debug line when the cluster's own app registration was deleted. */
export function appNotFound(appId: string): string {
  return `Application with identifier '${appId}' was not found in the directory 'Default Directory'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`;
}

/** The cluster resource's Azure Connection field when the cluster app is gone (the guide's wording). */
export const DISCONNECTED_8_HOURS = 'Disconnected - Cluster not in connected state for more than 8 hours';
