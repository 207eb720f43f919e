// The human output of `peakscope diff`: one short table per kind of profile compared, sizes in
// binary units, biggest changes first.
import type { FlameComparison, SetComparison } from '../analysis/diff-sets.ts';
import type { Delta } from '../analysis/diff.ts';
import { formatSpan } from '../formats/spans.ts';
import { formatValue, type MetricUnit } from '../model/units.ts';
import { maxOf } from '../model/arrays.ts';
import { printable } from './command.ts';

/** Rows per table; the JSON output has them all. */
const TOP = 12;

/**
 * Renders a comparison for a terminal.
 *
 * @example
 *   heap flame: total 2.96 KiB → 1.41 KiB (-1.55 KiB, -52.2%)
 *     function                  base      target     change
 *     module                2.95 KiB    1.41 KiB  -1.55 KiB
 */
export function renderDiffText(c: SetComparison, paths: { base: string; target: string }): string {
  const out: string[] = [`base:   ${clean(paths.base)}`, `target: ${clean(paths.target)}`];
  if (c.heapFlame) out.push(...flameSection('heap flame', c.heapFlame));
  if (c.summary) {
    const unit: MetricUnit = c.summary.measures === 'bytes' ? 'bytes' : 'count';
    out.push('', `heap summary CSV: self ${c.summary.measures} ${changeText(c.summary.totals, unit)}`);
    out.push(
      ...table(
        ['function', 'base', 'target', 'change', 'allocs Δ', 'calls Δ'],
        c.summary.functions,
        (d) => [...cells(d, unit), signed(d.allocs.delta, 'count'), signed(d.calls.delta, 'count')],
        nameOf,
      ),
    );
  }
  if (c.timeFlame) out.push(...flameSection('time flame', c.timeFlame));
  if (c.statements) {
    out.push('', 'statements (seconds):');
    out.push(
      ...table(
        ['statement', 'base', 'target', 'change'],
        c.statements,
        (d) => cells(d, 'seconds'),
        (d) => `${d.name}:${formatSpan(d.span)}`,
      ),
    );
  }
  if (c.peaks) out.push('', 'per-file peaks:', ...peakLines(c));
  for (const note of c.notes) out.push('', `note: ${note}`);
  return `${out.join('\n')}\n`;
}

function flameSection(title: string, f: FlameComparison): string[] {
  const unit = f.diff.unit;
  const total = { name: '', base: f.diff.base.total[0]!, target: f.diff.target.total[0]!, delta: 0 };
  total.delta = total.target - total.base;
  const lines = ['', `${title}: total ${changeText(total, unit)}`];
  lines.push(...table(['function (total)', 'base', 'target', 'change'], f.functions, (d) => cells(d, unit), nameOf));
  if (f.types.length > 0)
    lines.push(...table(['type', 'base', 'target', 'change'], f.types, (d) => cells(d, unit), nameOf));
  return lines;
}

function peakLines(c: SetComparison): string[] {
  return table(
    ['file', 'base', 'target', 'change'],
    c.peaks!,
    (p) => [
      p.basePeak === null ? '—' : formatValue(p.basePeak, 'bytes'),
      p.targetPeak === null
        ? p.overLimit
          ? failedText(p.targetUsageFromError)
          : '—'
        : formatValue(p.targetPeak, 'bytes'),
      (p.delta === null ? '' : signed(p.delta, 'bytes')) +
        (p.nowOverLimit ? '  NOW OVER LIMIT' : p.overLimit ? '  over limit' : ''),
    ],
    (p) => p.file,
  );
}

const nameOf = (d: Delta) => d.name;

/** A load that failed over the limit, with the usage its error names when it names one. */
export function failedText(usage: number | null): string {
  return usage === null ? 'failed: over limit' : `failed: over limit at ${formatValue(usage, 'bytes')}`;
}

/** `3 KiB → 1 KiB (-2 KiB, -66.7%)`. */
function changeText(d: Delta, unit: MetricUnit): string {
  const pct = d.base === 0 ? '' : `, ${d.delta >= 0 ? '+' : ''}${((d.delta / d.base) * 100).toFixed(1)}%`;
  return `${formatValue(d.base, unit)} → ${formatValue(d.target, unit)} (${signed(d.delta, unit)}${pct})`;
}

function cells(d: Delta, unit: MetricUnit): string[] {
  return [formatValue(d.base, unit), formatValue(d.target, unit), signed(d.delta, unit)];
}

function signed(value: number, unit: MetricUnit): string {
  if (value === 0) return '0';
  return value > 0 ? `+${formatValue(value, unit)}` : formatValue(value, unit);
}

/** Top rows with a changed figure as aligned columns: the name left, numbers right. */
function table<T extends { delta: number | null }>(
  header: string[],
  rows: readonly T[],
  numbers: (row: T) => string[],
  label: (row: T) => string,
): string[] {
  const shown = rows.filter((r) => r.delta !== 0).slice(0, TOP);
  if (shown.length === 0) return ['  (no change)'];
  const body = shown.map((r) => [clean(label(r)), ...numbers(r)]);
  const all = [header, ...body];
  const widths = header.map((_, i) =>
    maxOf(
      all.map((cols) => cols[i]!.length),
      0,
    ),
  );
  const lines = all.map((cols) =>
    `  ${cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd(),
  );
  const hidden = rows.filter((r) => r.delta !== 0).length - shown.length;
  return hidden > 0 ? [...lines, `  … ${hidden} more changed (see --json)`] : lines;
}

/** Frame and file names are untrusted: keep terminal control and bidi characters out of the output. */
function clean(text: string): string {
  return printable(text);
}
