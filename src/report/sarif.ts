// SARIF 2.1.0 for code scanning (GitHub and other SARIF viewers). One run; a rule descriptor for each rule that has
// results, with the fix hint and the offline guide as help; one result per finding. Secrets are redacted unless the
// caller asks for them explicitly (--show-secrets), like every other format.
import type { Rule, Severity } from '../../rules/schema.js';
import { isWarningReason } from '../skip-reason.js';
import { SECRET_MANAGERS } from './messages/findings.js';
import { explainText, rotationAdvice } from './messages/explain.js';
import { skipReasonText, unlistedLine } from './messages/scan-notes.js';
import { redact } from './redact.js';
import type { ReportedFinding, ScanResult } from '../result.js';
import { listFindings } from './listing.js';
import { visibleJson } from './visible.js';

export interface SarifOptions {
  rules: ReadonlyMap<string, Rule>;
  showSecrets: boolean;
  toolVersion: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_INFORMATION_URI = 'https://www.npmjs.com/package/secret-hook';
/** The key of our fingerprint in `partialFingerprints`; bump the version if the fingerprint's recipe changes. */
export const SARIF_FINGERPRINT_KEY = 'secretHook/v1';

/** GitHub code scanning reads `security-severity` (a number as a string) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

type Level = 'error' | 'warning' | 'note';

export function formatSarif(result: ScanResult, options: SarifOptions): string {
  const shown = (secret: string) => (options.showSecrets ? secret : redact(secret));
  const { listed, unlisted } = listFindings(result.findings);

  // Rules in order of first appearance, so ruleIndex is stable for a given result.
  const ruleIds: string[] = [];
  const ruleIndex = new Map<string, number>();
  for (const f of listed) {
    if (ruleIndex.has(f.ruleId)) continue;
    ruleIndex.set(f.ruleId, ruleIds.length);
    ruleIds.push(f.ruleId);
  }
  const descriptors = ruleIds.map((id) => {
    const rule = options.rules.get(id);
    return rule ? ruleDescriptor(rule) : unknownRuleDescriptor(listed.find((f) => f.ruleId === id)!);
  });

  const results = listed.map((f) => {
    const rule = options.rules.get(f.ruleId);
    const region = regionOf(f);
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId)!,
      level: (f.action === 'block' ? 'error' : 'warning') satisfies Level,
      message: { text: messageText(f, rule, shown(f.secret)) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodePath(f.path), uriBaseId: '%SRCROOT%' },
            region,
          },
        },
      ],
      partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
      ...(f.commit
        ? {
            properties: {
              commit: f.commit.oid,
              commitSubject: f.commit.subject,
              commitAuthor: f.commit.author,
              commitTime: new Date(f.commit.time * 1000).toISOString(),
            },
          }
        : {}),
    };
  });

  const notifications = [
    ...result.notices.map((text) => ({
      level: 'warning' satisfies Level,
      message: { text },
      descriptor: { id: 'notice' },
    })),
    ...result.skipped.map((s) => ({
      level: (isWarningReason(s.reason) ? 'warning' : 'note') satisfies Level,
      message: {
        text: `${s.path} was not scanned: ${skipReasonText(s.reason)}${s.commit ? ` (commit ${s.commit})` : ''}.`,
      },
      descriptor: { id: isWarningReason(s.reason) ? 'not-scanned' : 'skipped' },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(s.path), uriBaseId: '%SRCROOT%' } } }],
      properties: { reason: skipReasonText(s.reason), kind: s.reason.kind, ...(s.commit ? { commit: s.commit } : {}) },
    })),
    ...unlisted.map((u) => ({
      level: 'warning' satisfies Level,
      message: { text: unlistedLine(u.path, u.count, u.listed, u.commit) },
      descriptor: { id: 'findings-not-listed' },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(u.path), uriBaseId: '%SRCROOT%' } } }],
      properties: { findings: u.count, blocking: u.blocking, ...(u.commit ? { commit: u.commit } : {}) },
    })),
  ];

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'secret-hook',
            informationUri: SARIF_INFORMATION_URI,
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            rules: descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
            properties: { scope: result.scope },
          },
        ],
        results,
        properties: { stats: result.stats },
      },
    ],
  };
  // Exact values for the tools that read it; no raw C1 or bidirectional character for a terminal that shows it.
  return visibleJson(JSON.stringify(log, null, 2));
}

function ruleDescriptor(rule: Rule) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. ${rule.guide.grants}` },
    help: {
      text: `${explainText(rule)}\nThe same guide offline: secret-hook explain ${rule.id}`,
      markdown: helpMarkdown(rule),
    },
    helpUri: rule.fix.docs,
    defaultConfiguration: { level: (rule.testKey ? 'warning' : 'error') satisfies Level },
    properties: {
      tags: ['security', 'secret'],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      severity: rule.severity,
    },
  };
}

/** A finding whose rule is not in the catalog given (should not happen): a descriptor from what the finding knows. */
function unknownRuleDescriptor(f: ReportedFinding) {
  return {
    id: f.ruleId,
    name: pascalCase(f.ruleId),
    shortDescription: { text: f.title },
    defaultConfiguration: { level: (f.testKey ? 'warning' : 'error') satisfies Level },
    properties: {
      tags: ['security', 'secret'],
      'security-severity': SECURITY_SEVERITY[f.severity],
      severity: f.severity,
    },
  };
}

function helpMarkdown(rule: Rule): string {
  const steps = rule.fix.rotate.map((step, i) => `${i + 1}. ${step}`).join('\n');
  return [
    `## ${rule.title} (\`${rule.id}\`)`,
    '',
    `Severity: **${rule.severity}**${rule.testKey ? ' (test-mode, sandbox or local-only: does not block by default)' : ''}`,
    '',
    '### What it grants',
    '',
    rule.guide.grants,
    '',
    '### Risks if it leaks',
    '',
    rule.guide.risks,
    '',
    '### How to store it',
    '',
    `Never in the code or in committed configuration. Read it from the environment variable \`${rule.fix.env}\`; ` +
      'keep the value in an untracked `.env` locally (add `.env` to `.gitignore`) and in a secrets manager in ' +
      `production (${SECRET_MANAGERS}), injected at deploy time.`,
    '',
    `### How to rotate it at ${rule.fix.provider}`,
    '',
    rotationAdvice(rule.fix).join(' '),
    '',
    steps,
    '',
    '### How to check whether it was misused',
    '',
    rule.guide.checkMisuse,
    '',
    `[${rule.fix.provider} documentation](${rule.fix.docs}) · offline guide: \`secret-hook explain ${rule.id}\``,
  ].join('\n');
}

function messageText(f: ReportedFinding, rule: Rule | undefined, secret: string): string {
  const where = f.commit ? ` in commit ${f.commit.oid.slice(0, 10)} (${f.commit.subject})` : '';
  const env = rule ? ` Move it to the environment variable ${rule.fix.env} and decide on rotation.` : '';
  const test = f.action === 'warn' ? ' Test-mode key: reported, not blocking.' : '';
  return `${f.title}: ${secret}${where}.${test}${env} Run secret-hook explain ${f.ruleId} for the full guide.`;
}

/** The secret's place; the end column only when the text found stands whole on the line (not pairs, not PEM). */
function regionOf(f: ReportedFinding): { startLine: number; startColumn: number; endColumn?: number } {
  const found = f.encodedAs ?? f.secret;
  // lineText may be an excerpt of a long line: its first character is at column excerpt.start + 1.
  const start = f.column - 1 - (f.excerpt?.start ?? 0);
  const onLine = !found.includes('\n') && f.lineText.slice(start, start + found.length) === found;
  return {
    startLine: f.line,
    startColumn: f.column,
    ...(onLine ? { endColumn: f.column + found.length } : {}),
  };
}

/** A repository-relative path as a relative URI reference: each segment percent-encoded, '/' kept. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** `stripe-live-secret-key` → `StripeLiveSecretKey`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
