// The one-pass indexer behind `indexStarlarkSource` (starlark-source.ts, which defines what the
// index holds): walks the @lezer/python tree of a Starlark file and records defs, loops,
// statements, calls, `fail` checks, allocating constructs and name reads with their spans.
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import type { Span } from '../model/profile.ts';
import {
  allocationOf,
  collectionLength,
  selfCopyName,
  statementAllocation,
  valueKindOf,
  type AllocationSite,
} from './starlark-allocations.ts';
import type { SourceIndex, SourceLoop } from './starlark-source.ts';
import { aliasedNames, lambdaCallNames, loopTargetAliases } from './starlark-callees.ts';
import { boundValueOf, dictIntegers } from './starlark-bindings.ts';
import {
  COMPREHENSIONS,
  LineMap,
  MUTATORS,
  STATEMENTS,
  VIEWS,
  bodyCallsFail,
  calleeName,
  childNodes,
  isBinding,
  isSubscript,
  namesRead,
  targetNames,
  textOf,
} from './starlark-syntax.ts';
import {
  allocationReasons,
  classifyConstruct,
  argumentSizes,
  parameters,
  sizeExpression,
  evaluateSize,
  iterableSize,
} from './starlark-sizes.ts';
import { appendAll } from '../model/arrays.ts';
import { argumentPlace, callArguments, keywordArguments, readUse } from './starlark-call-syntax.ts';

interface OpenLoop {
  index: number;
  /** Offset ranges evaluated once per iteration. */
  body: [number, number][];
}

/**
 * Builds a SourceIndex in one pass over the syntax tree, with explicit context stacks for the
 * open defs, loops and statements (lezer's iterate is iterative, so deep files cannot overflow).
 */
/** An index with nothing in it yet: what the indexer fills, and what a file it cannot read stays. */
export function emptySourceIndex(path: string, lineCount: number): SourceIndex {
  return {
    path,
    lineCount,
    defs: [],
    loops: [],
    statements: [],
    calls: [],
    failChecks: [],
    constructs: [],
    allocations: [],
    loadAliases: {},
    fieldAliases: {},
    valueAliases: {},
    constants: {},
    dictIntegers: {},
    bindings: {},
    lengths: {},
    reads: [],
    syntaxErrors: 0,
  };
}

export class SourceIndexer {
  private readonly lines: LineMap;
  private readonly index: SourceIndex;
  private readonly defStack: { index: number; node: SyntaxNode }[] = [];
  private readonly loopStack: (OpenLoop & { node: SyntaxNode })[] = [];
  private readonly statementStack: { index: number; node: SyntaxNode }[] = [];
  /** Bodies of open `if`s that call `fail(…)`. */
  private readonly failBodies: SyntaxNode[] = [];

  constructor(
    path: string,
    private readonly text: string,
  ) {
    this.lines = new LineMap(text);
    this.index = emptySourceIndex(path, this.lines.lineCount);
  }

  run(): SourceIndex {
    parser.parse(this.text).iterate({
      enter: (ref) => {
        const node = ref.node;
        if (ref.type.isError) this.index.syntaxErrors++;
        if (STATEMENTS.has(node.name)) this.enterStatement(node);
        if (node.name === 'FunctionDefinition' || node.name === 'LambdaExpression') this.enterDef(node);
        if (node.name === 'ForStatement' || node.name === 'WhileStatement') this.enterLoopStatement(node);
        if (COMPREHENSIONS.has(node.name)) this.enterComprehension(node);
        if (node.name === 'CallExpression') this.enterCall(node);
        if (node.name === 'IfStatement') this.enterIf(node);
        if (node.name === 'VariableName' && !isBinding(node)) this.noteRead(node);
        this.noteConstruct(node);
        this.noteAllocation(node, allocationOf(this.text, node));
      },
      leave: (ref) => {
        const pop = <T extends { node: SyntaxNode }>(stack: T[]) => {
          const top = stack[stack.length - 1];
          if (top && top.node.from === ref.from && top.node.to === ref.to && top.node.name === ref.name) stack.pop();
        };
        pop(this.loopStack);
        pop(this.defStack);
        pop(this.statementStack);
        const body = this.failBodies[this.failBodies.length - 1];
        if (body && body.from === ref.from && body.to === ref.to && ref.name === 'Body') this.failBodies.pop();
      },
    });
    return this.index;
  }

  private span(node: SyntaxNode): Span {
    return this.lines.span(node.from, node.to);
  }

  private get def(): number | null {
    return this.defStack[this.defStack.length - 1]?.index ?? null;
  }

  private get statement(): number {
    return this.statementStack[this.statementStack.length - 1]?.index ?? -1;
  }

  /** Innermost open loop that evaluates `offset` once per iteration. */
  private loopAt(offset: number): number | null {
    for (let i = this.loopStack.length - 1; i >= 0; i--) {
      const loop = this.loopStack[i]!;
      if (loop.body.some(([from, to]) => offset >= from && offset < to)) return loop.index;
    }
    return null;
  }

  /** A top-level dict's integer entries; in a def, what `name = value` binds (the next statement's index). */
  private noteBinding(name: string, value: SyntaxNode): void {
    if (this.def === null) {
      const entries = dictIntegers(this.text, value, new Map(Object.entries(this.index.constants)));
      if (entries) setOwn(this.index.dictIntegers, name, entries);
      return;
    }
    const bound = boundValueOf(this.text, value);
    if (bound) this.index.bindings[this.index.statements.length] = bound;
  }

  /** Records names as (re)bound inside every open loop whose body holds `offset`. */
  private noteAssigned(offset: number, names: readonly string[]): void {
    for (const loop of this.loopStack) {
      if (!loop.body.some(([from, to]) => offset >= from && offset < to)) continue;
      const assigned = this.index.loops[loop.index]!.assigned;
      for (const name of names) if (!assigned.includes(name)) assigned.push(name);
    }
  }

  private enterStatement(node: SyntaxNode): void {
    const kids = childNodes(node);
    let assigns: string[] = [];
    if (node.name === 'AssignStatement') {
      const lastOp = kids.map((k) => k.name).lastIndexOf('AssignOp');
      assigns = targetNames(this.text, kids.slice(0, Math.max(lastOp, 0)));
    } else if (node.name === 'UpdateStatement') {
      assigns = targetNames(this.text, kids.slice(0, 1));
    } else if (node.name === 'FunctionDefinition') {
      assigns = targetNames(this.text, kids.filter((k) => k.name === 'VariableName').slice(0, 1));
    }
    this.noteAssigned(node.from, assigns);
    // `_COUNT = 1 << _BITS`: a constant may be written with the file's earlier constants.
    const value = evaluateSize(
      sizeExpression(this.text, kids[kids.length - 1] ?? null),
      new Map(Object.entries(this.index.constants)),
    );
    if (
      node.name === 'AssignStatement' &&
      this.def === null &&
      assigns.length === 1 &&
      kids.length === 3 &&
      value !== null
    ) {
      setOwn(this.index.constants, assigns[0]!, value);
    }
    const length =
      node.name === 'AssignStatement' && this.def === null && assigns.length === 1 && kids.length === 3
        ? collectionLength(this.text, kids[2]!)
        : null;
    if (length) setOwn(this.index.lengths, assigns[0]!, length);
    if (node.name === 'AssignStatement' && assigns.length === 1 && kids.length === 3)
      this.noteBinding(assigns[0]!, kids[2]!);
    if (node.name === 'AssignStatement' && assigns.length === 1 && kids.length === 3)
      this.noteValueAliases(assigns[0]!, aliasedNames(this.text, kids[2]));
    const index = this.index.statements.length;
    this.index.statements.push({
      kind: node.name,
      span: this.span(node),
      parent: this.statementStack.length > 0 ? this.statement : null,
      def: this.def,
      loop: this.loopAt(node.from),
      assigns,
      selfCopy: selfCopyName(this.text, node),
      valueKind:
        node.name === 'AssignStatement' || node.name === 'UpdateStatement'
          ? valueKindOf(this.text, kids[kids.length - 1])
          : '',
      inFailBranch: this.failBodies.some((b) => node.from >= b.from && node.to <= b.to),
    });
    this.statementStack.push({ index, node });
    this.noteAllocation(node, statementAllocation(this.text, node));
  }

  private enterDef(node: SyntaxNode): void {
    const kids = childNodes(node);
    const isLambda = node.name === 'LambdaExpression';
    const nameNode = isLambda ? null : kids.find((k) => k.name === 'VariableName');
    const paramList = kids.find((k) => k.name === 'ParamList');
    const { params, defaults, kwargs } = parameters(this.text, paramList ?? null);
    const index = this.index.defs.length;
    this.index.defs.push({
      name: nameNode ? textOf(this.text, nameNode) : 'lambda',
      kind: isLambda ? 'lambda' : 'def',
      span: this.span(node),
      params,
      defaults,
      kwargs,
      parent: this.def,
      callNames: nameNode
        ? [textOf(this.text, nameNode)]
        : lambdaCallNames(this.text, node, this.index.statements[this.statement]),
    });
    this.defStack.push({ index, node });
    const body = kids[kids.length - 1];
    if (isLambda && body && body.name !== ':') this.enterLambdaBody(node, body);
  }

  /**
   * A lambda's body is a statement of its own, as starlark-rust profiles it (an implicit
   * `return`; its row spans the whole `lambda …: …`): its allocations belong to the lambda, not
   * to the statement the lambda is written in.
   */
  private enterLambdaBody(lambda: SyntaxNode, body: SyntaxNode): void {
    const index = this.index.statements.length;
    this.index.statements.push({
      kind: 'LambdaBody',
      span: this.span(lambda),
      parent: this.statementStack.length > 0 ? this.statement : null,
      def: this.def,
      loop: this.loopAt(body.from),
      assigns: [],
      selfCopy: '',
      valueKind: '',
      inFailBranch: this.failBodies.some((b) => body.from >= b.from && body.to <= b.to),
    });
    this.statementStack.push({ index, node: body });
  }

  private openLoop(
    node: SyntaxNode,
    loop: Omit<SourceLoop, 'parent' | 'depth' | 'def' | 'statement' | 'assigned' | 'clauseSizes'>,
    body: [number, number][],
  ): void {
    const parent = this.loopAt(node.from);
    const depth = parent === null ? 0 : this.index.loops[parent]!.depth + 1;
    const index = this.index.loops.length;
    this.index.loops.push({
      ...loop,
      parent,
      depth,
      def: this.def,
      statement: this.statement,
      assigned: [...loop.targets],
      clauseSizes:
        node.name === 'WhileStatement'
          ? [null]
          : childNodes(node).flatMap((k, i, kids) =>
              k.name === 'in' ? [iterableSize(this.text, kids[i + 1] ?? null)] : [],
            ),
    });
    this.loopStack.push({ index, body, node });
    this.noteAssigned(node.from, loop.targets);
  }

  private enterLoopStatement(node: SyntaxNode): void {
    const kids = childNodes(node);
    const body = kids.find((k) => k.name === 'Body');
    const inAt = kids.findIndex((k) => k.name === 'in');
    const isFor = node.name === 'ForStatement';
    const targets = isFor && inAt > 0 ? targetNames(this.text, kids.slice(1, inAt)) : [];
    const iterableNode = isFor ? kids[inAt + 1] : kids[1];
    if (isFor)
      for (const [name, aliases] of loopTargetAliases(this.text, targets, iterableNode))
        this.noteValueAliases(name, aliases);
    this.openLoop(
      node,
      {
        kind: isFor ? 'for' : 'while',
        span: this.span(node),
        headerSpan: this.lines.span(node.from, body ? body.from : node.to),
        targets,
        iterable: iterableNode ? textOf(this.text, iterableNode) : '',
      },
      body ? [[body.from, body.to]] : [],
    );
  }

  private enterComprehension(node: SyntaxNode): void {
    const kids = childNodes(node);
    const firstFor = kids.findIndex((k) => k.name === 'for');
    const firstIn = kids.findIndex((k) => k.name === 'in');
    if (firstFor < 0 || firstIn < firstFor) return;
    const iterableNode = kids[firstIn + 1];
    const targets: string[] = [];
    kids.forEach((k, i) => {
      if (k.name !== 'for') return;
      const end = kids.findIndex((x, j) => j > i && x.name === 'in');
      appendAll(targets, targetNames(this.text, kids.slice(i + 1, end < 0 ? i + 1 : end)));
    });
    for (const [name, aliases] of loopTargetAliases(this.text, targets, iterableNode))
      this.noteValueAliases(name, aliases);
    const element: [number, number] = [node.from + 1, kids[firstFor]!.from];
    const rest: [number, number] = [iterableNode ? iterableNode.to : node.to, node.to];
    this.openLoop(
      node,
      {
        kind: 'comprehension',
        span: this.span(node),
        headerSpan: this.lines.span(kids[firstFor]!.from, iterableNode ? iterableNode.to : node.to),
        targets,
        iterable: iterableNode ? textOf(this.text, iterableNode) : '',
      },
      [element, rest],
    );
  }

  private enterCall(node: SyntaxNode): void {
    const calleeNode = node.firstChild;
    const args = node.getChild('ArgList');
    if (!calleeNode) return;
    const callee = calleeName(this.text, calleeNode);
    const method = calleeNode.name === 'MemberExpression' ? textOf(this.text, calleeNode.lastChild!) : '';
    // `HANDLERS[kind](…)`: which def runs depends on the key too, so its names count as the receiver's.
    const receiver = isSubscript(calleeNode)
      ? calleeNode
      : calleeNode.name === 'MemberExpression'
        ? calleeNode.firstChild
        : null;
    const receiverNames = receiver ? namesRead(this.text, receiver) : [];
    const argNames = [...(args ? namesRead(this.text, args) : []), ...receiverNames];
    if (callee === 'load' && args) this.noteLoadAliases(args);
    if (callee === 'struct' && args) this.noteFieldAliases(args);
    if (receiver?.name === 'VariableName' && MUTATORS.has(method))
      this.noteAssigned(node.from, [textOf(this.text, receiver)]);
    this.index.calls.push({
      callee,
      text: textOf(this.text, node, 80),
      span: this.span(node),
      statement: this.statement,
      def: this.def,
      loop: this.loopAt(node.from),
      ...argumentSizes(this.text, args),
      argNames: [...new Set(argNames)],
      receiverNames: [...new Set(receiverNames)],
      args: args ? callArguments(this.text, args, (n) => this.span(n)) : [],
      viewMethod:
        VIEWS.has(method) && args !== null && childNodes(args).length === 2
          ? (method as 'items' | 'keys' | 'values')
          : null,
      argumentOf: argumentPlace(this.text, node),
      readAs: readUse(this.text, node),
    });
  }

  /** `alias = "name"` arguments of a `load(…)`: calls of `alias` are calls of the loaded `name`. */
  private noteLoadAliases(args: SyntaxNode): void {
    for (const [alias, name] of keywordArguments(this.text, args, 'String'))
      setOwn(this.index.loadAliases, alias, name.slice(1, -1));
  }

  /** Names a call of `name` may reach (a name bound in several places may reach any of them). */
  private noteValueAliases(name: string, aliases: readonly string[]): void {
    if (aliases.length === 0 || aliases.includes(name)) return;
    const known = Object.hasOwn(this.index.valueAliases, name) ? this.index.valueAliases[name]! : [];
    setOwn(this.index.valueAliases, name, [...new Set([...known, ...aliases])]);
  }

  /** `field = name` arguments of a `struct(…)`: `s.field()` may call the def `name`. */
  private noteFieldAliases(args: SyntaxNode): void {
    for (const [field, name] of keywordArguments(this.text, args, 'VariableName'))
      setOwn(this.index.fieldAliases, field, name);
  }

  /** `if cond: … fail(…)`: the check the guide's "allocating for rare cases" is about. */
  private enterIf(node: SyntaxNode): void {
    const kids = childNodes(node);
    const condition = kids[1];
    const body = kids.find((k) => k.name === 'Body');
    if (!condition || !body || !bodyCallsFail(this.text, body)) return;
    this.failBodies.push(body);
    this.index.failChecks.push({
      statement: this.statement,
      conditionSpan: this.span(condition),
      bodySpan: this.span(body),
      conditionAllocates: allocationReasons(this.text, condition),
      def: this.def,
      loop: this.loopAt(node.from),
    });
  }

  private noteRead(node: SyntaxNode): void {
    const { line, column } = this.lines.position(node.from);
    this.index.reads.push({
      name: textOf(this.text, node),
      line,
      column,
      statement: this.statement,
      def: this.def,
      ...readUse(this.text, node),
    });
  }

  private noteAllocation(node: SyntaxNode, found: AllocationSite | null): void {
    if (!found) return;
    // A comprehension's list grows once per element: its own loop (opened just before) runs it.
    const own = found.kind === 'comprehension' ? this.loopStack[this.loopStack.length - 1] : undefined;
    const loop = own && own.node === node ? own.index : this.loopAt(node.from);
    this.index.allocations.push({ ...found, span: this.span(node), statement: this.statement, def: this.def, loop });
  }

  private noteConstruct(node: SyntaxNode): void {
    const found = classifyConstruct(this.text, node);
    if (!found) return;
    this.index.constructs.push({
      ...found,
      sizeHint: evaluateSize(found.size),
      span: this.span(node),
      statement: this.statement,
      def: this.def,
      loop: this.loopAt(node.from),
    });
  }
}

/**
 * Sets a key of a record keyed by the file's own names (no prototype, so `__proto__` is just a
 * name). A name bound again (a second `struct(rule = …)`, `N = 1` then `N = 2`) takes the later
 * value: top-level code runs in order.
 */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
}
