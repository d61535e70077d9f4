/**
 * Every command the console knows, and the shell's own: Get-Help (NAME, SYNOPSIS where a reference gives
 * it, SYNTAX from the parameter table), Clear-Host, Set-Location, and the pipeline's Format-List,
 * Format-Table, Select-Object and Where-Object.
 */
import { syntaxLines } from './binder';
import { AZURE_CMDLETS } from './cmdlets-azure';
import { BENEFITS_CMDLETS } from './cmdlets-benefits';
import { AGENT_DIR, SERVER_CMDLETS } from './cmdlets-server';
import { VM_CMDLETS } from './cmdlets-vms';
import { boundString, boundStrings, cmdletError, done } from './context';
import type { CmdletContext, CmdletDef } from './context';
import { formatList, formatTable, formatValue } from './format';
import { isPsObject, prop, psObject } from './values';
import type { PsObject, PsValue } from './values';

const HOME = 'C:\\Users\\hciadmin';

function wildcard(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

function propertyNames(objects: readonly PsObject[], patterns: readonly string[]): string[] {
  const all = objects[0]?.props.map(([n]) => n) ?? [];
  return patterns.flatMap((p) => (/[*?]/.test(p) ? all.filter((n) => wildcard(p).test(n)) : [p]));
}

function compare(left: PsValue | undefined, operator: string, right: string): boolean {
  const l = formatValue(left);
  const ln = typeof left === 'number' ? left : Number(l);
  const rn = Number(right);
  const numeric = l.trim() !== '' && right.trim() !== '' && !Number.isNaN(ln) && !Number.isNaN(rn);
  switch (operator.toLowerCase()) {
    case 'eq':
      return numeric ? ln === rn : l.toLowerCase() === right.toLowerCase();
    case 'ne':
      return numeric ? ln !== rn : l.toLowerCase() !== right.toLowerCase();
    case 'like':
      return wildcard(right).test(l);
    case 'notlike':
      return !wildcard(right).test(l);
    case 'match':
      try {
        return new RegExp(right, 'i').test(l);
      } catch {
        return false;
      }
    case 'gt':
      return numeric ? ln > rn : l.localeCompare(right) > 0;
    case 'lt':
      return numeric ? ln < rn : l.localeCompare(right) < 0;
    case 'ge':
      return numeric ? ln >= rn : l.localeCompare(right) >= 0;
    case 'le':
      return numeric ? ln <= rn : l.localeCompare(right) <= 0;
    default:
      return false;
  }
}

const OPERATORS = ['EQ', 'NE', 'Like', 'NotLike', 'Match', 'GT', 'LT', 'GE', 'LE'];

function unquote(text: string): string {
  const t = text.trim();
  if ((t.startsWith("'") && t.endsWith("'")) || (t.startsWith('"') && t.endsWith('"'))) return t.slice(1, -1);
  if (t.toLowerCase() === '$true') return 'True';
  if (t.toLowerCase() === '$false') return 'False';
  return t;
}

function whereFilter(objects: PsObject[], ctx: CmdletContext) {
  const script = ctx.bound.get('FilterScript');
  if (typeof script === 'object' && script !== null && script.kind === 'scriptblock') {
    const match = /^\$_\.([\w()%]+)\s+-(\w+)\s+(.+)$/.exec(script.text);
    if (!match) {
      // The console evaluates one comparison; PowerShell's full expression language is not simulated.
      cmdletError(
        ctx,
        WHERE,
        `The console's Where-Object understands { $_.Property -operator value }, not '{ ${script.text} }'.`,
        {
          category: 'InvalidArgument',
          exception: 'NotSupportedException',
          errorId: 'ScriptBlockNotSupported',
        },
      );
      return { objects: [] };
    }
    const [, name = '', operator = '', value = ''] = match;
    return { objects: objects.filter((o) => compare(prop(o, name), operator, unquote(value))) };
  }
  const name = formatValue(script);
  const operator = OPERATORS.find((op) => ctx.bound.get(op) === true) ?? 'EQ';
  const value = ctx.bound.get('Value');
  if (value === undefined)
    return { objects: objects.filter((o) => !['', 'False', '0'].includes(formatValue(prop(o, name)))) };
  return { objects: objects.filter((o) => compare(prop(o, name), operator, formatValue(value as PsValue))) };
}

const WHERE: CmdletDef = {
  name: 'Where-Object',
  aliases: ['where', '?'],
  module: 'core',
  errorSource: 'Microsoft.PowerShell.Commands.WhereObjectCommand',
  params: [
    { name: 'FilterScript', type: 'any', position: 0, aliases: ['Property'] },
    { name: 'Value', type: 'any', position: 1 },
    ...OPERATORS.map((name) => ({ name, type: 'switch' as const })),
  ],
  filter: whereFilter,
};

function helpRun(ctx: CmdletContext) {
  const name = boundString(ctx, 'Name');
  if (name === undefined)
    return {
      kind: 'done' as const,
      text: [
        '',
        'TOPIC',
        '    Windows PowerShell Help System',
        '',
        'SHORT DESCRIPTION',
        '    Displays help about Windows PowerShell cmdlets and concepts.',
        '',
        'LONG DESCRIPTION',
        '  SYNTAX',
        '      get-help {<CmdletName> | <TopicName>}',
        '',
        '  Examples:',
        '      get-help Register-AzStackHCI : Displays help about the Register-AzStackHCI cmdlet.',
        '',
      ],
    };
  const def = findCommand(name, ctx.cwd);
  const available =
    def !== undefined &&
    def.module !== 'native' &&
    (def.module !== 'Az.StackHCI' || ctx.modules.includes('Az.StackHCI'));
  if (!def || !available) {
    cmdletError(
      ctx,
      HELP,
      `Get-Help could not find ${name} in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.`,
      { category: 'ResourceUnavailable', exception: 'HelpNotFoundException', errorId: 'HelpNotFound' },
    );
    return done();
  }
  const text = ['', 'NAME', `    ${def.name}`, ''];
  if (def.synopsis !== undefined) text.push('SYNOPSIS', `    ${def.synopsis}`, '', '');
  text.push('SYNTAX');
  for (const line of syntaxLines(def)) text.push(`    ${line}`, '');
  text.push(
    '',
    'REMARKS',
    '    Get-Help cannot find the Help files for this cmdlet on this computer. It is displaying only partial help.',
    '        -- To download and install Help files for the module that includes this cmdlet, use Update-Help.',
    '',
  );
  return { kind: 'done' as const, text };
}

const HELP: CmdletDef = {
  name: 'Get-Help',
  aliases: ['help', 'man'],
  module: 'core',
  errorSource: 'Microsoft.PowerShell.Commands.GetHelpCommand',
  params: [
    { name: 'Name', type: 'string', position: 0 },
    { name: 'Full', type: 'switch' },
    { name: 'Detailed', type: 'switch' },
    { name: 'Examples', type: 'switch' },
    { name: 'Online', type: 'switch' },
  ],
  run: helpRun,
};

const KNOWN_PATHS = [HOME, 'C:\\', 'C:\\Users', 'C:\\Windows\\System32', AGENT_DIR];

const SHELL: CmdletDef[] = [
  HELP,
  WHERE,
  {
    name: 'Clear-Host',
    aliases: ['cls', 'clear'],
    module: 'core',
    errorSource: 'Clear-Host',
    params: [],
    run: () => ({ kind: 'clear' }),
  },
  {
    name: 'Set-Location',
    aliases: ['cd', 'chdir', 'sl'],
    module: 'core',
    errorSource: 'Microsoft.PowerShell.Commands.SetLocationCommand',
    params: [{ name: 'Path', type: 'string', position: 0, aliases: ['LiteralPath', 'PSPath'] }],
    run(ctx) {
      const raw = boundString(ctx, 'Path') ?? '~';
      let path = raw === '~' ? HOME : raw.replace(/[\\/]+$/, '') || 'C:\\';
      if (path === '..')
        path = ctx.cwd.includes('\\', 3) ? ctx.cwd.slice(0, ctx.cwd.lastIndexOf('\\')) : 'C:\\';
      if (path.toLowerCase() === 'c:') path = 'C:\\';
      const known = KNOWN_PATHS.find((p) => p.toLowerCase() === path.toLowerCase());
      if (!known || (known === AGENT_DIR && !ctx.node.arc.installed)) {
        cmdletError(ctx, SHELL[3] as CmdletDef, `Cannot find path '${raw}' because it does not exist.`, {
          category: 'ObjectNotFound',
          target: `${raw}:String`,
          exception: 'ItemNotFoundException',
          errorId: 'PathNotFound',
        });
        return done();
      }
      ctx.setCwd(known);
      return done();
    },
  },
  {
    name: 'Format-List',
    aliases: ['fl'],
    module: 'core',
    errorSource: 'Microsoft.PowerShell.Commands.FormatListCommand',
    params: [{ name: 'Property', type: 'strings', position: 0 }],
    filter(objects, ctx) {
      const patterns = boundStrings(ctx, 'Property');
      const names = patterns && !patterns.includes('*') ? propertyNames(objects, patterns) : undefined;
      return { lines: objects.length === 0 ? [] : formatList(objects, ctx.width, names) };
    },
  },
  {
    name: 'Format-Table',
    aliases: ['ft'],
    module: 'core',
    errorSource: 'Microsoft.PowerShell.Commands.FormatTableCommand',
    params: [
      { name: 'Property', type: 'strings', position: 0 },
      { name: 'AutoSize', type: 'switch' },
      { name: 'Wrap', type: 'switch' },
    ],
    filter(objects, ctx) {
      const patterns = boundStrings(ctx, 'Property');
      const first = objects[0];
      const names = patterns
        ? propertyNames(objects, patterns.includes('*') ? ['*'] : patterns)
        : first?.view?.kind === 'table'
          ? [...first.view.columns]
          : undefined;
      return { lines: formatTable(objects, ctx.width, names) };
    },
  },
  {
    name: 'Select-Object',
    aliases: ['select'],
    module: 'core',
    errorSource: 'Microsoft.PowerShell.Commands.SelectObjectCommand',
    params: [
      { name: 'Property', type: 'strings', position: 0 },
      { name: 'ExpandProperty', type: 'string' },
      { name: 'First', type: 'int' },
      { name: 'Last', type: 'int' },
    ],
    filter(objects, ctx) {
      let list = objects;
      const first = ctx.bound.get('First');
      const last = ctx.bound.get('Last');
      if (typeof first === 'number') list = list.slice(0, first);
      if (typeof last === 'number') list = list.slice(Math.max(0, list.length - last));
      const expand = boundString(ctx, 'ExpandProperty');
      if (expand !== undefined) {
        return {
          objects: list.flatMap((o) => {
            const v = prop(o, expand);
            if (v === undefined) return [];
            if (isPsObject(v)) return [v];
            const items = typeof v === 'object' && v !== null && v.kind === 'array' ? v.items : [v];
            return items.map((i) =>
              isPsObject(i) ? i : psObject('System.String', [['Value', formatValue(i)]]),
            );
          }),
        };
      }
      const patterns = boundStrings(ctx, 'Property');
      if (!patterns) return { objects: list };
      const names = propertyNames(list, patterns);
      return {
        objects: list.map((o) =>
          psObject(
            `Selected.${o.typeName}`,
            names.map(
              (n) =>
                [
                  o.props.find(([k]) => k.toLowerCase() === n.toLowerCase())?.[0] ?? n,
                  prop(o, n) ?? null,
                ] as const,
            ),
          ),
        ),
      };
    },
  },
];

export const COMMANDS: readonly CmdletDef[] = [
  ...SHELL,
  ...AZURE_CMDLETS,
  ...SERVER_CMDLETS,
  ...BENEFITS_CMDLETS,
  ...VM_CMDLETS,
];

/** A command by name or alias; `.\azcmagent.exe` from the agent's folder. */
export function findCommand(name: string, cwd: string): CmdletDef | undefined {
  let lower = name.toLowerCase();
  if (lower.startsWith('.\\') && cwd.toLowerCase() === AGENT_DIR.toLowerCase()) lower = lower.slice(2);
  return COMMANDS.find(
    (c) => c.name.toLowerCase() === lower || (c.aliases ?? []).some((a) => a.toLowerCase() === lower),
  );
}
