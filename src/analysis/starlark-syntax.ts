// Small, pure helpers over @lezer/python syntax nodes for Starlark sources: positions, names,
// assignment targets and constant folding. Nothing here evaluates source text.
import type { SyntaxNode } from '@lezer/common';
import type { Span } from '../model/profile.ts';
import { appendAll } from '../model/arrays.ts';

/** Offsets → 1-based line and column (UTF-16 units; equal to Starlark's for ASCII sources). */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  span(from: number, to: number): Span {
    const a = this.position(from);
    const b = this.position(to);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** Statement node names of the Python grammar that Starlark shares. */
export const STATEMENTS = new Set([
  'FunctionDefinition',
  'ForStatement',
  'WhileStatement',
  'IfStatement',
  'AssignStatement',
  'UpdateStatement',
  'ExpressionStatement',
  'ReturnStatement',
  'PassStatement',
  'BreakStatement',
  'ContinueStatement',
]);
/** Comprehension node names: each opens a loop the indexer tracks like a `for`. */
export const COMPREHENSIONS = new Set([
  'ArrayComprehensionExpression',
  'DictionaryComprehensionExpression',
  'SetComprehensionExpression',
  'ComprehensionExpression',
]);
/** Methods that change their receiver in place, so a loop calling them "assigns" the receiver. */
export const MUTATORS = new Set([
  'append',
  'extend',
  'insert',
  'pop',
  'remove',
  'clear',
  'update',
  'setdefault',
  'popitem',
]);
/** Dict methods that build a new list on every call (the dict-view-in-loop rule). */
export const VIEWS = new Set(['items', 'keys', 'values']);

/** Text of a node, for names and short excerpts. */
export function textOf(text: string, node: SyntaxNode, limit = 120): string {
  const s = text.slice(node.from, node.to);
  return s.length > limit ? `${s.slice(0, limit - 1)}…` : s;
}

/** Children of a node, in order. */
export function childNodes(node: SyntaxNode): SyntaxNode[] {
  const kids: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) kids.push(c);
  return kids;
}

/**
 * Dotted name of a callee expression (`a.b.c`), '' when it is not a plain name chain. A callee
 * taken out of a collection (`HANDLERS[kind](…)`, `s.table[k](…)`) is named by the collection:
 * the call reaches one of the defs it holds (SourceIndex.valueAliases says which).
 */
export function calleeName(text: string, node: SyntaxNode): string {
  const parts: string[] = [];
  let n: SyntaxNode | null = node;
  while (n && isSubscript(n)) n = n.firstChild;
  while (n && n.name === 'MemberExpression') {
    const prop = n.lastChild;
    if (!prop || prop.name !== 'PropertyName') return '';
    parts.unshift(textOf(text, prop));
    n = n.firstChild;
  }
  if (!n || n.name !== 'VariableName') return '';
  parts.unshift(textOf(text, n));
  return parts.join('.');
}

/** `x[k]`: lezer's MemberExpression with brackets. */
export function isSubscript(node: SyntaxNode): boolean {
  return node.name === 'MemberExpression' && node.getChild('[') !== null;
}

/** Identifiers read anywhere below `node` (keyword-argument names excluded), iteratively. */
export function namesRead(text: string, node: SyntaxNode): string[] {
  const names = new Set<string>();
  const cursor = node.cursor();
  const end = node.to;
  do {
    if (cursor.from >= end) break;
    if (cursor.name === 'VariableName') {
      const next = cursor.node.nextSibling;
      const isKeyword = cursor.node.parent?.name === 'ArgList' && next?.name === 'AssignOp';
      if (!isKeyword) names.add(text.slice(cursor.from, cursor.to));
    }
  } while (cursor.next());
  return [...names];
}

/** Names bound by an assignment target (`a`, `a, b`, `(a, b)`), iteratively. */
export function targetNames(text: string, nodes: readonly SyntaxNode[]): string[] {
  const names: string[] = [];
  const stack = [...nodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.name === 'VariableName') names.push(textOf(text, n));
    else if (n.name === 'TupleExpression' || n.name === 'ParenthesizedExpression' || n.name === 'ArrayExpression')
      appendAll(stack, childNodes(n));
  }
  return names.reverse();
}

/** Integer value of a constant expression (`1 << 20`, `3 * 1024`, `(10)`), else null. Never evaluates code. */
export function constantValue(text: string, node: SyntaxNode | null): number | null {
  return evaluateSize(sizeExpression(text, node));
}

function applyOperator(op: string, a: number, b: number): number | null {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '//':
      return b === 0 ? null : Math.floor(a / b);
    case '<<':
      return b >= 0 && b < 53 ? a * 2 ** b : null;
    default:
      return null;
  }
}

/** True when a statement directly inside `body` is a `fail(…)` call. */
export function bodyCallsFail(text: string, body: SyntaxNode): boolean {
  return childNodes(body).some((statement) => {
    const call = statement.name === 'ExpressionStatement' ? statement.firstChild : null;
    return call?.name === 'CallExpression' && call.firstChild !== null && calleeName(text, call.firstChild) === 'fail';
  });
}

/** Why evaluating an expression allocates: literals, comprehensions, calls, string building. */
export function allocationReasons(text: string, expression: SyntaxNode): string[] {
  const reasons: string[] = [];
  const cursor = expression.cursor();
  do {
    if (cursor.from >= expression.to) break;
    const node = cursor.node;
    if (node.name === 'ArrayExpression') reasons.push('list literal');
    else if (node.name === 'DictionaryExpression') reasons.push('dict literal');
    else if (COMPREHENSIONS.has(node.name)) reasons.push('comprehension');
    else if (node.name === 'CallExpression' && node.firstChild)
      reasons.push(`call ${calleeName(text, node.firstChild) || 'expression'}()`);
    else if (classifyConstruct(text, node)?.kind === 'concat') reasons.push('string concatenation');
    else if (classifyConstruct(text, node)?.kind === 'percent-format') reasons.push('string formatting');
  } while (cursor.next());
  return [...new Set(reasons)];
}

/** The allocating constructs the advisor weighs (`Construct.kind` in starlark-source.ts). */
export type ConstructKind =
  | 'list'
  | 'dict'
  | 'list-comprehension'
  | 'dict-comprehension'
  | 'repeat'
  | 'concat'
  | 'percent-format'
  | 'format-call';

/** A size as written, folded from the syntax tree: numbers, names and + - * // <<. */
export type SizeExpr =
  | { op: 'num'; value: number }
  | { op: 'name'; name: string }
  /** The length of a collection bound to a name (`len NAME` among the known names). */
  | { op: 'len'; name: string }
  | { op: 'bin'; operator: string; left: SizeExpr; right: SizeExpr };

/** The size expression of a node, null when it is not built from numbers, names and arithmetic. */
export function sizeExpression(text: string, node: SyntaxNode | null): SizeExpr | null {
  if (!node) return null;
  if (node.name === 'Number') {
    const value = Number(textOf(text, node).replace(/_/g, ''));
    return Number.isSafeInteger(value) ? { op: 'num', value } : null;
  }
  if (node.name === 'VariableName') return { op: 'name', name: textOf(text, node) };
  if (node.name === 'ParenthesizedExpression') return sizeExpression(text, childNodes(node)[1] ?? null);
  if (node.name === 'CallExpression') return intConversionSize(text, node);
  if (node.name !== 'BinaryExpression') return null;
  const [left, op, right] = childNodes(node);
  const a = sizeExpression(text, left ?? null);
  const b = sizeExpression(text, right ?? null);
  return a && b && op ? { op: 'bin', operator: textOf(text, op), left: a, right: b } : null;
}

/** Callees whose third argument (`default`) is the value a build reads when the config says nothing. */
const CONFIG_READERS = new Set(['read_config', 'native.read_config', 'read_root_config', 'native.read_root_config']);

/**
 * `int(n)`, `int("1024")` and `int(read_config("s", "k", "1024"))`: the integer written, or the
 * config's default, which is what a build (and its profile) without that setting runs with.
 */
function intConversionSize(text: string, call: SyntaxNode): SizeExpr | null {
  if (!call.firstChild || calleeName(text, call.firstChild) !== 'int') return null;
  let arg = callArguments(call)[0] ?? null;
  if (arg?.name === 'CallExpression' && arg.firstChild && CONFIG_READERS.has(calleeName(text, arg.firstChild))) {
    const args = callArguments(arg);
    // Keyword arguments are flat in the tree: `default`, `=`, value.
    const keyword = args.findIndex((a, i) => textOf(text, a) === 'default' && args[i + 1]?.name === 'AssignOp');
    const positional = args.some((a) => a.name === 'AssignOp') ? null : (args[2] ?? null);
    arg = keyword >= 0 ? (args[keyword + 2] ?? null) : positional;
  }
  if (arg?.name !== 'String') return sizeExpression(text, arg);
  const digits = textOf(text, arg).replace(/^["']|["']$/g, '');
  return /^\d+$/.test(digits) ? num(Number(digits)) : null;
}

/** The argument nodes of a call, in order, without the brackets and commas. */
function callArguments(call: SyntaxNode): SyntaxNode[] {
  const list = call.getChild('ArgList');
  return list ? childNodes(list).filter((k) => !['(', ')', ','].includes(k.name)) : [];
}

/**
 * Value of a size expression with known names (a def's constant arguments), else null. Iterative.
 * A collection's length not known is null, or `unknownLength` when given.
 */
export function evaluateSize(
  expr: SizeExpr | null,
  names: ReadonlyMap<string, number> = new Map(),
  unknownLength: number | null = null,
): number | null {
  if (!expr) return null;
  const values: (number | null)[] = [];
  const stack: [SizeExpr, boolean][] = [[expr, false]];
  while (stack.length > 0) {
    const [e, expanded] = stack.pop()!;
    if (e.op === 'num') values.push(e.value);
    else if (e.op === 'name') values.push(names.get(e.name) ?? null);
    else if (e.op === 'len') values.push(names.get(lengthKey(e.name)) ?? unknownLength);
    else if (!expanded) stack.push([e, true], [e.right, false], [e.left, false]);
    else {
      const b = values.pop()!;
      const a = values.pop()!;
      const v = a === null || b === null ? null : applyOperator(e.operator, a, b);
      values.push(v !== null && Number.isSafeInteger(v) ? v : null);
    }
  }
  return values[0] ?? null;
}

/** The key under which a collection's known length sits among known names (no name has a space). */
export function lengthKey(name: string): string {
  return `len ${name}`;
}

/** The collections whose lengths a size expression reads. */
export function lengthsRead(expr: SizeExpr | null): string[] {
  const names: string[] = [];
  const stack: SizeExpr[] = expr ? [expr] : [];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.op === 'len') names.push(e.name);
    else if (e.op === 'bin') stack.push(e.left, e.right);
  }
  return names;
}

/**
 * Elements of a collection operand as written: a literal's, a comprehension's, `range(n)`'s, the
 * length of a named collection, or the sum of `a + b`. Null when nothing says.
 */
export function operandSize(text: string, node: SyntaxNode | null): SizeExpr | null {
  if (!node) return null;
  if (node.name === 'VariableName') return { op: 'len', name: textOf(text, node) };
  if (node.name === 'ParenthesizedExpression') return operandSize(text, childNodes(node)[1] ?? null);
  if (node.name === 'CallExpression') return rangeSize(text, node);
  if (node.name === 'BinaryExpression') {
    const [left, op, right] = childNodes(node);
    if (!op || textOf(text, op) !== '+') return null;
    const a = operandSize(text, left ?? null);
    const b = operandSize(text, right ?? null);
    return a && b ? { op: 'bin', operator: '+', left: a, right: b } : null;
  }
  return classifyConstruct(text, node)?.size ?? null;
}

const num = (value: number): SizeExpr => ({ op: 'num', value });
const times = (left: SizeExpr, right: SizeExpr): SizeExpr => ({ op: 'bin', operator: '*', left, right });

/** What allocating construct a node is, with its element count as written (`range(n)`, `[x] * n`). */
export function classifyConstruct(
  text: string,
  node: SyntaxNode,
): { kind: ConstructKind; size: SizeExpr | null } | null {
  switch (node.name) {
    case 'ArrayExpression':
      return {
        kind: 'list',
        size: num(childNodes(node).filter((k) => k.name !== '[' && k.name !== ']' && k.name !== ',').length),
      };
    case 'DictionaryExpression':
      return { kind: 'dict', size: num(childNodes(node).filter((k) => k.name === ':').length) };
    case 'ArrayComprehensionExpression':
    case 'DictionaryComprehensionExpression':
      return {
        kind: node.name === 'ArrayComprehensionExpression' ? 'list-comprehension' : 'dict-comprehension',
        size: comprehensionSize(text, node),
      };
    case 'BinaryExpression':
      return classifyBinary(text, node);
    case 'CallExpression': {
      const callee = node.firstChild;
      const isFormat =
        callee?.name === 'MemberExpression' &&
        callee.firstChild?.name === 'String' &&
        textOf(text, callee.lastChild!) === 'format';
      return isFormat ? { kind: 'format-call', size: null } : null;
    }
    default:
      return null;
  }
}

const SEQUENCES = new Set(['ArrayExpression', 'TupleExpression', 'ArrayComprehensionExpression']);

function classifyBinary(text: string, node: SyntaxNode): { kind: ConstructKind; size: SizeExpr | null } | null {
  const [left, op, right] = childNodes(node);
  if (!left || !op || !right) return null;
  const operator = textOf(text, op);
  const isString = (n: SyntaxNode) => n.name === 'String' || n.name === 'FormatString';
  if (operator === '+' && (isString(left) || isString(right))) return { kind: 'concat', size: null };
  if (operator === '%' && isString(left)) return { kind: 'percent-format', size: null };
  if (operator !== '*') return null;
  // `[x] * n` repeats a literal sequence: n times its length.
  for (const [sequence, count] of [
    [left, right],
    [right, left],
  ] as const) {
    if (!SEQUENCES.has(sequence.name)) continue;
    const length = classifyConstruct(text, sequence)?.size ?? null;
    const times_ = sizeExpression(text, count);
    return { kind: 'repeat', size: length && times_ ? times(length, times_) : times_ };
  }
  // `xs * 1024`: a constant beside a non-constant is taken for a repeat of xs (`n * m` is arithmetic).
  const a = constantValue(text, left);
  const b = constantValue(text, right);
  if ((a === null) === (b === null)) return null;
  return { kind: 'repeat', size: num((a ?? b)!) };
}

/**
 * Element count of a comprehension as written: its clauses' iterations multiplied (`for a in A
 * for b in B` makes len A × len B elements); the first clause's alone when a later one is not
 * written (`for b in f(a)`), which is the least it makes.
 */
function comprehensionSize(text: string, node: SyntaxNode): SizeExpr | null {
  const kids = childNodes(node);
  const clauses = kids.flatMap((k, i) => (k.name === 'in' ? [iterableSize(text, kids[i + 1] ?? null)] : []));
  if (clauses.length === 0 || clauses.some((c) => c === null)) return clauses[0] ?? null;
  return clauses.reduce((product, clause) => times(product!, clause!));
}

/** Iterations over an iterable as written: `range(n)`, a literal list or tuple, or at most a named collection's length. */
export function iterableSize(text: string, iterable: SyntaxNode | null): SizeExpr | null {
  if (iterable?.name === 'VariableName') return { op: 'len', name: textOf(text, iterable) };
  if (iterable?.name === 'TupleExpression' || iterable?.name === 'ArrayExpression')
    return num(childNodes(iterable).filter((k) => !['(', ')', '[', ']', ','].includes(k.name)).length);
  return rangeSize(text, iterable);
}

/** Element count of an iterated expression when it is `range(n)`, `range(a, b)` or `range(a, b, step)`, else null. */
export function rangeSize(text: string, iterable: SyntaxNode | null): SizeExpr | null {
  if (!iterable || iterable.name !== 'CallExpression' || !iterable.firstChild) return null;
  if (calleeName(text, iterable.firstChild) !== 'range') return null;
  const args = iterable.getChild('ArgList');
  const values = args ? childNodes(args).filter((k) => !['(', ')', ','].includes(k.name)) : [];
  const exprs = values.map((v) => sizeExpression(text, v));
  if (exprs.length === 1) return exprs[0]!;
  if (exprs.length < 2 || exprs.length > 3 || exprs.some((e) => e === null)) return null;
  const [start, stop, step] = exprs as SizeExpr[];
  if (!step) return { op: 'bin', operator: '-', left: stop!, right: start! };
  // `range(a, b, step)`: ceil((b - a) / step) = 0 - (a - b) // step, whatever the step's sign.
  const down: SizeExpr = {
    op: 'bin',
    operator: '//',
    left: { op: 'bin', operator: '-', left: start!, right: stop! },
    right: step,
  };
  return { op: 'bin', operator: '-', left: num(0), right: down };
}

/**
 * Arguments of a call as size expressions (numbers, names and arithmetic; null otherwise):
 * positional by index and keyword by name. Names are resolved later, in the caller's scope.
 */
export function argumentSizes(
  text: string,
  args: SyntaxNode | null,
): { positional: (SizeExpr | null)[]; keyword: Record<string, SizeExpr | null> } {
  const positional: (SizeExpr | null)[] = [];
  // Keyword names are the file's text: no prototype, so `valueOf=` or `__proto__=` is just a name.
  const keyword: Record<string, SizeExpr | null> = Object.create(null) as Record<string, SizeExpr | null>;
  const kids = args ? childNodes(args).filter((k) => !['(', ')', ','].includes(k.name)) : [];
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    if (kid.name === 'VariableName' && kids[i + 1]?.name === 'AssignOp') {
      keyword[textOf(text, kid)] = sizeExpression(text, kids[i + 2] ?? null);
      i += 2;
    } else if (kid.name !== '*' && kid.name !== '**') {
      positional.push(sizeExpression(text, kid));
    }
  }
  return { positional, keyword };
}

/** A def's parameter names, the defaults that are size expressions (`count = 60000`, `n = N`), and its `**kwargs` name. */
export function parameters(
  text: string,
  paramList: SyntaxNode | null,
): { params: string[]; defaults: Record<string, SizeExpr>; kwargs: string | null } {
  const params: string[] = [];
  let kwargs: string | null = null;
  const defaults: Record<string, SizeExpr> = Object.create(null) as Record<string, SizeExpr>;
  const kids = paramList ? childNodes(paramList) : [];
  for (let i = 0; i < kids.length; i++) {
    if (kids[i]!.name !== 'VariableName') continue;
    const name = textOf(text, kids[i]!);
    params.push(name);
    if (kids[i - 1]?.name === '**') kwargs = name;
    if (kids[i + 1]?.name !== 'AssignOp') continue;
    const value = sizeExpression(text, kids[i + 2] ?? null);
    if (value) defaults[name] = value;
    i += 2; // the default is a value, never a parameter
  }
  return { params, defaults, kwargs };
}

/** True when a VariableName binds rather than reads: targets, def names, params, keyword names. */
export function isBinding(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const next = node.nextSibling;
  switch (parent.name) {
    case 'FunctionDefinition':
    case 'ParamList':
      return true;
    case 'ArgList':
      return next?.name === 'AssignOp';
    case 'AssignStatement':
      for (let n = next; n; n = n.nextSibling) if (n.name === 'AssignOp') return true;
      return false;
    case 'ForStatement':
      for (let n = next; n; n = n.nextSibling) if (n.name === 'in') return true;
      return false;
    default:
      if (!COMPREHENSIONS.has(parent.name)) return false;
      // Between a `for` and its `in`.
      for (let n = next; n; n = n.nextSibling) {
        if (n.name === 'in') return true;
        if (n.name === 'for') return false;
      }
      return false;
  }
}
