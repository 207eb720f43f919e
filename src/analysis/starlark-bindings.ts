// What a def's `name = <value>` binds, as far as sizes go, and the integer entries of top-level
// dict constants: a size often reaches its `[False] * space` through a defaults table
// (`opts = dict(_DEFAULTS)`, `space = opts["port_space"]`). Read from the syntax tree only; the
// names are resolved in starlark-constants.ts, where the def's other bindings and callers are known.
import type { SyntaxNode } from '@lezer/common';
import { calleeName, childNodes, textOf } from './starlark-syntax.ts';
import { evaluateSize, sizeExpression, type SizeExpr } from './starlark-size-expressions.ts';

/** A def-local binding: an integer expression, one entry of a dict, or a copy of a dict. */
export type BoundValue =
  | { kind: 'size'; size: SizeExpr }
  /** `D["key"]`, `D.get("key")`: the entry, when D surely holds it. */
  | { kind: 'entry'; of: string; key: string }
  /** `dict(D)`, `dict(D, **kwargs)`, `D`: what D holds, until the def changes it. */
  | { kind: 'copy'; of: string };

const PUNCTUATION = new Set(['(', ')', ',', '[', ']', '{', '}', ':']);
const argumentsOf = (call: SyntaxNode) =>
  childNodes(call.getChild('ArgList') ?? call).filter((k) => !PUNCTUATION.has(k.name));

/** What the value of an assignment binds, null when it is none of the shapes above. */
export function boundValueOf(text: string, value: SyntaxNode | null): BoundValue | null {
  if (!value) return null;
  const size = sizeExpression(text, value);
  if (size) return size.op === 'name' ? { kind: 'copy', of: size.name } : { kind: 'size', size };
  const kids = childNodes(value);
  if (value.name === 'MemberExpression' && kids[0]?.name === 'VariableName' && kids[1]?.name === '[') {
    const key = kids.length === 4 ? stringValue(text, kids[2]!) : null;
    return key === null ? null : { kind: 'entry', of: textOf(text, kids[0]), key };
  }
  if (value.name !== 'CallExpression' || !value.firstChild) return null;
  return callBinding(text, value, calleeName(text, value.firstChild));
}

function callBinding(text: string, call: SyntaxNode, callee: string): BoundValue | null {
  const args = argumentsOf(call);
  const [receiver, method] = callee.split('.');
  // `D.get("key", fallback)` is the entry too when D holds the key (the fallback is then never used).
  const key = method === 'get' && args.length >= 1 && args.length <= 2 ? stringValue(text, args[0]!) : null;
  if (receiver && key !== null) return { kind: 'entry', of: receiver, key };
  // `dict(D)` or `dict(D, **kwargs)`: a keyword written here would change an entry, so none may be.
  const [first, ...rest] = args;
  const onlySpread =
    rest.length === 0 || (rest.length === 2 && textOf(text, rest[0]!) === '**' && rest[1]!.name === 'VariableName');
  if (callee === 'dict' && first?.name === 'VariableName' && onlySpread)
    return { kind: 'copy', of: textOf(text, first) };
  return null;
}

/**
 * The entries of a top-level dict literal (`{"port_space": 1 << 20, …}`) or `dict(k = …)` whose
 * values are integers written with the file's constants; null when the value is neither.
 */
export function dictIntegers(
  text: string,
  value: SyntaxNode,
  constants: ReadonlyMap<string, number>,
): Record<string, number> | null {
  const entries = Object.create(null) as Record<string, number>;
  const kids = childNodes(value).filter((k) => !PUNCTUATION.has(k.name));
  const isDictCall =
    value.name === 'CallExpression' && value.firstChild && calleeName(text, value.firstChild) === 'dict';
  if (value.name === 'DictionaryExpression') {
    for (let i = 0; i + 1 < kids.length; i += 2) {
      const key = stringValue(text, kids[i]!);
      const n = evaluateSize(sizeExpression(text, kids[i + 1]!), constants);
      if (key !== null && n !== null) entries[key] = n;
    }
  } else if (isDictCall) {
    const args = argumentsOf(value);
    for (let i = 0; i + 2 < args.length; i++) {
      if (args[i]!.name !== 'VariableName' || args[i + 1]!.name !== 'AssignOp') continue;
      const n = evaluateSize(sizeExpression(text, args[i + 2]!), constants);
      if (n !== null) entries[textOf(text, args[i]!)] = n;
    }
  } else return null;
  return Object.keys(entries).length > 0 ? entries : null;
}

/** The text of a plain string literal (`"port_space"`, `'k'`), null for anything else. */
function stringValue(text: string, node: SyntaxNode): string | null {
  if (node.name !== 'String') return null;
  const match = /^(['"])([\w.\-/]*)\1$/.exec(textOf(text, node, 200));
  return match ? match[2]! : null;
}
