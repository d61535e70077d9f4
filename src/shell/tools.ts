import {
  BoardRegular,
  StethoscopeRegular,
  DesktopRegular,
  CloudLinkRegular,
  InfoRegular,
  ServerRegular,
  WindowConsoleRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { ConnectionDto } from '@/api/contract';

export interface ToolDefinition {
  id: string;
  title: string;
  icon: FluentIcon;
  /** WAC's manifest conditions as code: which connections show the tool. */
  isAvailable: (connection: Pick<ConnectionDto, 'type'>) => boolean;
}

const isCluster = (c: Pick<ConnectionDto, 'type'>) => c.type === 'cluster';
const isServer = (c: Pick<ConnectionDto, 'type'>) => c.type === 'server';

/** Only tools that exist are registered: a tool appears here in the same change that builds it. */
export const tools: readonly ToolDefinition[] = [
  { id: 'dashboard', title: 'Dashboard', icon: BoardRegular, isAvailable: isCluster },
  { id: 'servers', title: 'Servers', icon: ServerRegular, isAvailable: isCluster },
  { id: 'virtual-machines', title: 'Virtual machines', icon: DesktopRegular, isAvailable: isCluster },
  { id: 'azure-arc', title: 'Azure Arc', icon: CloudLinkRegular, isAvailable: isCluster },
  { id: 'diagnostics', title: 'Diagnostics', icon: StethoscopeRegular, isAvailable: isCluster },
  { id: 'overview', title: 'Overview', icon: InfoRegular, isAvailable: isServer },
  { id: 'powershell', title: 'PowerShell', icon: WindowConsoleRegular, isAvailable: () => true },
];

export function toolsFor(connection: Pick<ConnectionDto, 'type'>): ToolDefinition[] {
  return tools.filter((tool) => tool.isAvailable(connection));
}

export function findTool(id: string | undefined): ToolDefinition | undefined {
  return tools.find((tool) => tool.id === id);
}

/** The tool a connection opens on, as WAC opens a cluster on its Dashboard and a server on Overview. */
export function defaultToolFor(connection: Pick<ConnectionDto, 'type'>): ToolDefinition {
  const [first] = toolsFor(connection);
  if (!first) throw new Error(`No tool is registered for ${connection.type} connections.`);
  return first;
}
