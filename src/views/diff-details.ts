// The words for one frame of a differential flamegraph (tooltip, aria-label): base, target and
// the change, in absolute and share-of-total terms. Plain strings, set with textContent.
import { changeOf, type ChangeStatus, type DiffTree } from '../analysis/diff.ts';
import { nodeName } from '../model/call-tree.ts';
import { formatPercent, formatValue } from '../model/units.ts';

const STATUS_TEXT: Record<ChangeStatus, string> = {
  new: 'new: not in the base',
  gone: 'gone: not in the target',
  grew: 'grew',
  shrank: 'shrank',
  same: 'unchanged',
};

/** `+1.5 KiB` / `-176 B` / `0`. */
export function signedValue(value: number, unit: DiffTree['unit']): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : ''}${formatValue(value, unit)}`;
}

/** `-90%`, or '' when the base is 0 (a new frame has no percentage change). */
export function relativeChange(base: number, target: number): string {
  if (base === 0) return '';
  const pct = ((target - base) / base) * 100;
  // One decimal near 0, and near -100% cut toward zero: -99.99% must not read as -100%.
  if (pct < -99 && pct > -100) return `${(Math.trunc(pct * 10) / 10).toFixed(1)}%`;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
}

/**
 * Tooltip lines: name, status, base, target, change (and its percentage), share of each
 * side's total.
 *
 * @example inner's dict 1760 → 176 bytes:
 *   ['test.star.inner', 'shrank', 'base: 1.72 KiB', 'target: 176 B', 'change: -1.55 KiB (-90%)',
 *    'share of total: 58% → 12.2%']
 */
export function diffFrameDetails(diff: DiffTree, node: number): string[] {
  const { unit } = diff;
  const base = diff.base.total[node]!;
  const target = diff.target.total[node]!;
  const pct = relativeChange(base, target);
  return [
    node === 0 ? 'all' : nodeName(diff.base, node),
    STATUS_TEXT[changeOf(diff, node)],
    `base: ${formatValue(base, unit)}`,
    `target: ${formatValue(target, unit)}`,
    `change: ${signedValue(target - base, unit)}${pct ? ` (${pct})` : ''}`,
    `share of total: ${formatPercent(base, diff.base.total[0]!)} → ${formatPercent(target, diff.target.total[0]!)}`,
  ];
}

/** A short aria-label: `test.star.inner: shrank, 1.72 KiB → 176 B`. */
export function diffFrameLabel(diff: DiffTree, node: number): string {
  const [name, status] = diffFrameDetails(diff, node);
  return `${name}: ${status}, ${formatValue(diff.base.total[node]!, diff.unit)} → ${formatValue(diff.target.total[node]!, diff.unit)}`;
}
