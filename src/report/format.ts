// Renders a scan result as text for people or JSON for tools. Secrets are redacted in every format unless the
// caller asks for them explicitly (--show-secrets). Text from the repository (paths, lines, commit subjects and
// authors, custom rules' titles and advice) is printed through visible(): a control character in it is shown, not
// obeyed by the terminal.
import pc from 'picocolors';
import type { Rule } from '../../rules/schema.js';
import { formatBytes } from './bytes.js';
import { envSnippet } from './fix-hint.js';
import { isBinaryReason, isWarningReason } from '../skip-reason.js';
import * as messages from './messages.js';
import { redact, redactLine } from './redact.js';
import type { ReportedFinding, ScanResult } from './result.js';
import { visible, visibleJson } from './visible.js';

export interface FormatOptions {
  rules: ReadonlyMap<string, Rule>;
  color: boolean;
  verbose: boolean;
  showSecrets: boolean;
  /** Print the summary line (manual scans) even when nothing was found. */
  summary: boolean;
}

export const JSON_SCHEMA_VERSION = 1;

export function formatJson(result: ScanResult, options: Pick<FormatOptions, 'showSecrets'>): string {
  const shown = (secret: string) => (options.showSecrets ? secret : redact(secret));
  return visibleJson(
    JSON.stringify(
      {
        version: JSON_SCHEMA_VERSION,
        scope: result.scope,
        findings: result.findings.map((f) => ({
          ruleId: f.ruleId,
          title: f.title,
          file: f.path,
          line: f.line,
          column: f.column,
          secret: shown(f.secret),
          fingerprint: f.fingerprint,
          severity: f.severity,
          action: f.action,
          ...(f.commit ? { commit: f.commit.oid } : {}),
        })),
        skipped: result.skipped.map((s) => ({
          file: s.path,
          reason: messages.skipReasonText(s.reason),
          kind: s.reason.kind,
          ...(s.commit ? { commit: s.commit } : {}),
        })),
        notices: result.notices,
        ...(result.staleAllows ? { staleAllows: result.staleAllows.map((s) => ({ file: s.path, line: s.line })) } : {}),
        stats: result.stats,
      },
      null,
      2,
    ),
  );
}

export function formatText(result: ScanResult, options: FormatOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  const blocking = result.findings.filter((f) => f.action === 'block');
  const warnings = result.findings.filter((f) => f.action === 'warn');

  for (const notice of result.notices) out.push(c.yellow(visible(notice)));
  // Binaries and archives that are part of a change are listed in one line; in a scan of every tracked file they
  // are not news, and --verbose lists them.
  const binaries = result.scope === 'all' ? [] : result.skipped.filter((s) => isBinaryReason(s.reason));
  for (const s of result.skipped) {
    if (isWarningReason(s.reason) && !isBinaryReason(s.reason)) {
      out.push(c.yellow(messages.notScannedLine(s.path, s.reason)));
    } else if (options.verbose) out.push(c.dim(messages.skippedLine(s.path, s.reason)));
  }
  if (binaries.length > 0) out.push(c.yellow(messages.binariesLine([...new Set(binaries.map((s) => s.path))])));

  if (blocking.length > 0) {
    out.push('', c.bold(c.red(messages.headline(result.scope, blocking.length))));
    out.push(...renderGroups(blocking, result, options, c));
  }
  if (warnings.length > 0) {
    out.push('', c.bold(c.yellow(messages.warningsHeadline(warnings.length, blocking.length))));
    out.push(...renderGroups(warnings, result, options, c));
  }
  if (blocking.length > 0) out.push('', c.dim(messages.bypassLine(result.scope)));
  for (const stale of result.staleAllows ?? []) out.push(c.yellow(messages.staleAllowLine(stale.path, stale.line)));
  if (options.summary) {
    const outcome = { findings: blocking.length + warnings.length, skipped: result.skipped.length };
    out.push('', messages.summaryLine(result.stats, formatBytes(result.stats.bytes), result.scope, outcome));
  }
  return out.join('\n').replace(/^\n+/, '');
}

type Colors = ReturnType<typeof pc.createColors>;

/** Findings grouped by commit (pushes, history), then by rule: each rule's fix hint once, after its places. */
function renderGroups(findings: ReportedFinding[], result: ScanResult, options: FormatOptions, c: Colors): string[] {
  const out: string[] = [];
  const byCommit = groupBy(findings, (f) => f.commit?.oid ?? '');
  for (const [commitOid, inCommit] of byCommit) {
    const commit = inCommit[0]!.commit;
    if (commit) {
      const date = new Date(commit.time * 1000).toISOString().slice(0, 10);
      out.push(
        '',
        c.bold(`commit ${commitOid.slice(0, 10)}  ${visible(commit.subject)}`),
        c.dim(`  ${visible(commit.author)}, ${date}`),
      );
    }
    for (const [ruleId, group] of groupBy(inCommit, (f) => f.ruleId)) {
      const rule = options.rules.get(ruleId);
      out.push('');
      for (const f of group) {
        // Redacted first (it looks for the secret as it stands in the line), then made visible.
        const secret = visible(options.showSecrets ? f.secret : redact(f.secret));
        const line = visible(
          options.showSecrets
            ? f.lineText.trim()
            : redactLine(f.lineText, f.encodedAs ? [f.secret, f.encodedAs] : [f.secret]),
        );
        const tag = f.action === 'warn' ? c.yellow(` (${messages.testKeyNote()})`) : '';
        const where = `${visible(f.path)}:${f.line}:${f.column}`;
        out.push(`${c.bold(where)}  ${visible(f.title)} ${c.dim(`[${visible(ruleId)}]`)}${tag}`);
        out.push(`    secret: ${c.red(secret)}`);
        out.push(`    line:   ${c.dim(line)}`);
      }
      const atTip = commit !== undefined && (result.tips ?? []).includes(commit.oid);
      // The advice of a custom rule comes from the configuration, and the retry step names the files.
      if (rule) out.push(...fixHint(rule, group, result, atTip).map(visible));
    }
  }
  return out;
}

function fixHint(rule: Rule, group: ReportedFinding[], result: ScanResult, lastCommit: boolean): string[] {
  const paths = [...new Set(group.map((f) => f.path))];
  const snippet = envSnippet(paths[0]!, rule.fix.env);
  const steps: string[][] = [];
  if (result.scope === 'history') {
    // Already committed: rotation comes first.
    steps.push([messages.rotationStep(result.scope, rule.fix.provider), ...rule.fix.rotate.map((s) => `  - ${s}`)]);
    steps.push(messages.moveOutStep(rule.fix.env, snippet));
  } else {
    steps.push(messages.moveOutStep(rule.fix.env, snippet));
    steps.push([messages.rotationStep(result.scope, rule.fix.provider), ...rule.fix.rotate.map((s) => `  - ${s}`)]);
  }
  steps.push(messages.retryStep(result.scope, paths, lastCommit));
  const out = ['  How to fix:'];
  steps.forEach((lines, i) => {
    out.push(`  ${i + 1}. ${lines[0]}`);
    for (const line of lines.slice(1)) out.push(`     ${line}`);
  });
  out.push(`  ${messages.explainPointer(rule)}`);
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
