import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RegisterClusterRequestDto } from '@/api/contract';
import { armQueries } from '@/api/queries/arm-queries';
import { registrationQueries } from '../api/registration-queries';
import { subscriptionIdError } from './validation';
import {
  FIELD_NAMES,
  defaultValues,
  isFieldName,
  fromRequest,
  toRequest,
  validateWizard,
  type FieldErrors,
  type FieldName,
  type WizardValues,
} from './wizard-values';

/**
 * The wizard's form state: the values, what the user has touched, the errors (Azure's rules as the user
 * types, and the server's answer for a field), and the lists the fields choose from. A refused submit's
 * focus is the pane's (ContextPane takes the user to the first field it marked).
 */
export function useWizardForm(cluster: string, enabled: boolean) {
  const [rawValues, setValues] = useState<WizardValues>(() => defaultValues(cluster));
  // Until the user picks or types one, the subscription is the account's first (WAC pre-selects one).
  const [subscriptionEdited, setSubscriptionEdited] = useState(false);
  const [subscriptionText, setSubscriptionText] = useState('');
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const subscriptions = useQuery({ ...armQueries.subscriptions(), enabled });
  const firstSubscription = subscriptions.data?.[0];
  const values: WizardValues = subscriptionEdited
    ? rawValues
    : { ...rawValues, subscriptionId: firstSubscription?.subscriptionId ?? '' };
  const shownSubscriptionText = subscriptionEdited
    ? subscriptionText
    : firstSubscription
      ? `${firstSubscription.displayName} (${firstSubscription.subscriptionId})`
      : '';
  const subscriptionValid = subscriptionIdError(values.subscriptionId) === undefined;
  const groups = useQuery({
    ...armQueries.resourceGroups(values.subscriptionId.trim()),
    enabled: enabled && subscriptionValid,
  });
  const regions = useQuery({ ...registrationQueries.regions(cluster), enabled });

  const clientErrors = validateWizard(
    values,
    groups.data?.map((g) => g.name),
  );
  const errorFor = (field: FieldName) =>
    serverErrors[field] ?? (touched[field] ? clientErrors[field] : undefined);

  const update = <K extends keyof WizardValues>(key: K, value: WizardValues[K]) => {
    setValues((v) => ({ ...v, subscriptionId: values.subscriptionId, [key]: value }));
    if (key === 'subscriptionId') setSubscriptionEdited(true);
    if (isFieldName(key)) {
      setTouched((t) => ({ ...t, [key]: true }));
      setServerErrors((e) => ({ ...e, [key]: undefined }));
    }
  };

  return {
    values,
    subscriptionValid,
    subscriptionText: shownSubscriptionText,
    subscriptions,
    groups,
    regions,
    errorFor,
    update,
    typeSubscription: (text: string) => {
      setSubscriptionText(text);
      update('subscriptionId', text);
    },
    chooseSubscription: (id: string, text: string) => {
      update('subscriptionId', id);
      setSubscriptionText(text);
    },
    chooseResourceGroupMode: (mode: WizardValues['resourceGroupMode']) => {
      setValues((v) => ({
        ...v,
        subscriptionId: values.subscriptionId,
        resourceGroupMode: mode,
        resourceGroup: mode === 'new' ? `${cluster}-rg` : '',
      }));
      setServerErrors((e) => ({ ...e, resourceGroup: undefined }));
    },
    /** The request to send, or undefined after marking every field (the pane then focuses the first invalid one). */
    checkedRequest: (): RegisterClusterRequestDto | undefined => {
      setTouched(Object.fromEntries(FIELD_NAMES.map((f) => [f, true])));
      if (Object.keys(clientErrors).length === 0) return toRequest(values);
      return undefined;
    },
    /** The form's values as a request, valid or not (what "Register again" falls back to). */
    request: () => toRequest(values),
    /** The server refused one field: show its message there. */
    refuseField: (field: FieldName, message: string) => setServerErrors({ [field]: message }),
    /** Back to a request sent before ("Change the settings"). */
    restore: (request: RegisterClusterRequestDto) => {
      setSubscriptionEdited(true);
      setSubscriptionText(request.subscriptionId);
      setValues(
        fromRequest(
          request,
          groups.data?.map((g) => g.name),
          cluster,
        ),
      );
    },
  };
}

export type WizardForm = ReturnType<typeof useWizardForm>;
