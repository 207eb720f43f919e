// Seed inputs for fuzzing: the upstream goldens, the real samples in samples/ (as they land)
// and a few hand-made inputs for formats that have no golden. Mutations start from these, so
// the fuzzer reaches deep into every parser instead of stopping at "not a profile".
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GOLDEN_DIR, SAMPLES_DIR } from '../../test/golden.ts';

export interface Seed {
  /** Where it came from, for reports (`golden/heap_allocated.csv.golden`, `samples/…`). */
  name: string;
  bytes: Uint8Array;
}

/** Seeds larger than this are cut at a line boundary: mutation cost grows with size. */
const SEED_BYTES_LIMIT = 256 * 1024;
/** At most this many sample files, spread evenly over the sorted list. */
const SAMPLE_FILES_LIMIT = 120;

const encoder = new TextEncoder();

/** A hand-made `buck2 log show` excerpt (docs/formats.md §10.3 shape; values invented). */
const EVENT_LOG = [
  '{"command_line_args":["buck2","uquery","//foo:bar"],"expanded_command_line_args":["buck2","uquery","//foo:bar"],"working_dir":"/repo","trace_id":"0b5d6e52-1d1c-4b8e-9a57-3f0b9a7c2d11","start_time":[1767225600,0]}',
  '{"Event":{"timestamp":[1767225601,250000000],"trace_id":"0b5d6e52-1d1c-4b8e-9a57-3f0b9a7c2d11","span_id":17,"parent_id":3,"data":{"SpanStart":{"data":{"Load":{"module_id":"root//foo:BUCK","cell":"root"}}}}}}',
  '{"Event":{"timestamp":[1767225602,750000000],"trace_id":"0b5d6e52-1d1c-4b8e-9a57-3f0b9a7c2d11","span_id":17,"parent_id":3,"data":{"SpanEnd":{"stats":null,"duration_us":1500000,"data":{"Load":{"module_id":"root//foo:BUCK","cell":"root","error":null,"starlark_peak_allocated_bytes":1610608640,"cpu_instruction_count":null,"target_count":42,"starlark_tick_count":9876543}}}}}}',
  '{"Result":{"status":"ok"}}',
  '',
].join('\n');

/** Hand-made seeds for shapes the goldens lack (targets lists, SVG, event log, old CSVs). */
export const HAND_MADE_SEEDS: readonly { name: string; text: string }[] = [
  { name: 'hand-made/event-log.json-lines', text: EVENT_LOG },
  {
    name: 'hand-made/targets.txt',
    text: 'load/root//query/a\nanalysis/simple/ddd/<unspecified>\nload_bzl/prelude/prelude.bzl\n',
  },
  { name: 'hand-made/all_keys.list', text: 'analysis:root//foo:bar\nloading:root//foo' },
  { name: 'hand-made/empty-flame.src', text: 'empty 1\n' },
  {
    name: 'hand-made/flame.svg',
    text: '<?xml version="1.0" standalone="no"?><svg version="1.1" width="1200" height="150" xmlns="http://www.w3.org/2000/svg"><text id="title" x="600" y="24">Flame Graph - heap-allocated on root//:x</text></svg>\n',
  },
  {
    name: 'hand-made/heap-summary-unused-capacity.csv',
    text: 'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,dict\n"TOTALS",0.010,0.010,1,0,"",0,3,24,3\n"UNUSED CAPACITY",0.000,0.000,0,0,"",0,1,2222,0\n"a.bzl.f",0.010,0.010,1,1,"(root)",1,3,24,3\n',
  },
  {
    name: 'hand-made/heap-flame-spaces.src',
    text: 'module;a b.bzl.trace/walk (profiling);dict 16\nunused_capacity 64\n(unknown) 8\n',
  },
];

/**
 * Every seed: samples and hand-made ones, plus, with `withGoldens` (`npm run fuzz`, never
 * `npm test`, which reads only this repository), the upstream goldens as written (with their
 * `# @generated` header) where they are beside the clone.
 */
export function loadSeeds(withGoldens = false): Seed[] {
  const goldens = withGoldens ? goldenSeeds() : [];
  return [
    ...goldens,
    ...sampleSeeds(),
    ...HAND_MADE_SEEDS.map((s) => ({ name: s.name, bytes: encoder.encode(s.text) })),
  ];
}

/** The upstream goldens where they are beside the clone (the workspace, CI); none in a lone clone. */
function goldenSeeds(): Seed[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  return listFiles(GOLDEN_DIR)
    .filter((p) => p.endsWith('.golden'))
    .map((p) => ({ name: `golden/${relative(GOLDEN_DIR, p)}`, bytes: capped(readBytes(p)) }));
}

function sampleSeeds(): Seed[] {
  const files = listFiles(SAMPLES_DIR).filter((p) => !p.includes(`${SAMPLES_DIR}/programs/`) && !p.endsWith('.md'));
  const step = Math.max(1, Math.ceil(files.length / SAMPLE_FILES_LIMIT));
  // Every kind of file (`coverage/profile.csv`, `heap-allocated/flame.src`, …) at least once, then an even spread.
  const firstOfKind = new Map<string, string>();
  for (const p of files) if (!firstOfKind.has(kindOf(p))) firstOfKind.set(kindOf(p), p);
  const picked = new Set([...firstOfKind.values(), ...files.filter((_, i) => i % step === 0)]);
  return files
    .filter((p) => picked.has(p))
    .map((p) => ({ name: `samples/${relative(SAMPLES_DIR, p)}`, bytes: capped(readBytes(p)) }))
    .filter((s) => s.bytes.length > 0);
}

/** A sample file's kind: its folder and name (`statement/profile.csv`). */
function kindOf(path: string): string {
  return path.split('/').slice(-2).join('/');
}

/** A plain Uint8Array copy: a Buffer's slice() shares memory, so a "copy" would mutate the seed. */
function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** Cuts a large uncompressed seed at the last line end before the limit. */
function capped(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SEED_BYTES_LIMIT) return bytes;
  const compressed = bytes[0] === 0x1f || bytes[0] === 0x28;
  if (compressed) return bytes; // cutting would only test truncation, which mutations do anyway
  const cut = bytes.lastIndexOf(0x0a, SEED_BYTES_LIMIT);
  return bytes.subarray(0, cut > 0 ? cut + 1 : SEED_BYTES_LIMIT);
}

/** Regular files below a folder, sorted; [] when it does not exist yet. */
function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    const st = statSync(path);
    return st.isDirectory() ? listFiles(path) : st.isFile() ? [path] : [];
  });
}
