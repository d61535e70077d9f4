import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, minWidth: 0 },
  title: { paddingInline: tokens.spacingHorizontalXXL, paddingBottom: tokens.spacingVerticalM },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  type: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0, minWidth: 0 },
  menu: {
    width: '200px',
    flexShrink: 0,
    overflowY: 'auto',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingInline: tokens.spacingHorizontalS,
  },
  group: {
    margin: 0,
    marginTop: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: 'uppercase',
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
  },
  content: {
    flexGrow: 1,
    minWidth: 0,
    overflow: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBottom: tokens.spacingVerticalL,
  },
});

export interface BladeMenuItem {
  id: string;
  label: string;
  /** The portal's menu groups: Settings, Monitoring, … */
  group?: string;
}

export interface ResourceBladeProps {
  name: string;
  /** The resource type as the portal names it under the title: "Azure Stack HCI", "Machine - Azure Arc". */
  type: string;
  menu: readonly BladeMenuItem[];
  active: string;
  onSelect: (id: string) => void;
  /** The command bar: Delete, Refresh and the resource's own commands. */
  commands: ReactNode;
  children: ReactNode;
}

/** A resource's manage blade: title and type, the resource menu on the left, the command bar and the page. */
export function ResourceBlade({
  name,
  type,
  menu,
  active,
  onSelect,
  commands,
  children,
}: ResourceBladeProps) {
  const styles = useStyles();
  const groups = [...new Set(menu.map((m) => m.group ?? ''))];
  return (
    <div className={styles.root}>
      <div className={styles.title}>
        <h1 className={styles.name}>{name}</h1>
        <p className={styles.type}>{type}</p>
      </div>
      <div className={styles.body}>
        <nav className={styles.menu} aria-label={`${name} menu`}>
          {groups.map((group) => (
            <div key={group}>
              {group && <h2 className={styles.group}>{group}</h2>}
              <ul className={styles.list}>
                {menu
                  .filter((m) => (m.group ?? '') === group)
                  .map((m) => (
                    <li key={m.id}>
                      <button
                        type="button"
                        className={mergeClasses(styles.item, m.id === active && styles.current)}
                        aria-current={m.id === active ? 'page' : undefined}
                        onClick={() => onSelect(m.id)}
                      >
                        {m.label}
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className={styles.content}>
          {commands}
          {children}
        </div>
      </div>
    </div>
  );
}
