import { createContext, useContext } from 'react';

/**
 * Where an action renders: in the toolbar row, or in the "More" menu the row overflows into. An action that
 * opens something it owns (a dialog) is activated through its toolbar copy, which stays mounted while hidden.
 */
export type ActionBarSlot = { inMenu: false } | { inMenu: true; activate: () => void };

export const ActionBarSlotContext = createContext<ActionBarSlot>({ inMenu: false });

export const useActionBarSlot = (): ActionBarSlot => useContext(ActionBarSlotContext);
