import { describe, expect, it } from 'vitest';
import { capList } from '../../src/text/capList.js';
import { escapeControlInJson, stripControl } from '../../src/text/stripControl.js';
import { suggestField } from '../../src/text/suggestField.js';
import { xmlText } from '../../src/text/xmlText.js';
import { lineNestedTooDeep } from '../../src/scenarios/yamlDepth.js';

describe('text for terminals, XML and messages', () => {
  it('stripControl removes C0 (but tab and newline), DEL and C1', () => {
    expect(stripControl('a\u001b[2Jb\u0007c\u009bd\u007fe\r\tf\ng é')).toBe('a[2Jbcde\tf\ng é');
  });

  it('escapeControlInJson keeps the JSON value and makes DEL and C1 inert', () => {
    const json = JSON.stringify({ t: 'x\u009b\u007fy' });
    expect(escapeControlInJson(json)).toBe('{"t":"x\\u009b\\u007fy"}');
    expect(JSON.parse(escapeControlInJson(json))).toEqual({ t: 'x\u009b\u007fy' });
  });

  it('xmlText removes what XML 1.0 forbids or discourages and escapes markup', () => {
    expect(xmlText('<a b="c">&\'\uFFFE\uD800x\uDFFF\u{10FFFF}😀')).toBe('&lt;a b=&quot;c&quot;&gt;&amp;&apos;x😀');
  });

  it('suggestField suggests only within a small edit distance', () => {
    expect(suggestField('relationhsip', ['ref', 'relationship'])).toBe('relationship');
    expect(suggestField('Age', ['age', 'ref'])).toBe('age');
    expect(suggestField('Jane', ['age', 'name'])).toBeUndefined();
    expect(suggestField('Jane Smith DOB 2016-03-02', ['age', 'ref', 'relationship'])).toBeUndefined();
  });

  it('capList keeps the first 100 and counts the rest', () => {
    const lines = Array.from({ length: 250 }, (_, i) => `p${i}`);
    expect(capList(lines)).toHaveLength(101);
    expect(capList(lines).at(-1)).toBe('and 150 more');
    expect(capList(lines.slice(0, 100))).toHaveLength(100);
  });

  it('lineNestedTooDeep finds the first line past the depth limit, in linear time', () => {
    let yaml = '';
    for (let i = 0; i < 100; i += 1) yaml += `${' '.repeat(i)}a:\n`;
    expect(lineNestedTooDeep(yaml, 64)).toBe(65);
    expect(lineNestedTooDeep('a: [[[1]]]\nb: "[[[[[["\n', 4)).toBeUndefined();
    expect(lineNestedTooDeep(`x: ${'['.repeat(5)}`, 4)).toBe(1);
  });
});
