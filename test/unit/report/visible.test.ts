// Text from the repository is printed with its control characters made visible, in every format: a file name or
// a line must not be able to clear the screen, move the cursor, retitle the terminal or reorder what is read.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import type { Rule } from '../../../rules/schema.js';
import { fingerprint } from '../../../src/engine/scan.js';
import { formatJson, formatText } from '../../../src/report/format.js';
import { formatGithubAnnotations } from '../../../src/report/github.js';
import { failureParagraph } from '../../../src/report/messages/failures.js';
import { redact } from '../../../src/report/redact.js';
import type { ReportedFinding, ScanResult } from '../../../src/result.js';
import { formatSarif } from '../../../src/report/sarif.js';
import { visible, visibleJson } from '../../../src/report/visible.js';
import { FakeKeys } from '../../helpers/examples.js';
import { reportedFinding } from '../../helpers/findings.js';

describe('visible', () => {
  it('writes control characters as escapes a reader can see', () => {
    expect(visible('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(visible('\x1b]0;title\x07')).toBe('\\x1b]0;title\\x07');
    expect(visible('one\rtwo\nthree\tfour')).toBe('one\\rtwo\\nthree\\tfour');
    expect(visible('\x00\x08\x7f')).toBe('\\x00\\x08\\x7f');
    // C1 controls: U+009B is a CSI on terminals that honour C1.
    expect(visible('\x9b2J\x85')).toBe('\\x9b2J\\x85');
  });

  it('writes bidirectional controls and line separators as escapes', () => {
    expect(visible('invoice\u202Egpj.exe')).toBe('invoice\\u202egpj.exe');
    expect(visible('\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c',
    );
    expect(visible('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
  });

  it('leaves ordinary text alone, including backslashes and non-ASCII letters', () => {
    for (const text of ['src/pay.ts', 'const s = "a\\nb";', 'café/日本語/ключ.txt', 'C:\\Users\\me', '']) {
      expect(visible(text)).toBe(text);
    }
  });

  it('keeps JSON exact for readers and ASCII for terminals', () => {
    const value = { file: 'a\x9b2J\u202e\x7f.ts', line: 'x\u2028y\n' };
    const json = visibleJson(JSON.stringify(value, null, 2));
    expect(JSON.parse(json)).toEqual(value);
    expect(json).toContain('a\\u009b2J\\u202e\\u007f.ts');
    expect(json).not.toMatch(UNSAFE_OUTPUT);
    // The layout's own newlines stay newlines.
    expect(json.split('\n')).toHaveLength(4);
  });
});

// ——— Every format, with hostile text in every field that comes from the repository ———

/** What no output may carry: C0 controls but the newlines that end its lines, DEL, C1, bidi controls, U+2028/9. */
const UNSAFE_OUTPUT =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE = '\x1b[2J\x1b[H\x1b]0;owned\x07\rNo secrets found.\x9b2J\u202e\u2066\x00\x7f\t\n\u2028';

function expectSafe(output: string): void {
  const at = output.search(UNSAFE_OUTPUT);
  expect(at, `raw control character at ${at}: ${JSON.stringify(output.slice(Math.max(0, at - 20), at + 20))}`).toBe(-1);
}

const keys = new FakeKeys(23);
const live = keys.expand('sk_live_{{base62:32}}');
const oid = keys.expand('{{hex:40}}');
const hostilePath = `src/${HOSTILE}/pay.ts`;

/** A custom rule whose title, advice and matches come from a hostile configuration. */
const customRule: Rule = {
  id: 'acme-api-key',
  title: `Acme key${HOSTILE}`,
  severity: 'high',
  keywords: ['acme_'],
  pattern: '(?<secret>acme_[^\\s]{8,40})',
  examples: [],
  negativeExamples: [],
  fix: {
    env: `ACME${HOSTILE}`,
    provider: `Acme${HOSTILE}`,
    rotate: [`Rotate${HOSTILE}`],
    docs: `https://x/${HOSTILE}`,
  },
  guide: { grants: HOSTILE, risks: HOSTILE, checkMisuse: HOSTILE },
};
const rules = new Map<string, Rule>([...builtinRules.map((r) => [r.id, r] as const), [customRule.id, customRule]]);

// A secret the custom rule matched, control characters included (a pattern may match them).
const customSecret = `acme_\x1b[2J\x9b${keys.expand('{{base62:12}}')}\x1b]0;x\x07`;
const customFinding: ReportedFinding = {
  ruleId: customRule.id,
  title: customRule.title,
  severity: 'high',
  testKey: false,
  path: hostilePath,
  line: 3,
  column: 9,
  secret: customSecret,
  lineText: `token: ${customSecret} ${HOSTILE}`,
  fingerprint: fingerprint(customRule.id, hostilePath, customSecret),
  action: 'block',
};
const commit = { oid, subject: `Add pay${HOSTILE}`, author: `Mallory${HOSTILE}`, time: 1_760_000_000 };
const stripeFinding = reportedFinding(
  'stripe-live-secret-key',
  live,
  { path: hostilePath, line: 7, before: `\x1b[2K\r${HOSTILE}const stripe = "` },
  { action: 'block' },
);

function result(scope: ScanResult['scope'], withCommit: boolean): ScanResult {
  const inCommit = (f: ReportedFinding) => (withCommit ? { ...f, commit } : f);
  return {
    scope,
    findings: [inCommit(stripeFinding), inCommit(customFinding), inCommit({ ...stripeFinding, action: 'warn' })],
    skipped: [
      { path: hostilePath, reason: { kind: 'renamed', from: HOSTILE } },
      { path: `big${HOSTILE}.bin`, reason: { kind: 'too-large', bytes: 2048, limit: 1024 } },
      { path: `logo${HOSTILE}.png`, reason: { kind: 'binary' } },
    ],
    stats: { files: 3, bytes: 300, commits: withCommit ? 1 : 0, milliseconds: 1 },
    notices: [`notice about ${HOSTILE}`],
    staleAllows: [{ path: hostilePath, line: 4 }],
    ...(withCommit ? { tips: [oid] } : {}),
  };
}

describe.each([
  ['staged', false],
  ['push', true],
  ['history', true],
  ['all', false],
] as const)('with hostile text, a %s scan', (scope, withCommit) => {
  const scanned = result(scope, withCommit);

  it.each([false, true])('prints text with nothing raw (show secrets: %s)', (showSecrets) => {
    // Wide enough that no escape sequence is moved to a line of its own: what is checked here is visibility.
    const text = formatText(scanned, {
      rules,
      color: false,
      verbose: true,
      showSecrets,
      summary: true,
      hook: scope === 'staged' || scope === 'push',
      width: 1000,
    });
    expectSafe(text);
    // Still the findings, each where it was found, with the hostile parts shown as escapes.
    expect(text).toContain(`${visible(hostilePath)}:7:`);
    expect(text).toContain(`${visible(customRule.title)} [acme-api-key]`);
    expect(text).toContain(`  ${visible(hostilePath)}:3:9  `);
    expect(text).toContain('\\x1b[2J\\x1b[H\\x1b]0;owned\\x07\\rNo secrets found.\\x9b2J\\u202e\\u2066');
    expect(text).toContain(showSecrets ? visible(customSecret) : visible(redact(customSecret)));
    if (!showSecrets) expect(text).not.toContain(live);
    if (withCommit) expect(text).toContain(`commit ${oid.slice(0, 10)}  ${visible(commit.subject)}`);
  });

  it('prints workflow annotations with nothing raw, one line each', () => {
    const out = formatGithubAnnotations(scanned, { showSecrets: true });
    expectSafe(out);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=src\/\\x1b\[2J/);
  });

  it.each([
    ['json', (r: ScanResult) => formatJson(r, { showSecrets: true })],
    ['sarif', (r: ScanResult) => formatSarif(r, { rules, showSecrets: true, toolVersion: '1.0.0' })],
  ] as const)('prints %s that reads back the exact values, with nothing raw', (_format, render) => {
    const json = render(scanned);
    expectSafe(json);
    const text = JSON.stringify(JSON.parse(json));
    expect(text).toContain(JSON.stringify(hostilePath).slice(1, -1));
    expect(text).toContain(JSON.stringify(customSecret).slice(1, -1));
  });
});

describe('failureParagraph', () => {
  it('makes the paths and values it names visible', () => {
    const error = Object.assign(new Error(`cannot read ${hostilePath}`, { cause: new Error(`EACCES ${HOSTILE}`) }), {
      hint: `Fix ${HOSTILE}.`,
    });
    for (const scope of ['staged', 'push', 'all', 'history'] as const) {
      const paragraph = failureParagraph(error, scope);
      expectSafe(paragraph);
      expect(paragraph).not.toContain('\n');
      expect(paragraph).toContain(`cannot read ${visible(hostilePath)}`);
    }
  });
});
