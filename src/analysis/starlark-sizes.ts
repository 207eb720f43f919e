// What a Starlark expression builds and how big, as written: the allocating constructs the
// advisor weighs, the elements of operands, iterables and `range(…)`, and call arguments and
// parameter defaults as sizes (the size expressions themselves: starlark-size-expressions.ts).
// Pure functions of the syntax tree; nothing is evaluated.
import type { SyntaxNode } from '@lezer/common';
import { COMPREHENSIONS, argumentNodes, calleeName, childNodes, textOf } from './starlark-syntax.ts';
import { constantValue, num, sizeExpression, type SizeExpr } from './starlark-size-expressions.ts';

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
  const values = argumentNodes(args);
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
  const kids = argumentNodes(args);
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
