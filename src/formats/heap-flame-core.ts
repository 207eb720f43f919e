// The heap flame's line reader (src/wasm/heap-flame, Rust compiled to WebAssembly): one instance
// per parse, fed bytes that are copied into its memory. WebAssembly runs at full speed from the
// first line, where a JavaScript loop spends the first megabytes of a load in the interpreter.
import type { CallTree } from '../model/call-tree.ts';
import { HEAP_FLAME_WASM_BASE64 } from './heap-flame-wasm.ts';

interface CoreExports {
  memory: WebAssembly.Memory;
  input(length: number): number;
  read(length: number, firstLine: number, oneLine: number): number;
  lines_read(): number;
  stop(): number;
  bad_digits(end: number): number;
  events(): number;
  event_count(): number;
  name_entry(entry: number, field: number): number;
  name_pool(): number;
  stacks(): number;
  node_count(): number;
  column(which: number): number;
  lay_out(): number;
  laid_out(which: number): number;
}

/** What a read left for the caller, in line order (the core's EVENT_* constants). */
export const CoreEvent = { Name: 1, Skip: 2, Unused: 3 } as const;
/** The core's STOP_BAD_WEIGHT: a one-line read stopped at a weight over 2^53 (the others need nothing from JavaScript). */
export const CoreStop = { BadWeight: 2 } as const;

/**
 * The compiled core: compiled here from the base64 module on first use (the CLI, the tests, the
 * dev server), or handed over by the app build's worker, which compiles the core's own file as it
 * starts (worker/core-module.ts), or the reason that file could not be had.
 */
let compiled: WebAssembly.Module | { failed: unknown } | null = null;

/** The worker's compiled core, or why it has none (its file could not be fetched or compiled). */
export function adoptCoreModule(module: WebAssembly.Module | { failed: unknown }): void {
  compiled = module;
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function coreModule(): WebAssembly.Module {
  if (compiled === null) {
    // The app build ships the core as a file and leaves this constant empty (tools/heap-flame-wasm-plugin.ts).
    if (!HEAP_FLAME_WASM_BASE64) throw new Error('the heap flame reader was not loaded');
    try {
      compiled = new WebAssembly.Module(base64Bytes(HEAP_FLAME_WASM_BASE64));
    } catch (e) {
      throw unsupported(e);
    }
  }
  if (!(compiled instanceof WebAssembly.Module)) {
    const reason = compiled.failed;
    throw reason instanceof WebAssembly.CompileError ? unsupported(reason) : notLoaded(reason);
  }
  return compiled;
}

/** Not the file's fault: say what the browser lacks instead of a compiler message. */
function unsupported(e: unknown): Error {
  return new Error(
    `this browser cannot run the heap flame reader: it needs WebAssembly with SIMD (Chrome 91, Firefox 89, Safari 16.4 or later; ${e instanceof Error ? e.message : String(e)})`,
    { cause: e },
  );
}

/** Not the file's fault either: the reader's own file did not arrive. */
function notLoaded(e: unknown): Error {
  return new Error(
    `the heap flame reader could not be loaded (${e instanceof Error ? e.message : String(e)}); reload the page to try again`,
    { cause: e },
  );
}

/** The tree as the core built it: nodes in creation order, names as entry numbers. */
export interface CoreTree {
  parent: Uint32Array;
  entry: Uint32Array;
  kind: Uint8Array;
  weight: Float64Array;
}

export class HeapFlameCore {
  private readonly core: CoreExports;
  /** Where the bytes of the last read sit in the core's memory. */
  private inputAt = 0;

  constructor() {
    // Compiled once per thread, instantiated per parse.
    this.core = new WebAssembly.Instance(coreModule(), {}).exports as unknown as CoreExports;
  }

  /**
   * Reads the lines of `bytes[start, end)` (one line at most when `oneLine`), the first being
   * line `firstLine`; returns how many bytes it read. `linesRead`, `stop` and `events()` say the rest.
   */
  read(bytes: Uint8Array, start: number, end: number, firstLine: number, oneLine: boolean): number {
    const length = end - start;
    this.inputAt = this.core.input(length);
    this.memory(this.inputAt, length).set(bytes.subarray(start, end));
    return this.core.read(length, firstLine, oneLine ? 1 : 0);
  }

  get linesRead(): number {
    return this.core.lines_read();
  }

  get stop(): number {
    return this.core.stop();
  }

  /** The events of the last read as `[kind, line, a, b]` quadruples (valid until the next read). */
  events(): Uint32Array {
    return new Uint32Array(this.core.memory.buffer, this.core.events(), this.core.event_count() * 4);
  }

  /** Bytes `[from, to)` of the last read's input. */
  input(from: number, to: number): Uint8Array {
    return this.memory(this.inputAt + from, to - from);
  }

  /** The weight digits of the line a read stopped at with CoreStop.BadWeight, as input offsets. */
  badDigits(): [number, number] {
    return [this.core.bad_digits(0), this.core.bad_digits(1)];
  }

  /** The bytes of name entry `entry` and the line it was first read on. */
  name(entry: number): { bytes: Uint8Array; line: number } {
    const start = this.core.name_entry(entry, 0);
    const length = this.core.name_entry(entry, 1);
    return { bytes: this.memory(this.core.name_pool() + start, length), line: this.core.name_entry(entry, 2) };
  }

  get stacks(): number {
    return this.core.stacks();
  }

  tree(): CoreTree {
    const n = this.core.node_count();
    const buffer = this.core.memory.buffer;
    return {
      parent: new Uint32Array(buffer, this.core.column(0), n),
      entry: new Uint32Array(buffer, this.core.column(1), n),
      kind: new Uint8Array(buffer, this.core.column(2), n),
      weight: new Float64Array(buffer, this.core.column(3), n),
    };
  }

  /**
   * The tree in pre-order with subtree totals, copied out of the core a column at a time (each
   * is written into the same scratch memory by the next call); names are entry numbers.
   */
  layOut(): Omit<CallTree, 'unit' | 'names'> {
    const n = this.core.lay_out();
    const column = <T>(which: number, View: new (buffer: ArrayBuffer, at: number, length: number) => T): T =>
      new View(this.core.memory.buffer, this.core.laid_out(which), n);
    return {
      name: column(0, Int32Array).slice(),
      parent: column(1, Int32Array).slice(),
      depth: column(2, Int32Array).slice(),
      end: column(3, Int32Array).slice(),
      kind: column(4, Uint8Array).slice(),
      self: column(5, Float64Array).slice(),
      total: column(6, Float64Array).slice(),
    };
  }

  private memory(at: number, length: number): Uint8Array {
    return new Uint8Array(this.core.memory.buffer, at, length);
  }
}
