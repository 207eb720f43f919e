// Rule `rare-case-allocation`: on every pass of a loop, something is allocated that only a rare
// failure (`fail(…)`) needs (guide: "Allocating for rare cases").
import type { Span } from '../../model/profile.ts';
import { spanContains } from '../loop-finder.ts';
import type { FailCheck, SourceIndex } from '../starlark-source.ts';
import { bytesEvidence, confidenceFrom, findingAt, type Finding, type RuleContext } from './context.ts';

/** Two shapes: an allocating `if` condition guarding `fail`, or a value built for `fail` alone. */
export function findRareCaseAllocations(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    for (const check of source.failChecks) {
      if (check.loop === null || check.conditionAllocates.length === 0) continue;
      const what = `the condition of \`if\` at line ${check.conditionSpan.line} allocates (${check.conditionAllocates.join(', ')})`;
      const finding = judge(ctx, source, check.statement, check, what);
      if (finding) findings.push(finding);
    }
    for (const [statement, check] of valuesBuiltForFail(source)) {
      const name = source.statements[statement]!.assigns[0]!;
      const what = `\`${name}\` is built on every pass but read only inside the failing branch at line ${check.bodySpan.line}`;
      const finding = judge(ctx, source, statement, check, what);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** Assignments in a loop whose allocating value is read only inside `fail` branches. */
function valuesBuiltForFail(source: SourceIndex): [number, FailCheck][] {
  const found: [number, FailCheck][] = [];
  source.statements.forEach((statement, index) => {
    if (statement.kind !== 'AssignStatement' || statement.loop === null || statement.assigns.length !== 1) return;
    const allocates = source.constructs.some((c) => c.statement === index) || source.calls.some((c) => c.statement === index);
    if (!allocates) return;
    const reads = source.reads.filter((r) => r.name === statement.assigns[0] && r.def === statement.def && r.statement !== index);
    const checks = source.failChecks.filter((c) => c.def === statement.def && c.loop === statement.loop);
    const inside = (line: number, column: number) => checks.find((c) => within(c.bodySpan, line, column));
    const check = reads.length > 0 ? inside(reads[0]!.line, reads[0]!.column) : undefined;
    if (check && reads.every((r) => inside(r.line, r.column))) found.push([index, check]);
  });
  return found;
}

function within(span: Span, line: number, column: number): boolean {
  return spanContains(span, { line, column, endLine: line, endColumn: column });
}

/** Whether any statement of the failing branch ran (statement or coverage profile). */
function failBranchRan(ctx: RuleContext, source: SourceIndex, check: FailCheck): boolean | null {
  const inBranch = source.statements.filter((s) => spanContains(check.bodySpan, s.span));
  const ran = inBranch.map((s) => ctx.ran(source, s));
  return ran.includes(null) ? null : ran.includes(true);
}

function judge(ctx: RuleContext, source: SourceIndex, statement: number, check: FailCheck, what: string): Finding | null {
  const base = findingAt(ctx, source, statement, 'rare-case-allocation');
  const self = ctx.selfBytesOf(base.function);
  const heapAgrees = ctx.isCostly(self);
  const failRan = failBranchRan(ctx, source, check);
  if (heapAgrees === false || failRan === true) return null;
  const row = ctx.row(source, source.statements[statement]!);
  const { confidence, reason } = confidenceFrom(heapAgrees, failRan === false, {
    yes: 'the statement profile shows the failing branch never ran', none: 'no statement or coverage profile to show the branch is rare',
  });
  const evidence = [what];
  if (row) evidence.push(`that statement has Count ${row.count}, while the failing branch never ran (absent from the statement profile)`);
  if (self !== null) evidence.push(bytesEvidence(ctx, base.function, self, 'self', true));
  return {
    ...base,
    bytes: self ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: 'Memory is allocated on every pass for a failure that never happens: build it only inside the failing branch, or check cheaply first and do the costly check only when that fails.',
  };
}
