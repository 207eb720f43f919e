import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { detectFormat } from '../../src/formats/detect.ts';
import { decodeXmlText } from '../../src/formats/flame-svg.ts';

// The head of an inferno flame.svg as Buck2 writes it (shape from inferno's svg.rs: XML prolog,
// DOCTYPE and <svg> on one line, CSS and script on the following lines, then the title text).
function infernoSvg(title: string): string {
  return [
    '<?xml version="1.0" standalone="no"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg version="1.1" width="1200" height="214" onload="init(evt)" viewBox="0 0 1200 214" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:fg="http://github.com/jonhoo/inferno"><!--Flame graph stack visualization.--><!--NOTES: --><defs><linearGradient id="background" y1="0" y2="1" x1="0" x2="0"><stop stop-color="#eeeeee" offset="5%"/><stop stop-color="#eeeeb0" offset="95%"/></linearGradient></defs><style type="text/css">',
    'text { font-family:"Verdana"; font-size:12px; fill:rgb(0,0,0); }',
    '#title { text-anchor:middle; font-size:17px; }',
    '</style><script type="text/ecmascript"><![CDATA[',
    "        var nametype = 'Function:';",
    '        function init(evt) { document.getElementById("title"); }',
    `]]></script><rect x="0" y="0" width="100%" height="214" fill="url(#background)"/><text id="title" x="50.0000%" y="24.00">${title}</text><text id="details" x="10.00" y="197.00"> </text>`,
    '<svg id="frames" x="10" width="1180" total_samples="3032"><g><title>module (3,024 samples, 99.74%)</title><rect x="0.0000%" y="149" width="99.7361%" height="15" fill="rgb(227,0,7)" fg:x="0" fg:w="3024"/><text x="0.2500%" y="159.50">module</text></g></svg></svg>',
  ].join('\n');
}

describe('flame svg', () => {
  it("recognises Buck2's inferno SVG and reads its title as text", () => {
    const parsed = parseText('flame.svg', infernoSvg('Flame Graph - heap-allocated on root//foo:bar'));
    expect(parsed.error).toBeNull();
    expect(parsed.profile).toEqual({ format: 'flame-svg', title: 'Flame Graph - heap-allocated on root//foo:bar' });
  });

  it('decodes escaped characters of the title and leaves markup-looking text inert', () => {
    const parsed = parseText(
      'flame.svg',
      infernoSvg('Flame Graph - time-flame on root//a:b (&lt;unspecified&gt;) &amp; 2 more'),
    );
    expect(parsed.profile).toEqual({
      format: 'flame-svg',
      title: 'Flame Graph - time-flame on root//a:b (<unspecified>) & 2 more',
    });
    expect(decodeXmlText('&#60;script&#x3E; &bogus;')).toBe('<script> &bogus;');
  });

  it('has a null title when there is no title text (a plain SVG)', () => {
    const parsed = parseText('x.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>\n');
    expect(parsed.profile).toEqual({ format: 'flame-svg', title: null });
  });

  it('accepts a DOCTYPE first and refuses XML that is not SVG', () => {
    expect(
      detectFormat({ lines: ['<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">'], complete: false })?.name,
    ).toBe('flame-svg');
    expect(detectFormat({ lines: ['<?xml version="1.0"?>', '<project><x/></project>'], complete: true })).toBeNull();
  });
});
