// Source maps: the `mappings` run is blanked before a `.map` file is scanned (src/engine/source-map.ts); the code in
// `sourcesContent` is still scanned as source.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../rules/schema.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { scan } from '../../../src/engine/scan.js';
import { blankMappings, isSourceMapPath } from '../../../src/engine/source-map.js';
import { FakeKeys } from '../../helpers/examples.js';
import { RULE_BASE } from '../../helpers/rules.js';

const keys = new FakeKeys(2026);
// A prefix-less key found through a near word, and a keyword rule: both kinds that VLQ letters fooled.
const nearRule: Rule = {
  ...RULE_BASE,
  id: 'acme-hex',
  title: 'Acme hex key',
  keywords: [],
  near: { words: ['cio'], lines: 3 },
  pattern: '(?<![0-9a-f])(?<secret>[0-9a-f]{20})(?![0-9a-f])',
};
// A prefixed key of VLQ's own alphabet, as an AWS access key id is.
const keywordRule: Rule = {
  ...RULE_BASE,
  id: 'acme-token',
  title: 'Acme token',
  keywords: ['akqa'],
  pattern: '(?<secret>AKQA[A-Z0-9]{16})',
};
const catalog = compileCatalog([nearRule, keywordRule]);

function sourceMap(mappings: string, source: string): string {
  return JSON.stringify({ version: 3, sources: ['src/a.ts'], sourcesContent: [source], mappings });
}

describe('blankMappings', () => {
  it('blanks the mappings value and nothing else, keeping every offset', () => {
    const text = sourceMap('AAAA,SAASA;CiO,EAAE', 'const x = 1;\n');
    const blanked = blankMappings(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked).toContain(`"mappings":"${' '.repeat('AAAA,SAASA;CiO,EAAE'.length)}"`);
    expect(blanked.replace(/"mappings":" *"/, '')).toBe(text.replace(/"mappings":"[^"]*"/, ''));
  });

  it('leaves text without a mappings value as it is, and a pretty-printed map blanked too', () => {
    expect(blankMappings('"mapping": "AAAA"')).toBe('"mapping": "AAAA"');
    const pretty = '{\n  "version": 3,\n  "mappings" : "AAAA;CiO"\n}';
    expect(blankMappings(pretty)).toBe('{\n  "version": 3,\n  "mappings" : "        "\n}');
  });

  it('knows a source map by its name', () => {
    expect(isSourceMapPath('dist/app.js.map')).toBe(true);
    expect(isSourceMapPath('dist/app.css.map')).toBe(true);
    expect(isSourceMapPath('src/map.ts')).toBe(false);
  });
});

describe('scanning a source map', () => {
  it('takes no near word or key from the mappings', () => {
    // "CiO" in the VLQ data is the near word, and a 20-hex run elsewhere in the map would pair with it.
    const hex = keys.chars('hex', 20);
    const text = sourceMap(`AAAA,CiO,AKQA${keys.chars('upper', 16)},EAAE`, `// see gist.github.com/someone/${hex}\n`);
    expect(scan(catalog, { path: 'dist/app.js.map', text })).toEqual([]);
    // The same text under another name is scanned whole: the rules do match there, so the blanking is what helps.
    expect(
      scan(catalog, { path: 'dist/app.json', text })
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['acme-hex', 'acme-token']);
  });

  it('still finds a key in the code the map embeds', () => {
    const key = `AKQA${keys.chars('upper', 16)}`;
    const text = sourceMap('AAAA,SAASA', `const client = connect('${key}');\n`);
    const findings = scan(catalog, { path: 'dist/app.js.map', text });
    expect(findings.map((f) => [f.ruleId, f.secret])).toEqual([['acme-token', key]]);
  });
});
