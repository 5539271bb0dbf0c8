// Validates the shape of a parsed configuration. Every problem names the file, the key path, what was expected and
// what was found, because a configuration error blocks the commit and the user must be able to fix it at once
// (src/report/messages/config.ts says it in words). What only the engine can judge (that a pattern is linear-time,
// that a custom rule finds its examples) is checked where the program is assembled (src/commands/configured-rules.ts).
import type { Rule, Severity } from '../../rules/schema.js';
import type { Expectation } from '../config-problem.js';
import { ConfigError } from '../errors.js';
import { globProblem } from './path-matcher.js';
import { DEFAULT_CONFIG, type Config, type RuleSetting } from './types.js';

const SETTINGS: readonly RuleSetting[] = ['block', 'warn', 'off'];
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const TOP_LEVEL_KEYS = ['$schema', 'rules', 'testKeys', 'customRules', 'ignorePaths', 'allow', 'maxFileSize'];

class Problems {
  constructor(private readonly file: string) {}

  fail(keyPath: string, expected: Expectation, found: unknown): never {
    throw new ConfigError({ kind: 'invalid', file: this.file, keyPath, expected, found });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateConfig(raw: unknown, file: string, builtinIds: ReadonlySet<string>): Config {
  const p: Problems = new Problems(file);
  if (!isObject(raw)) p.fail('', { kind: 'settings-object' }, raw);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.includes(key)) p.fail(key, { kind: 'known-setting', known: TOP_LEVEL_KEYS.slice(1) }, key);
  }

  const customRules = raw['customRules'] === undefined ? [] : validateCustomRules(raw['customRules'], p, builtinIds);
  const knownIds = new Set([...builtinIds, ...customRules.map((r) => r.id)]);

  const rules = new Map<string, RuleSetting>();
  if (raw['rules'] !== undefined) {
    if (!isObject(raw['rules'])) p.fail('rules', { kind: 'rule-settings-object' }, raw['rules']);
    for (const [id, setting] of Object.entries(raw['rules'])) {
      if (!knownIds.has(id)) p.fail(`rules.${id}`, { kind: 'rule-id' }, id);
      if (!SETTINGS.includes(setting as RuleSetting)) p.fail(`rules.${id}`, { kind: 'rule-setting' }, setting);
      rules.set(id, setting as RuleSetting);
    }
  }

  let testKeys = DEFAULT_CONFIG.testKeys;
  if (raw['testKeys'] !== undefined) {
    if (!SETTINGS.includes(raw['testKeys'] as RuleSetting))
      p.fail('testKeys', { kind: 'rule-setting' }, raw['testKeys']);
    testKeys = raw['testKeys'] as RuleSetting;
  }

  const ignorePaths = stringList(raw['ignorePaths'], 'ignorePaths', p);
  ignorePaths.forEach((glob, i) => {
    const problem = globProblem(glob);
    if (problem) p.fail(`ignorePaths[${i}]`, { kind: 'valid-glob', problem }, glob);
  });

  let allowValues: string[] = [];
  let allowPatterns: string[] = [];
  if (raw['allow'] !== undefined) {
    const allow = raw['allow'];
    if (!isObject(allow)) p.fail('allow', { kind: 'allow-object' }, allow);
    for (const key of Object.keys(allow))
      if (key !== 'values' && key !== 'patterns') p.fail(`allow.${key}`, { kind: 'allow-key' }, key);
    allowValues = stringList(allow['values'], 'allow.values', p);
    allowPatterns = stringList(allow['patterns'], 'allow.patterns', p);
  }

  let maxFileSize = DEFAULT_CONFIG.maxFileSize;
  if (raw['maxFileSize'] !== undefined) maxFileSize = parseSize(raw['maxFileSize'], p);

  return { file, rules, testKeys, customRules, ignorePaths, allowValues, allowPatterns, maxFileSize };
}

/** A string field of an object, '' when absent. */
function optionalText(object: Record<string, unknown>, key: string, keyPath: string, p: Problems): string {
  const value = object[key];
  if (value === undefined) return '';
  if (typeof value !== 'string') p.fail(keyPath, { kind: 'string' }, value);
  return value;
}

/** `{ [key]: value }` for a string field that is set, `{}` when absent. */
function optionalField(
  object: Record<string, unknown>,
  key: string,
  keyPath: string,
  p: Problems,
): Record<string, string> {
  const value = optionalText(object, key, keyPath, p);
  return value === '' ? {} : { [key]: value };
}

function stringList(value: unknown, keyPath: string, p: Problems): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) p.fail(keyPath, { kind: 'string-list' }, value);
  value.forEach((item, i) => {
    if (typeof item !== 'string') p.fail(`${keyPath}[${i}]`, { kind: 'string' }, item);
  });
  return value as string[];
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i;
const UNITS: Record<string, number> = { b: 1, kb: 1000, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3 };

function parseSize(value: unknown, p: Problems): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const match = typeof value === 'string' ? SIZE.exec(value.trim()) : null;
  if (!match) return p.fail('maxFileSize', { kind: 'size' }, value);
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]!);
}

/** Custom rules: the built-in shape, with `fix` and `guide` optional; their examples are proved on load. */
function validateCustomRules(value: unknown, p: Problems, builtinIds: ReadonlySet<string>): Rule[] {
  if (!Array.isArray(value)) p.fail('customRules', { kind: 'rule-list' }, value);
  const seen = new Set<string>();
  return value.map((raw, i) => {
    const at = `customRules[${i}]`;
    if (!isObject(raw)) p.fail(at, { kind: 'rule-object' }, raw);
    const text = (key: string, required = true): string => {
      const v = raw[key];
      if (v === undefined && !required) return '';
      if (typeof v !== 'string' || v.trim() === '') p.fail(`${at}.${key}`, { kind: 'non-empty-string' }, v);
      return v;
    };
    const id = text('id');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) p.fail(`${at}.id`, { kind: 'kebab-id' }, id);
    if (builtinIds.has(id) || seen.has(id)) p.fail(`${at}.id`, { kind: 'unique-id' }, id);
    seen.add(id);
    const severity = raw['severity'] ?? 'high';
    if (!SEVERITIES.includes(severity as Severity)) p.fail(`${at}.severity`, { kind: 'severity' }, severity);
    const keywords = stringList(raw['keywords'], `${at}.keywords`, p);
    if (keywords.length === 0) p.fail(`${at}.keywords`, { kind: 'some-keyword' }, raw['keywords']);
    keywords.forEach((keyword, j) => {
      // The keyword prefilter folds ASCII letters only, and an empty keyword would occur everywhere (its search
      // never advances).
      if (keyword.trim() === '') p.fail(`${at}.keywords[${j}]`, { kind: 'keyword-not-blank' }, keyword);
      if (/[^\x20-\x7e]/.test(keyword)) p.fail(`${at}.keywords[${j}]`, { kind: 'keyword-ascii' }, keyword);
    });
    const pattern = text('pattern');
    if (!pattern.includes('(?<secret>')) p.fail(`${at}.pattern`, { kind: 'secret-group' }, pattern);
    const examples = stringList(raw['examples'], `${at}.examples`, p);
    const negativeExamples = stringList(raw['negativeExamples'], `${at}.negativeExamples`, p);
    if (examples.length === 0) p.fail(`${at}.examples`, { kind: 'some-example' }, raw['examples']);
    let entropy: number | undefined;
    if (raw['entropy'] !== undefined) {
      if (typeof raw['entropy'] !== 'number' || raw['entropy'] < 0 || raw['entropy'] > 8)
        p.fail(`${at}.entropy`, { kind: 'entropy' }, raw['entropy']);
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
      // What the configuration leaves out stays empty here: the words that stand in for it are the report's
      // (src/report/messages/config.ts, customRuleAdvice).
      fix: {
        env,
        provider: optionalText(fix, 'provider', `${at}.fix.provider`, p),
        rotate: stringList(fix['rotate'], `${at}.fix.rotate`, p),
        docs: optionalText(fix, 'docs', `${at}.fix.docs`, p),
        ...optionalField(fix, 'leastPrivilege', `${at}.fix.leastPrivilege`, p),
        ...optionalField(fix, 'rotationGap', `${at}.fix.rotationGap`, p),
      },
      guide: { grants: text('description', false), risks: '', checkMisuse: '' },
    };
    return rule;
  });
}
