// Test helper: parse text through the whole driver and insist on one format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import type { FormatName, ParsedFile, Profile } from '../../src/model/profile.ts';
import { SAMPLES_DIR } from '../golden.ts';

/** Parses `text` under a misleading Buck2 name and checks it came out as `format`, without error. */
export function parseAs<F extends FormatName>(
  format: F,
  text: string,
  path = 'profile.csv',
): { parsed: ParsedFile; profile: Extract<Profile, { format: F }> } {
  const parsed = parseText(path, text);
  expect(parsed.error).toBeNull();
  expect(parsed.profile?.format).toBe(format);
  return { parsed, profile: parsed.profile as Extract<Profile, { format: F }> };
}

/** A hand-made file from samples/edge-cases/. */
export function readEdgeCase(name: string): string {
  return readFileSync(join(SAMPLES_DIR, 'edge-cases', name), 'utf8');
}
