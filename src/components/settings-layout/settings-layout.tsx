import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

const useStyles = makeStyles({
  root: { display: 'flex', flexGrow: 1, minHeight: 0 },
  menu: {
    flexShrink: 0,
    width: '240px',
    overflowY: 'auto',
    paddingBlock: tokens.spacingVerticalL,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    paddingInline: tokens.spacingHorizontalL,
    paddingBottom: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  groupTitle: {
    margin: 0,
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'block',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThickest} solid transparent`,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  current: { borderLeftColor: tokens.colorCompoundBrandStroke, color: tokens.colorBrandForeground1 },
  content: {
    flexGrow: 1,
    minWidth: 0,
    overflowY: 'auto',
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalXXL,
  },
});

export interface SettingsSection {
  id: string;
  title: string;
  to: string;
}

export interface SettingsGroup {
  title: string;
  sections: readonly SettingsSection[];
}

function SectionLink({ section, current }: { section: SettingsSection; current: boolean }) {
  const styles = useStyles();
  const href = useHref(section.to);
  const onClick = useLinkClickHandler(section.to);
  return (
    <a
      href={href}
      onClick={onClick}
      className={mergeClasses(styles.item, current && styles.current)}
      aria-current={current ? 'page' : undefined}
    >
      {section.title}
    </a>
  );
}

export interface SettingsLayoutProps {
  title: string;
  groups: readonly SettingsGroup[];
  currentId: string;
  children: ReactNode;
}

/** WAC's settings frame: a left menu of grouped sections and the current section beside it. */
export function SettingsLayout({ title, groups, currentId, children }: SettingsLayoutProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <nav className={styles.menu} aria-label={title}>
        <h2 className={styles.title}>{title}</h2>
        {groups.map((group) => (
          <div key={group.title}>
            <h3 className={styles.groupTitle}>{group.title}</h3>
            <ul className={styles.list}>
              {group.sections.map((section) => (
                <li key={section.id}>
                  <SectionLink section={section} current={section.id === currentId} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className={styles.content}>{children}</div>
    </div>
  );
}
