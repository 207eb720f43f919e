// What "handled" means for any input: the parse ends in a profile, a labelled partial profile
// or a ParseError — never an exception — and what it returns is sound (exact, finite, cloneable
// across the worker boundary, the same whatever the chunk boundaries).
import { isDeepStrictEqual } from 'node:util';
import type { CallTree } from '../../src/model/call-tree.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { ParseSession, parseBytes } from '../../src/formats/parse-file.ts';
import type { FuzzInput } from './inputs.ts';

export type Outcome = 'profile' | 'partial' | 'error' | 'crash';

export interface CaseResult {
  outcome: Outcome;
  /** Broken promises; empty when the input was handled well. A crash has one. */
  violations: string[];
  parsed: ParsedFile | null;
  /** Time of the streamed parse alone (the checks after it cost more on big trees). */
  parseMs: number;
}

/** At most this many chunks per input: 1-byte reads of a megabyte file test nothing more. */
const MAX_CHUNKS = 20_000;

/** Feeds the bytes in the input's chunk sizes, as a stream reader would. */
export function parseInChunks(input: FuzzInput): ParsedFile {
  const session = new ParseSession(input.path, input.bytes.length);
  const least = Math.ceil(input.bytes.length / MAX_CHUNKS);
  let offset = 0;
  for (let k = 0; offset < input.bytes.length && !session.stopped; k++) {
    const size = Math.max(least, input.chunks[k % input.chunks.length]!);
    session.pushBytes(input.bytes.subarray(offset, offset + size));
    offset += size;
  }
  return session.finish();
}

/** Parses one input and checks every promise the parse driver makes. */
export function runCase(input: FuzzInput): CaseResult {
  let parsed: ParsedFile;
  const started = performance.now();
  try {
    parsed = parseInChunks(input);
  } catch (e) {
    return {
      outcome: 'crash',
      violations: [`uncaught ${describeError(e)}`],
      parsed: null,
      parseMs: performance.now() - started,
    };
  }
  const parseMs = performance.now() - started;
  const violations = checkParsedFile(parsed, input.path);
  violations.push(...checkChunkInvariance(input, parsed));
  const outcome: Outcome = parsed.error ? 'error' : parsed.truncated ? 'partial' : 'profile';
  return { outcome, violations, parsed, parseMs };
}

/** The shape promises of one ParsedFile (see model/profile.ts). */
export function checkParsedFile(parsed: ParsedFile, path: string): string[] {
  const v: string[] = [];
  if ((parsed.profile === null) === (parsed.error === null)) v.push('exactly one of profile and error must be set');
  if (parsed.path !== path) v.push('path changed');
  if (parsed.error) {
    if (!parsed.error.message.trim()) v.push('error without a message');
    if (parsed.error.file !== path) v.push('error names another file');
    if (!parsed.profile && parsed.triedFormats && !parsed.error.message.includes('tried'))
      v.push('unknown input does not say which formats were tried');
  }
  if (parsed.truncated && !parsed.truncated.message.trim()) v.push('truncation without a message');
  for (const d of parsed.diagnostics) {
    if (!d.message.trim() || (d.count !== undefined && d.count < 1)) v.push(`bad diagnostic ${JSON.stringify(d)}`);
  }
  try {
    structuredClone(parsed);
  } catch (e) {
    v.push(`not structured-clone safe: ${describeError(e)}`);
  }
  v.push(...nonFiniteNumbers(parsed));
  for (const tree of treesOf(parsed)) v.push(...checkTree(tree));
  return v;
}

/** The same bytes read in one piece must give the same result (compressed damage aside). */
function checkChunkInvariance(input: FuzzInput, chunked: ParsedFile): string[] {
  let whole: ParsedFile;
  try {
    whole = parseBytes(input.path, input.bytes);
  } catch (e) {
    return [`uncaught in one piece: ${describeError(e)}`];
  }
  // A damaged gzip/zstd stream yields a chunking-dependent amount of output before the error.
  if (chunked.compression && (chunked.truncated || whole.truncated)) return [];
  return isDeepStrictEqual(whole, chunked) ? [] : ['result depends on where the chunks were cut'];
}

/** Every call tree in a profile (heap and time flames today; found by shape, not by name). */
export function treesOf(parsed: ParsedFile): CallTree[] {
  const profile = parsed.profile as Record<string, unknown> | null;
  if (!profile) return [];
  return Object.values(profile).filter(
    (x): x is CallTree => typeof x === 'object' && x !== null && 'end' in x && 'total' in x,
  );
}

/** Pre-order layout, exact integer weights and totals that are exactly self + children. */
export function checkTree(tree: CallTree): string[] {
  const n = tree.name.length;
  const integral = tree.unit !== 'seconds';
  const sum = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const self = tree.self[i]!;
    if (!(self >= 0) || (integral && !Number.isSafeInteger(self))) return [`node ${i}: bad self weight ${self}`];
    sum[i]! += self;
    if (integral && !Number.isSafeInteger(sum[i]!)) return [`node ${i}: total ${sum[i]} is not exact`];
    if (sum[i] !== tree.total[i]) return [`node ${i}: total ${tree.total[i]} != self + children ${sum[i]}`];
    const p = tree.parent[i]!;
    if (i === 0) break;
    if (p < 0 || p >= i) return [`node ${i}: parent ${p} is not before it`];
    if (tree.depth[i] !== tree.depth[p]! + 1) return [`node ${i}: depth`];
    if (tree.end[i]! <= i || tree.end[i]! > tree.end[p]!) return [`node ${i}: subtree range`];
    sum[p]! += sum[i]!;
  }
  return tree.end[0] === n ? [] : ['root subtree does not cover the tree'];
}

/** NaN or ±Infinity anywhere in the result (walked iteratively: trees can be deep). */
function nonFiniteNumbers(parsed: ParsedFile): string[] {
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) return [`non-finite number ${x}`];
    } else if (x instanceof Float64Array || x instanceof Float32Array) {
      if (!x.every(Number.isFinite)) return ['non-finite number in a typed array'];
    } else if (x && typeof x === 'object' && !ArrayBuffer.isView(x)) {
      for (const value of Object.values(x)) stack.push(value);
    }
  }
  return [];
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 500);
  return String(e).slice(0, 500);
}
