import {
  AddRegular,
  DeleteRegular,
  DesktopRegular,
  HistoryRegular,
  PlayRegular,
  PowerRegular,
  SaveRegular,
  SettingsRegular,
  StopRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { ActionBar, ActionButton, type ActionBarProps } from '@/components/action-bar/action-bar';

/** Every command a VM page offers, with one label and one icon wherever it appears. */
export const VM_COMMANDS = {
  create: { label: 'Create', icon: AddRegular },
  connect: { label: 'Connect', icon: DesktopRegular },
  start: { label: 'Start', icon: PlayRegular },
  'turn-off': { label: 'Turn off', icon: PowerRegular },
  shutdown: { label: 'Shut down', icon: StopRegular },
  stop: { label: 'Stop', icon: StopRegular },
  save: { label: 'Save', icon: SaveRegular },
  delete: { label: 'Delete', icon: DeleteRegular },
  checkpoints: { label: 'Checkpoints', icon: HistoryRegular },
  settings: { label: 'Settings', icon: SettingsRegular },
} as const satisfies Record<string, { label: string; icon: FluentIcon }>;

export type VmCommandId = keyof typeof VM_COMMANDS;

export interface VmCommand {
  id: VmCommandId;
  disabled?: boolean;
  onClick: () => void;
}

export interface VmActionBarProps extends Omit<ActionBarProps, 'actions' | 'ariaLabel'> {
  /** In the order the page shows them; what does not fit goes into "More". */
  commands: readonly VmCommand[];
  /** After the commands, e.g. Show PowerShell. */
  extra?: ReactNode;
}

/**
 * The one VM action bar: WAC's Virtual machines tool and the Azure Stack portal's VM list both use it, each
 * with the commands its platform has.
 */
export function VmActionBar({ commands, extra, ...rest }: VmActionBarProps) {
  return (
    <ActionBar
      ariaLabel="Virtual machine actions"
      actions={
        <>
          {commands.map(({ id, disabled, onClick }) => {
            const { label, icon: Icon } = VM_COMMANDS[id];
            return (
              <ActionButton key={id} icon={<Icon />} disabled={disabled === true} onClick={onClick}>
                {label}
              </ActionButton>
            );
          })}
          {extra}
        </>
      }
      {...rest}
    />
  );
}
