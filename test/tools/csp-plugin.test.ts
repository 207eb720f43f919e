import { describe, expect, it } from 'vitest';
import { cspPolicy } from '../../tools/csp-plugin.ts';

describe('content security policy', () => {
  it('allows no inline script or eval in the built page', () => {
    expect(cspPolicy(false)).toMatch(/script-src 'self';/);
    expect(cspPolicy(false)).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("lets the dev server inject its styles: no hash beside 'unsafe-inline' (a hash would disable it)", () => {
    const style = cspPolicy(true)
      .split('; ')
      .find((d) => d.startsWith('style-src '))!;
    expect(style).toContain("'unsafe-inline'");
    expect(style).not.toContain("'sha256-");
  });
});
