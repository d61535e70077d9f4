import { mergeClasses } from '@fluentui/react-components';
import {
  ArrowSyncCircleFilled,
  CheckmarkCircleFilled,
  DismissCircleFilled,
  InfoFilled,
  QuestionCircleFilled,
  WarningFilled,
} from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useStatusBadgeStyles } from './status-badge.styles';
import { statusKindOf, type StatusKind } from './status-kind';

const icons = {
  success: CheckmarkCircleFilled,
  error: DismissCircleFilled,
  warning: WarningFilled,
  info: InfoFilled,
  progress: ArrowSyncCircleFilled,
  neutral: QuestionCircleFilled,
} satisfies Record<StatusKind, unknown>;

export interface StatusBadgeProps {
  /** The status word shown to the user, e.g. "Up", "Not yet registered". */
  status: string;
  /** Overrides the colour chosen from the word. @default statusKindOf(status) */
  kind?: StatusKind;
  /** Rendered after the word, e.g. an InfoLabel. */
  children?: ReactNode;
  /** Red text as well as a red icon, for states that demand action (Out of policy). @default false */
  emphasiseError?: boolean;
  className?: string;
}

/** A status is always an icon plus its word (WAC: "The text should always be accompanied with an appropriate icon"). */
export function StatusBadge({ status, kind, children, emphasiseError = false, className }: StatusBadgeProps) {
  const styles = useStatusBadgeStyles();
  const resolved = kind ?? statusKindOf(status);
  const Icon = icons[resolved];
  return (
    <span className={mergeClasses(styles.root, className)} data-status-kind={resolved}>
      <Icon className={mergeClasses(styles.icon, styles[resolved])} aria-hidden="true" />
      <span
        className={mergeClasses(
          styles.text,
          emphasiseError && resolved === 'error' && mergeClasses(styles.errorText, styles.emphasised),
        )}
      >
        {status}
      </span>
      {children}
    </span>
  );
}
