// How a call reads as syntax, for the indexer (starlark-indexer.ts): its arguments as written,
// the `keyword = value` pairs a `load` or `struct` binds, and how an expression around a name
// uses it (`xs[i]`, `len(xs)`, `for x in xs`, `f(xs)`, `xs.m()`). Pure functions of the text.
import type { SyntaxNode } from '@lezer/common';
import type { Span } from '../model/profile.ts';
import type { CallArgument, NameRead, SourceCall } from './starlark-source.ts';
import { COMPREHENSIONS, argumentNodes, calleeName, childNodes, textOf } from './starlark-syntax.ts';

/** A call's arguments as written, in order (`f(a, k = v)` → `a`, then `v` for `k`). */
export function callArguments(text: string, args: SyntaxNode, spanOf: (node: SyntaxNode) => Span): CallArgument[] {
  const found: CallArgument[] = [];
  const kids = argumentNodes(args);
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    const named = kid.name === 'VariableName' && kids[i + 1]?.name === 'AssignOp';
    const star = kid.name === '*' || kid.name === '**';
    const value = named ? kids[i + 2] : star ? kids[i + 1] : kid;
    if (!value) break;
    // `*xs` and `**kw` are marked by their star: they are neither one position nor one keyword.
    const keyword = named ? textOf(text, kid) : star ? kid.name : '';
    found.push({ keyword, text: textOf(text, value, 200), span: spanOf(value) });
    if (named) i += 2;
    else if (star) i += 1;
  }
  return found;
}

/** The `keyword = value` arguments whose value is a node of one kind (`String` for `load`, `VariableName` for `struct`), as text. */
export function keywordArguments(text: string, args: SyntaxNode, valueKind: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const kid of childNodes(args)) {
    const op = kid.nextSibling;
    const value = op?.nextSibling;
    if (kid.name !== 'VariableName' || op?.name !== 'AssignOp' || value?.name !== valueKind) continue;
    pairs.push([textOf(text, kid), textOf(text, value)]);
  }
  return pairs;
}

/** `f(g(x))`: the call `g(…)` is an argument of, and where (a read of its value, as readUse says), else null. */
export function argumentPlace(text: string, node: SyntaxNode): SourceCall['argumentOf'] {
  const { use, callee, position, keyword } = readUse(text, node);
  return use === 'argument' ? { callee, position, keyword } : null;
}

/** How the expression around a read name uses it (`xs[i]`, `len(xs)`, `for x in xs`, `f(xs)`, `xs.m()`). */
export function readUse(text: string, node: SyntaxNode): Pick<NameRead, 'use' | 'callee' | 'position' | 'keyword'> {
  const parent = node.parent;
  const none = { callee: '', position: -1, keyword: '' };
  if (!parent) return { use: 'other', ...none };
  if (parent.name === 'MemberExpression' && parent.firstChild?.from === node.from) {
    if (parent.getChild('[')) return { use: 'subscript', ...none };
    const method = parent.lastChild?.name === 'PropertyName' ? textOf(text, parent.lastChild) : '';
    return { use: 'method', ...none, callee: method };
  }
  if (node.prevSibling?.name === 'in' && (parent.name === 'ForStatement' || COMPREHENSIONS.has(parent.name)))
    return { use: 'iterate', ...none };
  if (node.prevSibling?.name === 'in' && parent.name === 'BinaryExpression') return { use: 'membership', ...none };
  if (parent.name !== 'ArgList' || parent.parent?.name !== 'CallExpression' || !parent.parent.firstChild)
    return { use: 'other', ...none };
  const callee = calleeName(text, parent.parent.firstChild);
  if (callee === 'len') return { use: 'len', ...none };
  const keyword = node.prevSibling?.name === 'AssignOp' ? node.prevSibling.prevSibling : null;
  if (keyword) return { use: 'argument', callee, position: -1, keyword: textOf(text, keyword) };
  // `*xs` and `**kw` are marked by their star (as in CallArgument): neither one position nor one keyword.
  const star = node.prevSibling?.name === '*' || node.prevSibling?.name === '**' ? node.prevSibling.name : '';
  if (star) return { use: 'argument', callee, position: -1, keyword: star };
  const args = childNodes(parent).filter((k) => !['(', ')', ',', '*', '**'].includes(k.name));
  const at = args.findIndex((k) => k.from === node.from);
  return {
    use: 'argument',
    callee,
    position: args.slice(0, at).some((k) => k.name === 'AssignOp') ? -1 : at,
    keyword: '',
  };
}
