import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { ResourceId } from './resource-id';

const useStyles = makeStyles({
  root: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalM,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  json: {
    margin: 0,
    maxHeight: '50vh',
    overflow: 'auto',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  idRow: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  idLabel: { color: tokens.colorNeutralForeground2 },
  toggle: { fontWeight: tokens.fontWeightSemibold, paddingInline: 0, minWidth: 0 },
  // Two columns only where each holds a label and a subscription GUID with its copy button on one line (a
  // 1440-wide window); narrower, the right column goes under the left rather than breaking the GUID in two.
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 440px), 1fr))',
    columnGap: tokens.spacingHorizontalXXXL,
    // Stacked, the right column's first row keeps the rows' own gap from the left column's last.
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
  },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 160px) minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    alignContent: 'start',
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  tagValue: { display: 'inline-block', maxWidth: '100%', overflowWrap: 'anywhere' },
});

export interface EssentialsField {
  label: string;
  value: ReactNode;
}

function FieldList({ fields }: { fields: readonly EssentialsField[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {fields.map((f) => (
        <div key={f.label} className={styles.pair}>
          <dt className={styles.term}>{f.label}</dt>
          <dd className={styles.value}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The Overview's Essentials panel: on the left Resource group, Status, Location, Subscription and Subscription
 * ID; on the right up to five fields of the resource, then Tags (ui.md §1.7). Collapsible, as in the portal.
 */
export function Essentials({
  left,
  right,
  resource,
}: {
  left: readonly EssentialsField[];
  right: readonly EssentialsField[];
  /** The resource as ARM returned it: the portal's "JSON View" shows its Resource ID (with Copy) and body. */
  resource?: { id: string };
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(true);
  const id = useId();
  return (
    <section className={styles.root} aria-label="Essentials">
      <div className={styles.header}>
        <h2 className={styles.heading}>
          <Button
            appearance="transparent"
            className={styles.toggle}
            icon={open ? <ChevronUpRegular /> : <ChevronDownRegular />}
            iconPosition="after"
            aria-expanded={open}
            aria-controls={id}
            onClick={() => setOpen((o) => !o)}
          >
            Essentials
          </Button>
        </h2>
        {resource && <JsonView resource={resource} />}
      </div>
      {open && (
        <div id={id} className={styles.columns}>
          <FieldList fields={left} />
          <FieldList fields={right} />
        </div>
      )}
    </section>
  );
}

function JsonView({ resource }: { resource: { id: string } }) {
  const styles = useStyles();
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="transparent" size="small">
          JSON View
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Resource JSON</DialogTitle>
          <DialogContent>
            <div className={styles.idRow}>
              <span className={styles.idLabel}>Resource ID</span>
              <ResourceId value={resource.id} label="Resource ID" />
            </div>
            <pre className={styles.json}>{JSON.stringify(resource, null, 2)}</pre>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Tags as the Essentials shows them: "name : value" pairs, or "None". Each value is one unit on the line, so a
 * GUID value moves under its name whole rather than breaking at one of its hyphens; only a value wider than
 * the column breaks inside.
 */
function TagsValue({ tags }: { tags: Record<string, string> | undefined }) {
  const styles = useStyles();
  const entries = Object.entries(tags ?? {});
  if (entries.length === 0) return <>None</>;
  return (
    <>
      {entries.map(([name, value], index) => (
        <Fragment key={name}>
          {index > 0 && ', '}
          {name} : <span className={styles.tagValue}>{value}</span>
        </Fragment>
      ))}
    </>
  );
}

export interface CommonEssentials {
  /** Omitted on a resource group's own blade. */
  resourceGroup?: ReactNode;
  /** Omitted where the resource has no status of its own (a resource group). */
  status?: ReactNode;
  location: ReactNode;
  subscription: ReactNode;
  subscriptionId: ReactNode;
}

/**
 * The Essentials' left column, the same on every blade (ui.md §1.7): Resource group, Status, Location,
 * Subscription, Subscription ID, each only where the resource has it.
 */
export function commonEssentials(c: CommonEssentials): EssentialsField[] {
  return [
    ...(c.resourceGroup === undefined ? [] : [{ label: 'Resource group', value: c.resourceGroup }]),
    ...(c.status === undefined ? [] : [{ label: 'Status', value: c.status }]),
    { label: 'Location', value: c.location },
    { label: 'Subscription', value: c.subscription },
    { label: 'Subscription ID', value: c.subscriptionId },
  ];
}

/** The right column: up to five fields of the resource, then Tags. */
export function withTags(
  fields: readonly EssentialsField[],
  tags: Record<string, string> | undefined,
): EssentialsField[] {
  return [...fields.slice(0, 5), { label: 'Tags', value: <TagsValue tags={tags} /> }];
}
