// The engine with small inline rules: no repository, no catalog.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../rules/schema.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { buildPrefilter, SearchBudget } from '../../../src/engine/prefilter.js';
import { fingerprint, scan, scanWith } from '../../../src/engine/scan.js';
import { FakeKeys, seededRandom } from '../../helpers/examples.js';
import { RULE_BASE } from '../../helpers/rules.js';
import { builtinRules } from '../../../rules/index.js';

const tokenRule: Rule = {
  ...RULE_BASE,
  id: 'acme-token',
  title: 'Acme token',
  keywords: ['acme_'],
  pattern: '(?<secret>acme_[a-z0-9]{12})',
};
const hexRule: Rule = {
  ...RULE_BASE,
  id: 'acme-hex',
  title: 'Acme hex key',
  keywords: [],
  near: { words: ['acme', 'ac'], lines: 1 },
  pairing: { with: 'acme-hex', withinLines: 2, unpaired: 'report' },
  pattern: '(?<![0-9a-f])(?<secret>[0-9a-f]{10})(?![0-9a-f])',
};
const genericRule: Rule = {
  ...RULE_BASE,
  id: 'generic-token',
  title: 'Generic',
  generic: true,
  keywords: ['token'],
  pattern: 'token = "(?<secret>[a-z0-9_]{8,40})"',
};
const wrapperRule: Rule = {
  ...RULE_BASE,
  id: 'b64-wrapper',
  title: 'Encoded',
  keywords: ['encoded:'],
  decode: 'base64',
  pattern: 'encoded: (?<secret>[A-Za-z0-9+/=]{8,200})',
};
const catalog = compileCatalog([tokenRule, hexRule, genericRule, wrapperRule]);

describe('prefilter', () => {
  it('records where each keyword occurrence ends, in order', () => {
    const filter = buildPrefilter(['aws', 'key', 'ke']);
    const match = filter.match('AWS key, then aws again; keys');
    expect([...match.found].sort()).toEqual([0, 1, 2]);
    expect(match.endsOf([0])).toEqual([3, 17]);
    expect(match.endsOf([1])).toEqual([7, 28]);
    expect(match.endsOf([0, 2])).toEqual([3, 6, 17, 27]);
    expect(match.endsOf([])).toEqual([]);
  });

  it('finds keywords case-insensitively, overlapping ones included', () => {
    const filter = buildPrefilter(['abc', 'bcd', 'xyz']);
    expect([...filter.match('zzABCDzz').found].sort()).toEqual([0, 1]);
    expect(filter.match('no match here').found.size).toBe(0);
    expect([...filter.match('é xyz').found]).toEqual([2]);
  });
});

describe('scan', () => {
  it('reports file line numbers, columns and a fingerprint that ignores the line', () => {
    const [finding] = scan(catalog, { path: 'a.txt', text: 'x\n  acme_abcdef123456', lineNumbers: [10, 42] });
    expect(finding).toMatchObject({ ruleId: 'acme-token', line: 42, column: 3, secret: 'acme_abcdef123456' });
    expect(finding!.fingerprint).toBe(fingerprint('acme-token', 'a.txt', 'acme_abcdef123456'));
    expect(finding!.fingerprint).not.toContain('abcdef');
  });

  it('skips rules whose keywords are absent', () => {
    expect(scan(catalog, { path: 'a', text: 'ACME-abcdef123456' })).toEqual([]);
  });

  it('requires near words and honours whole-word short near words', () => {
    expect(scan(catalog, { path: 'a', text: 'value 0123456789a' })).toEqual([]);
    expect(scan(catalog, { path: 'a', text: 'acme key 9f8e7d6c5b' })).toHaveLength(1);
    expect(scan(catalog, { path: 'a', text: 'react key 9f8e7d6c5b' })).toEqual([]);
    expect(scan(catalog, { path: 'a', text: 'ac key 9f8e7d6c5b' })).toHaveLength(1);
  });

  it('looks for near words in the context when the added lines lack them', () => {
    const context = { text: 'acme:\n  key: 9f8e7d6c5b\n', firstLine: 1 };
    const unit = { path: 'a.yml', text: '  key: 9f8e7d6c5b', lineNumbers: [2], context };
    expect(scan(catalog, unit)).toHaveLength(1);
  });

  it('pairs nearby findings of a paired rule into one', () => {
    const findings = scan(catalog, { path: 'a', text: 'acme site 9f8e7d6c5b\nacme key 1a2b3c4d5e' });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.secret).toBe('9f8e7d6c5b:1a2b3c4d5e');
  });

  it('drops placeholders', () => {
    expect(scan(catalog, { path: 'a', text: 'acme_xxxxxxxxxxxx' })).toEqual([]);
  });

  it('honours allow comments on the line and on the line before', () => {
    expect(scan(catalog, { path: 'a', text: 'k = acme_abcdef123456 # secret-hook:allow' })).toEqual([]);
    expect(scan(catalog, { path: 'a', text: '// secret-hook:allow-next-line\nk = acme_abcdef123456' })).toEqual([]);
    expect(scan(catalog, { path: 'a', text: 'k = acme_abcdef123456 // gitleaks:allow' })).toEqual([]);
    expect(scan(catalog, { path: 'a', text: 'k = acme_abcdef123456 // pragma: allowlist secret' })).toEqual([]);
    // allow-next-line does not silence its own line.
    expect(scan(catalog, { path: 'a', text: 'k = acme_abcdef123456 // secret-hook:allow-next-line' })).toHaveLength(1);
  });

  it('lets a provider rule win over a generic rule on the same secret', () => {
    const findings = scan(catalog, { path: 'a', text: 'token = "acme_abcdef123456"' });
    expect(findings.map((f) => f.ruleId)).toEqual(['acme-token']);
    expect(scan(catalog, { path: 'a', text: 'token = "q8w7e6r5t4y3"' }).map((f) => f.ruleId)).toEqual([
      'generic-token',
    ]);
  });

  it('decodes base64 values and reports what is inside at the encoded place', () => {
    const encoded = Buffer.from('the key is acme_abcdef123456').toString('base64');
    const [finding] = scan(catalog, { path: 'a', text: `x\nencoded: ${encoded}` });
    expect(finding).toMatchObject({
      ruleId: 'acme-token',
      line: 2,
      title: 'Acme token (base64-encoded)',
      encodedAs: encoded,
    });
  });
});

describe('keyword windows', () => {
  // The contract: a keyword sits on the line of every match. This rule breaks it on purpose (`tok=` matches
  // without its keyword), which shows where it runs.
  const loose: Rule = {
    ...RULE_BASE,
    id: 'loose',
    title: 'Loose',
    keywords: ['token'],
    pattern: '(?:token|tok)=(?<secret>[a-z0-9]{10})',
  };
  const looseCatalog = compileCatalog([loose]);
  const filler = Array.from({ length: 20 }, (_, i) => `line ${i}`);
  const text = ['token=k3y5f0r1n3', ...filler, 'tok=zq8x7w6v5u', ...filler].join('\n');

  it('run a line-local keyword rule only on the lines holding its keywords', () => {
    expect(looseCatalog.rules[0]!.lineLocal).toBe(true);
    expect(scan(looseCatalog, { path: 'a.txt', text }).map((f) => f.line)).toEqual([1]);
    expect(scanWith(looseCatalog, { path: 'a.txt', text }, {}, { wholeText: true }).map((f) => f.line)).toEqual([
      1, 22,
    ]);
  });

  it('run a pattern that can cross lines within twice its longest match of its keywords', () => {
    const multi = compileCatalog([{ ...loose, pattern: '(?:token|tok)=\\s{0,3}(?<secret>[a-z0-9]{10})' }]);
    expect(multi.rules[0]!.lineLocal).toBe(false);
    expect(multi.rules[0]!.reach).toBe(19);
    const crossing = ['token=', 'k3y5f0r1n3', ...filler, 'tok=zq8x7w6v5u', ...filler].join('\n');
    expect(scan(multi, { path: 'a.txt', text: crossing }).map((f) => f.line)).toEqual([2]);
    expect(scanWith(multi, { path: 'a.txt', text: crossing }, {}, { wholeText: true }).map((f) => f.line)).toEqual([
      2, 23,
    ]);
  });

  it('leave a pattern whose matches have no bound to the whole text', () => {
    const unbounded = compileCatalog([{ ...loose, pattern: '(?:token|tok)=\\s*(?<secret>[a-z0-9]{10})' }]);
    expect(unbounded.rules[0]!.reach).toBe(Infinity);
    expect(scan(unbounded, { path: 'a.txt', text }).map((f) => f.line)).toEqual([1, 22]);
  });
});

describe('prefilter: per-keyword search and the automaton agree', () => {
  it('on random texts: found keywords and where every occurrence ends', () => {
    const random = seededRandom(99);
    const alphabet = ['a', 'b', 'A', 'B', 'k', 'K', '_', '-', ' ', '\n', 'é', 'İ', '\u212a', '日', 'x', 'X'];
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let round = 0; round < 300; round++) {
      const keywords = [
        ...new Set(
          Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
            Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(['a', 'b', 'k', '_', '-', 'x'])).join(''),
          ),
        ),
      ];
      const text = Array.from({ length: Math.floor(random() * 300) }, () => pick(alphabet)).join('');
      const search = buildPrefilter(keywords).match(text, new SearchBudget(Infinity));
      const automaton = buildPrefilter(keywords).match(text);
      expect([...search.found].sort(), text).toEqual([...automaton.found].sort());
      const wanted = keywords.map((_, i) => i).filter(() => random() < 0.6);
      expect(search.endsOf(wanted), text).toEqual(automaton.endsOf(wanted));
    }
  });

  it('hands over to the automaton once the budget is spent, and spends only what it searched', () => {
    const filter = buildPrefilter(['key']);
    const budget = new SearchBudget(10);
    expect(filter.match('KEY key', budget).endsOf([0])).toEqual([3, 7]);
    expect(budget.remaining).toBe(3);
    expect(filter.match('a long text with a key in it', budget).endsOf([0])).toEqual([22]);
    expect(budget.remaining).toBe(3);
    // Unicode lower-casing that changes the text's length goes to the automaton, unspent.
    expect(filter.match('İk', budget).found.size).toBe(0);
    expect(budget.remaining).toBe(3);
  });

  it('is shared by the prefilters of a catalog that is given one', () => {
    const budget = new SearchBudget(100);
    const budgeted = compileCatalog([tokenRule, hexRule], { searchBudget: budget });
    expect(
      scan(budgeted, { path: 'a', text: 'k = acme_abcdef123456', context: { text: 'acme', firstLine: 1 } }),
    ).toHaveLength(1);
    expect(budget.remaining).toBe(100 - 'k = acme_abcdef123456'.length - 'acme'.length);
    expect(catalog.searchBudget).toBeUndefined();
  });
});

describe('prefilter against naive search', () => {
  it('finds exactly the keywords that indexOf finds, over the whole catalog, on random and keyword-rich texts', async () => {
    const { builtinRules } = await import('../../../rules/index.js');
    const keywords = [
      ...new Set(builtinRules.flatMap((r) => [...r.keywords, ...(r.near?.words ?? [])]).map((k) => k.toLowerCase())),
    ];
    const filter = buildPrefilter(keywords);
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:/= \n"\'é';
    for (let round = 0; round < 300; round++) {
      let text = '';
      while (text.length < 400) {
        text +=
          random() < 0.3
            ? keywords[Math.floor(random() * keywords.length)]!.toUpperCase()
            : alphabet[Math.floor(random() * alphabet.length)];
      }
      const lower = text.toLowerCase();
      const expected = keywords.map((k, i) => (lower.includes(k) ? i : -1)).filter((i) => i >= 0);
      expect([...filter.match(text).found].sort((a, b) => a - b)).toEqual(expected);
    }
  });
});

describe('near words and generated files', () => {
  const nearRule: Rule = {
    ...RULE_BASE,
    id: 'acme-doc-key',
    title: 'Acme doc key',
    keywords: [],
    near: { words: ['kind: acme'], lines: 10 },
    pattern: 'key: (?<secret>[0-9a-f]{12})',
  };
  const nearCatalog = compileCatalog([nearRule, tokenRule, wrapperRule]);

  it('does not carry near words across a YAML document separator', () => {
    expect(scan(nearCatalog, { path: 'a.yaml', text: 'kind: Acme\nkey: 9f8e7d6c5b4a' })).toHaveLength(1);
    expect(scan(nearCatalog, { path: 'a.yaml', text: 'kind: Acme\n---\nkind: Deployment\nkey: 9f8e7d6c5b4a' })).toEqual(
      [],
    );
  });

  it('keeps prefix-less rules quiet on lockfiles and generic rules on bundles, never rules for prefixed keys', () => {
    const text = 'kind: Acme\nkey: 9f8e7d6c5b4a\ntoken = "q8w7e6r5t4y3"\nacme_q8w7e6r5t4y3';
    const catalogWithGeneric = compileCatalog([nearRule, tokenRule, genericRule]);
    const ids = (path: string) => scan(catalogWithGeneric, { path, text }).map((f) => f.ruleId);
    expect(ids('yarn.lock')).toEqual(['acme-token']);
    // A bundle or source map embeds real source: only the generic rules are quiet there.
    expect(ids('dist/app.min.js')).toEqual(['acme-doc-key', 'acme-token']);
    expect(ids('config.yaml')).toEqual(['acme-doc-key', 'generic-token', 'acme-token']);
    // Translation catalogs: their values are words for "token" and "password"; generic rules are quiet there.
    expect(ids('languages/i18n/cy.json')).toEqual(['acme-doc-key', 'acme-token']);
    expect(ids('config/locales/de.yml')).toEqual(['acme-doc-key', 'acme-token']);
    expect(ids('po/cy.po')).toEqual(['acme-doc-key', 'acme-token']);
  });

  it('keeps a keyword rule quiet in vendored trees unless its keyword is its own prefix or the name it is given', () => {
    // Vercel's unprefixed tokens: the provider's name is the keyword, the token has no prefix of its own.
    const contextRule: Rule = {
      ...RULE_BASE,
      id: 'acme-unprefixed',
      title: 'Acme unprefixed token',
      keywords: ['acme'],
      near: { words: ['acme_token', '--token'], lines: 0 },
      pattern: '(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])',
    };
    const vendoredCatalog = compileCatalog([contextRule, tokenRule]);
    const token = new FakeKeys(2412).chars('base62', 24);
    // One long line of someone else's data: the provider's name and a near word are on it, far from the token.
    const data = `{"rules":["acme --token ${'x'.repeat(400)}","(?!${token}\\.)","acme_q8w7e6r5t4y3"]}`;
    const ids = (path: string, text: string) => scan(vendoredCatalog, { path, text }).map((f) => f.ruleId);
    expect(ids('data/rules.json', data)).toEqual(['acme-unprefixed', 'acme-token']);
    expect(ids('node_modules/acme-sdk/dist/rules.json', data)).toEqual(['acme-token']);
    expect(ids('vendor/acme/rules.json', data)).toEqual(['acme-token']);
    // Python's and old Go's vendoring: pip's `_vendor/`, godep's `Godeps/_workspace/`.
    expect(ids('src/pip/_vendor/acme/rules.json', data)).toEqual(['acme-token']);
    expect(ids('Godeps/_workspace/src/github.com/acme/rules.json', data)).toEqual(['acme-token']);
    // Named by the assignment just before it, it is found there too; and in a binary file's printable runs.
    expect(ids('node_modules/app/.env', `ACME_TOKEN=${token}`)).toEqual(['acme-unprefixed']);
    expect(scan(vendoredCatalog, { path: 'blob.bin', text: data, onlyPrefixed: true }).map((f) => f.ruleId)).toEqual([
      'acme-token',
    ]);
  });

  it('drops an encoded value that decodes to binary', () => {
    const digest = 'f'.repeat(8) + '0123abcd'.repeat(7);
    expect(scan(nearCatalog, { path: 'a', text: `encoded: ${Buffer.from(digest, 'hex').toString('base64')}` })).toEqual(
      [],
    );
  });
});

describe('rules from the API', () => {
  it('refuse an empty keyword instead of hanging', () => {
    const empty: Rule = { ...RULE_BASE, id: 'empty', title: 'Empty', keywords: [''], pattern: '(?<secret>x{10})' };
    expect(() => compileCatalog([empty])).toThrow(/keyword is empty/);
  });
});

describe('one secret, one finding: a known format in a place known for credentials', () => {
  const builtin = compileCatalog(builtinRules);
  const keys = new FakeKeys(4242);
  const ruleIds = (text: string, path = 'ci/clone.sh') => scan(builtin, { path, text }).map((f) => f.ruleId);

  it("a token in a git host URL's password is reported by its own rule, not also as the URL's credentials", () => {
    const pat = `${keys.chars('base62', 76)}AZDO${keys.chars('base62', 4)}`;
    expect(ruleIds(`git clone https://build:${pat}@dev.azure.com/contoso/shop/_git/shop\n`)).toEqual([
      'azure-devops-personal-access-token',
    ]);
    const appPassword = `ATBB${keys.chars('base62', 32)}`;
    expect(ruleIds(`git clone https://jane:${appPassword}@bitbucket.org/acme/shop.git\n`)).toEqual([
      'bitbucket-app-password',
    ]);
  });

  it('a token of a known format in a .git-credentials file is reported by its own rule, not as the file password', () => {
    const pat = `${keys.chars('base62', 76)}AZDO${keys.chars('base62', 4)}`;
    const lines = [`https://build:${pat}@dev.azure.com`, `https://jane:${keys.chars('base62', 20)}@git.corp.io`];
    expect(ruleIds(`${lines.join('\n')}\n`, '.git-credentials')).toEqual([
      'azure-devops-personal-access-token',
      'git-credentials-file-password',
    ]);
  });

  it('a password of no known format there is still the URL credentials', () => {
    expect(ruleIds(`git clone https://jane:${keys.chars('base62', 20)}@bitbucket.org/acme/shop.git\n`)).toEqual([
      'git-credentials-url',
    ]);
  });
});
