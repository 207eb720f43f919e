// Drives one file from bytes to a ParsedFile (parse-session.ts does the work): from a stream of
// chunks, a string or whole bytes. Serves the CLI, the worker and tests.
import type { FormatName, ParsedFile } from '../model/profile.ts';
import { loadCodecs, mayBeCompressed } from './decompress.ts';
import { ParseSession } from './parse-session.ts';

export { ParseSession };

export interface StreamOptions {
  onProgress?: (bytesRead: number) => void;
  /** Called once, as soon as the format is known (null: none), at the latest before the result. */
  onFormat?: (format: FormatName | null) => void;
  signal?: AbortSignal;
}

/** Parses a stream of byte chunks (Node stream, File.stream() reader, …). */
export async function parseChunks(
  path: string,
  size: number,
  chunks: AsyncIterable<Uint8Array>,
  options: StreamOptions = {},
): Promise<ParsedFile> {
  const session = new ParseSession(path, size);
  let first = true;
  let format: FormatName | null | undefined;
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    if (first && chunk.length > 0) {
      first = false;
      if (mayBeCompressed(chunk)) await loadCodecs();
    }
    session.pushBytes(chunk);
    options.onProgress?.(session.bytesIn);
    if (format === undefined && session.decidedFormat !== undefined) {
      format = session.decidedFormat;
      options.onFormat?.(format);
    }
    if (session.stopped) break;
  }
  const parsed = session.finish();
  if (format === undefined) options.onFormat?.(session.decidedFormat ?? null);
  return parsed;
}

/** Parses a whole string (tests, paste). */
export function parseText(path: string, text: string): ParsedFile {
  const session = new ParseSession(path, text.length);
  session.pushText(text);
  return session.finish();
}

/** Parses whole bytes (tests, small files); compressed ones only after `await loadCodecs()`. */
export function parseBytes(path: string, bytes: Uint8Array): ParsedFile {
  const session = new ParseSession(path, bytes.length);
  session.pushBytes(bytes);
  return session.finish();
}
