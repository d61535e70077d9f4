/**
 * Azure's own rules, checked as the user types so the wizard says what is wrong next to the field before
 * ARM would. They are the API's rules (src/api/rules.ts), so the form and the server never disagree.
 */
import { resourceGroupNameProblem, resourceNameProblem, subscriptionIdProblem } from '@/api/rules';

export const subscriptionIdError = subscriptionIdProblem;
export const resourceGroupNameError = resourceGroupNameProblem;
export const resourceNameError = resourceNameProblem;
