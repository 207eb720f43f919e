import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { detectFormat } from '../../src/formats/detect.ts';
import { isEvalIdentifier } from '../../src/formats/targets.ts';

function sniff(...lines: string[]) {
  return detectFormat({ lines, complete: true })?.name ?? null;
}

describe('targets list', () => {
  it('reads targets.txt identifiers of the current StarlarkEvalKind display', () => {
    const parsed = parseText(
      'targets.txt',
      'load/root//query/a\nanalysis/simple/ddd/<unspecified>\nload_bzl/nano_prelude/prelude.bzl\n',
    );
    expect(parsed.error).toBeNull();
    expect(parsed.profile).toEqual({
      format: 'targets',
      ids: ['load/root//query/a', 'analysis/simple/ddd/<unspecified>', 'load_bzl/nano_prelude/prelude.bzl'],
    });
  });

  it('reads all_keys.list, which has no trailing newline, without calling it truncated', () => {
    const parsed = parseText(
      'all_keys.list',
      'bxl/root//q.bxl:main\ndynamic_output/root//x:y\nanon_target/prelude//r.bzl:f',
    );
    expect(parsed.truncated).toBeNull();
    expect(parsed.profile?.format === 'targets' && parsed.profile.ids).toHaveLength(3);
  });

  it('reads the 2024-06…2025-10 identifiers', () => {
    const parsed = parseText(
      'targets.txt',
      'analysis:root//foo:bar (cfg:linux#abc)\nloading:root//foo\nbxl\nunknown\n',
    );
    expect(parsed.profile?.format === 'targets' && parsed.profile.ids).toEqual([
      'analysis:root//foo:bar (cfg:linux#abc)',
      'loading:root//foo',
      'bxl',
      'unknown',
    ]);
  });

  it('does not claim other formats', () => {
    expect(sniff('load/root//a', 'module;list 8')).not.toBe('targets');
    expect(sniff('test.star:2:1-9:1')).toBe('coverage');
    expect(sniff('hello world')).toBeNull();
    expect(sniff('loader/x')).toBeNull();
    expect(sniff('load/')).toBeNull();
    expect(isEvalIdentifier('bxl_extra')).toBe(false);
    expect(isEvalIdentifier('unknownx')).toBe(false);
  });

  it('reports a stray line once after the head was recognised', () => {
    const head = Array.from({ length: 32 }, (_, i) => `load/root//p${i}`).join('\n');
    const parsed = parseText('targets.txt', `${head}\nnot an identifier\nload/root//last\n`);
    expect(parsed.profile?.format === 'targets' && parsed.profile.ids).toHaveLength(33);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]!.line).toBe(33);
  });
});
