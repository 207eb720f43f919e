// Sizes as written: size expressions folded from numbers, names and arithmetic (`range(n * m)`,
// `[0] * n`, `int(read_config(…, "N"))`), their evaluation with known names (a def's constant
// arguments, the file's constants, collections' lengths), and the lengths they read. Pure
// functions of the syntax tree; nothing is evaluated. starlark-sizes.ts uses them for constructs,
// iterables and call arguments.
import type { SyntaxNode } from '@lezer/common';
import { argumentNodes, calleeName, childNodes, textOf } from './starlark-syntax.ts';

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
  let arg = argumentNodes(call.getChild('ArgList'))[0] ?? null;
  if (arg?.name === 'CallExpression' && arg.firstChild && CONFIG_READERS.has(calleeName(text, arg.firstChild))) {
    const args = argumentNodes(arg.getChild('ArgList'));
    // Keyword arguments are flat in the tree: `default`, `=`, value.
    const keyword = args.findIndex((a, i) => textOf(text, a) === 'default' && args[i + 1]?.name === 'AssignOp');
    const positional = args.some((a) => a.name === 'AssignOp') ? null : (args[2] ?? null);
    arg = keyword >= 0 ? (args[keyword + 2] ?? null) : positional;
  }
  if (arg?.name !== 'String') return sizeExpression(text, arg);
  const digits = textOf(text, arg).replace(/^["']|["']$/g, '');
  return /^\d+$/.test(digits) ? num(Number(digits)) : null;
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

/** A number as a size expression. */
export const num = (value: number): SizeExpr => ({ op: 'num', value });
