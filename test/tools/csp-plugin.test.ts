import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cspPolicy, withInlineScript } from '../../tools/csp-plugin.ts';

describe('content security policy', () => {
  it('allows no inline script or eval in the built page', () => {
    expect(cspPolicy(false)).toMatch(/script-src 'self';/);
    expect(cspPolicy(false)).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('allows the one inline script it inserts by its hash, right after the policy', () => {
    const page = `<head>\n    <meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${cspPolicy(false)}" />\n  </head>`;
    const source = 'self.booted = 1;';
    const html = withInlineScript(page, source);
    const hash = createHash('sha256').update(source).digest('base64');
    expect(html).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(html).toMatch(/content="[^"]*" \/>\n {4}<script>self\.booted = 1;<\/script>\n {2}<\/head>/);
    expect(html).not.toMatch(/unsafe-inline/);
    expect(() => withInlineScript('<head></head>', source)).toThrow(/CSP/);
  });

  it("lets the dev server inject its styles: no hash beside 'unsafe-inline' (a hash would disable it)", () => {
    const style = cspPolicy(true)
      .split('; ')
      .find((d) => d.startsWith('style-src '))!;
    expect(style).toContain("'unsafe-inline'");
    expect(style).not.toContain("'sha256-");
  });
});
