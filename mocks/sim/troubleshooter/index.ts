/**
 * The troubleshooter: every case of the registration troubleshooting guide (seed 001) and every message of
 * behaviour.md §1.5. For an error text it finds the case, the nodes the text names, the cause observed in
 * this world, the remediation steps (each one the portal can do carries an action), and a check that says
 * whether the problem is gone. The lab's recipes cause each case through faults, operations and time.
 */
export type * from './types';
export { CASES, contextFor, diagnose, findCase } from './diagnosis';
export { parseNodeList } from './patterns';
export { runRemedy } from './remedies';
export { MAX_ERROR_TEXT, diagnoseErrorText, readRemedyAction } from './input';
export { RECIPES, isReproducible, playRecipe } from './recipes';
export type { Recipe, RecipePlayer, RecipeStep } from './recipes';
