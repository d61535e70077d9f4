import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Toolbar,
  ToolbarButton,
  Tooltip,
  useIsOverflowItemVisible,
  useOverflowMenu,
  type ToolbarButtonProps,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import {
  Children,
  Fragment,
  isValidElement,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { formatCount } from '@/lib/format';
import { ActionBarSlotContext, useActionBarSlot, type ActionBarSlot } from './action-bar-slot';
import { useActionBarStyles } from './action-bar.styles';
import { SearchField } from './search-field';

/** Marks action toolbars so the global Ctrl+Alt+A shortcut can find the one on screen. */
export const ACTION_BAR_ATTRIBUTE = 'data-action-bar';

export function formatItemCount(count: number): string {
  return count === 1 ? '1 item' : `${formatCount(count)} items`;
}

export interface ActionBarSearch {
  /** The owner's text; the box keeps what is typed itself, so the owner may take it later (search-field.tsx). */
  value: string;
  onChange: (value: string) => void;
  /** Rows that match the current query, announced as the user types. */
  matchCount: number;
  /** @default 'Search' */
  placeholder?: string;
}

export interface ActionBarProps {
  /** ActionButton elements (icon + one-word label), or ShowPowerShell; fragments are unwrapped. */
  actions?: ReactNode;
  /** @default 'Actions' */
  ariaLabel?: string;
  /** Total items in the list; shown as "{N} items". Omit to hide. */
  itemCount?: number;
  /** Shown as "{N} selected" with a Clear Selection button when above zero. */
  selectedCount?: number;
  onClearSelection?: () => void;
  onRefresh?: () => void;
  /** @default false */
  refreshing?: boolean;
  search?: ActionBarSearch;
}

/** The actions as a flat list, so each can be measured and moved into the menu on its own. */
function flattenActions(node: ReactNode): ReactElement[] {
  return Children.toArray(node).flatMap((child) => {
    if (!isValidElement(child)) return [];
    if (child.type === Fragment) return flattenActions((child.props as { children?: ReactNode }).children);
    return [child];
  });
}

/** One overflowed action, rendered by its own component as a menu item. */
function OverflowedAction({ id, slot, children }: { id: string; slot: ActionBarSlot; children: ReactNode }) {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return <ActionBarSlotContext.Provider value={slot}>{children}</ActionBarSlotContext.Provider>;
}

/** WAC's "More" (…): the actions that do not fit the row, in their order. */
function MoreMenu({ actions, slots }: { actions: readonly ReactElement[]; slots: readonly ActionBarSlot[] }) {
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Tooltip content="More" relationship="label">
          <ToolbarButton ref={ref} appearance="subtle" icon={<MoreHorizontalRegular />} />
        </Tooltip>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {actions.map((action, index) => (
            <OverflowedAction
              key={action.key ?? index}
              id={String(index)}
              slot={slots[index] ?? { inMenu: false }}
            >
              {action}
            </OverflowedAction>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * One WAC master-view toolbar row: actions on the left, then count, selection, Refresh and Search. The row
 * never wraps: actions that do not fit move, from the last one backwards, into a "More" (…) menu.
 */
export function ActionBar({
  actions,
  ariaLabel = 'Actions',
  itemCount,
  selectedCount = 0,
  onClearSelection,
  onRefresh,
  refreshing = false,
  search,
}: ActionBarProps) {
  const styles = useActionBarStyles();
  const rootRef = useRef<HTMLDivElement>(null);
  // Overflow measures widths. Where nothing is really laid out (a hidden container: all 0; a test DOM that
  // gives every element the window's size) each action would count as not fitting, so the row overflows only
  // once one action is measurably narrower than the row.
  const [measurable, setMeasurable] = useState(false);
  useLayoutEffect(() => {
    const row = rootRef.current;
    const first = row?.querySelector(`[${ACTION_BAR_ATTRIBUTE}] > *`);
    setMeasurable(
      row !== null &&
        first !== null &&
        first !== undefined &&
        first.getBoundingClientRect().width < row.clientWidth,
    );
  }, []);
  const items = flattenActions(actions);
  const hosts = useRef(new Map<string, HTMLElement>());
  const count = items.length;
  const slots = useMemo(
    () =>
      Array.from({ length: count }, (_unused, index): ActionBarSlot => ({
        inMenu: true,
        activate: () => hosts.current.get(String(index))?.querySelector('button')?.click(),
      })),
    [count],
  );
  const toolbar = (
    <Toolbar aria-label={ariaLabel} className={styles.actions} {...{ [ACTION_BAR_ATTRIBUTE]: '' }}>
      {items.map((item, index) => (
        <OverflowItem key={item.key ?? index} id={String(index)} priority={count - index}>
          <span
            className={styles.item}
            ref={(element) => {
              if (element) hosts.current.set(String(index), element);
              else hosts.current.delete(String(index));
            }}
          >
            {item}
          </span>
        </OverflowItem>
      ))}
      <MoreMenu actions={items} slots={slots} />
    </Toolbar>
  );
  return (
    <div className={styles.root} ref={rootRef}>
      {count > 0 ? (
        measurable ? (
          <Overflow padding={8}>{toolbar}</Overflow>
        ) : (
          toolbar
        )
      ) : (
        <span className={styles.actions} />
      )}
      <div className={styles.meta}>
        {itemCount !== undefined && <span>{formatItemCount(itemCount)}</span>}
        {selectedCount > 0 && (
          <span className={styles.selectionChip}>
            {formatCount(selectedCount)} selected
            {onClearSelection && (
              <Tooltip content="Clear Selection" relationship="label">
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<DismissRegular />}
                  onClick={onClearSelection}
                />
              </Tooltip>
            )}
          </span>
        )}
        {onRefresh && (
          <Tooltip content="Refresh" relationship="label">
            <Button
              appearance="subtle"
              icon={<ArrowClockwiseRegular />}
              onClick={onRefresh}
              disabled={refreshing}
            />
          </Tooltip>
        )}
        {search && (
          <SearchField
            value={search.value}
            onChange={search.onChange}
            matchCount={search.matchCount}
            label={search.placeholder ?? 'Search'}
            boxClassName={styles.search}
            countClassName={styles.matchCount}
          />
        )}
      </div>
    </div>
  );
}

/** An action-bar button: an icon and a one-word label; a menu item when the row overflows. */
export function ActionButton(props: ToolbarButtonProps) {
  const slot = useActionBarSlot();
  if (slot.inMenu) {
    const { disabled, onClick } = props;
    const icon: unknown = props.icon;
    const children = props.children as ReactNode;
    return (
      <MenuItem
        icon={isValidElement(icon) ? icon : undefined}
        disabled={disabled === true}
        onClick={(event: MouseEvent<HTMLDivElement>) =>
          onClick?.(event as unknown as MouseEvent<HTMLButtonElement & HTMLAnchorElement>)
        }
      >
        {children}
      </MenuItem>
    );
  }
  return <ToolbarButton appearance="subtle" {...props} />;
}
