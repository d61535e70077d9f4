import { ArrowClockwiseRegular, DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { ActionBar, ActionButton } from '@/components/action-bar/action-bar';
import { ResourceBlade, type ResourceBladeProps } from './resource-blade';

export interface BladeCommandsProps {
  /** The resource's name, for the command bar's label. */
  name: string;
  /** Opens the caller's delete confirmation; without it the blade has no Delete (nothing to delete here). */
  onDelete?: () => void;
  /** Delete stays disabled until the resource has loaded. */
  canDelete?: boolean;
  onRefresh: () => void;
  /** The resource's own commands, after Delete and Refresh. */
  children?: ReactNode;
}

/** A blade's command bar in the portal's order: Delete, Refresh, then the resource's own commands. */
export function BladeCommands({ name, onDelete, canDelete = true, onRefresh, children }: BladeCommandsProps) {
  return (
    <ActionBar
      ariaLabel={`${name} commands`}
      actions={
        <>
          {onDelete && (
            <ActionButton icon={<DeleteRegular />} disabled={!canDelete} onClick={onDelete}>
              Delete
            </ActionButton>
          )}
          <ActionButton icon={<ArrowClockwiseRegular />} onClick={onRefresh}>
            Refresh
          </ActionButton>
          {children}
        </>
      }
    />
  );
}

const OVERVIEW_ONLY = [{ id: 'overview', label: 'Overview' }] as const;

export type SimpleBladeProps = Pick<ResourceBladeProps, 'name' | 'type' | 'children'> &
  Omit<BladeCommandsProps, 'name' | 'children'>;

/**
 * A blade with one page: the portal still shows its resource menu, with Overview alone and current, and the
 * command bar of Delete (where the resource can be deleted here) and Refresh.
 */
export function SimpleBlade({ name, type, children, ...commands }: SimpleBladeProps) {
  return (
    <ResourceBlade
      name={name}
      type={type}
      menu={OVERVIEW_ONLY}
      active="overview"
      onSelect={() => undefined}
      commands={<BladeCommands name={name} {...commands} />}
    >
      {children}
    </ResourceBlade>
  );
}
