/**
 * Parameter binding as PowerShell does it: names matched case-insensitively and by unique prefix (or an
 * alias), switches with an optional `:$false`, then positional arguments in position order, then the
 * parameter set the bound names allow, then its mandatory parameters. Every failure is PowerShell's own
 * ParameterBindingException text and id.
 */
import type { BoundValue, CmdletDef, ParamDef, ParamType } from './context';
import { formatError, formatValue } from './format';
import type { Command, Word } from './syntax';

const COMMON: readonly ParamDef[] = [
  { name: 'Verbose', type: 'switch', aliases: ['vb'] },
  { name: 'Debug', type: 'switch', aliases: ['db'] },
  { name: 'ErrorAction', type: 'string', aliases: ['ea'] },
  { name: 'WarningAction', type: 'string', aliases: ['wa'] },
  { name: 'InformationAction', type: 'string', aliases: ['infa'] },
  { name: 'ErrorVariable', type: 'string', aliases: ['ev'] },
  { name: 'WarningVariable', type: 'string', aliases: ['wv'] },
  { name: 'OutVariable', type: 'string', aliases: ['ov'] },
  { name: 'OutBuffer', type: 'int', aliases: ['ob'] },
  { name: 'PipelineVariable', type: 'string', aliases: ['pv'] },
];
const SHOULD_PROCESS: readonly ParamDef[] = [
  { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
  { name: 'Confirm', type: 'switch', aliases: ['cf'] },
];

const TYPE_NAMES: Record<ParamType, string> = {
  string: 'System.String',
  strings: 'System.String[]',
  switch: 'System.Management.Automation.SwitchParameter',
  int: 'System.Int32',
  bool: 'System.Boolean',
  hashtable: 'System.Collections.Hashtable',
  credential: 'System.Management.Automation.PSCredential',
  scriptblock: 'System.Management.Automation.ScriptBlock',
  any: 'System.Object',
};

export function allParams(def: CmdletDef): readonly ParamDef[] {
  return [...def.params, ...COMMON, ...(def.shouldProcess ? SHOULD_PROCESS : [])];
}

export type BindResult =
  { ok: true; bound: Map<string, BoundValue>; missing: ParamDef[] } | { ok: false; lines: string[] };

export type Evaluate = (word: Word) => BoundValue;

function bindingError(
  def: CmdletDef,
  line: string,
  start: number,
  end: number,
  message: string,
  errorId: string,
  category = 'InvalidArgument',
  exception = 'ParameterBindingException',
): BindResult {
  return {
    ok: false,
    lines: formatError(
      {
        command: def.name,
        message,
        category,
        target: ':',
        activity: def.name,
        exception,
        errorId: `${errorId},${def.errorSource}`,
      },
      { line, start, end },
    ),
  };
}

/** The parameter a typed name means: exact name or alias first, then a unique prefix. */
export function resolveParam(def: CmdletDef, typed: string): ParamDef[] {
  const lower = typed.toLowerCase();
  const params = allParams(def);
  const exact = params.filter(
    (p) => p.name.toLowerCase() === lower || (p.aliases ?? []).some((a) => a.toLowerCase() === lower),
  );
  if (exact.length > 0) return exact.slice(0, 1);
  return params.filter((p) => p.name.toLowerCase().startsWith(lower));
}

function convert(
  def: CmdletDef,
  param: ParamDef,
  value: BoundValue,
  line: string,
  start: number,
  end: number,
): { ok: true; value: BoundValue } | { ok: false; result: BindResult } {
  const fail = (message: string) => ({
    ok: false as const,
    result: bindingError(
      def,
      line,
      start,
      end,
      `Cannot process argument transformation on parameter '${param.name}'. ${message}`,
      'ParameterArgumentTransformationError',
    ),
  });
  const text = (v: BoundValue) =>
    typeof v === 'object' && v !== null && v.kind === 'scriptblock' ? v.text : formatValue(v);
  switch (param.type) {
    case 'string':
      if (typeof value === 'object' && value !== null && value.kind === 'array')
        return { ok: true, value: value.items.map((i) => formatValue(i)).join(' ') };
      return { ok: true, value: text(value) };
    case 'strings':
      if (typeof value === 'object' && value !== null && value.kind === 'array')
        return { ok: true, value: { kind: 'array', items: value.items.map((i) => formatValue(i)) } };
      return { ok: true, value: { kind: 'array', items: [text(value)] } };
    case 'int': {
      const s = text(value).trim();
      if (!/^-?\d+$/.test(s))
        return fail(
          `Cannot convert value "${s}" to type "System.Int64". Error: "Input string was not in a correct format."`,
        );
      return { ok: true, value: Number(s) };
    }
    case 'bool':
    case 'switch':
      if (typeof value === 'boolean') return { ok: true, value };
      if (typeof value === 'number') return { ok: true, value: value !== 0 };
      return fail(
        `Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
      );
    case 'scriptblock':
      if (typeof value === 'object' && value !== null && value.kind === 'scriptblock')
        return { ok: true, value };
      return fail(
        `Cannot convert the "${text(value)}" value of type "System.String" to type "System.Management.Automation.ScriptBlock".`,
      );
    default:
      return { ok: true, value };
  }
}

function setsOf(def: CmdletDef): string[] {
  const names = new Set<string>();
  for (const p of def.params) for (const s of p.sets ?? []) names.add(s);
  return [...names];
}

export function bind(def: CmdletDef, command: Command, line: string, evaluate: Evaluate): BindResult {
  const bound = new Map<string, BoundValue>();
  const positional: { word: Word; start: number; end: number }[] = [];
  const elements = command.elements;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (el === undefined) continue;
    if (el.kind === 'argument') {
      positional.push({ word: el.value, start: el.start, end: el.end });
      continue;
    }
    const matches = resolveParam(def, el.name);
    if (matches.length === 0)
      return bindingError(
        def,
        line,
        el.start,
        el.end,
        `A parameter cannot be found that matches parameter name '${el.name}'.`,
        'NamedParameterNotFound',
      );
    if (matches.length > 1)
      return bindingError(
        def,
        line,
        el.start,
        el.end,
        `Parameter cannot be processed because the parameter name '${el.name}' is ambiguous. Possible matches include: ${matches.map((m) => `-${m.name}`).join(' ')}.`,
        'AmbiguousParameter',
      );
    const param = matches[0] as ParamDef;
    if (bound.has(param.name))
      return bindingError(
        def,
        line,
        el.start,
        el.end,
        `Cannot bind parameter because parameter '${param.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
        'ParameterAlreadyBound',
      );
    let raw: BoundValue;
    let end = el.end;
    if (el.value !== undefined) raw = evaluate(el.value);
    else if (param.type === 'switch') raw = true;
    else {
      const next = elements[i + 1];
      if (next?.kind !== 'argument')
        return bindingError(
          def,
          line,
          el.start,
          el.end,
          `Missing an argument for parameter '${param.name}'. Specify a parameter of type '${TYPE_NAMES[param.type]}' and try again.`,
          'MissingArgument',
        );
      raw = evaluate(next.value);
      end = next.end;
      i++;
    }
    const converted = convert(def, param, raw, line, el.start, end);
    if (!converted.ok) return converted.result;
    bound.set(param.name, converted.value);
  }
  const byPosition = def.params
    .filter((p) => p.position !== undefined)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  for (const arg of positional) {
    const param = byPosition.find((p) => !bound.has(p.name));
    if (!param)
      return bindingError(
        def,
        line,
        arg.start,
        arg.end,
        `A positional parameter cannot be found that accepts argument '${formatValue(evaluate(arg.word) as never)}'.`,
        'PositionalParameterNotFound',
      );
    const converted = convert(def, param, evaluate(arg.word), line, arg.start, arg.end);
    if (!converted.ok) return converted.result;
    bound.set(param.name, converted.value);
  }
  // the parameter set every bound parameter belongs to
  const sets = setsOf(def);
  let set: string | undefined;
  if (sets.length > 0) {
    const candidates = sets.filter((s) =>
      [...bound.keys()].every((name) => {
        const p = def.params.find((q) => q.name === name);
        return p?.sets === undefined || p.sets.includes(s);
      }),
    );
    if (candidates.length === 0)
      return bindingError(
        def,
        line,
        command.start,
        command.end,
        'Parameter set cannot be resolved using the specified named parameters.',
        'AmbiguousParameterSet',
      );
    set =
      candidates.length === 1
        ? candidates[0]
        : def.defaultSet !== undefined && candidates.includes(def.defaultSet)
          ? def.defaultSet
          : candidates[0];
  }
  const missing = def.params.filter(
    (p) =>
      p.mandatory === true &&
      !bound.has(p.name) &&
      (set === undefined || p.sets === undefined || p.sets.includes(set)),
  );
  return { ok: true, bound, missing };
}

/** `Register-AzStackHCI [-SubscriptionId] <String> [[-Region] <String>] … [<CommonParameters>]`, per set. */
export function syntaxLines(def: CmdletDef): string[] {
  const sets = setsOf(def);
  const render = (set: string | undefined) => {
    const params = def.params.filter(
      (p) => set === undefined || p.sets === undefined || p.sets.includes(set),
    );
    const ordered = [
      ...params.filter((p) => p.position !== undefined).sort((a, b) => (a.position ?? 0) - (b.position ?? 0)),
      ...params.filter((p) => p.position === undefined),
    ];
    const parts = ordered.map((p) => {
      if (p.type === 'switch') return `[-${p.name}]`;
      const name = p.position !== undefined ? `[-${p.name}]` : `-${p.name}`;
      const type = `<${p.typeName ?? TYPE_NAMES[p.type].replace(/^System\.(Management\.Automation\.|Collections\.)?/, '')}>`;
      const text = `${name} ${type}`;
      return p.mandatory === true ? text : `[${text}]`;
    });
    if (def.shouldProcess) parts.push('[-WhatIf]', '[-Confirm]');
    if (def.module !== 'native') parts.push('[<CommonParameters>]');
    return `${def.name} ${parts.join(' ')}`;
  };
  return sets.length === 0 ? [render(undefined)] : sets.map(render);
}
