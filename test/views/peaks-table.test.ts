import { describe, expect, it } from 'vitest';
import { rowsToShow, SHOWN_ROWS } from '../../src/views/peaks-table.ts';
import type { FilePeak } from '../../src/analysis/peaks.ts';

function row(i: number, error: string | null = null): FilePeak {
  return {
    moduleId: `root//p${i}:BUCK`,
    cell: 'root',
    peakBytes: error ? null : 1e6 - i,
    reportedBytes: null,
    percentOfLimit: null,
    targetCount: 1,
    durationMicros: 1,
    error,
    overLimit: error !== null,
    loads: 1,
    limitBytes: 2 ** 31,
  };
}

describe('peaks table rows', () => {
  it('draws every row of a small log', () => {
    const rows = [row(0), row(1)];
    expect(rowsToShow(rows)).toBe(rows);
  });

  it('draws the heaviest rows of a huge log and keeps every failed load', () => {
    const rows = [
      ...Array.from({ length: 10_000 }, (_, i) => row(i)),
      row(10_001, 'Starlark peak memory usage for x exceeds the limit'),
    ];
    const shown = rowsToShow(rows);
    expect(shown).toHaveLength(SHOWN_ROWS + 1);
    expect(shown[0]!.moduleId).toBe('root//p0:BUCK');
    expect(shown.at(-1)!.error).not.toBeNull();
  });
});
