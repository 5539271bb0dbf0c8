// Renders a scan result as text for people or JSON for tools. Secrets are redacted in every format unless the
// caller asks for them explicitly (--show-secrets). Text from the repository (paths, lines, commit subjects and
// authors, custom rules' titles and advice) is printed through visible(): a control character in it is shown, not
// obeyed by the terminal.
import pc from 'picocolors';
import type { Rule } from '../../rules/schema.js';
import { formatBytes } from './bytes.js';
import { envSnippet } from './fix-hint.js';
import { isBinaryReason, isWarningReason } from '../skip-reason.js';
import * as advice from './messages/findings.js';
import * as notes from './messages/scan-notes.js';
import { redact, redactLine, type Located } from './redact.js';
import type { ReportedFinding, ScanResult } from '../result.js';
import { listFindings } from './listing.js';
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
  const { listed, unlisted } = listFindings(result.findings);
  return visibleJson(
    JSON.stringify(
      {
        version: JSON_SCHEMA_VERSION,
        scope: result.scope,
        findings: listed.map((f) => ({
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
          reason: notes.skipReasonText(s.reason),
          kind: s.reason.kind,
          ...(s.commit ? { commit: s.commit } : {}),
        })),
        notices: result.notices,
        ...(unlisted.length > 0
          ? {
              unlisted: unlisted.map((u) => ({
                file: u.path,
                findings: u.count,
                blocking: u.blocking,
                ...(u.commit ? { commit: u.commit } : {}),
              })),
            }
          : {}),
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
  // The counts and the verdict come from every finding; the places listed are bounded per file.
  const blocking = result.findings.filter((f) => f.action === 'block');
  const warnings = result.findings.filter((f) => f.action === 'warn');
  const { listed, unlisted } = listFindings(result.findings);
  const lines = new LineSecrets(result.findings);
  const render = (action: ReportedFinding['action']) =>
    renderGroups(
      listed.filter((f) => f.action === action),
      result,
      options,
      c,
      lines,
    );

  for (const notice of result.notices) out.push(c.yellow(visible(notice)));
  // Binaries and archives that are part of a change are listed in one line; in a scan of every tracked file they
  // are not news, and --verbose lists them.
  const binaries = result.scope === 'all' ? [] : result.skipped.filter((s) => isBinaryReason(s.reason));
  for (const s of result.skipped) {
    if (isWarningReason(s.reason) && !isBinaryReason(s.reason)) {
      out.push(c.yellow(notes.notScannedLine(s.path, s.reason)));
    } else if (options.verbose) out.push(c.dim(notes.skippedLine(s.path, s.reason)));
  }
  if (binaries.length > 0) out.push(c.yellow(notes.binariesLine([...new Set(binaries.map((s) => s.path))])));

  if (blocking.length > 0) {
    out.push('', c.bold(c.red(advice.headline(result.scope, blocking.length))));
    for (const line of render('block')) out.push(line);
  }
  if (warnings.length > 0) {
    out.push('', c.bold(c.yellow(advice.warningsHeadline(warnings.length, blocking.length))));
    for (const line of render('warn')) out.push(line);
  }
  if (unlisted.length > 0) out.push('');
  for (const u of unlisted) out.push(c.yellow(notes.unlistedLine(u.path, u.count, u.listed, u.commit)));
  if (blocking.length > 0) out.push('', c.dim(advice.bypassLine(result.scope)));
  for (const stale of result.staleAllows ?? []) out.push(c.yellow(notes.staleAllowLine(stale.path, stale.line)));
  if (options.summary) {
    const outcome = { findings: blocking.length + warnings.length, skipped: result.skipped.length };
    out.push('', notes.summaryLine(result.stats, formatBytes(result.stats.bytes), result.scope, outcome));
  }
  return out.join('\n').replace(/^\n+/, '');
}

type Colors = ReturnType<typeof pc.createColors>;

/** Findings grouped by commit (pushes, history), then by rule: each rule's fix hint once, after its places. */
function renderGroups(
  findings: ReportedFinding[],
  result: ScanResult,
  options: FormatOptions,
  c: Colors,
  lines: LineSecrets,
): string[] {
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
            ? shownWhole(f)
            : redactLine(f.lineText, f.encodedAs ? [f.secret, f.encodedAs] : [f.secret], {
                others: lines.beside(f),
                ...(f.excerpt ? { excerpt: f.excerpt } : {}),
              }),
        );
        const tag = f.action === 'warn' ? c.yellow(` (${advice.testKeyNote()})`) : '';
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

/** The line unmasked (--show-secrets), its cut ends marked when the finding holds an excerpt of a long line. */
function shownWhole(f: ReportedFinding): string {
  if (!f.excerpt) return f.lineText.trim();
  const after = f.excerpt.start + f.lineText.length < f.excerpt.lineLength;
  return `${f.excerpt.start > 0 ? '…' : ''}${f.lineText}${after ? '…' : ''}`;
}

/**
 * Every finding's secret by file and line, to mask all the secrets a shown line holds, not only its own finding's:
 * on a minified line the excerpt beside one key holds its neighbours. Each lookup reads only the findings that
 * stand within the excerpt shown (binary search over the line's findings in column order).
 */
class LineSecrets {
  private readonly byLine = new Map<string, ReportedFinding[]>();
  private readonly longest = new Map<string, number>();

  constructor(findings: readonly ReportedFinding[]) {
    for (const f of findings) {
      const key = lineKey(f);
      const onLine = this.byLine.get(key);
      if (onLine) onLine.push(f);
      else this.byLine.set(key, [f]);
      this.longest.set(key, Math.max(this.longest.get(key) ?? 0, foundText(f).length));
    }
    for (const onLine of this.byLine.values()) onLine.sort((a, b) => a.column - b.column);
  }

  /** The other findings whose text overlaps the part of the line that `f` shows. */
  beside(f: ReportedFinding): Located[] {
    const key = lineKey(f);
    const onLine = this.byLine.get(key)!;
    if (onLine.length === 1) return [];
    const from = (f.excerpt?.start ?? 0) + 1;
    const to = from + f.lineText.length;
    // Columns before `from - longest` cannot reach into the shown text.
    let i = firstColumnAtOrAfter(onLine, from - this.longest.get(key)!);
    const out: Located[] = [];
    for (; i < onLine.length && onLine[i]!.column < to; i++) {
      const other = onLine[i]!;
      if (other === f || other.column + foundText(other).length <= from) continue;
      out.push({
        secret: other.secret,
        column: other.column,
        ...(other.encodedAs ? { encodedAs: other.encodedAs } : {}),
      });
    }
    return out;
  }
}

function lineKey(f: ReportedFinding): string {
  return `${f.commit?.oid ?? ''}\0${f.path}\0${f.line}`;
}

/** The text the finding stands for on its line: the encoded value when the secret was found inside one. */
function foundText(f: ReportedFinding): string {
  return f.encodedAs ?? f.secret;
}

function firstColumnAtOrAfter(sorted: readonly ReportedFinding[], column: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.column < column) low = mid + 1;
    else high = mid;
  }
  return low;
}

function fixHint(rule: Rule, group: ReportedFinding[], result: ScanResult, lastCommit: boolean): string[] {
  const paths = [...new Set(group.map((f) => f.path))];
  const snippet = envSnippet(paths[0]!, rule.fix.env);
  const steps: string[][] = [];
  if (result.scope === 'history') {
    // Already committed: rotation comes first.
    steps.push([advice.rotationStep(result.scope, rule.fix.provider), ...rule.fix.rotate.map((s) => `  - ${s}`)]);
    steps.push(advice.moveOutStep(rule.fix.env, snippet));
  } else {
    steps.push(advice.moveOutStep(rule.fix.env, snippet));
    steps.push([advice.rotationStep(result.scope, rule.fix.provider), ...rule.fix.rotate.map((s) => `  - ${s}`)]);
  }
  steps.push(advice.retryStep(result.scope, paths, lastCommit));
  const out = ['  How to fix:'];
  steps.forEach((lines, i) => {
    out.push(`  ${i + 1}. ${lines[0]}`);
    for (const line of lines.slice(1)) out.push(`     ${line}`);
  });
  out.push(`  ${advice.explainPointer(rule)}`);
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
