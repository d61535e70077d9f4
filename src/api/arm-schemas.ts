/**
 * The request bodies the simulated Azure Resource Manager accepts (resource groups, Azure Stack HCI
 * clusters and their Arc setting, Arc-enabled machines), as zod/mini schemas: the shape of each body and
 * the value rules that need nothing but the value. Rules that need the world (is this region offered in
 * the subscription's cloud?) stay with the simulation.
 *
 * ARM answers each refusal with its own code and wording, so a schema does not word its refusals: every
 * issue says which ARM rule it broke (`ArmIssue` in `params`, or zod's own `invalid_type` / `too_big`),
 * and the simulation (mocks/sim/arm/body.ts) words it as ARM does. This module imports nothing but zod
 * rules.ts and string-record.ts (which import nothing else), so the pure simulation may import it (eslint.config.js allows
 * exactly this file and durations.ts).
 * Unknown properties are ignored, as ARM ignores them.
 */
import * as z from 'zod/mini';
import { isGuid, tagCountBroken, tagRuleBroken } from './rules';
import type { TagRuleBroken } from './rules';
import { stringRecordSchema } from './string-record';
import type { StringRecord } from './string-record';

export { tagRuleMessage } from './rules';

/** Why a value was refused, for the simulation to word as ARM does. */
export type ArmIssue =
  | { arm: 'LocationRequired' }
  | { arm: 'NotGuid' }
  | { arm: 'NotAllowed'; allowed: readonly string[] }
  | { arm: 'NotClusterId' }
  | TagRuleBroken;

/** No source gives ARM's bound for a plain string property; nothing the portal sends comes near 4 KB. */
export const MAX_ARM_STRING = 4_096;

const CLUSTER_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.AzureStackHCI\/clusters\/[^/]+$/i;

/** ARM reads an absent property and a JSON null alike. */
const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

const armString = z.string().check(z.maxLength(MAX_ARM_STRING));

const refused = (issue: ArmIssue, input: unknown) =>
  ({ code: 'custom', message: issue.arm, input, params: issue }) as const;

/** A GUID property. */
const guid = armString.check(
  z.superRefine((value, ctx) => {
    if (!isGuid(value)) ctx.issues.push(refused({ arm: 'NotGuid' }, value));
  }),
);

/** An enum property, matched without regard to case and read as the spec spells it. */
const armEnum = <const T extends string>(allowed: readonly [T, ...T[]]) =>
  z.pipe(
    armString,
    z.transform((value: string, ctx): T => {
      const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
      if (match !== undefined) return match;
      ctx.issues.push(refused({ arm: 'NotAllowed', allowed }, value));
      return z.NEVER;
    }),
  );

/** `location` of a tracked resource: required and not blank (whether it is offered is the world's rule). */
const location = z.pipe(
  optional(armString),
  z.transform((value: string | null | undefined, ctx): string => {
    if (value !== undefined && value !== null && value.trim() !== '') return value;
    ctx.issues.push(refused({ arm: 'LocationRequired' }, value));
    return z.NEVER;
  }),
);

/**
 * `tags`: a dictionary of strings, kept in a null-prototype record (string-record.ts), so a tag named
 * `__proto__` or `constructor` is an ordinary tag, as ARM's schema makes it.
 */
export const armTagsSchema = z.pipe(
  z.pipe(
    // the count comes first: 51 tags are too many whatever their values
    z.unknown().check(
      z.superRefine((all, ctx) => {
        const tooMany = tagCountBroken(typeof all === 'object' && all !== null ? Object.keys(all).length : 0);
        if (tooMany) ctx.issues.push(refused(tooMany, all));
      }),
    ),
    stringRecordSchema,
  ),
  z.transform((tags: StringRecord, ctx) => {
    const problem = tagRuleBroken(tags);
    if (problem !== undefined) {
      ctx.issues.push(refused(problem, tags));
      return z.NEVER;
    }
    return tags;
  }),
);

const tags = optional(armTagsSchema);
const object = <S extends z.core.$ZodLooseShape>(shape: S) => optional(z.object(shape));

// ───────────── Microsoft.Resources ─────────────

/** ResourceGroups_CreateOrUpdate. */
export const resourceGroupPutSchema = z.object({ location, tags, managedBy: optional(armString) });
/** ResourceGroups_Update: tags (replacing all of them when given) and managedBy. */
export const resourceGroupPatchSchema = z.object({ tags, managedBy: optional(armString) });

// ───────────── Microsoft.AzureStackHCI ─────────────

const clusterIdentity = object({
  type: optional(armEnum(['None', 'SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned'])),
});
const clusterProperties = object({
  cloudManagementEndpoint: optional(armString),
  aadClientId: optional(guid),
  aadTenantId: optional(guid),
  aadApplicationObjectId: optional(guid),
  aadServicePrincipalObjectId: optional(guid),
  desiredProperties: object({
    windowsServerSubscription: optional(armEnum(['Disabled', 'Enabled'])),
    diagnosticLevel: optional(armEnum(['Off', 'Basic', 'Enhanced'])),
  }),
});

/** Clusters_Create. */
export const clusterPutSchema = z.object({
  location,
  tags,
  identity: clusterIdentity,
  properties: clusterProperties,
});
/** Clusters_Update (ClusterPatch). */
export const clusterPatchSchema = z.omit(clusterPutSchema, { location: true });

/** ArcSettings_Create; the resource-group name rule of `arcInstanceResourceGroup` is the simulation's. */
export const arcSettingPutSchema = z.object({
  properties: object({
    arcInstanceResourceGroup: optional(armString),
    arcApplicationClientId: optional(guid),
    arcApplicationTenantId: optional(guid),
    arcServicePrincipalObjectId: optional(guid),
    arcApplicationObjectId: optional(guid),
    connectivityProperties: object({}),
  }),
});
/** ArcSettings_Update (ArcSettingsPatch). */
export const arcSettingPatchSchema = z.object({
  tags,
  properties: object({ connectivityProperties: object({}) }),
});

// ───────────── Microsoft.HybridCompute ─────────────

const machineProperties = object({
  locationData: object({}),
  osProfile: object({}),
  cloudMetadata: object({}),
  agentUpgrade: object({}),
  privateLinkScopeResourceId: optional(armString),
  clientPublicKey: optional(armString),
  /** The cluster the machine belongs to; '' takes it out of its cluster. */
  parentClusterResourceId: optional(
    armString.check(
      z.superRefine((value, ctx) => {
        if (value !== '' && !CLUSTER_ID.test(value)) ctx.issues.push(refused({ arm: 'NotClusterId' }, value));
      }),
    ),
  ),
  vmId: optional(guid),
  osType: optional(armEnum(['windows', 'linux'])),
});
const machineIdentity = object({ type: optional(armEnum(['SystemAssigned'])) });

/** Machines_CreateOrUpdate. */
export const machinePutSchema = z.object({
  location,
  tags,
  identity: machineIdentity,
  properties: machineProperties,
});
/** Machines_Update (MachineUpdate). */
export const machinePatchSchema = z.omit(machinePutSchema, { location: true });
