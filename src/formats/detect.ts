// Content sniffing: the ordered list of formats. The first whose sniff() accepts the head
// of the file parses it. Order matters: specific headers first, folded stacks last.
import type { FormatSpec, SniffInput } from './format.ts';
import { eventLogFormat } from './event-log.ts';
import { flameSvgFormat } from './flame-svg.ts';
import { heapFlameFormat } from './heap-flame.ts';
import { targetsFormat } from './targets.ts';
import { timeFlameFormat } from './time-flame.ts';

export const FORMATS: readonly FormatSpec[] = [
  eventLogFormat,
  flameSvgFormat,
  timeFlameFormat,
  heapFlameFormat,
  targetsFormat,
];

/** The format whose detector accepts this head, or null when none does. */
export function detectFormat(input: SniffInput): FormatSpec | null {
  return FORMATS.find((f) => f.sniff(input)) ?? null;
}
