// Test helper: parse text through the whole driver and insist on one format.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import type { FormatName, ParsedFile, Profile } from '../../src/model/profile.ts';
import { SAMPLES_DIR } from '../samples.ts';

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

/**
 * Real profiler outputs under samples/ for one mode: every `<mode>/profile.csv` of the cases
 * and the monorepo (relative paths). Empty until the sample generator has run.
 */
export function samplesOfMode(mode: string): string[] {
  return findSamples(`/${mode}/profile.csv`);
}

/** Relative paths of the generated samples (edge cases left out) whose path ends so. */
export function findSamples(suffix: string): string[] {
  const found: string[] = [];
  const pending = ['.'];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of readdirSync(join(SAMPLES_DIR, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'edge-cases') pending.push(path);
      else if (`/${path}`.endsWith(suffix)) found.push(path);
    }
  }
  return found.sort();
}

/** A file under samples/, by relative path. */
export function readSample(path: string): string {
  return readFileSync(join(SAMPLES_DIR, path), 'utf8');
}
