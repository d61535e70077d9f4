import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useId, type ReactNode, type SyntheticEvent } from 'react';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';
import { useContextPaneStyles } from './context-pane.styles';

export interface ContextPaneProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  /** WAC's two sizes: 520 px, or 65% of the window. @default 'narrow' */
  size?: 'narrow' | 'wide';
  /** Label of the primary (submit) button, e.g. "Add". */
  primaryLabel: string;
  /** @default 'Cancel' */
  secondaryLabel?: string;
  /** Runs on the primary button and on Enter inside the form. */
  onSubmit: () => void;
  /** @default false */
  submitting?: boolean;
  /** @default false */
  primaryDisabled?: boolean;
  children: ReactNode;
}

/** The right-hand form pane: title, description, fields, then primary + secondary buttons at the bottom. */
export function ContextPane({
  open,
  onClose,
  title,
  description,
  size = 'narrow',
  primaryLabel,
  secondaryLabel = 'Cancel',
  onSubmit,
  submitting = false,
  primaryDisabled = false,
  children,
}: ContextPaneProps) {
  const styles = useContextPaneStyles();
  const formId = useId();
  // Every form pane takes the user to the first field its owner's submit marked (one that accepts marks none).
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid<HTMLFormElement>();
  const handleSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (submitting) return;
    onSubmit();
    focusFirstInvalid();
  };
  return (
    <OverlayDrawer
      open={open}
      position="end"
      className={size === 'wide' ? styles.wide : styles.narrow}
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          {title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {description && <p className={styles.description}>{description}</p>}
        <form ref={formRef} id={formId} className={styles.form} onSubmit={handleSubmit} noValidate>
          {children}
        </form>
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button appearance="primary" type="submit" form={formId} disabled={submitting || primaryDisabled}>
          {primaryLabel}
        </Button>
        <Button onClick={onClose}>{secondaryLabel}</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
