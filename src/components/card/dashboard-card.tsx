import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // A title and a link that don't fit side by side put the link under the title, each on one line, rather
  // than breaking both into two lines (Azure Arc's tiles at 1280 and 1024 wide).
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    flexGrow: 1,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalL,
  },
  fields: {
    display: 'grid',
    // 230 px holds the longest label ("VMs with Azure benefits turned on") on one line; narrower, the
    // fields stack rather than wrap it.
    gridTemplateColumns: 'repeat(auto-fit, minmax(230px, 1fr))',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalL,
    margin: 0,
  },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    color: tokens.colorNeutralForeground1,
  },
});

export interface DashboardCardProps {
  title: string;
  /** Beside the title, e.g. a PREVIEW badge or a "View all" link. */
  headerAction?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A WAC dashboard card: a titled section with a rule under the title. */
export function DashboardCard({ title, headerAction, children, className }: DashboardCardProps) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section className={mergeClasses(styles.card, className)} aria-labelledby={titleId}>
      <div className={styles.header}>
        <h3 id={titleId} className={styles.title}>
          {title}
        </h3>
        {headerAction}
      </div>
      <div className={styles.body}>{children}</div>
    </section>
  );
}

export interface CardField {
  label: string;
  value: ReactNode;
}

/** Label above value, in as many columns as fit (WAC's "Status" / "Recommended" pairs). */
export function CardFields({ fields }: { fields: readonly CardField[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.fields}>
      {fields.map((field) => (
        <div key={field.label} className={styles.field}>
          <dt className={styles.label}>{field.label}</dt>
          <dd className={styles.value}>{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}
