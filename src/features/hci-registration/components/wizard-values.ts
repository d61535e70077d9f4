import type { RegisterClusterRequestDto } from '@/api/contract';
import { registerClusterSchema } from '@/api/request-schemas';
import { fieldProblems } from '@/api/schema-messages';

/** What the wizard's fields hold; `toRequest` turns it into the API's request. */
export interface WizardValues {
  subscriptionId: string;
  resourceGroupMode: 'existing' | 'new';
  resourceGroup: string;
  region: string;
  enableArc: boolean;
  arcResourceGroup: string;
  resourceName: string;
}

export const FIELD_NAMES = [
  'subscriptionId',
  'resourceGroup',
  'region',
  'resourceName',
  'arcResourceGroup',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type FieldErrors = Partial<Record<FieldName, string>>;

export const isFieldName = (value: unknown): value is FieldName =>
  typeof value === 'string' && (FIELD_NAMES as readonly string[]).includes(value);

/**
 * The real pane's defaults: a new `<cluster>-rg`, East US, Azure Arc on (ui.md §2a); the resource is named
 * after the cluster, as Register-AzStackHCI names it when -ResourceName is left out (behaviour.md §1.1).
 */
export function defaultValues(cluster: string): WizardValues {
  return {
    subscriptionId: '',
    resourceGroupMode: 'new',
    resourceGroup: `${cluster}-rg`,
    region: 'eastus',
    enableArc: true,
    arcResourceGroup: '',
    resourceName: cluster,
  };
}

export function toRequest(values: WizardValues): RegisterClusterRequestDto {
  return {
    subscriptionId: values.subscriptionId.trim(),
    resourceGroup: values.resourceGroup,
    createResourceGroup: values.resourceGroupMode === 'new',
    region: values.region,
    enableArc: values.enableArc,
    resourceName: values.resourceName,
    ...(values.enableArc && values.arcResourceGroup !== ''
      ? { arcResourceGroup: values.arcResourceGroup }
      : {}),
  };
}

/**
 * A request sent before, back in the fields. A group the first attempt created exists now, so it is shown
 * as Use existing: re-running with Create new would be refused.
 */
export function fromRequest(
  request: RegisterClusterRequestDto,
  existingGroups: readonly string[] | undefined,
  cluster: string,
): WizardValues {
  const exists = existingGroups?.some((g) => g.toLowerCase() === request.resourceGroup.toLowerCase());
  return {
    subscriptionId: request.subscriptionId,
    resourceGroupMode: request.createResourceGroup && !exists ? 'new' : 'existing',
    resourceGroup: request.resourceGroup,
    region: request.region,
    enableArc: request.enableArc,
    arcResourceGroup: request.arcResourceGroup ?? '',
    resourceName: request.resourceName ?? cluster,
  };
}

/**
 * The field errors the API would answer, found before sending: the request is checked with the API's own
 * schema (src/api/request-schemas.ts, built from src/api/rules.ts) and worded as the API words it
 * (src/api/schema-messages.ts), so form and server never disagree. Then
 * what only the form can know: a drop-down left empty, and a "new" group that the subscription already has.
 */
export function validateWizard(
  values: WizardValues,
  existingGroups: readonly string[] | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of fieldProblems(registerClusterSchema, toRequest(values)))
    if (isFieldName(field)) errors[field] = message;
  if (values.resourceGroupMode === 'existing') {
    if (values.resourceGroup === '') errors.resourceGroup = 'Select a resource group.';
  } else if (
    errors.resourceGroup === undefined &&
    existingGroups?.some((g) => g.toLowerCase() === values.resourceGroup.toLowerCase())
  ) {
    errors.resourceGroup = `A resource group named '${values.resourceGroup}' already exists in this subscription. Choose Use existing, or another name.`;
  }
  if (values.region === '') errors.region = 'Select an Azure region.';
  return errors;
}
