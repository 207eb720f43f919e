// Any call tree as a gzipped pprof Profile, so `go tool pprof` and pprof's web UI can carry on
// where peakscope stops. One sample per node that recorded weight itself (and per childless node,
// even at 0, as the folded export does), with the tree's exact integer weights: reading the file
// back gives the same stacks and totals. Written with @bufbuild/protobuf's wire writer.
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { gzipSync } from 'fflate';
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import type { HeapFlame, PprofFrame, PprofProfile, TimeFlame } from '../model/profile.ts';
import { TYPE_LEAF_FILE } from './pprof-frames.ts';

export interface PprofExportOptions {
  sampleType: { type: string; unit: string };
  period?: { type: string; unit: string; value: number } | null;
  /** Frame details by the tree's name index (a pprof import's): function names and full paths are written back. */
  frames?: readonly (PprofFrame | null)[] | null;
  /** A comment shown by `pprof -comments`. */
  comment?: string;
}

/** Interns strings: index 0 is the empty string, as profile.proto requires. */
class StringTable {
  readonly strings: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}

function valueType(w: BinaryWriter, field: number, strings: StringTable, vt: { type: string; unit: string }): void {
  w.tag(field, WireType.LengthDelimited).fork();
  w.tag(1, WireType.Varint).int64(strings.id(vt.type));
  w.tag(2, WireType.Varint).int64(strings.id(vt.unit));
  w.join();
}

/** One Function and one Location per name of the tree (ids = name index + 1); group frames get none. */
function writeFunctions(w: BinaryWriter, tree: CallTree, strings: StringTable, options: PprofExportOptions): void {
  const typeLeaf = new Uint8Array(tree.names.length);
  for (let i = 1; i < tree.name.length; i++) if (tree.kind[i] === NodeKind.Type) typeLeaf[tree.name[i]!] = 1;
  for (let id = 0; id < tree.names.length; id++) {
    const frame = options.frames?.[id] ?? null;
    const name = frame ? frame.function : tree.names[id]!;
    const file = frame ? frame.path : typeLeaf[id] ? TYPE_LEAF_FILE : '';
    w.tag(5, WireType.LengthDelimited).fork();
    w.tag(1, WireType.Varint).uint64(id + 1);
    w.tag(2, WireType.Varint).int64(strings.id(name));
    w.tag(3, WireType.Varint).int64(strings.id(name));
    if (file) w.tag(4, WireType.Varint).int64(strings.id(file));
    w.join();
    w.tag(4, WireType.LengthDelimited).fork();
    w.tag(1, WireType.Varint).uint64(id + 1);
    w.tag(4, WireType.LengthDelimited).fork();
    w.tag(1, WireType.Varint).uint64(id + 1);
    const line = frame?.lines[0] ?? 0;
    if (line > 0) w.tag(2, WireType.Varint).int64(line);
    w.join();
    w.join();
  }
}

/** Samples in pre-order: a node's location ids from leaf to root, group frames left out. */
function writeSamples(w: BinaryWriter, tree: CallTree): void {
  const n = tree.name.length;
  if (tree.self[0]! > 0) {
    w.tag(2, WireType.LengthDelimited).fork();
    w.tag(2, WireType.Varint).int64(tree.self[0]!);
    w.join();
  }
  for (let i = 1; i < n; i++) {
    const leaf = tree.end[i] === i + 1;
    if (!(tree.self[i]! > 0 || leaf) || tree.kind[i] === NodeKind.Group) continue;
    w.tag(2, WireType.LengthDelimited).fork();
    w.tag(1, WireType.LengthDelimited).fork();
    for (let node = i; node > 0; node = tree.parent[node]!) {
      if (tree.kind[node] !== NodeKind.Group) w.uint64(tree.name[node]! + 1);
    }
    w.join();
    w.tag(2, WireType.Varint).int64(tree.self[i]!);
    w.join();
  }
}

/** The uncompressed Profile message of a tree. Weights must be whole numbers (pprof values are int64). */
export function encodePprof(tree: CallTree, options: PprofExportOptions): Uint8Array {
  for (let i = 0; i < tree.self.length; i++) {
    if (!Number.isSafeInteger(tree.self[i]!))
      throw new Error(`pprof values are whole numbers; this tree has ${tree.self[i]} (${tree.unit})`);
  }
  const strings = new StringTable();
  const w = new BinaryWriter();
  valueType(w, 1, strings, options.sampleType);
  writeSamples(w, tree);
  writeFunctions(w, tree, strings, options);
  if (options.period) {
    valueType(w, 11, strings, options.period);
    w.tag(12, WireType.Varint).int64(options.period.value);
  }
  if (options.comment) w.tag(13, WireType.Varint).int64(strings.id(options.comment));
  for (const s of strings.strings) w.tag(6, WireType.LengthDelimited).string(s);
  return w.finish();
}

/** `encodePprof`, gzipped as pprof files are. */
export function gzippedPprof(tree: CallTree, options: PprofExportOptions): Uint8Array {
  return gzipSync(encodePprof(tree, options));
}

/** The profiles that have a call tree to export. */
export type TreeProfile = HeapFlame | TimeFlame | PprofProfile;

/**
 * A loaded profile as gzipped pprof: a pprof import keeps its sample type, period and paths; a
 * Buck2 heap flame becomes `alloc_space/bytes` or `retained_space/bytes` (which one only the
 * caller knows: the content cannot tell), a time flame `time/milliseconds`.
 */
export function profileAsPprof(profile: TreeProfile, heap: 'allocated' | 'retained', comment?: string): Uint8Array {
  if (profile.format === 'pprof') {
    return gzippedPprof(profile.tree, {
      sampleType: profile.sampleType,
      period: profile.period,
      frames: profile.frames,
      comment,
    });
  }
  const sampleType =
    profile.format === 'time-flame'
      ? { type: 'time', unit: 'milliseconds' }
      : { type: heap === 'retained' ? 'retained_space' : 'alloc_space', unit: 'bytes' };
  return gzippedPprof(profile.tree, { sampleType, comment });
}
