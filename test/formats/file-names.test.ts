import { describe, expect, it } from 'vitest';
import { notAProfileReason } from '../../src/formats/file-names.ts';

describe('names that are plainly not profiles', () => {
  it('skips documentation and other languages sources found in a folder', () => {
    expect(notAProfileReason('samples/README.md')).toBe('documentation');
    expect(notAProfileReason('pkg/src/main.cpp')).toMatch(/\.cpp file/);
    expect(notAProfileReason('pkg/LICENSE')).not.toBeNull();
  });

  it('keeps every name Buck2 gives a profile or an event log', () => {
    for (const name of [
      'profile.csv',
      'flame.src',
      'flame.svg',
      'targets.txt',
      'all_keys.list',
      'merged.profile',
      'load/root/pkg.profile',
      'events.json-lines',
      'events.json-lines.zst',
      'log.json',
      'profile.txt',
      'x.pb.gz',
    ]) {
      expect(notAProfileReason(name), name).toBeNull();
    }
  });
});
