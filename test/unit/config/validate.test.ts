// Every setting, and every error message: the file, the key path, what was expected and what was found.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { loadConfig } from '../../../src/config/load.js';
import { validateConfig } from '../../../src/config/validate.js';
import { checkConfiguredRules } from '../../../src/commands/configured-rules.js';
import { ConfigError } from '../../../src/errors.js';
import { FakeKeys } from '../../helpers/examples.js';
import { describeConfigProblem } from '../../../src/report/messages/config.js';

const ids = new Set(builtinRules.map((r) => r.id));
/** As the program does when it loads a configuration: its shape, then what the engine judges. */
const validate = (raw: unknown) => {
  const config = validateConfig(raw, 'secret-hook.config.json', ids);
  checkConfiguredRules(config);
  return config;
};
/** What the user reads of a configuration error. */
const wording = (error: unknown) => {
  const { message, hint } = describeConfigProblem((error as ConfigError).problem);
  return `${message} ${hint}`;
};

function expectError(raw: unknown, ...parts: string[]) {
  try {
    validate(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = wording(error);
    expect(message).toContain('secret-hook.config.json');
    for (const part of parts) expect(message).toContain(part);
    return;
  }
  throw new Error('expected a ConfigError');
}

function errorOf(raw: unknown): ConfigError {
  try {
    validate(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const acmeRule = {
  id: 'acme-api-key',
  title: 'Acme API key',
  keywords: ['acme_'],
  pattern: '(?<![a-z0-9])(?<secret>acme_[a-z0-9]{16})(?![a-z0-9])',
  // Made at run time, as every key in the suite: the repository holds no live-looking one.
  examples: [`ACME_KEY=acme_${new FakeKeys(20261207).chars('lower', 16)}`],
  negativeExamples: ['acme_short'],
};

describe('validateConfig', () => {
  it('accepts every setting', () => {
    const config = validate({
      $schema: './node_modules/secret-hook/schema/config.schema.json',
      rules: { 'stripe-test-secret-key': 'block', 'aws-access-key-id': 'off', 'acme-api-key': 'warn' },
      testKeys: 'off',
      customRules: [acmeRule],
      ignorePaths: ['fixtures/', '*.snap', '/docs/**/*.md'],
      allow: { values: ['sk_test_demo'], patterns: ['^AKIA[A-Z0-9]{4}EXAMPLE'] },
      maxFileSize: '2MiB',
    });
    expect(config.rules.get('aws-access-key-id')).toBe('off');
    expect(config.rules.get('acme-api-key')).toBe('warn');
    expect(config.testKeys).toBe('off');
    expect(config.customRules[0]!.id).toBe('acme-api-key');
    expect(config.maxFileSize).toBe(2 * 1024 * 1024);
    expect(validate({ maxFileSize: 1000 }).maxFileSize).toBe(1000);
    expect(validate({ maxFileSize: '10MB' }).maxFileSize).toBe(10_000_000);
  });

  it('names an unknown key', () => expectError({ rulez: {} }, 'at rulez', 'one of the known settings', '"rulez"'));
  it('names a wrong type', () =>
    expectError(
      { ignorePaths: 'fixtures/**' },
      'at ignorePaths',
      'expected an array of strings',
      'string "fixtures/**"',
    ));
  it('names a wrong item type', () =>
    expectError({ ignorePaths: ['a', 3] }, 'at ignorePaths[1]', 'expected a string', 'number 3'));
  it('names an unknown rule id', () =>
    expectError({ rules: { 'no-such-rule': 'off' } }, 'at rules.no-such-rule', 'secret-hook rules'));
  it('names a wrong rule setting', () =>
    expectError(
      { rules: { 'aws-access-key-id': 'disable' } },
      'at rules.aws-access-key-id',
      '"block", "warn" or "off"',
      '"disable"',
    ));
  it('names a bad glob', () =>
    expectError({ ignorePaths: ['src/{a,b'] }, 'at ignorePaths[0]', 'a valid glob', 'never closed'));
  it('rejects a negated glob', () => expectError({ ignorePaths: ['!keep.txt'] }, 'negation'));
  it('names a bad size', () => expectError({ maxFileSize: 'huge' }, 'at maxFileSize', '"10MB"'));
  it('names a bad allow pattern', () =>
    expectError({ allow: { patterns: ['(unclosed'] } }, 'at allow.patterns[0]', 'a valid regular expression'));
  it('rejects a catastrophic allow pattern', () =>
    expectError({ allow: { patterns: ['(a+)+$'] } }, 'at allow.patterns[0]', 'linear-time'));

  it('rejects a custom rule whose own example fails', () => {
    expectError(
      { customRules: [{ ...acmeRule, examples: ['ACME_KEY=acme_tooshort'] }] },
      'at customRules[0].examples[0]',
      'an example the rule finds',
    );
  });
  it("rejects a custom rule's advice that is not text", () => {
    expectError(
      { customRules: [{ ...acmeRule, fix: { env: 'ACME_KEY', rotate: ['Roll it.', 42] } }] },
      'at customRules[0].fix.rotate[1]',
    );
    expectError(
      { customRules: [{ ...acmeRule, fix: { leastPrivilege: ['x'] } }] },
      'at customRules[0].fix.leastPrivilege',
    );
  });
  it('rejects a custom rule whose negative example matches', () => {
    expectError(
      { customRules: [{ ...acmeRule, negativeExamples: ['acme_q8w7e6r5t4y3u2i1'] }] },
      'at customRules[0].negativeExamples[0]',
    );
  });
  it('rejects a custom rule with a catastrophic pattern', () => {
    expectError(
      { customRules: [{ ...acmeRule, pattern: '(?<secret>(acme_[a-z]+)+)' }] },
      'at customRules[0].pattern',
      'linear-time',
    );
  });
  it('rejects a custom rule without a secret group', () => {
    expectError(
      { customRules: [{ ...acmeRule, pattern: 'acme_[a-z0-9]{16}' }] },
      'at customRules[0].pattern',
      '(?<secret>',
    );
  });

  describe('custom rules that could hang the hook', () => {
    // Adjacent ranges that can trade characters: a failing match tries every split, O(n·w^k).
    it('names the two parts of a{1,100}a{1,100}a{1,100}b, the hang the red team found', () => {
      const pattern = '(?<secret>a{1,100}a{1,100}a{1,100}b)';
      const error = errorOf({ customRules: [{ ...acmeRule, pattern }] });
      expect(describeConfigProblem(error.problem).message).toBe(
        'invalid configuration in secret-hook.config.json at customRules[0].pattern: expected a linear-time pattern ' +
          '("a{1,100}" at 10 and "a{1,100}" at 18 are variable parts next to each other that can match the same ' +
          'characters, so a failing match tries every way of splitting the text between them (polynomial ' +
          'backtracking): merge them into one quantifier, or separate them by a character the first cannot match), ' +
          `found string ${JSON.stringify(pattern)}`,
      );
      expect(describeConfigProblem(error.problem).hint).toBe(
        'Fix customRules[0].pattern in secret-hook.config.json; nothing was scanned.',
      );
    });
    it.each([
      ['acme_(?<secret>\\d{1,5}\\d{1,5})', '"\\d{1,5}" at 15 and "\\d{1,5}" at 22'],
      ['acme_(?<secret>[a-z]{1,9}[a-z0-9]{1,9})', '"[a-z]{1,9}" at 15 and "[a-z0-9]{1,9}" at 25'],
      ['acme_(?<secret>(?:ab){1,5}(?:ab){1,5})', '"(?:ab){1,5}" at 15 and "(?:ab){1,5}" at 26'],
      ['acme_.{0,50}x{0,50}(?<secret>[a-z0-9]{16})', '".{0,50}" at 5 and "x{0,50}" at 12'],
    ])('rejects %s', (pattern, parts) => {
      expectError(
        { customRules: [{ ...acmeRule, pattern }] },
        'at customRules[0].pattern: expected a linear-time pattern (',
        parts,
        `found string ${JSON.stringify(pattern)}`,
      );
    });
    // Shapes the structural checks let through, refused by the bound on steps per position of the text.
    it.each([
      `acme_(?<secret>${'(?:a|a)b'.repeat(20)})`,
      '(?<secret>[a-z]{1,16384}X)',
      'acme_(?<secret>[ab]{1,1000}ab[ab]{1,1000})c',
    ])('rejects %s by its step bound', (pattern) => {
      expectError(
        { customRules: [{ ...acmeRule, pattern }] },
        'at customRules[0].pattern: expected a linear-time pattern (a failing match can take about',
        'backtracking steps at each position of the text (at most 4096)',
      );
    });
    it('rejects a pattern too long to analyse quickly', () => {
      expectError(
        { allow: { patterns: [`^(?:${Array.from({ length: 2000 }, (_, i) => `k${i}`).join('|')})$`] } },
        'at allow.patterns[0]: expected a pattern of at most 4096 characters (this one has 10895), found string "^(?:k0|k1|',
      );
    });
    it('checks allow patterns the same way', () => {
      expectError(
        { allow: { patterns: ['^[a-z]{1,40}[a-z0-9]{1,40}$'] } },
        'at allow.patterns[0]: expected a linear-time pattern ("[a-z]{1,40}" at 1 and "[a-z0-9]{1,40}" at 12',
      );
      expectError({ allow: { patterns: ['^[a-z]{1,16384}X'] } }, 'at allow.patterns[0]', 'backtracking steps');
    });
  });

  describe('custom rule keywords the prefilter cannot take', () => {
    it.each([
      ['', 'a keyword with at least one character other than a space', 'string ""'],
      ['   ', 'a keyword with at least one character other than a space', 'string "   "'],
      ['acme\t', 'a keyword of printable ASCII characters (letters, digits, punctuation)', 'string "acme\\t"'],
      ['ключ_', 'a keyword of printable ASCII characters (letters, digits, punctuation)', 'string "ключ_"'],
    ])('rejects %j', (keyword, expected, found) => {
      const error = errorOf({ customRules: [{ ...acmeRule, keywords: ['acme_', keyword] }] });
      expect(describeConfigProblem(error.problem).message).toBe(
        `invalid configuration in secret-hook.config.json at customRules[0].keywords[1]: expected ${expected}, found ${found}`,
      );
    });
  });

  it('rejects a custom rule that reuses a built-in id', () => {
    expectError(
      { customRules: [{ ...acmeRule, id: 'aws-access-key-id' }] },
      'at customRules[0].id',
      'no other rule uses',
    );
  });
});

describe('loadConfig', () => {
  const dirs: string[] = [];
  afterEach(() => {
    while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
  });
  const dir = (files: Record<string, string>) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-config-'));
    dirs.push(d);
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(d, name), content);
    return d;
  };

  it('uses the defaults without a configuration', async () => {
    expect((await loadConfig(dir({}), ids)).file).toBeNull();
  });
  it('reads YAML', async () => {
    const config = await loadConfig(
      dir({ 'secret-hook.config.yaml': 'testKeys: block\nignorePaths:\n  - "*.snap"\n' }),
      ids,
    );
    expect(config.file).toBe('secret-hook.config.yaml');
    expect(config.testKeys).toBe('block');
  });
  it('reads the "secret-hook" key of package.json', async () => {
    const config = await loadConfig(
      dir({ 'package.json': JSON.stringify({ name: 'x', 'secret-hook': { testKeys: 'off' } }) }),
      ids,
    );
    expect(config.testKeys).toBe('off');
    expect(config.file).toContain('package.json');
  });
  it('names a JSON syntax error', async () => {
    const error = await loadConfig(dir({ 'secret-hook.config.json': '{ "testKeys": ' }), ids).catch((e) => e);
    expect(wording(error)).toMatch(/secret-hook\.config\.json: it is not valid JSON/);
  });
  it('names a YAML syntax error', async () => {
    const error = await loadConfig(dir({ 'secret-hook.config.yml': 'rules: [unclosed\n' }), ids).catch((e) => e);
    expect(wording(error)).toMatch(/secret-hook\.config\.yml: it is not valid YAML/);
  });
});
