// Issue 17: a zstd frame announcing a 1 GiB window made a 3.8 KiB file take 61 s and 1.2 GB; a
// valid 2 GiB-window frame (zstd --long=31) was called damaged. Over 128 MiB (what `zstd -d`
// accepts without --long) is now refused up front, saying "window too large".
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/formats/parse-file.ts';
import { ZstdWindowGuard } from '../../src/formats/zstd-frames.ts';

/** `printf 'module;list 8\n' | zstd --long=31 -c`: window descriptor 0xa8 = 2 GiB, with checksum. */
const LONG31 = Uint8Array.from(Buffer.from('28b52ffd04a8710000' + '6d6f64756c653b6c69737420380a' + '383a88ff', 'hex'));

/** A frame of raw blocks (no checksum) whose window descriptor byte is `descriptor`. */
function rawFrame(descriptor: number, text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const parts = [0x28, 0xb5, 0x2f, 0xfd, 0x00, descriptor];
  for (let at = 0; at < body.length; at += 1000) {
    const block = body.subarray(at, at + 1000);
    const header = (block.length << 3) | (at + 1000 >= body.length ? 1 : 0);
    parts.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, ...block);
  }
  return Uint8Array.from(parts);
}

const ONE_GIB = 20 << 3; // 2^(10+20)
const TWO_MIB = 11 << 3;
const FLAME = 'module;a.bzl.f;list 8\n'.repeat(175); // 3.8 KiB

describe('zstd window bound', () => {
  it('a valid 2 GiB-window frame (zstd --long=31) is "window too large", not damaged', () => {
    const parsed = parseBytes('flame.src.zst', LONG31);
    expect(parsed.profile).toBeNull();
    expect(parsed.truncated).toBeNull();
    expect(parsed.error?.message).toMatch(
      /^window too large: a zstd frame asks for a 2,048 MiB window, over the 128 MiB the zstd tool accepts without --long/,
    );
  });

  it('a 3.8 KiB file announcing a 1 GiB window is refused before anything is allocated', () => {
    expect(parseBytes('flame.src.zst', rawFrame(ONE_GIB, FLAME)).error?.message).toContain('1,024 MiB window');
  });

  it('a later frame is checked too (after a skippable frame and a normal one)', () => {
    const skippable = [0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 1, 2, 3];
    const bytes = Uint8Array.from([...skippable, ...rawFrame(TWO_MIB, FLAME), ...rawFrame(ONE_GIB, FLAME)]);
    for (const chunk of [1, 5, 4096]) {
      const guard = new ZstdWindowGuard();
      expect(() => {
        for (let at = 0; at < bytes.length; at += chunk) guard.push(bytes.subarray(at, at + chunk));
      }).toThrow(/1,024 MiB window/);
    }
  });

  it('an ordinary window reads as before', () => {
    const parsed = parseBytes('flame.src.zst', rawFrame(TWO_MIB, FLAME));
    expect(parsed.error).toBeNull();
    expect(parsed.profile?.format === 'heap-flame' && parsed.profile.tree.total[0]).toBe(175 * 8);
  });
});
