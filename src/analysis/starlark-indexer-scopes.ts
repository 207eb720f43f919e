// Where the indexer (starlark-indexer.ts) is in the file as it walks: the open defs, loops and
// statements (explicit stacks, since lezer's iterate is iterative and deep files cannot overflow),
// the open `fail` branches, and which loop runs an offset once per iteration. The indexer's
// records take their def, loop and statement from here.
import type { SyntaxNode, SyntaxNodeRef } from '@lezer/common';
import type { Span } from '../model/profile.ts';
import type { SourceIndex, SourceLoop } from './starlark-source.ts';
import { LineMap, childNodes } from './starlark-syntax.ts';
import { iterableSize } from './starlark-sizes.ts';

interface OpenLoop {
  index: number;
  /** Offset ranges evaluated once per iteration. */
  body: [number, number][];
}

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

export abstract class IndexerScopes {
  protected readonly lines: LineMap;
  protected readonly index: SourceIndex;
  protected readonly defStack: { index: number; node: SyntaxNode }[] = [];
  protected readonly loopStack: (OpenLoop & { node: SyntaxNode })[] = [];
  protected readonly statementStack: { index: number; node: SyntaxNode }[] = [];
  /** Bodies of open `if`s that call `fail(…)`. */
  protected readonly failBodies: SyntaxNode[] = [];

  constructor(
    path: string,
    protected readonly text: string,
  ) {
    this.lines = new LineMap(text);
    this.index = emptySourceIndex(path, this.lines.lineCount);
  }

  /** Closes whatever def, loop, statement or `fail` branch ends at `ref`. */
  protected leave(ref: SyntaxNodeRef): void {
    const pop = <T extends { node: SyntaxNode }>(stack: T[]) => {
      const top = stack[stack.length - 1];
      if (top && top.node.from === ref.from && top.node.to === ref.to && top.node.name === ref.name) stack.pop();
    };
    pop(this.loopStack);
    pop(this.defStack);
    pop(this.statementStack);
    const body = this.failBodies[this.failBodies.length - 1];
    if (body && body.from === ref.from && body.to === ref.to && ref.name === 'Body') this.failBodies.pop();
  }

  protected span(node: SyntaxNode): Span {
    return this.lines.span(node.from, node.to);
  }

  protected get def(): number | null {
    return this.defStack[this.defStack.length - 1]?.index ?? null;
  }

  protected get statement(): number {
    return this.statementStack[this.statementStack.length - 1]?.index ?? -1;
  }

  /** Innermost open loop that evaluates `offset` once per iteration. */
  protected loopAt(offset: number): number | null {
    for (let i = this.loopStack.length - 1; i >= 0; i--) {
      const loop = this.loopStack[i]!;
      if (loop.body.some(([from, to]) => offset >= from && offset < to)) return loop.index;
    }
    return null;
  }

  /** Records names as (re)bound inside every open loop whose body holds `offset`. */
  protected noteAssigned(offset: number, names: readonly string[]): void {
    for (const loop of this.loopStack) {
      if (!loop.body.some(([from, to]) => offset >= from && offset < to)) continue;
      const assigned = this.index.loops[loop.index]!.assigned;
      for (const name of names) if (!assigned.includes(name)) assigned.push(name);
    }
  }

  protected openLoop(
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
}
