import { describe, expect, it } from 'vitest';
import { snapshotCsp, snapshotJson, snapshotScript } from '../../src/views/export-html.ts';
import type { SnapshotData } from '../../src/views/export-snapshot.ts';

const hostile = [
  '</script><script>alert(1)</script>',
  '<!--',
  '<img src=x onerror=alert(1)>',
  'line\u2028sep\u2029',
  '"\'&',
];

function dataWith(names: string[]): SnapshotData {
  return {
    version: 1,
    title: names[0]!,
    summary: names[1]!,
    path: ['all'],
    legend: [],
    width: 800,
    cellHeight: 18,
    icicle: true,
    zoom: 0,
    frames: {
      name: names,
      value: names.map(() => 1),
      parent: names.map((_, i) => i - 1),
      color: names.map(() => '#fff'),
      detail: names,
    },
    tables: [{ caption: names[2]!, header: ['Function'], rows: names.map((n) => [n]), numeric: [false] }],
  };
}

describe('HTML snapshot pieces', () => {
  it('embeds data as JSON with no `<` left, so no name can close the script element', () => {
    const json = snapshotJson(dataWith(hostile));
    expect(json).not.toContain('<');
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(dataWith(hostile));
  });

  it('has one script that reads the data element and never contains a closing script tag', () => {
    const script = snapshotScript();
    expect(script).not.toMatch(/<\/script/i);
    expect(script).toContain('document.getElementById("peakscope-data").textContent');
    expect(script).toContain('renderPage(document');
  });

  it('allows only the hashed script and style, and nothing from the network', () => {
    const csp = snapshotCsp({ script: "'sha256-AAA='", style: "'sha256-BBB='" });
    expect(csp).toBe(
      "default-src 'none'; script-src 'sha256-AAA='; style-src 'sha256-BBB='; img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'",
    );
  });
});
