// What a Starlark expression or statement allocates on the Starlark heap, read from its syntax
// alone: literals, comprehensions, `+`/`*` on collections and strings, allocating builtins and
// methods, and in-place growth (`append`, `d[k] = v`, `+=`). Cheap checks (`len`, `endswith`,
// `in`, comparisons) allocate nothing and are never listed. Each site names the value types
// (heap-flame type leaves: `list`, `array`, `dict`, `string`, `tuple`, …) it can make, so the
// attribution can hand a frame's bytes of one type only to statements that make that type. The
// kinds, types and builtin tables are in starlark-allocation-kinds.ts.
import type { SyntaxNode } from '@lezer/common';
import { argumentNodes, calleeName, childNodes, namesRead, textOf } from './starlark-syntax.ts';
import { classifyConstruct, operandSize, rangeSize } from './starlark-sizes.ts';
import { sizeExpression, type SizeExpr } from './starlark-size-expressions.ts';
import {
  ANY_COLLECTION,
  BUILTIN_TYPES,
  CHEAP_CALLS,
  CHEAP_METHODS,
  COPYING_BUILTINS,
  LIST,
  SPLITTING_METHODS,
  STRING,
  STRING_METHODS,
  site,
  type AllocationSite,
} from './starlark-allocation-kinds.ts';

/** The allocation an expression node makes by itself (its children are visited on their own), or null. */
export function allocationOf(text: string, node: SyntaxNode): AllocationSite | null {
  switch (node.name) {
    case 'ArrayExpression':
      return site('literal', 'list literal', LIST, classifyConstruct(text, node)?.size ?? null);
    case 'DictionaryExpression':
      return site('literal', 'dict literal', ['dict'], classifyConstruct(text, node)?.size ?? null);
    case 'TupleExpression':
      return isTarget(node) ? null : site('literal', 'tuple', ['tuple'], null);
    case 'ArrayComprehensionExpression':
    case 'DictionaryComprehensionExpression':
    case 'SetComprehensionExpression': {
      const types =
        node.name === 'ArrayComprehensionExpression'
          ? LIST
          : node.name === 'SetComprehensionExpression'
            ? ['set']
            : ['dict'];
      return site('comprehension', 'comprehension', types, classifyConstruct(text, node)?.size ?? null);
    }
    case 'BinaryExpression':
      return binaryAllocation(text, node);
    case 'CallExpression':
      return callAllocation(text, node);
    default:
      return null;
  }
}

/** A tuple that binds (`a, b = …`, `for k, v in …`) rather than builds. */
function isTarget(node: SyntaxNode): boolean {
  for (let n = node.nextSibling; n; n = n.nextSibling) if (n.name === 'AssignOp' || n.name === 'in') return true;
  return false;
}

/** Whether an operand is a number for sure: a literal, `len(…)`, or arithmetic of those. */
function isNumeric(text: string, node: SyntaxNode): boolean {
  if (node.name === 'Number') return true;
  if (node.name === 'UnaryExpression') return node.lastChild !== null && isNumeric(text, node.lastChild);
  if (node.name === 'ParenthesizedExpression')
    return childNodes(node)[1] !== undefined && isNumeric(text, childNodes(node)[1]!);
  if (node.name === 'BinaryExpression') return isNumeric(text, node.firstChild!) && isNumeric(text, node.lastChild!);
  if (node.name === 'CallExpression' && node.firstChild)
    return ['len', 'int', 'hash'].includes(calleeName(text, node.firstChild));
  return false;
}

/** `xs[i * n]`, `range(w * n)`: a product in these places is a number, never a repeated collection. */
function isIndexOrRangeArgument(text: string, node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.name === 'MemberExpression') return parent.getChild('[') !== null && parent.firstChild?.from !== node.from;
  const call = parent.name === 'ArgList' ? parent.parent : null;
  return call?.name === 'CallExpression' && call.firstChild !== null && calleeName(text, call.firstChild) === 'range';
}

const IS_SEQUENCE = new Set(['ArrayExpression', 'ArrayComprehensionExpression', 'TupleExpression']);
const IS_STRING = new Set(['String', 'FormatString']);

function binaryAllocation(text: string, node: SyntaxNode): AllocationSite | null {
  const [left, op, right] = childNodes(node);
  if (!left || !op || !right) return null;
  const operator = textOf(text, op);
  if (operator === '%') return IS_STRING.has(left.name) ? site('string', 'string formatting', STRING, null) : null;
  if (operator !== '+' && operator !== '*') return null;
  if (operator === '*') {
    if (isIndexOrRangeArgument(text, node)) return null;
    const construct = classifyConstruct(text, node);
    if (construct?.kind === 'repeat')
      return site('repeat', 'repetition', [...LIST, ...STRING, 'tuple'], construct.size);
    if (valueKindOf(text, left) === 'string')
      return site('repeat', 'string repetition', STRING, sizeExpression(text, right));
    return valueKindOf(text, right) === 'string'
      ? site('repeat', 'string repetition', STRING, sizeExpression(text, left))
      : null;
  }
  if (isNumeric(text, left) || isNumeric(text, right)) return null;
  if (IS_STRING.has(left.name) || IS_STRING.has(right.name))
    return site('concat', 'string concatenation', STRING, null);
  const size = operandSize(text, node);
  if (IS_SEQUENCE.has(left.name) || IS_SEQUENCE.has(right.name))
    return site('concat', 'list concatenation', [...LIST, 'tuple'], size);
  // `a + b` of names: a new list or string unless both are numbers, which syntax cannot tell.
  return site('concat', 'concatenation', ANY_COLLECTION, size);
}

function callAllocation(text: string, node: SyntaxNode): AllocationSite | null {
  const callee = node.firstChild;
  if (!callee) return null;
  const name = calleeName(text, callee);
  const method = callee.name === 'MemberExpression' && callee.lastChild ? textOf(text, callee.lastChild) : '';
  if (CHEAP_CALLS.has(name) || (method && CHEAP_METHODS.has(method))) return null;
  const copied = copiedName(text, node);
  if (COPYING_BUILTINS.has(name) && copied)
    return site(
      'copy',
      `${name}(${copied}${name === 'dict' ? ', …' : ''})`,
      name === 'dict' ? ['dict', 'array'] : LIST,
      { op: 'len', name: copied },
      copied,
    );
  if (name in BUILTIN_TYPES) return site('builtin', `${name}()`, BUILTIN_TYPES[name]!, builtinSize(text, node, name));
  if (method === 'items' || method === 'keys' || method === 'values')
    return site('view', `.${method}()`, method === 'items' ? [...LIST, 'tuple'] : LIST, viewSize(text, callee));
  if (STRING_METHODS.has(method))
    return site(
      'string',
      method === 'format' ? 'str.format' : `.${method}()`,
      STRING,
      // `sep.join(xs)` holds every element of xs: its size is theirs.
      method === 'join' ? builtinSize(text, node, 'list') : null,
    );
  if (SPLITTING_METHODS.has(method)) return site('string', `.${method}()`, [...LIST, ...STRING, 'tuple'], null);
  if (method === 'append' || method === 'extend' || method === 'insert')
    return site('growth', `.${method}()`, LIST, null);
  if (method === 'update' || method === 'setdefault') return site('growth', `.${method}()`, ['dict', 'array'], null);
  if (method === 'copy') return site('builtin', '.copy()', [...LIST, 'dict'], null);
  return site('call', `${name || 'expression'}()`, [], null, name);
}

/** Elements a builtin makes when written: `range(n)` → n, `list(range(n))` → n, `sorted(A + b)` → A's and b's. */
function builtinSize(text: string, call: SyntaxNode, name: string): SizeExpr | null {
  if (name === 'range') return rangeSize(text, call);
  const first = argumentNodes(call.getChild('ArgList'))[0];
  return ['list', 'tuple', 'sorted', 'reversed'].includes(name) && first ? operandSize(text, first) : null;
}

/** A view of a dict named by a plain name (`FLAGS.keys()`) lists as many elements as the dict holds. */
function viewSize(text: string, callee: SyntaxNode): SizeExpr | null {
  const receiver = callee.firstChild;
  return receiver?.name === 'VariableName' ? { op: 'len', name: textOf(text, receiver) } : null;
}

/** The collection a `dict(base, …)` / `list(xs)` call copies: its first positional argument when it is a name. */
function copiedName(text: string, call: SyntaxNode): string {
  const first = argumentNodes(call.getChild('ArgList'))[0];
  if (!first || (first.name !== 'VariableName' && first.name !== 'MemberExpression')) return '';
  return first.nextSibling?.name === 'AssignOp' ? '' : textOf(text, first, 40);
}

/** Elements of a collection a value makes as written (a literal, a comprehension, `list(range(n))`, `A + B`), else null. */
export function collectionLength(text: string, node: SyntaxNode): SizeExpr | null {
  const made = allocationOf(text, node);
  return made &&
    made.kind !== 'call' &&
    made.kind !== 'string' &&
    made.types.some((t) => t === 'list' || t === 'dict' || t === 'tuple')
    ? made.size
    : null;
}

/** `x = x + …` or `x = … + x`: the name a statement rebinds to a grown copy of itself, else ''. */
export function selfCopyName(text: string, node: SyntaxNode): string {
  const kids = childNodes(node);
  if (node.name !== 'AssignStatement' || kids.length !== 3 || kids[0]?.name !== 'VariableName') return '';
  const value = kids[2]!;
  const name = textOf(text, kids[0]);
  if (value.name === 'BinaryExpression') {
    const [left, op, right] = childNodes(value);
    const isName = (n: SyntaxNode | undefined) => n?.name === 'VariableName' && textOf(text, n) === name;
    if (op && textOf(text, op) === '+' && (isName(left) || isName(right))) return name;
  }
  // `s = "%s, %s" % (s, x)`, `s = "{} {}".format(s, x)`: a new string holding all of s again.
  const made = allocationOf(text, value);
  return made?.kind === 'string' && made.types.length === 1 && namesRead(text, value).includes(name) ? name : '';
}

/** The growth a statement makes by itself: `d[k] = v`, `x += y` (`x = x + y` is its `+`'s). */
export function statementAllocation(text: string, node: SyntaxNode): AllocationSite | null {
  const kids = childNodes(node);
  if (node.name === 'UpdateStatement') {
    const op = kids[1] ? textOf(text, kids[1]) : '';
    const value = kids[2];
    if ((op !== '+=' && op !== '*=') || !value || isNumeric(text, value)) return null;
    return site('growth', `${textOf(text, kids[0]!, 40)} ${op} …`, ANY_COLLECTION, null);
  }
  if (node.name !== 'AssignStatement') return null;
  const isSubscript = kids[0]?.name === 'MemberExpression' && kids[0].getChild('[') !== null;
  if (isSubscript && kids[1]?.name === 'AssignOp') return site('growth', 'item assignment', ['dict', 'array'], null);
  return null;
}

/** What an assignment's value is, as far as syntax says: for "is this `+=` on a string?" questions. */
export type ValueKind = 'string' | 'list' | 'dict' | 'number' | '';

export function valueKindOf(text: string, node: SyntaxNode | undefined): ValueKind {
  if (!node) return '';
  if (IS_STRING.has(node.name)) return 'string';
  if (isNumeric(text, node)) return 'number';
  if (node.name === 'ArrayExpression' || node.name === 'ArrayComprehensionExpression') return 'list';
  if (node.name === 'DictionaryExpression' || node.name === 'DictionaryComprehensionExpression') return 'dict';
  const made = allocationOf(text, node);
  if (made?.types.length === 1 && made.types[0] === 'string') return 'string';
  if (node.name === 'ParenthesizedExpression') return valueKindOf(text, childNodes(node)[1]);
  if (node.name === 'BinaryExpression') {
    const [left, , right] = childNodes(node);
    return valueKindOf(text, left) || valueKindOf(text, right);
  }
  return '';
}
