import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

export interface BannerProps {
  /** @default 'info' */
  intent?: MessageBarIntent;
  title?: string;
  children: ReactNode;
  /** Shows a dismiss button labelled "Dismiss alert". */
  onDismiss?: () => void;
  /** e.g. a Button or Link that fixes the state the banner reports. */
  action?: ReactNode;
}

/** A page-level alert tied to the screen it is on (notifications are global; banners are not). */
export function Banner({ intent = 'info', title, children, onDismiss, action }: BannerProps) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {(action || onDismiss) && (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button
                appearance="transparent"
                aria-label="Dismiss alert"
                icon={<DismissRegular />}
                onClick={onDismiss}
              />
            ) : undefined
          }
        >
          {action}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
