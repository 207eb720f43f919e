// Which defs a call can reach, by name, as far as the sources say without evaluating them: its
// own name, `load` aliases, struct fields (`s.f()` for `struct(f = some_def)` or a lambda), names
// bound to a def (`_check = resolve_visibility`), collections of defs taken apart by a key
// (`_CODEGEN[lang](…)` for `_CODEGEN = {"cpp": _cpp_codegen, "py": lambda …: …}`), a struct's
// field picked by a name only known when it runs (`getattr(CHECKS, name)(…)`) and a parameter's
// default (`def f(xs, check = _check_one)`). Every caller → callee edge of the heap flame, and
// every rule following a value into a callee, reads this.
import type { SyntaxNode } from '@lezer/common';
import type { SourceCall, SourceIndex, SourceStatement } from './starlark-source.ts';
import { keywordArguments } from './starlark-call-syntax.ts';
import { argumentNodes, calleeName, childNodes, isSubscript, textOf } from './starlark-syntax.ts';

/** How many alias hops are followed (`a = b`, `b = TABLE[k]`, `TABLE = {…}`). */
const MAX_ALIAS_HOPS = 4;

/**
 * The names of the defs a value may be when it is called, from the expression bound to a name:
 * a name (`resolve_visibility`), a collection's entry (`TABLE[k]` → `TABLE`), the values of a
 * dict or the elements of a list or tuple of names, either branch of `a if c else b`, every field
 * of a `struct(…)` (a lambda field by its keyword, the name it is called by) and the struct a
 * `getattr(S, name)` picks from. Lambdas in a collection are not listed: they are called by the
 * name their statement binds (callNames).
 */
export function aliasedNames(text: string, value: SyntaxNode | undefined): string[] {
  if (!value) return [];
  if (value.name === 'VariableName' || isSubscript(value)) {
    const name = calleeName(text, value);
    return name ? [name] : [];
  }
  if (value.name === 'CallExpression') return callAliases(text, value);
  const kids = childNodes(value);
  if (value.name === 'DictionaryExpression')
    return kids.flatMap((k) => (k.prevSibling?.name === ':' && k.name === 'VariableName' ? [calleeName(text, k)] : []));
  // A list of `(key, def)` pairs (`[("region", _check_region), …]`): the defs inside each pair too.
  if (value.name === 'ArrayExpression' || value.name === 'TupleExpression')
    return kids.flatMap((k) =>
      k.name === 'VariableName'
        ? [calleeName(text, k)]
        : value.name === 'ArrayExpression' && k.name === 'TupleExpression'
          ? aliasedNames(text, k)
          : [],
    );
  if (value.name === 'ConditionalExpression') {
    const branches = kids.filter((k) => k.name !== 'if' && k.name !== 'else');
    return [branches[0], branches[2]].flatMap((k) => aliasedNames(text, k));
  }
  return [];
}

/** `struct(a = _f, b = lambda …: …)` → `_f`, `b`; `getattr(S, name)` (with a default or not) → what S names. */
function callAliases(text: string, call: SyntaxNode): string[] {
  const callee = call.firstChild ? calleeName(text, call.firstChild) : '';
  const args = call.getChild('ArgList');
  if (callee === 'getattr') return aliasedNames(text, argumentNodes(args)[0]);
  if (callee !== 'struct' || !args) return [];
  const defs = keywordArguments(text, args, 'VariableName').map(([, name]) => name);
  const lambdas = keywordArguments(text, args, 'LambdaExpression').map(([keyword]) => keyword);
  return [...defs, ...lambdas];
}

/**
 * `getattr(S, name)(…)`: the struct a call picks its callee from, by a name known only when it runs
 * (null for any other callee). The call is named by S, as `HANDLERS[kind](…)` is by HANDLERS:
 * S's value aliases list every def its fields name.
 */
export function attributeHolder(text: string, calleeNode: SyntaxNode): SyntaxNode | null {
  if (calleeNode.name !== 'CallExpression' || !calleeNode.firstChild) return null;
  if (calleeName(text, calleeNode.firstChild) !== 'getattr') return null;
  return argumentNodes(calleeNode.getChild('ArgList'))[0] ?? null;
}

/**
 * `def f(xs, check = _check_one)`: the names a parameter's default value may be when the parameter
 * is called (a def, a table of defs, a struct of them), by parameter. A caller passing another
 * value is not followed here.
 */
export function parameterDefaultAliases(text: string, paramList: SyntaxNode | undefined): [string, string[]][] {
  const kids = paramList ? childNodes(paramList) : [];
  return kids.flatMap((kid, i): [string, string[]][] => {
    if (kid.name !== 'VariableName' || kids[i + 1]?.name !== 'AssignOp') return [];
    const names = aliasedNames(text, kids[i + 2]);
    return names.length > 0 ? [[textOf(text, kid), names]] : [];
  });
}

/**
 * Names a lambda is called by: the keyword it is passed as (`struct(approved = lambda …)` is
 * called as `s.approved(…)`), else the names its statement binds (`f = lambda …`, `T = {k: lambda …}`).
 */
export function lambdaCallNames(text: string, lambda: SyntaxNode, statement: SourceStatement | undefined): string[] {
  const op = lambda.prevSibling;
  const keyword = op?.name === 'AssignOp' && lambda.parent?.name === 'ArgList' ? op.prevSibling : null;
  if (keyword?.name === 'VariableName') return [textOf(text, keyword)];
  return statement?.kind === 'AssignStatement' ? [...statement.assigns] : [];
}

/**
 * What a loop's targets may be when called: `for check in CHECKS` (or a list of names) → the
 * elements, `for field, check in PAIRS` → the defs in the pairs; `for fn in TABLE.values()` and `for kind, fn in TABLE.items()` → the dict's values.
 */
export function loopTargetAliases(
  text: string,
  targets: readonly string[],
  iterable: SyntaxNode | undefined,
): [string, string[]][] {
  if (!iterable) return [];
  if (iterable.name === 'CallExpression' && iterable.firstChild?.name === 'MemberExpression') {
    const method = iterable.firstChild.lastChild;
    const view = method ? text.slice(method.from, method.to) : '';
    const target =
      view === 'values' && targets.length === 1
        ? targets[0]
        : view === 'items' && targets.length === 2
          ? targets[1]
          : undefined;
    const holder = calleeName(text, iterable.firstChild.firstChild!);
    return target && holder ? [[target, [holder]]] : [];
  }
  // `for field, check in PAIRS`: which target holds the def is not told apart; any of them may be it.
  const names = aliasedNames(text, iterable);
  return names.length > 0 ? targets.map((target) => [target, names]) : [];
}

/**
 * The def names a call may reach: the last part of a dotted callee, through `load` aliases, for
 * `x.field()` through a `struct(field = some_def)` in any of the sources, then through names bound
 * to defs or collections of defs (`valueAliases`, its own file first). The names themselves stay
 * in the list: a lambda is called by the name its statement binds.
 */
export function calleeDefNames(
  sources: readonly SourceIndex[],
  from: SourceIndex,
  callee: string,
  throughParameters = true,
): string[] {
  const names: string[] = [];
  const visited = new Set<string>();
  const visit = (source: SourceIndex, name: string, hops: number, passed = false) => {
    const direct = directName(sources, source, name);
    // A parameter passed on under its own name (`options_for = options_for`) is another def's: seen again.
    const key = `${source.path}\0${direct}\0${passed}`;
    if (!direct || visited.has(key)) return;
    visited.add(key);
    if (!names.includes(direct)) names.push(direct);
    if (hops >= MAX_ALIAS_HOPS) return;
    const holder = Object.hasOwn(source.valueAliases, direct)
      ? source
      : sources.find((s) => Object.hasOwn(s.valueAliases, direct));
    for (const alias of holder ? holder.valueAliases[direct]! : []) visit(holder!, alias, hops + 1);
    if (!throughParameters || name.includes('.')) return;
    for (const value of parameterValues(sources, source, direct, !passed))
      visit(value.source, value.name, hops + 1, true);
  };
  visit(from, callee, 0);
  return names;
}

/**
 * `def _expand(rows, make_env): … make_env(b)`: a parameter called as a def holds what its def is
 * given. Its default is already the parameter's value alias (the indexer records it with
 * `parameterDefaultAliases`, and calleeDefNames follows value aliases); this adds the name each
 * call site passes for it (`_expand(rows, env_factory)`, read in the caller's file, where it may
 * be a parameter again). Which def of the file makes the call is not known here: every def with
 * a parameter of that name that calls it counts, and up the calls every def that has it. Call
 * sites are found by name and alias only, never through parameters again, so the search cannot
 * loop.
 */
function parameterValues(
  sources: readonly SourceIndex[],
  source: SourceIndex,
  param: string,
  called: boolean,
): { source: SourceIndex; name: string }[] {
  const values: { source: SourceIndex; name: string }[] = [];
  source.defs.forEach((def, index) => {
    const position = def.params.indexOf(param);
    if (position < 0 || def.kwargs === param) return;
    // The def that calls it (`make_env(b)`, `checks[k](x)`); up the calls, the defs that pass it on.
    if (called && !source.calls.some((c) => c.def === index && c.callee === param)) return;
    for (const { caller, call } of callSitesOf(sources, source, index)) {
      const passed = argumentText(call, param, position);
      if (passed !== null && IDENTIFIER.test(passed)) values.push({ source: caller, name: passed });
    }
  });
  return values;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What a call passes for a parameter as written (by keyword, else by position), null when nothing. */
function argumentText(call: SourceCall, param: string, position: number): string | null {
  const positional = call.args.filter((a) => a.keyword === '');
  const arg = call.args.find((a) => a.keyword === param) ?? positional[position];
  return arg && !arg.text.startsWith('*') ? arg.text : null;
}

type CallSite = { caller: SourceIndex; call: SourceCall };

/**
 * The calls reaching each def, per list of sources, found once by resolving every call of every
 * source (an index never changes): a callback is resolved again for each scope and caller that asks.
 */
const callSitesCache = new WeakMap<readonly SourceIndex[], Map<SourceIndex, Map<number, CallSite[]>>>();

/** Calls that reach a def by its names or aliases (parameters not followed). */
function callSitesOf(sources: readonly SourceIndex[], source: SourceIndex, def: number): CallSite[] {
  let sites = callSitesCache.get(sources);
  if (!sites) {
    sites = new Map();
    for (const caller of sources)
      for (const call of caller.calls)
        for (const reached of resolveDefs(sources, caller, call.callee, false)) {
          let byDef = sites.get(reached.source);
          if (!byDef) sites.set(reached.source, (byDef = new Map()));
          byDef.set(reached.def, [...(byDef.get(reached.def) ?? []), { caller, call }]);
        }
    callSitesCache.set(sources, sites);
  }
  return sites.get(source)?.get(def) ?? [];
}

/** The def name a callee names by itself: its last part, through `load` aliases and struct fields. */
function directName(sources: readonly SourceIndex[], from: SourceIndex, callee: string): string {
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  if (Object.hasOwn(from.loadAliases, last)) return from.loadAliases[last]!;
  if (!callee.includes('.')) return last;
  const holder = sources.find((s) => Object.hasOwn(s.fieldAliases, last));
  return holder ? holder.fieldAliases[last]! : last;
}

/**
 * Every def a call may reach (several for a table of callbacks): per name, the defs of the first
 * source that defines it, its own file searched first (a def of the same name elsewhere is another
 * macro's).
 */
export function resolveDefs(
  sources: readonly SourceIndex[],
  from: SourceIndex,
  callee: string,
  throughParameters = true,
): { source: SourceIndex; def: number }[] {
  const found: { source: SourceIndex; def: number }[] = [];
  const order = [from, ...sources.filter((s) => s !== from)];
  for (const name of calleeDefNames(sources, from, callee, throughParameters)) {
    for (const source of order) {
      const defs = source.defs.flatMap((d, def) => (d.callNames.includes(name) ? [def] : []));
      for (const def of defs) if (!found.some((f) => f.source === source && f.def === def)) found.push({ source, def });
      if (defs.length > 0) break;
    }
  }
  // In the order they are written, own file first.
  return found.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.def - b.def);
}

/** The first def a call may reach (by name, load alias, struct field or value alias), its own file searched first. */
export function resolveDef(
  sources: readonly SourceIndex[],
  from: SourceIndex,
  callee: string,
): { source: SourceIndex; def: number } | null {
  return resolveDefs(sources, from, callee)[0] ?? null;
}
