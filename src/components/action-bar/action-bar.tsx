import {
  Button,
  SearchBox,
  Toolbar,
  ToolbarButton,
  Tooltip,
  type ToolbarButtonProps,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useActionBarStyles } from './action-bar.styles';

/** Marks action toolbars so the global Ctrl+Alt+A shortcut can find the one on screen. */
export const ACTION_BAR_ATTRIBUTE = 'data-action-bar';

export function formatItemCount(count: number): string {
  return count === 1 ? '1 item' : `${count.toLocaleString()} items`;
}

export interface ActionBarSearch {
  value: string;
  onChange: (value: string) => void;
  /** Rows that match the current query, announced as the user types. */
  matchCount: number;
  /** @default 'Search' */
  placeholder?: string;
}

export interface ActionBarProps {
  /** ActionButton elements: icon + one-word label. */
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

/** One WAC master-view toolbar row: actions on the left, then count, selection, Refresh and Search. */
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
  return (
    <div className={styles.root}>
      {actions ? (
        <Toolbar aria-label={ariaLabel} className={styles.actions} {...{ [ACTION_BAR_ATTRIBUTE]: '' }}>
          {actions}
        </Toolbar>
      ) : (
        <span className={styles.actions} />
      )}
      <div className={styles.meta}>
        {itemCount !== undefined && <span>{formatItemCount(itemCount)}</span>}
        {selectedCount > 0 && (
          <span className={styles.selectionChip}>
            {selectedCount.toLocaleString()} selected
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
          <>
            <SearchBox
              className={styles.search}
              size="small"
              aria-label={search.placeholder ?? 'Search'}
              placeholder={search.placeholder ?? 'Search'}
              value={search.value}
              onChange={(_event, data) => search.onChange(data.value)}
            />
            <span className={styles.matchCount} aria-live="polite">
              {search.value
                ? `${search.matchCount.toLocaleString()} ${search.matchCount === 1 ? 'match' : 'matches'}`
                : ''}
            </span>
          </>
        )}
      </div>
    </div>
  );
}

/** An action-bar button: an icon and a one-word label. */
export function ActionButton(props: ToolbarButtonProps) {
  return <ToolbarButton appearance="subtle" {...props} />;
}
