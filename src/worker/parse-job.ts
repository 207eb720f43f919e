// One parse job: read every input as a byte stream through `parseChunks`, report progress,
// stop when aborted. Free of worker globals so it runs under Node in tests.
import { parseChunks } from '../formats/parse-file.ts';
import type { FormatName, ParsedFile } from '../model/profile.ts';
import type { ParseInput } from './protocol.ts';
import { redirectProblem } from './same-origin.ts';

/**
 * Progress posts are thinned to one per this many milliseconds (and one per file end): each
 * costs the page a task and a repaint of the bar, and per-MiB posts (100 for a 100 MB file)
 * took the page ~115 ms of a 2-core machine's time while the worker streamed.
 */
const PROGRESS_INTERVAL_MS = 100;

export interface JobCallbacks {
  onProgress(bytesRead: number, totalBytes: number, path: string): void;
  signal: AbortSignal;
  /** Called once every input is parsed, before anything is derived from them; the job waits for it. */
  onParsed?(files: readonly ParsedFile[]): void | Promise<void>;
  /** The format of input `index`, as soon as its head has decided it (null: none). */
  onFormat?(index: number, format: FormatName | null): void;
  /** Injected for tests; the worker uses the global fetch. */
  fetch?: typeof fetch;
}

/**
 * Bytes asked for per read of a byte stream. Its chunks land in one buffer, reused read after
 * read: a fresh buffer per network chunk left up to ~150 MB of dead ArrayBuffers in the worker
 * while a 1 GB log streamed (issue #18). The parsers copy what must outlive a push (format.ts).
 */
const READ_BYTES = 1 << 20;

/**
 * Reads a ReadableStream as an async iterable (without relying on stream async iteration). A
 * chunk is valid until the next one is asked for: a byte stream (fetch, Blob) is read into a
 * reused buffer.
 */
export async function* chunksOf(stream: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncIterable<Uint8Array> {
  const byob = byobReaderOf(stream);
  const reader = byob ?? stream.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', stop);
  let buffer = new ArrayBuffer(byob ? READ_BYTES : 0);
  const next = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    if (!byob) return (reader as ReadableStreamDefaultReader<Uint8Array>).read();
    const read = await byob.read(new Uint8Array(buffer));
    if (read.value) buffer = read.value.buffer as ArrayBuffer;
    return read as ReadableStreamReadResult<Uint8Array>;
  };
  try {
    for (;;) {
      const { done, value } = await next();
      if (done) return;
      if (value.length > 0) yield value;
    }
  } finally {
    signal.removeEventListener('abort', stop);
    reader.releaseLock();
  }
}

/**
 * The chunks, with user-timing marks at the first one's arrival and after the last (for
 * tools/bench/load-timeline.mjs: with `first-file-parsed` they split a load into waiting for the
 * parsers, reading, and finishing the tree). Used for a job's first file only, so a folder of
 * thousands of files leaves three marks, not thousands.
 */
async function* withTimingMarks(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    if (first) performance.mark('peakscope:first-chunk');
    first = false;
    yield chunk;
  }
  performance.mark('peakscope:last-byte');
}

/** A reader into our own buffers, when the stream is a byte stream; else null. */
function byobReaderOf(stream: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | null {
  try {
    return stream.getReader({ mode: 'byob' });
  } catch {
    return null;
  }
}

/** A file that could not be read at all (network, CORS, HTTP status): an error, not a crash. */
function unreadable(path: string, message: string): ParsedFile {
  return {
    path,
    size: 0,
    profile: null,
    diagnostics: [],
    truncated: null,
    compression: null,
    error: { file: path, line: 0, text: '', message },
  };
}

async function openInput(
  input: ParseInput,
  cb: JobCallbacks,
): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | string> {
  if (input.kind === 'file')
    return { stream: input.file.stream() as ReadableStream<Uint8Array>, size: input.file.size };
  let response: Response;
  try {
    response = await (cb.fetch ?? fetch)(input.url, { signal: cb.signal, credentials: 'omit' });
  } catch (e) {
    if (cb.signal.aborted) throw e;
    return `could not fetch ${input.url}: the server did not answer or does not allow cross-origin reads (CORS)`;
  }
  if (!response.ok || !response.body)
    return `could not fetch ${input.url}: HTTP ${response.status} ${response.statusText}`;
  const redirected = redirectProblem(input.url, response);
  if (redirected) {
    void response.body.cancel();
    return redirected;
  }
  return { stream: response.body, size: Number(response.headers.get('content-length') ?? 0) };
}

/** Requests kept in flight ahead of the file being parsed. */
const FETCH_AHEAD = 6;

/**
 * Opens inputs a few ahead of the one being parsed, so a manifest of thousands of small files
 * waits for one round trip at a time, not one per file (issue 17: 3,000 entries took 27 s).
 * Files are still parsed one at a time, in order.
 */
class FetchAhead {
  private readonly pending = new Map<number, ReturnType<typeof openInput>>();
  private next = 0;

  constructor(
    private readonly inputs: readonly ParseInput[],
    private readonly cb: JobCallbacks,
  ) {}

  take(k: number): ReturnType<typeof openInput> {
    while (this.next < this.inputs.length && this.next <= k + FETCH_AHEAD) {
      const opened = openInput(this.inputs[this.next]!, this.cb);
      opened.catch(() => {}); // an abort surfaces when (if) this one is taken
      this.pending.set(this.next++, opened);
    }
    const opened = this.pending.get(k)!;
    this.pending.delete(k);
    return opened;
  }
}

/** Parses inputs in order; one file's failure never loses the others. Throws when aborted. */
export async function runParseJob(inputs: readonly ParseInput[], cb: JobCallbacks): Promise<ParsedFile[]> {
  const known = inputs.map((i) => (i.kind === 'file' ? i.file.size : 0));
  let totalBytes = known.reduce((a, b) => a + b, 0);
  let doneBytes = 0;
  const results: ParsedFile[] = [];
  const opening = new FetchAhead(inputs, cb);
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k]!;
    cb.signal.throwIfAborted();
    const opened = await opening.take(k);
    if (typeof opened === 'string') {
      results.push(unreadable(input.path, opened));
      continue;
    }
    if (input.kind === 'url') totalBytes += opened.size;
    let lastPost = performance.now();
    let bytesRead = 0;
    const chunks = k === 0 ? withTimingMarks(chunksOf(opened.stream, cb.signal)) : chunksOf(opened.stream, cb.signal);
    const parsed = await parseChunks(input.path, opened.size, chunks, {
      signal: cb.signal,
      onFormat: (format) => cb.onFormat?.(k, format),
      onProgress: (read) => {
        bytesRead = read;
        const now = performance.now();
        if (now - lastPost < PROGRESS_INTERVAL_MS) return;
        lastPost = now;
        cb.onProgress(doneBytes + read, Math.max(totalBytes, doneBytes + read), input.path);
      },
    });
    if (k === 0) performance.mark('peakscope:first-file-parsed');
    cb.signal.throwIfAborted();
    // A server that sends no Content-Length: the size is what was read.
    if (parsed.size === 0) parsed.size = bytesRead;
    doneBytes += input.kind === 'file' ? input.file.size : parsed.size;
    cb.onProgress(doneBytes, Math.max(totalBytes, doneBytes), input.path);
    results.push(parsed);
  }
  return results;
}
