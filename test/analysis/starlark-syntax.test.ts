import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { describe, expect, it } from 'vitest';
import { classifyConstruct } from '../../src/analysis/starlark-sizes.ts';
import { constantValue, evaluateSize, sizeExpression } from '../../src/analysis/starlark-size-expressions.ts';

/** The expression node of `x = <expr>`, the only statement of a one-line source. */
function expression(expr: string): { text: string; node: SyntaxNode } {
  const text = `x = ${expr}\n`;
  const assign = parser.parse(text).topNode.firstChild!;
  return { text, node: assign.lastChild! };
}

describe('Starlark constant folding', () => {
  it.each([
    ['1 << 20', 1048576],
    ['3 * 1024', 3072],
    ['(10)', 10],
    ['1_000 + 24', 1024],
    ['7 // 2', 3],
    ['10 - 3 * 2', 4],
  ])('folds %s to %i', (expr, value) => {
    const { text, node } = expression(expr);
    expect(constantValue(text, node)).toBe(value);
  });

  it.each(['n * 2', '7 // 0', '1 << 60', '2 ** 8', '3.5 * 2', '"a" * 3', '99999999999999999 + 1'])(
    'gives null for %s (a name, a bad or unknown operator, a float, a string, beyond 2^53)',
    (expr) => {
      const { text, node } = expression(expr);
      expect(constantValue(text, node)).toBeNull();
    },
  );

  it.each([
    ['int(read_config("board", "flash_kb", "1024")) * 256', 262144],
    ['int(native.read_config("board", "kb", default = "64"))', 64],
    ["int('12') + 1", 13],
    ['int(4 * 8)', 32],
  ])('reads %s as the integer the build runs with (the config default)', (expr, value) => {
    const { text, node } = expression(expr);
    expect(constantValue(text, node)).toBe(value);
  });

  it.each(['int(read_config("board", "kb"))', 'int(read_config("b", "k", "0x10"))', 'str(12)', 'int("1.5")'])(
    'gives null for %s (no default, not decimal, not int())',
    (expr) => {
      const { text, node } = expression(expr);
      expect(constantValue(text, node)).toBeNull();
    },
  );

  it('keeps names in a size expression and folds it once they are known', () => {
    const { text, node } = expression('(shards + 1) * per_shard');
    const size = sizeExpression(text, node);
    expect(evaluateSize(size)).toBeNull();
    expect(
      evaluateSize(
        size,
        new Map([
          ['shards', 49],
          ['per_shard', 200],
        ]),
      ),
    ).toBe(10_000);
    expect(evaluateSize(size, new Map([['shards', 49]]))).toBeNull();
  });

  it.each([
    ['[a + b for a in A for b in B]', 120],
    ['[(t, f) for t in A for f in ("main", "types", "impl")]', 36],
    ['{k: 1 for k in range(n) for _ in [0, 1]}', 10],
    ['[a for a in A if a in B]', 12],
    ['[b for a in A for b in f(a)]', 12],
  ])(
    'counts the elements of %s as its clauses multiplied (the first alone when a later one is not written)',
    (expr, elements) => {
      const { text, node } = expression(expr);
      const names = new Map([
        ['len A', 12],
        ['len B', 10],
        ['n', 5],
      ]);
      expect(evaluateSize(classifyConstruct(text, node)!.size, names)).toBe(elements);
    },
  );
});
