// A deterministic Buck2 protobuf event log for the memory bench, as Buck2 frames it
// (docs/event-log-pb.md): varint-length-delimited records, an Invocation, then CommandProgress
// records; the whole file zstd-compressed by the `zstd` command (the bench machine has it).
// Each package has its Load span (start, end with the peak) amid action-end noise carrying
// random digests, so the log compresses about as poorly as real ones with many actions do.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { seededRandom } from './gen-heap-flame.ts';

const TRACE = '0b5d6e52-1d1c-4b8e-9a57-3f0b9a7c2d11';
const FLUSH_BYTES = 4 << 20;
/** Action-end noise events per package, each with two 20-byte digests: with 54, a 1 GB log holds about as many loads as the 1 GB JSON-lines one. */
const ACTIONS_PER_PACKAGE = 54;

/** `CommandProgress { event = 1: BuckEvent { timestamp = 1, trace_id = 2, span_id = 3, parent_id = 4, <data field>: … } }`. */
function eventRecord(out: BinaryWriter, t: number, span: number, dataField: number, data: Uint8Array): void {
  const stamp = new BinaryWriter()
    .tag(1, 0)
    .int64(1767225600 + Math.floor(t / 1e9))
    .tag(2, 0)
    .int32(t % 1e9)
    .finish();
  const event = new BinaryWriter()
    .tag(1, 2)
    .bytes(stamp)
    .tag(2, 2)
    .string(TRACE)
    .tag(3, 0)
    .uint64(span)
    .tag(4, 0)
    .uint64(3)
    .tag(dataField, 2)
    .bytes(data)
    .finish();
  out.bytes(new BinaryWriter().tag(1, 2).bytes(event).finish());
}

/** `SpanEndEvent { stats = 1, duration = 2, <oneof field>: payload }`. */
function spanEnd(micros: number, field: number, payload: Uint8Array): Uint8Array {
  const stats = new BinaryWriter().tag(1, 0).uint64(micros).tag(2, 0).uint64(micros).finish();
  const duration = new BinaryWriter()
    .tag(1, 0)
    .int64(Math.floor(micros / 1e6))
    .tag(2, 0)
    .int32((micros % 1e6) * 1000)
    .finish();
  return new BinaryWriter().tag(1, 2).bytes(stats).tag(2, 2).bytes(duration).tag(field, 2).bytes(payload).finish();
}

function digest(rng: () => number): Uint8Array {
  const d = new Uint8Array(20);
  for (let i = 0; i < d.length; i++) d[i] = Math.floor(rng() * 256);
  return d;
}

/** One package: Load start (SpanStartEvent.load = 53), Load end (SpanEndEvent.load = 53), action ends (51). */
function packageRecords(rng: () => number, pkg: number, t: number): Uint8Array {
  const out = new BinaryWriter();
  const moduleId = `root//pkg${pkg % 997}/sub${pkg}:BUCK`;
  const span = 100 + pkg * 64;
  const failed = rng() < 0.002;
  const start = new BinaryWriter()
    .tag(53, 2)
    .bytes(new BinaryWriter().tag(1, 2).string(moduleId).tag(2, 2).string('root').finish())
    .finish();
  eventRecord(out, t, span, 20, start);
  const load = new BinaryWriter().tag(1, 2).string(moduleId).tag(2, 2).string('root');
  if (failed)
    load
      .tag(3, 2)
      .string(
        `Starlark peak memory usage for ${moduleId} is  2.1GiB which exceeds the limit  2.0GiB! Please reduce memory usage to prevent OOMs.`,
      );
  else
    load
      .tag(4, 0)
      .uint64(8 * Math.floor(1e4 / Math.pow(1 - rng(), 1.3)))
      .tag(6, 0)
      .uint64(1 + (pkg % 40))
      .tag(7, 0)
      .uint64(pkg * 31);
  eventRecord(out, t + 1_500_000, span, 21, spanEnd(1500, 53, load.finish()));
  for (let a = 0; a < ACTIONS_PER_PACKAGE; a++) {
    const action = new BinaryWriter()
      .tag(1, 2)
      .bytes(digest(rng))
      .tag(2, 2)
      .string(`root//pkg${pkg}:t${a % 3}`)
      .tag(3, 2)
      .bytes(digest(rng))
      .tag(4, 0)
      .uint64(Math.floor(rng() * 1e9))
      .finish();
    eventRecord(out, t + 2_000_000 + a, span + 1 + a, 21, spanEnd(Math.floor(rng() * 90_000), 51, action));
  }
  return out.finish();
}

/** Measured on this generator: `zstd -3` keeps about this share of its bytes. */
const ZSTD_SHARE = 1 / 2.3;

/**
 * Writes `path` (zstd, about `targetCompressedBytes`): the records go to `<path>.raw`, then
 * `zstd -3` compresses it and the raw file is removed.
 */
export function generateEventLogPb(
  targetCompressedBytes: number,
  seed: number,
  path: string,
): { bytes: number; rawBytes: number; loads: number } {
  const raw = `${path}.raw`;
  const rng = seededRandom(seed);
  const fd = openSync(raw, 'w');
  const invocation = new BinaryWriter()
    .tag(1, 2)
    .string('buck2')
    .tag(1, 2)
    .string('build')
    .tag(1, 2)
    .string('//...')
    .tag(2, 2)
    .string('/repo')
    .tag(3, 2)
    .string(TRACE)
    .finish();
  let rawBytes = writeSync(fd, new BinaryWriter().bytes(invocation).finish());
  let loads = 0;
  let batch: Uint8Array[] = [];
  let pending = 0;
  const flush = () => {
    rawBytes += writeSync(fd, Buffer.concat(batch));
    batch = [];
    pending = 0;
  };
  while (rawBytes + pending < targetCompressedBytes / ZSTD_SHARE) {
    const records = packageRecords(rng, loads, loads * 4_000_000);
    loads++;
    batch.push(records);
    pending += records.length;
    if (pending > FLUSH_BYTES) flush();
  }
  // CommandProgress { result = 2: CommandResult {} }.
  batch.push(new BinaryWriter().bytes(new BinaryWriter().tag(2, 2).bytes(new Uint8Array(0)).finish()).finish());
  flush();
  closeSync(fd);
  const zstd = spawnSync('zstd', ['-3', '-q', '-f', '-T0', raw, '-o', path], { stdio: 'inherit' });
  rmSync(raw);
  if (zstd.status !== 0)
    throw new Error(`zstd failed (${zstd.error?.message ?? `exit ${zstd.status}`}): it is needed to write ${path}`);
  return { bytes: statSync(path).size, rawBytes, loads };
}
