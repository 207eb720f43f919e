// Small, pure helpers over @lezer/python syntax nodes for Starlark sources: positions, names,
// callees, assignment targets (starlark-size-expressions.ts folds sizes and constants). Nothing
// here evaluates source text.
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

/** The argument nodes of a call's `ArgList`, in order, without the brackets and commas. */
export function argumentNodes(args: SyntaxNode | null): SyntaxNode[] {
  return args ? childNodes(args).filter((k) => !['(', ')', ','].includes(k.name)) : [];
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

/** True when a statement directly inside `body` is a `fail(…)` call. */
export function bodyCallsFail(text: string, body: SyntaxNode): boolean {
  return childNodes(body).some((statement) => {
    const call = statement.name === 'ExpressionStatement' ? statement.firstChild : null;
    return call?.name === 'CallExpression' && call.firstChild !== null && calleeName(text, call.firstChild) === 'fail';
  });
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
