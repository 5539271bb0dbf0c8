// Validates a parsed configuration. Every message names the file, the key path, what was expected and what was
// found, because a configuration error blocks the commit and the user must be able to fix it at once.
import type { Rule, Severity } from '../../rules/schema.js';
import { compileCatalog, compileRule } from '../engine/compile.js';
import { linearTimeProblems, MAX_STEPS_PER_POSITION } from '../engine/linear-time.js';
import { scan } from '../engine/scan.js';
import { ConfigError } from '../errors.js';
import { globProblem } from './path-matcher.js';
import { DEFAULT_CONFIG, type Config, type RuleSetting } from './types.js';

const SETTINGS: readonly RuleSetting[] = ['block', 'warn', 'off'];
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const TOP_LEVEL_KEYS = ['$schema', 'rules', 'testKeys', 'customRules', 'ignorePaths', 'allow', 'maxFileSize'];

class Problems {
  constructor(private readonly file: string) {}

  fail(keyPath: string, expected: string, found: unknown): never {
    throw new ConfigError(
      `invalid configuration in ${this.file} at ${keyPath || '(top level)'}: expected ${expected}, found ${describe(found)}`,
      {
        hint: `Fix ${keyPath || 'the file'} in ${this.file}; nothing was scanned.`,
      },
    );
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === 'object') return `an object (${JSON.stringify(value).slice(0, 60)})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateConfig(raw: unknown, file: string, builtinIds: ReadonlySet<string>): Config {
  const p: Problems = new Problems(file);
  if (!isObject(raw)) p.fail('', 'an object of settings', raw);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.includes(key))
      p.fail(key, `one of the known settings (${TOP_LEVEL_KEYS.slice(1).join(', ')})`, key);
  }

  const customRules = raw['customRules'] === undefined ? [] : validateCustomRules(raw['customRules'], p, builtinIds);
  const knownIds = new Set([...builtinIds, ...customRules.map((r) => r.id)]);

  const rules = new Map<string, RuleSetting>();
  if (raw['rules'] !== undefined) {
    if (!isObject(raw['rules']))
      p.fail('rules', 'an object mapping rule ids to "block", "warn" or "off"', raw['rules']);
    for (const [id, setting] of Object.entries(raw['rules'])) {
      if (!knownIds.has(id)) p.fail(`rules.${id}`, 'the id of a built-in or custom rule (see `secret-hook rules`)', id);
      if (!SETTINGS.includes(setting as RuleSetting)) p.fail(`rules.${id}`, '"block", "warn" or "off"', setting);
      rules.set(id, setting as RuleSetting);
    }
  }

  let testKeys = DEFAULT_CONFIG.testKeys;
  if (raw['testKeys'] !== undefined) {
    if (!SETTINGS.includes(raw['testKeys'] as RuleSetting))
      p.fail('testKeys', '"block", "warn" or "off"', raw['testKeys']);
    testKeys = raw['testKeys'] as RuleSetting;
  }

  const ignorePaths = stringList(raw['ignorePaths'], 'ignorePaths', p);
  ignorePaths.forEach((glob, i) => {
    const problem = globProblem(glob);
    if (problem) p.fail(`ignorePaths[${i}]`, `a valid glob (${problem})`, glob);
  });

  let allowValues: string[] = [];
  let allowPatterns: string[] = [];
  if (raw['allow'] !== undefined) {
    const allow = raw['allow'];
    if (!isObject(allow)) p.fail('allow', 'an object with "values" and/or "patterns"', allow);
    for (const key of Object.keys(allow))
      if (key !== 'values' && key !== 'patterns') p.fail(`allow.${key}`, '"values" or "patterns"', key);
    allowValues = stringList(allow['values'], 'allow.values', p);
    allowPatterns = stringList(allow['patterns'], 'allow.patterns', p);
    allowPatterns.forEach((pattern, i) => checkPattern(pattern, `allow.patterns[${i}]`, p));
  }

  let maxFileSize = DEFAULT_CONFIG.maxFileSize;
  if (raw['maxFileSize'] !== undefined) maxFileSize = parseSize(raw['maxFileSize'], p);

  return { file, rules, testKeys, customRules, ignorePaths, allowValues, allowPatterns, maxFileSize };
}

function stringList(value: unknown, keyPath: string, p: Problems): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) p.fail(keyPath, 'an array of strings', value);
  value.forEach((item, i) => {
    if (typeof item !== 'string') p.fail(`${keyPath}[${i}]`, 'a string', item);
  });
  return value as string[];
}

// Four times the longest built-in pattern (about 960 characters): analysing a pattern takes time too, and a
// configuration must not be able to spend seconds of every commit on it (40,000 characters of alternatives: 2 s).
const MAX_PATTERN_LENGTH = 4096;

function checkPattern(pattern: string, keyPath: string, p: Problems): void {
  if (pattern.length > MAX_PATTERN_LENGTH)
    p.fail(
      keyPath,
      `a pattern of at most ${MAX_PATTERN_LENGTH} characters (this one has ${pattern.length})`,
      `${pattern.slice(0, 40)}…`,
    );
  try {
    new RegExp(pattern);
  } catch (error) {
    p.fail(keyPath, `a valid regular expression (${(error as Error).message})`, pattern);
  }
  // A configuration may come from a pushed repository: its patterns must also keep within the step bound, which
  // the built-in rules are not held to (the test suite and the benchmark measure those).
  const problems = linearTimeProblems(pattern, { maxSteps: MAX_STEPS_PER_POSITION });
  if (problems.length > 0) p.fail(keyPath, `a linear-time pattern (${problems[0]})`, pattern);
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i;
const UNITS: Record<string, number> = { b: 1, kb: 1000, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };

function parseSize(value: unknown, p: Problems): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const match = typeof value === 'string' ? SIZE.exec(value.trim()) : null;
  if (!match) return p.fail('maxFileSize', 'a positive number of bytes or a size such as "10MB" or "512KiB"', value);
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]!);
}

/** Custom rules: the built-in shape, with `fix` and `guide` optional; their examples are proved on load. */
function validateCustomRules(value: unknown, p: Problems, builtinIds: ReadonlySet<string>): Rule[] {
  if (!Array.isArray(value)) p.fail('customRules', 'an array of rules', value);
  const seen = new Set<string>();
  return value.map((raw, i) => {
    const at = `customRules[${i}]`;
    if (!isObject(raw)) p.fail(at, 'a rule object', raw);
    const text = (key: string, required = true): string => {
      const v = raw[key];
      if (v === undefined && !required) return '';
      if (typeof v !== 'string' || v.trim() === '') p.fail(`${at}.${key}`, 'a non-empty string', v);
      return v;
    };
    const id = text('id');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) p.fail(`${at}.id`, 'a kebab-case id such as "acme-api-key"', id);
    if (builtinIds.has(id) || seen.has(id)) p.fail(`${at}.id`, 'an id that no other rule uses', id);
    seen.add(id);
    const severity = raw['severity'] ?? 'high';
    if (!SEVERITIES.includes(severity as Severity))
      p.fail(`${at}.severity`, '"critical", "high", "medium" or "low"', severity);
    const keywords = stringList(raw['keywords'], `${at}.keywords`, p);
    if (keywords.length === 0)
      p.fail(`${at}.keywords`, 'at least one keyword that every match contains', raw['keywords']);
    keywords.forEach((keyword, j) => {
      // The keyword prefilter folds ASCII letters only, and an empty keyword would occur everywhere (its search
      // never advances).
      if (keyword.trim() === '')
        p.fail(`${at}.keywords[${j}]`, 'a keyword with at least one character other than a space', keyword);
      if (/[^\x20-\x7e]/.test(keyword))
        p.fail(
          `${at}.keywords[${j}]`,
          'a keyword of printable ASCII characters (letters, digits, punctuation)',
          keyword,
        );
    });
    const pattern = text('pattern');
    checkPattern(pattern, `${at}.pattern`, p);
    if (!pattern.includes('(?<secret>')) p.fail(`${at}.pattern`, 'a pattern with a named group (?<secret>…)', pattern);
    const examples = stringList(raw['examples'], `${at}.examples`, p);
    const negativeExamples = stringList(raw['negativeExamples'], `${at}.negativeExamples`, p);
    if (examples.length === 0)
      p.fail(`${at}.examples`, 'at least one example line the rule must find', raw['examples']);
    let entropy: number | undefined;
    if (raw['entropy'] !== undefined) {
      if (typeof raw['entropy'] !== 'number' || raw['entropy'] < 0 || raw['entropy'] > 8)
        p.fail(`${at}.entropy`, 'a number of bits per character between 0 and 8', raw['entropy']);
      entropy = raw['entropy'];
    }
    const fix = isObject(raw['fix']) ? raw['fix'] : {};
    const env = typeof fix['env'] === 'string' ? fix['env'] : id.toUpperCase().replace(/-/g, '_');
    const rule: Rule = {
      id,
      title: text('title'),
      severity: severity as Severity,
      keywords: keywords.map((k) => k.toLowerCase()),
      pattern,
      ...(entropy === undefined ? {} : { entropy }),
      examples,
      negativeExamples,
      fix: {
        env,
        provider: typeof fix['provider'] === 'string' ? fix['provider'] : 'the provider',
        rotate: Array.isArray(fix['rotate'])
          ? (fix['rotate'] as string[])
          : ['Create a new credential at the provider, deploy it, then revoke the old one.'],
        docs: typeof fix['docs'] === 'string' ? fix['docs'] : '',
      },
      guide: {
        grants: text('description', false) || "A credential defined by this repository's configuration.",
        risks: 'Anyone holding it can act with its permissions.',
        checkMisuse: "Review the provider's access logs for its use.",
      },
    };
    proveExamples(rule, at, p);
    return rule;
  });
}

function proveExamples(rule: Rule, at: string, p: Problems): void {
  try {
    void compileRule(rule).regex; // the pattern is compiled on first use: use it now, to report a bad one
  } catch (error) {
    p.fail(`${at}.pattern`, `a pattern that compiles (${(error as Error).message})`, rule.pattern);
  }
  const catalog = compileCatalog([rule]);
  rule.examples.forEach((example, i) => {
    const found = scan(catalog, { path: 'example', text: example }).some((f) => f.ruleId === rule.id);
    if (!found)
      p.fail(
        `${at}.examples[${i}]`,
        `an example the rule finds (check its pattern, keywords${rule.entropy ? ' and entropy' : ''})`,
        example,
      );
  });
  rule.negativeExamples.forEach((example, i) => {
    const found = scan(catalog, { path: 'example', text: example }).some((f) => f.ruleId === rule.id);
    if (found) p.fail(`${at}.negativeExamples[${i}]`, 'a look-alike the rule does not find', example);
  });
}
