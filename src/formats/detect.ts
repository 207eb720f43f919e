// Content sniffing: the ordered list of formats. The first whose sniff() accepts the head
// of the file parses it. Order matters: specific headers first, folded stacks last.
import type { BinaryFormatSpec, ByteSniffInput, FormatSpec, SniffInput } from './format.ts';
import type { FormatName } from '../model/profile.ts';
import { bytecodeFormat } from './bytecode-csv.ts';
import { bytecodePairsFormat } from './bytecode-pairs-csv.ts';
import { coverageFormat } from './coverage.ts';
import { eventLogFormat } from './event-log.ts';
import { eventLogPbFormat } from './event-log-pb.ts';
import { flameSvgFormat } from './flame-svg.ts';
import { heapFlameFormat } from './heap-flame.ts';
import { heapSummaryFormat } from './heap-summary-csv.ts';
import { pprofFormat } from './pprof.ts';
import { statementFormat } from './statement-csv.ts';
import { targetsFormat } from './targets.ts';
import { timeFlameFormat } from './time-flame.ts';
import { typecheckFormat } from './typecheck-csv.ts';

export const FORMATS: readonly FormatSpec[] = [
  eventLogFormat,
  flameSvgFormat,
  heapSummaryFormat,
  statementFormat,
  typecheckFormat,
  bytecodeFormat,
  bytecodePairsFormat,
  coverageFormat,
  timeFlameFormat,
  heapFlameFormat,
  targetsFormat,
];

/** The format whose detector accepts this head, or null when none does. */
export function detectFormat(input: SniffInput): FormatSpec | null {
  return FORMATS.find((f) => f.sniff(input)) ?? null;
}

/** Binary formats, judged on the decompressed head before any text detector (ordered). */
export const BINARY_FORMATS: readonly BinaryFormatSpec[] = [eventLogPbFormat, pprofFormat];

/** The binary format whose detector claims this head, or null when none does. */
export function detectBinaryFormat(input: ByteSniffInput): BinaryFormatSpec | null {
  return BINARY_FORMATS.find((f) => f.sniffBytes(input)) ?? null;
}

/** Every format name a refused file was tried against: text formats first, then binary ones. */
export function triedFormatNames(): FormatName[] {
  return [...new Set([...FORMATS.map((f) => f.name), ...BINARY_FORMATS.map((f) => f.name)])];
}
