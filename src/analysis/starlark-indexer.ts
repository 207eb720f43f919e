// The one-pass indexer behind `indexStarlarkSource` (starlark-source.ts, which defines what the
// index holds): walks the @lezer/python tree of a Starlark file and records defs, loops,
// statements, calls, `fail` checks, allocating constructs and name reads with their spans. The
// open scopes it tracks live in starlark-indexer-scopes.ts, the file-level facts about names in
// starlark-file-facts.ts.
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { allocationOf, selfCopyName, statementAllocation, valueKindOf } from './starlark-allocations.ts';
import type { AllocationSite } from './starlark-allocation-kinds.ts';
import type { SourceIndex } from './starlark-source.ts';
import { attributeHolder, lambdaCallNames, loopTargetAliases, parameterDefaultAliases } from './starlark-callees.ts';
import {
  COMPREHENSIONS,
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
import { allocationReasons, classifyConstruct, argumentSizes, parameters } from './starlark-sizes.ts';
import { evaluateSize } from './starlark-size-expressions.ts';
import { appendAll } from '../model/arrays.ts';
import { argumentPlace, callArguments, readUse } from './starlark-call-syntax.ts';
import { noteAssignment, noteFieldAliases, noteLoadAliases, noteValueAliases } from './starlark-file-facts.ts';
import { IndexerScopes } from './starlark-indexer-scopes.ts';

/**
 * Builds a SourceIndex in one pass over the syntax tree: each node records what it is (a def, a
 * loop, a statement, a call, a `fail` check, a construct, an allocation, a name read) under the
 * def, loop and statement it sits in (IndexerScopes).
 */
export class SourceIndexer extends IndexerScopes {
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
      leave: (ref) => this.leave(ref),
    });
    return this.index;
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
    if (node.name === 'AssignStatement' && assigns.length === 1 && kids.length === 3)
      noteAssignment(this.text, this.index, this.def !== null, assigns[0]!, kids[2]!);
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
    for (const [param, aliases] of parameterDefaultAliases(this.text, paramList))
      noteValueAliases(this.index, param, aliases);
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

  private enterLoopStatement(node: SyntaxNode): void {
    const kids = childNodes(node);
    const body = kids.find((k) => k.name === 'Body');
    const inAt = kids.findIndex((k) => k.name === 'in');
    const isFor = node.name === 'ForStatement';
    const targets = isFor && inAt > 0 ? targetNames(this.text, kids.slice(1, inAt)) : [];
    const iterableNode = isFor ? kids[inAt + 1] : kids[1];
    if (isFor)
      for (const [name, aliases] of loopTargetAliases(this.text, targets, iterableNode))
        noteValueAliases(this.index, name, aliases);
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
      noteValueAliases(this.index, name, aliases);
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
    const holder = attributeHolder(this.text, calleeNode);
    const callee = holder ? calleeName(this.text, holder) : calleeName(this.text, calleeNode);
    const method = calleeNode.name === 'MemberExpression' ? textOf(this.text, calleeNode.lastChild!) : '';
    // `HANDLERS[kind](…)`, `getattr(S, name)(…)`: which def runs depends on the key too, so its names count as the receiver's.
    const receiver =
      isSubscript(calleeNode) || holder
        ? calleeNode
        : calleeNode.name === 'MemberExpression'
          ? calleeNode.firstChild
          : null;
    const receiverNames = receiver ? namesRead(this.text, receiver) : [];
    const argNames = [...(args ? namesRead(this.text, args) : []), ...receiverNames];
    if (callee === 'load' && args) noteLoadAliases(this.text, this.index, args);
    if (callee === 'struct' && args) noteFieldAliases(this.text, this.index, args);
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
