/**
 * The small command language of the console: statements separated by `;`, `$name = value` assignments,
 * pipelines of commands with named parameters (`-Name value`, `-Name:value`, switches), positional
 * arguments, single-quoted literals, double-quoted strings with `$variable` expansion, comma lists and
 * `{ … }` script blocks (kept as text for Where-Object). Offsets are kept so errors can point at the token
 * (`At line:1 char:N` and the `~~~` underline).
 */

export type Word =
  | { kind: 'literal'; text: string; quoted: boolean; start: number; end: number }
  | { kind: 'expandable'; parts: ({ text: string } | { variable: string })[]; start: number; end: number }
  | { kind: 'variable'; name: string; start: number; end: number }
  | { kind: 'list'; items: Word[]; start: number; end: number }
  | { kind: 'scriptblock'; text: string; start: number; end: number };

export type Element =
  | { kind: 'parameter'; name: string; raw: string; value?: Word; start: number; end: number }
  | { kind: 'argument'; value: Word; start: number; end: number };

export interface Command {
  name: string;
  /** the command name as typed, with its offsets */
  start: number;
  end: number;
  elements: Element[];
}

export type Statement =
  | { kind: 'pipeline'; commands: Command[]; start: number; end: number }
  | { kind: 'assignment'; variable: string; value: Word | Command[]; start: number; end: number }
  | { kind: 'expression'; value: Word; start: number; end: number };

export class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly errorId: string,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

type Token =
  | { t: 'word'; word: Word }
  | { t: 'param'; name: string; raw: string; start: number; end: number; attached?: Word }
  | { t: 'pipe'; start: number }
  | { t: 'semi'; start: number }
  | { t: 'assign'; start: number }
  | { t: 'comma'; start: number };

const WORD_STOP = new Set([' ', '\t', '|', ';', ',', '{', '}', '(', ')', '"', "'", '#']);

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_:?]/.test(c);
}

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  const readVariable = (): Word => {
    const start = i;
    i++; // $
    if (line[i] === '{') {
      const close = line.indexOf('}', i);
      if (close < 0)
        throw new ParseError(
          "Missing closing '}' in statement block or type definition.",
          i,
          'MissingEndCurlyBrace',
        );
      const name = line.slice(i + 1, close);
      i = close + 1;
      return { kind: 'variable', name, start, end: i };
    }
    let name = '';
    while (i < n && isNameChar(line[i])) name += line[i++] ?? '';
    // `$env:Path` keeps its scope; a trailing ':' is not part of the name
    if (name.endsWith(':')) {
      name = name.slice(0, -1);
      i--;
    }
    if (name === '') return { kind: 'literal', text: '$', quoted: false, start, end: i };
    return { kind: 'variable', name, start, end: i };
  };
  const readSingle = (): Word => {
    const start = i;
    i++;
    let text = '';
    for (;;) {
      if (i >= n)
        throw new ParseError(
          "The string is missing the terminator: '.",
          start,
          'TerminatorExpectedAtEndOfString',
        );
      const c = line[i] ?? '';
      if (c === "'") {
        if (line[i + 1] === "'") {
          text += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      text += c;
      i++;
    }
    return { kind: 'literal', text, quoted: true, start, end: i };
  };
  const readDouble = (): Word => {
    const start = i;
    i++;
    const parts: ({ text: string } | { variable: string })[] = [];
    let text = '';
    for (;;) {
      if (i >= n)
        throw new ParseError(
          'The string is missing the terminator: ".',
          start,
          'TerminatorExpectedAtEndOfString',
        );
      const c = line[i] ?? '';
      if (c === '`' && i + 1 < n) {
        const next = line[i + 1] ?? '';
        text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i += 2;
        continue;
      }
      if (c === '"') {
        if (line[i + 1] === '"') {
          text += '"';
          i += 2;
          continue;
        }
        i++;
        break;
      }
      if (c === '$' && (isNameChar(line[i + 1]) || line[i + 1] === '{')) {
        if (text !== '') parts.push({ text });
        text = '';
        const v = readVariable();
        if (v.kind === 'variable') parts.push({ variable: v.name });
        continue;
      }
      text += c;
      i++;
    }
    if (text !== '' || parts.length === 0) parts.push({ text });
    return { kind: 'expandable', parts, start, end: i };
  };
  const readBare = (): Word => {
    const start = i;
    let text = '';
    while (i < n) {
      const c = line[i] ?? '';
      if (WORD_STOP.has(c)) break;
      if (c === '`' && i + 1 < n) {
        text += line[i + 1] ?? '';
        i += 2;
        continue;
      }
      text += c;
      i++;
    }
    return { kind: 'literal', text, quoted: false, start, end: i };
  };
  const readScriptBlock = (): Word => {
    const start = i;
    let depth = 0;
    for (; i < n; i++) {
      const c = line[i];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          i++;
          return { kind: 'scriptblock', text: line.slice(start + 1, i - 1).trim(), start, end: i };
        }
      } else if (c === "'" || c === '"') {
        const close = line.indexOf(c, i + 1);
        if (close > 0) i = close;
      }
    }
    throw new ParseError(
      "Missing closing '}' in statement block or type definition.",
      start,
      'MissingEndCurlyBrace',
    );
  };
  const readValue = (): Word => {
    const c = line[i];
    if (c === "'") return readSingle();
    if (c === '"') return readDouble();
    if (c === '$') return readVariable();
    if (c === '{') return readScriptBlock();
    return readBare();
  };

  while (i < n) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    if (c === '|') {
      tokens.push({ t: 'pipe', start: i });
      i++;
      continue;
    }
    if (c === ';') {
      tokens.push({ t: 'semi', start: i });
      i++;
      continue;
    }
    if (c === ',') {
      tokens.push({ t: 'comma', start: i });
      i++;
      continue;
    }
    if (c === '=' && (line[i + 1] === ' ' || line[i + 1] === undefined || line[i + 1] !== '=')) {
      const prev = tokens.at(-1);
      if (
        prev?.t === 'word' &&
        prev.word.kind === 'variable' &&
        (tokens.length === 1 || tokens.at(-2)?.t === 'semi')
      ) {
        tokens.push({ t: 'assign', start: i });
        i++;
        continue;
      }
    }
    if (c === '(' || c === ')') {
      throw new ParseError(
        'Subexpressions are not supported by this console: use a variable ($name = value) instead.',
        i,
        'UnexpectedToken',
      );
    }
    if (c === '}')
      throw new ParseError("Unexpected token '}' in expression or statement.", i, 'UnexpectedToken');
    if (
      (c === '-' || c === '\u2013') &&
      /[A-Za-z-]/.test(line[i + 1] ?? '') &&
      (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')
    ) {
      const start = i;
      const word = readBare();
      const raw = word.kind === 'literal' ? word.text : '';
      const colon = raw.indexOf(':');
      if (colon > 0) {
        const name = raw.slice(1, colon);
        const rest = raw.slice(colon + 1);
        let attached: Word;
        if (rest === '' && i < n && line[i] !== ' ') attached = readValue();
        else if (rest.startsWith('$'))
          attached = { kind: 'variable', name: rest.slice(1), start: start + colon + 1, end: i };
        else attached = { kind: 'literal', text: rest, quoted: false, start: start + colon + 1, end: i };
        tokens.push({ t: 'param', name, raw, start, end: i, attached });
      } else {
        tokens.push({ t: 'param', name: raw.replace(/^[-\u2013]/, ''), raw, start, end: i });
      }
      continue;
    }
    tokens.push({ t: 'word', word: readValue() });
  }
  return tokens;
}

/** Groups `a,b,c` into one list word. */
function valueAt(tokens: Token[], index: number): { word: Word; next: number } | undefined {
  const first = tokens[index];
  if (first?.t !== 'word') return undefined;
  const items: Word[] = [first.word];
  let k = index + 1;
  while (tokens[k]?.t === 'comma') {
    const item = tokens[k + 1];
    if (item?.t !== 'word')
      throw new ParseError(
        "Missing expression after ','.",
        (tokens[k] as { start: number }).start + 1,
        'MissingExpressionAfterToken',
      );
    items.push(item.word);
    k += 2;
  }
  if (items.length === 1) return { word: first.word, next: k };
  const last = items.at(-1) ?? first.word;
  return { word: { kind: 'list', items, start: first.word.start, end: last.end }, next: k };
}

function tokenStart(token: Token): number {
  return token.t === 'word' ? token.word.start : token.start;
}

function parsePipeline(tokens: Token[], from: number, to: number, line: string): Command[] {
  const commands: Command[] = [];
  let k = from;
  while (k < to) {
    const head = tokens[k];
    if (head?.t !== 'word') {
      if (head?.t === 'pipe' || head === undefined)
        throw new ParseError(
          'An empty pipe element is not allowed.',
          head ? head.start : line.length,
          'EmptyPipeElement',
        );
      if (head.t === 'param') {
        throw new ParseError(
          `Missing expression after unary operator '${head.raw}'.`,
          head.start,
          'MissingExpressionAfterOperator',
        );
      }
      throw new ParseError(
        'Unexpected token in expression or statement.',
        tokenStart(head),
        'UnexpectedToken',
      );
    }
    // `& "path\to\tool.exe" args`: the call operator runs the command the next word names
    const callOperator = head.word.kind === 'literal' && !head.word.quoted && head.word.text === '&';
    const called = callOperator ? tokens[k + 1] : undefined;
    if (callOperator && called?.t !== 'word')
      throw new ParseError(
        "Missing expression after unary operator '&'.",
        head.word.start,
        'MissingExpressionAfterOperator',
      );
    if (called?.t === 'word') k++;
    const nameWord = called?.t === 'word' ? called.word : head.word;
    const name =
      nameWord.kind === 'literal'
        ? nameWord.text
        : nameWord.kind === 'expandable'
          ? nameWord.parts.map((p) => ('text' in p ? p.text : `$${p.variable}`)).join('')
          : '';
    if (nameWord.kind === 'variable' || nameWord.kind === 'scriptblock' || nameWord.kind === 'list')
      throw new ParseError(
        'Expressions are only allowed as the first element of a pipeline.',
        nameWord.start,
        'ExpressionsMustBeFirstInPipeline',
      );
    const command: Command = { name, start: nameWord.start, end: nameWord.end, elements: [] };
    k++;
    while (k < to && tokens[k]?.t !== 'pipe') {
      const token = tokens[k];
      if (token === undefined) break;
      if (token.t === 'param') {
        command.elements.push({
          kind: 'parameter',
          name: token.name,
          raw: token.raw,
          ...(token.attached ? { value: token.attached } : {}),
          start: token.start,
          end: token.end,
        });
        k++;
        continue;
      }
      const value = valueAt(tokens, k);
      if (!value)
        throw new ParseError(
          'Unexpected token in expression or statement.',
          tokenStart(token),
          'UnexpectedToken',
        );
      command.elements.push({
        kind: 'argument',
        value: value.word,
        start: value.word.start,
        end: value.word.end,
      });
      k = value.next;
    }
    commands.push(command);
    if (tokens[k]?.t === 'pipe') {
      k++;
      if (k >= to) {
        const pipe = tokens[k - 1] as { start: number };
        throw new ParseError('An empty pipe element is not allowed.', pipe.start, 'EmptyPipeElement');
      }
    }
  }
  return commands;
}

/** Parses one input line into statements; throws ParseError with PowerShell's parser message. */
export function parseLine(line: string): Statement[] {
  const tokens = tokenize(line);
  const statements: Statement[] = [];
  let from = 0;
  for (let k = 0; k <= tokens.length; k++) {
    const token = tokens[k];
    if (token !== undefined && token.t !== 'semi') continue;
    if (k > from) statements.push(parseStatement(tokens, from, k, line));
    from = k + 1;
  }
  return statements;
}

function parseStatement(tokens: Token[], from: number, to: number, line: string): Statement {
  const first = tokens[from];
  const start = first ? tokenStart(first) : 0;
  const lastToken = tokens[to - 1];
  const end = lastToken
    ? lastToken.t === 'word'
      ? lastToken.word.end
      : lastToken.t === 'param'
        ? lastToken.end
        : lastToken.start + 1
    : start;
  if (first?.t === 'word' && first.word.kind === 'variable' && tokens[from + 1]?.t === 'assign') {
    const valueToken = tokens[from + 2];
    if (valueToken === undefined || from + 2 >= to)
      throw new ParseError(
        "You must provide a value expression following the '=' operator.",
        line.length,
        'ExpectedValueExpression',
      );
    const value = valueAt(tokens, from + 2);
    if (
      value?.next === to &&
      !(value.word.kind === 'literal' && !value.word.quoted && /^[A-Za-z]+-[A-Za-z]/.test(value.word.text))
    )
      return { kind: 'assignment', variable: first.word.name, value: value.word, start, end };
    return {
      kind: 'assignment',
      variable: first.word.name,
      value: parsePipeline(tokens, from + 2, to, line),
      start,
      end,
    };
  }
  if (
    first?.t === 'word' &&
    first.word.kind !== 'literal' &&
    first.word.kind !== 'expandable' &&
    to === from + 1
  )
    return { kind: 'expression', value: first.word, start, end };
  if (first?.t === 'word' && first.word.kind === 'literal' && first.word.quoted && to === from + 1)
    return { kind: 'expression', value: first.word, start, end };
  if (first?.t === 'word' && first.word.kind === 'expandable' && to === from + 1)
    return { kind: 'expression', value: first.word, start, end };
  return { kind: 'pipeline', commands: parsePipeline(tokens, from, to, line), start, end };
}
