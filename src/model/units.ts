// Units and their formatting. Sizes use binary units (KiB, MiB, GiB) as Buck2 does.

/** What a number measures. Every metric in the model carries one of these. */
export type MetricUnit = 'bytes' | 'count' | 'milliseconds' | 'seconds' | 'calls' | 'microseconds' | 'nanoseconds';

/** Units of time that trees keep as exact integers, and how many of each make a millisecond. */
export const PER_MILLISECOND: Partial<Record<MetricUnit, number>> = {
  milliseconds: 1,
  microseconds: 1000,
  nanoseconds: 1_000_000,
};

/** Aliases that document what a plain number holds (Firefox Profiler's habit). */
export type Bytes = number;
export type Count = number;
export type Milliseconds = number;
export type Seconds = number;

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Human size in binary units: `formatBytes(1536)` → `"1.5 KiB"`, `formatBytes(3032)` → `"2.96 KiB"`.
 * Three significant digits, like `du -h`, so columns stay readable.
 */
export function formatBytes(bytes: Bytes): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${sign}${value} B`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${sign}${trimZeros(value.toFixed(digits))} ${BINARY_UNITS[unit]}`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB|K|M|G|T)?\s*$/i;
const SIZE_FACTORS: Record<string, number> = {
  b: 1,
  k: 1024,
  kib: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tib: 1024 ** 4,
  tb: 1024 ** 4,
};

/**
 * Parses a size such as `1.5GiB`, `800 MiB`, `2G` or `1048576` into bytes. Decimal-looking
 * suffixes (MB, GB) are read as binary, as Buck2 prints sizes in binary units.
 * Returns null when the text is not a size.
 */
export function parseSize(text: string): Bytes | null {
  const m = SIZE_PATTERN.exec(text);
  if (!m) return null;
  const factor = SIZE_FACTORS[(m[2] ?? 'b').toLowerCase()];
  if (factor === undefined) return null;
  const bytes = Math.round(Number(m[1]) * factor);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/**
 * `1234567` → `"1,234,567"`: the text of `toLocaleString('en-US')`. Integers are grouped here;
 * anything else goes to one shared formatter, made on first use: `toLocaleString` builds one per
 * call (~15 µs; ~700 flamegraph aria-labels took 13 ms), and making the first one loads the
 * locale data, 19–44 ms in a fresh Chromium page, which a module-level formatter cost the page's
 * and the worker's start-up on every load (issue #18).
 */
let numberFormat: Intl.NumberFormat | null = null;
export function formatNumber(n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
    return n < 0 ? `-${digits}` : digits;
  }
  numberFormat ??= new Intl.NumberFormat('en-US');
  return numberFormat.format(n);
}

/** `formatValue(1500, 'milliseconds')` → `"1.5 s"`; the one place a unit becomes text. */
export function formatValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'bytes':
      return formatBytes(value);
    case 'milliseconds':
      return value >= 1000 ? `${trimZeros((value / 1000).toFixed(2))} s` : `${trimZeros(value.toFixed(3))} ms`;
    case 'microseconds':
    case 'nanoseconds':
      return formatValue(value / PER_MILLISECOND[unit]!, 'milliseconds');
    case 'seconds':
      return `${trimZeros(value.toFixed(3))} s`;
    case 'count':
    case 'calls':
      return formatNumber(value);
  }
}

/** Share of a whole as a percentage with one decimal: `formatPercent(1, 3)` → `"33.3%"`. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  return `${trimZeros(((part / whole) * 100).toFixed(1))}%`;
}
