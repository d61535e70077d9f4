import {
  Button,
  makeStyles,
  NavDrawer,
  NavDrawerBody,
  NavDrawerFooter,
  NavDrawerHeader,
  NavItem,
  NavSectionHeader,
  SearchBox,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import {
  PanelLeftContractRegular,
  PanelLeftExpandRegular,
  SettingsRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';
import type { ConnectionDto } from '@/api/contract';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { paths, type ConnectionType } from '@/config/paths';
import { matchesQuery } from '@/lib/use-search-param';
import { toolsFor } from './tools';

const useStyles = makeStyles({
  drawer: {
    height: '100%',
    flexShrink: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  titleRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  connectionName: {
    margin: 0,
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  status: { fontSize: tokens.fontSizeBase200 },
  noMatch: {
    paddingInline: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  rail: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    width: '48px',
    flexShrink: 0,
    height: '100%',
    boxSizing: 'border-box',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  railSpacer: { flexGrow: 1 },
  // The icon sits on the label's centre line, not above its baseline.
  navItem: { alignItems: 'center' },
  navIcon: { display: 'block', fontSize: '20px', flexShrink: 0 },
});

function ToolLink({
  to,
  value,
  icon: Icon,
  children,
}: {
  to: string;
  value: string;
  icon: FluentIcon;
  children: ReactNode;
}) {
  const styles = useStyles();
  const href = useHref(to);
  const onClick = useLinkClickHandler(to);
  return (
    <NavItem
      as="a"
      href={href}
      value={value}
      className={styles.navItem}
      icon={<Icon className={styles.navIcon} />}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => onClick(event)}
    >
      {children}
    </NavItem>
  );
}

function RailLink({
  to,
  label,
  icon: Icon,
  current,
}: {
  to: string;
  label: string;
  icon: FluentIcon;
  current: boolean;
}) {
  const href = useHref(to);
  const onClick = useLinkClickHandler(to);
  return (
    <Tooltip content={label} relationship="label" positioning="after">
      <Button
        as="a"
        href={href}
        onClick={onClick}
        appearance={current ? 'secondary' : 'subtle'}
        aria-current={current ? 'page' : undefined}
        icon={<Icon />}
      />
    </Tooltip>
  );
}

export interface ToolPaneProps {
  type: ConnectionType;
  name: string;
  /** The connection's WAC status, when known. */
  status?: ConnectionDto['status'];
  /** The open tool's id, or 'settings'. */
  activeId: string | undefined;
}

/** The connection's left pane: its name, "Tools" with a search box, the tool list, Settings pinned at the bottom. */
export function ToolPane({ type, name, status, activeId }: ToolPaneProps) {
  const styles = useStyles();
  const [collapsed, setCollapsed] = useState(false);
  const [query, setQuery] = useState('');
  const available = toolsFor({ type });
  const visible = available.filter((tool) => matchesQuery(query, [tool.title]));
  const settingsPath = paths.connectionSettings(type, name);

  if (collapsed) {
    return (
      <nav className={styles.rail} aria-label={`Tools for ${name}`}>
        <Tooltip content="Expand" relationship="label" positioning="after">
          <Button
            appearance="subtle"
            icon={<PanelLeftExpandRegular />}
            aria-expanded={false}
            onClick={() => setCollapsed(false)}
          />
        </Tooltip>
        {available.map((tool) => (
          <RailLink
            key={tool.id}
            to={paths.tool(type, name, tool.id)}
            label={tool.title}
            icon={tool.icon}
            current={tool.id === activeId}
          />
        ))}
        <span className={styles.railSpacer} />
        <RailLink
          to={settingsPath}
          label="Settings"
          icon={SettingsRegular}
          current={activeId === 'settings'}
        />
      </nav>
    );
  }

  return (
    <NavDrawer
      open
      type="inline"
      selectedValue={activeId ?? ''}
      className={styles.drawer}
      aria-label={`Tools for ${name}`}
      tabbable
    >
      <NavDrawerHeader className={styles.header}>
        <div className={styles.titleRow}>
          <h1 className={styles.connectionName}>{name}</h1>
          <Tooltip content="Collapse" relationship="label">
            <Button
              appearance="subtle"
              size="small"
              icon={<PanelLeftContractRegular />}
              aria-expanded
              onClick={() => setCollapsed(true)}
            />
          </Tooltip>
        </div>
        {status && <StatusBadge status={status} className={styles.status} />}
      </NavDrawerHeader>
      <NavDrawerBody>
        <NavSectionHeader>Tools</NavSectionHeader>
        <SearchBox
          size="small"
          placeholder="Search Tools"
          aria-label="Search Tools"
          value={query}
          onChange={(_event, data) => setQuery(data.value)}
        />
        {visible.map((tool) => (
          <ToolLink key={tool.id} to={paths.tool(type, name, tool.id)} value={tool.id} icon={tool.icon}>
            {tool.title}
          </ToolLink>
        ))}
        {visible.length === 0 && <p className={styles.noMatch}>No tools match &apos;{query}&apos;.</p>}
      </NavDrawerBody>
      <NavDrawerFooter>
        <ToolLink to={settingsPath} value="settings" icon={SettingsRegular}>
          Settings
        </ToolLink>
      </NavDrawerFooter>
    </NavDrawer>
  );
}
