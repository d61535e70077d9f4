import { Button } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';
import { useDetailsPaneStyles } from './details-pane.styles';

export interface DetailsPaneProps {
  /** The selected item's name; the header reads "Details - {name}". */
  name: string;
  /** @default true */
  expanded?: boolean;
  onExpandedChange?: (expanded: boolean) => void;
  /** DetailsGrid, or tabs around DetailsGrids. */
  children: ReactNode;
}

/** WAC's details pane under a master-view grid: header "Details - {name}", collapsible body. */
export function DetailsPane({ name, expanded = true, onExpandedChange, children }: DetailsPaneProps) {
  const styles = useDetailsPaneStyles();
  const bodyId = useId();
  const title = `Details - ${name}`;
  return (
    <section className={styles.root} aria-label={title}>
      <div className={styles.header}>
        <h3 className={styles.title}>{title}</h3>
        {onExpandedChange && (
          <Button
            appearance="subtle"
            icon={expanded ? <ChevronDownRegular /> : <ChevronUpRegular />}
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => onExpandedChange(!expanded)}
          >
            {expanded ? 'Collapse' : 'Expand'}
          </Button>
        )}
      </div>
      <div id={bodyId} className={styles.body} hidden={!expanded}>
        {children}
      </div>
    </section>
  );
}

export interface DetailsField {
  label: string;
  value: ReactNode;
}

/** Label-over-value pairs in as many columns as fit, as a description list. */
export function DetailsGrid({ fields }: { fields: readonly DetailsField[] }) {
  const styles = useDetailsPaneStyles();
  return (
    <dl className={styles.grid}>
      {fields.map((field) => (
        <div key={field.label} className={styles.field}>
          <dt className={styles.label}>{field.label}</dt>
          <dd className={styles.value}>{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}
