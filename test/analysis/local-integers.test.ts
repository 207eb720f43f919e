// Integers a def binds itself: `n = WIDTH * 2`, and an entry of a constant defaults table reached
// through the def's copy of it (`opts = dict(_DEFAULTS)`, `opts.update(kwargs)`,
// `space = opts["port_space"]`) while no call passes that key. They size `[False] * space`.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { knownIntegers } from '../../src/analysis/starlark-constants.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame } from './fixtures.ts';

const TABLE = ['_DEFAULTS = {', '    "port_space": 1 << 20,', '    "protocol": "TCP",', '}'].join('\n');

const ALLOCATE = [
  'def allocate(names, **kwargs):',
  '    opts = dict(_DEFAULTS)',
  '    opts.update(kwargs)',
  '    space = opts["port_space"]',
  '    taken = [False] * space',
  '    out = {}',
  '    for n in names:',
  '        slot = hash(n) % space',
  '        taken[slot] = True',
  '        out[n] = slot',
  '    return out',
].join('\n');

/** `space` as the def `allocate` of a defs file knows it, the build file calling it as given. */
function spaceIn(defs: string, build: string): number | undefined {
  const sources = [indexStarlarkSource('defs.bzl', defs), indexStarlarkSource('BUCK', build)];
  const def = sources[0]!.defs.findIndex((d) => d.name === 'allocate');
  return knownIntegers(sources, sources[0]!, def).get('space');
}

const BUILD = 'load(":defs.bzl", "allocate")\nallocate(["a", "b"], protocol = "UDP")\n';

describe('integers a def binds itself', () => {
  it('follows an entry of a constant table through the def’s copy updated with its kwargs', () => {
    expect(spaceIn(`${TABLE}\n${ALLOCATE}`, BUILD)).toBe(1 << 20);
    // The table in another file, written as dict(key = …), read with .get().
    const table = indexStarlarkSource('ports.bzl', 'DEFAULTS = dict(port_space = 4096, retries = 3)\n');
    const defs = indexStarlarkSource('defs.bzl', 'def f():\n    n = DEFAULTS.get("port_space", 8)\n    m = n * 2\n');
    expect(knownIntegers([table, defs], defs, 0).get('m')).toBe(8192);
    // The `dict(port_space = …)` that writes the table passes the key, yet is no caller of the copy.
    const copied = indexStarlarkSource('c.bzl', 'def g(**o):\n    s = dict(DEFAULTS, **o)\n    n = s["port_space"]\n');
    expect(knownIntegers([table, copied], copied, 0).get('n')).toBe(4096);
  });

  it('is not sure of the entry when a call passes the key, the def stores into its copy, or binds the name twice', () => {
    expect(spaceIn(`${TABLE}\n${ALLOCATE}`, `${BUILD}allocate(["c"], port_space = 64)\n`)).toBeUndefined();
    const stored = ALLOCATE.replace('    opts.update(kwargs)', '    opts["port_space"] = len(names)');
    expect(spaceIn(`${TABLE}\n${stored}`, BUILD)).toBeUndefined();
    const twice = ALLOCATE.replace('    out = {}', '    space = space * 2\n    out = {}');
    expect(spaceIn(`${TABLE}\n${twice}`, BUILD)).toBeUndefined();
    const merged = ALLOCATE.replace('opts.update(kwargs)', 'opts.update({"port_space": 64})');
    expect(spaceIn(`${TABLE}\n${merged}`, BUILD)).toBeUndefined();
  });

  it('sizes the slot table only indexed: a huge collection', () => {
    const sources = [indexStarlarkSource('defs.bzl', `${TABLE}\n${ALLOCATE}`), indexStarlarkSource('BUCK', BUILD)];
    const flame = heapFlame('module;defs.bzl.allocate;array 8388700\nmodule;defs.bzl.allocate;dict 900\n');
    const [finding] = advise({ heapFlame: flame, summary: null, statement: null, coverage: null, sources });
    expect(finding).toMatchObject({ cause: 'huge-collection', span: { line: 9 } });
  });
});
