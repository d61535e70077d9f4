/**
 * PowerShell's formatting of objects and errors, as Windows PowerShell 5.1 prints them in a remote console
 * (the WAC PowerShell tool is a remote session to the server): Format-List (`Name : value`, names padded
 * to the longest, long values wrapped under the value column), Format-Table (header, dashes as long as each
 * header, enums and numbers right-aligned, the last column cut with `...` at the console width), the
 * 4-property rule that picks between them, and the NormalView error layout with `At line:1 char:N`,
 * the `~~~` underline, `+ CategoryInfo` and `+ FullyQualifiedErrorId`.
 */
import { isPsObject, prop } from './values';
import type { PsObject, PsValue, PsView } from './values';

/** $FormatEnumerationLimit's default */
const ENUMERATION_LIMIT = 4;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * DateTime in the en-US culture's general format (`7/15/2022 4:53:08 AM`, behaviour.md §3.1). The servers of
 * the simulation keep UTC, so no time-zone shift is applied.
 */
export function formatDate(at: number): string {
  const d = new Date(at);
  const h = d.getUTCHours();
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hour12}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** TimeSpan's default ToString: `[d.]hh:mm:ss[.fffffff]`. */
export function formatTimeSpan(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const days = Math.floor(total / 86_400_000);
  const rest = total % 86_400_000;
  const hh = Math.floor(rest / 3_600_000);
  const mm = Math.floor((rest % 3_600_000) / 60_000);
  const ss = Math.floor((rest % 60_000) / 1000);
  const frac = rest % 1000;
  const base = `${days > 0 ? `${days}.` : ''}${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  return frac > 0 ? `${base}.${String(frac * 10_000).padStart(7, '0')}` : base;
}

function enumerate(items: readonly string[]): string {
  const shown = items.slice(0, ENUMERATION_LIMIT).join(', ');
  return `{${shown}${items.length > ENUMERATION_LIMIT ? '...' : ''}}`;
}

/** A value as a table cell or list value shows it. */
export function formatValue(value: PsValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  switch (value.kind) {
    case 'enum':
      return value.value;
    case 'date':
      return formatDate(value.at);
    case 'timespan':
      return formatTimeSpan(value.ms);
    case 'dictionary':
      return enumerate(value.entries.map(([k, v]) => `[${k}, ${formatValue(v)}]`));
    case 'array':
      return enumerate(value.items.map((v) => formatValue(v)));
    case 'object':
      return `@{${value.props.map(([k, v]) => `${k}=${formatValue(v)}`).join('; ')}}`;
  }
}

/** The text a value prints on its own (`$rg`, `'text'`). */
export function valueLines(value: PsValue, width: number): string[] {
  if (isPsObject(value)) return formatObjects([value], width);
  if (typeof value === 'object' && value !== null && value.kind === 'array') {
    const objects = value.items.filter(isPsObject);
    if (objects.length === value.items.length && objects.length > 0) return formatObjects(objects, width);
    return value.items.map((v) => formatValue(v));
  }
  return formatValue(value).split('\n');
}

function rightAligned(value: PsValue | undefined): boolean {
  return typeof value === 'number' || (typeof value === 'object' && value !== null && value.kind === 'enum');
}

/** Word-wraps `text` into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (candidate.length <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') out.push(line);
      let rest = word;
      while (rest.length > width) {
        out.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

export function formatList(
  objects: readonly PsObject[],
  width: number,
  properties?: readonly string[],
): string[] {
  const lines: string[] = [''];
  for (const obj of objects) {
    const names = properties ?? obj.props.map(([n]) => n);
    const pairs = names.map((name) => {
      const own = obj.props.find(([n]) => n.toLowerCase() === name.toLowerCase());
      return [own?.[0] ?? name, own?.[1]] as const;
    });
    const nameWidth = Math.max(0, ...pairs.map(([n]) => n.length));
    const valueWidth = Math.max(20, width - nameWidth - 4);
    for (const [name, value] of pairs) {
      const text = formatValue(value);
      const wrapped = text === '' ? [''] : wrap(text, valueWidth);
      wrapped.forEach((part, i) => {
        lines.push(
          i === 0
            ? `${name.padEnd(nameWidth)} : ${part}`.trimEnd() + (part === '' ? ' ' : '')
            : `${' '.repeat(nameWidth + 3)}${part}`,
        );
      });
    }
    lines.push('');
  }
  lines.push('');
  return lines.map((l) => (l.endsWith(': ') ? l.slice(0, -1) : l));
}

export function formatTable(
  objects: readonly PsObject[],
  width: number,
  columns?: readonly string[],
  fixedWidths?: Readonly<Record<string, number>>,
  groupBy?: string,
  leftAligned = false,
): string[] {
  const first = objects[0];
  if (!first) return [];
  const names = columns ?? first.props.map(([n]) => n);
  if (groupBy !== undefined) {
    const lines: string[] = [];
    let i = 0;
    while (i < objects.length) {
      const key = formatValue(prop(objects[i] as PsObject, groupBy));
      const group: PsObject[] = [];
      while (i < objects.length && formatValue(prop(objects[i] as PsObject, groupBy)) === key)
        group.push(objects[i++] as PsObject);
      lines.push(
        '',
        '',
        `   ${groupBy}: ${key}`,
        ...formatTable(group, width, names, fixedWidths).slice(0, -1),
      );
    }
    lines.push('');
    return lines;
  }
  const cells = objects.map((o) => names.map((n) => formatValue(prop(o, n)).replace(/\r?\n/g, ' ')));
  const right = names.map(
    (n) =>
      !leftAligned && rightAligned(objects.map((o) => prop(o, n)).find((v) => v !== null && v !== undefined)),
  );
  const widths = names.map(
    (n, c) => fixedWidths?.[n] ?? Math.max(n.length, ...cells.map((row) => (row[c] ?? '').length)),
  );
  const render = (row: readonly string[]) => {
    let used = 0;
    const parts = row.map((cell, c) => {
      const w = widths[c] ?? cell.length;
      const last = c === row.length - 1;
      const available = last ? Math.max(3, width - used - 1) : w;
      used += w + 1;
      let text = cell.length > available ? `${cell.slice(0, Math.max(0, available - 3))}...` : cell;
      if (!last && text.length > w) text = `${text.slice(0, Math.max(0, w - 3))}...`;
      if (right[c]) return text.padStart(last ? Math.min(w, available) : w);
      return last ? text : text.padEnd(w);
    });
    return parts.join(' ').trimEnd();
  };
  return ['', render(names), render(names.map((n) => '-'.repeat(n.length))), ...cells.map(render), '', ''];
}

/** Out-Default: the type's view, or PowerShell's rule of a table up to four properties and a list beyond. */
export function formatObjects(objects: readonly PsObject[], width: number): string[] {
  const first = objects[0];
  if (!first) return [];
  const view: PsView =
    first.view ??
    (first.props.length <= 4
      ? { kind: 'table', columns: first.props.map(([n]) => n) }
      : { kind: 'list', columns: first.props.map(([n]) => n) });
  return view.kind === 'table'
    ? formatTable(objects, width, view.columns, view.widths, view.groupBy, view.leftAligned)
    : formatList(objects, width, view.columns);
}

// ───────────── Errors (NormalView) ─────────────

export interface ErrorRecordSpec {
  /** `Register-AzStackHCI : …`; empty for parser errors, which print no command */
  command: string;
  message: string;
  category: string;
  /** `(target:type)`, e.g. `Foo:String`; empty prints `(:)` */
  target: string;
  /** `[activity]`: the command for binding errors, Write-Error for a module's errors, empty for lookups */
  activity: string;
  exception: string;
  errorId: string;
}

/** Where an error points: the statement's text and the offsets of the offending part. */
export interface ErrorPosition {
  line: string;
  start: number;
  end: number;
}

export function formatError(spec: ErrorRecordSpec, at: ErrorPosition): string[] {
  const underline = `${' '.repeat(at.start)}${'~'.repeat(Math.max(1, at.end - at.start))}`;
  return [
    spec.command === '' ? spec.message : `${spec.command} : ${spec.message}`,
    `At line:1 char:${at.start + 1}`,
    `+ ${at.line}`,
    `+ ${underline}`,
    `    + CategoryInfo          : ${spec.category}: (${spec.target}) [${spec.activity}], ${spec.exception}`,
    `    + FullyQualifiedErrorId : ${spec.errorId}`,
    ' ',
  ];
}

/** A ShouldProcess / ShouldContinue / PromptForChoice prompt, as the console host prints it. */
export interface ChoicePrompt {
  caption: string;
  message: string;
  /** `help` is what `?` prints for the choice */
  choices: readonly { key: string; label: string; help?: string }[];
  defaultKey: string;
}

export function formatChoice(prompt: ChoicePrompt): { lines: string[]; prompt: string } {
  const choices = prompt.choices.map((c) => `[${c.key}] ${c.label}`).join('  ');
  return {
    lines: [prompt.caption, ...prompt.message.split('\n')],
    prompt: `${choices}  [?] Help (default is "${prompt.defaultKey}"): `,
  };
}
