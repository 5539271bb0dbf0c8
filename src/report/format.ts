// Renders a scan result as text for people or JSON for tools. Secrets are redacted in every format unless the
// caller asks for them explicitly (--show-secrets). Text from the repository (paths, lines, commit subjects and
// authors, custom rules' titles and advice) is printed through visible(): a control character in it is shown, not
// obeyed by the terminal.
import pc from 'picocolors';
import type { Rule } from '../../rules/schema.js';
import { formatBytes } from './bytes.js';
import { autoFixable, fixFor, fixInputOf, type FileFix } from './fix-hint.js';
import { isBinaryReason, isWarningReason } from '../skip-reason.js';
import * as advice from './messages/findings.js';
import { fixText } from './messages/fixes.js';
import { commitMessageFix, tagLine, tagMessageFix } from './messages/message-fixes.js';
import * as notes from './messages/scan-notes.js';
import { redact, redactLine, type Located } from './redact.js';
import type { ReportedFinding, ScanResult } from '../result.js';
import { listFindings } from './listing.js';
import { visible, visibleJson } from './visible.js';
import { fitWidth, keepTogether, wrap } from './wrap.js';
import { firstAtOrAfter } from '../sorted-search.js';

export interface FormatOptions {
  rules: ReadonlyMap<string, Rule>;
  color: boolean;
  verbose: boolean;
  showSecrets: boolean;
  /** Print the summary line (manual scans) even when nothing was found. */
  summary: boolean;
  /** Printed by a hook (which stopped a commit or push), or by a manual check (which stops nothing). */
  hook: boolean;
  /** Terminal columns: lines are broken at spaces to fit (80 when the width is unknown). */
  width: number;
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
          ...(f.tag ? { tag: f.tag.name } : {}),
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
  const width = Math.max(40, options.width);
  const moment: advice.Moment = { scope: result.scope, hook: options.hook };
  const out: string[] = [];
  const say = (text: string, paint: (s: string) => string = (s) => s, first = '', rest = first) => {
    for (const line of wrap(text, width, first, rest)) out.push(paint(line));
  };
  // The counts and the verdict come from every finding; the places listed are bounded per file.
  const blocking = result.findings.filter((f) => f.action === 'block');
  const warnings = result.findings.filter((f) => f.action === 'warn');
  const { listed, unlisted } = listFindings(result.findings);
  const lines = new LineSecrets(result.findings);
  const report = new FindingReport(result, options, c, lines, width);

  for (const notice of result.notices) say(visible(notice), c.yellow);
  // Binaries and archives that are part of a change are listed in one line; in a scan of every tracked file they
  // are not news, and --verbose lists them.
  const binaries =
    result.scope === 'all' || result.scope === 'files' ? [] : result.skipped.filter((s) => isBinaryReason(s.reason));
  for (const s of result.skipped) {
    if (isWarningReason(s.reason) && !isBinaryReason(s.reason)) {
      say(notes.notScannedLine(s.path, s.reason), c.yellow, '', '  ');
    } else if (options.verbose) say(notes.skippedLine(s.path, s.reason), c.dim, '', '  ');
  }
  if (binaries.length > 0) say(notes.binariesLine([...new Set(binaries.map((s) => s.path))]), c.yellow, '', '  ');

  if (blocking.length > 0) {
    out.push('');
    say(advice.headline(moment, blocking.length), (s) => c.bold(c.red(s)));
    out.push(...report.groups(listed.filter((f) => f.action === 'block')));
  }
  if (warnings.length > 0) {
    out.push('');
    say(advice.warningsHeadline(warnings.length, blocking.length), (s) => c.bold(c.yellow(s)));
    out.push(...report.groups(listed.filter((f) => f.action === 'warn')));
  }
  if (unlisted.length > 0) out.push('');
  for (const u of unlisted) say(notes.unlistedLine(u.path, u.count, u.listed, u.commit), c.yellow, '', '  ');
  if (blocking.length > 0) {
    const facts = report.facts(blocking);
    out.push('');
    say(advice.fixHeading(), c.bold);
    advice.fixSteps(moment, facts).forEach((step, i) => say(step, (s) => s, `  ${i + 1}. `, '     '));
    say(advice.rotationNote(moment, facts), (s) => s, '  ', '  ');
    say(advice.bypassLine(moment), c.dim, '  ', '  ');
  }
  for (const stale of result.staleAllows ?? []) say(notes.staleAllowLine(stale.path, stale.line), c.yellow, '', '  ');
  if (options.summary) {
    const outcome = { findings: blocking.length + warnings.length, skipped: result.skipped.length };
    out.push('');
    say(notes.summaryLine(result.stats, formatBytes(result.stats.bytes), result.scope, outcome));
  }
  return out.join('\n').replace(/^\n+/, '');
}

type Colors = ReturnType<typeof pc.createColors>;

/** The findings of a text report: grouped by commit (pushes, history), then by rule; each with its own fix. */
class FindingReport {
  private readonly fixes = new Map<ReportedFinding, FileFix>();
  private readonly rotationShown = new Set<string>();

  constructor(
    private readonly result: ScanResult,
    private readonly options: FormatOptions,
    private readonly c: Colors,
    private readonly lines: LineSecrets,
    private readonly width: number,
  ) {}

  groups(findings: ReportedFinding[]): string[] {
    const { c, width } = this;
    const out: string[] = [];
    const say = (text: string, paint: (s: string) => string, first: string, rest = first) => {
      for (const line of wrap(text, width, first, rest)) out.push(paint(line));
    };
    for (const [commitOid, inCommit] of groupBy(findings, (f) => f.commit?.oid ?? (f.tag ? `tag ${f.tag.oid}` : ''))) {
      const { commit, tag } = inCommit[0]!;
      if (commit) {
        const date = new Date(commit.time * 1000).toISOString().slice(0, 10);
        out.push('');
        say(advice.commitLine(commitOid, commit.subject), c.bold, '');
        say(advice.authorLine(commit.author, date), c.dim, '  ');
      } else if (tag) {
        out.push('');
        say(tagLine(tag.name, tag.oid), c.bold, '');
      }
      for (const [ruleId, group] of groupBy(inCommit, (f) => f.ruleId)) {
        out.push('');
        say(advice.ruleHeading(group[0]!.title, ruleId), c.bold, '');
        for (const f of group) out.push(...this.finding(f));
        const rule = this.options.rules.get(ruleId);
        // Where rotation is the first step (keys already in git), each rule's steps come once, under its findings.
        const rotateFirst = this.result.scope === 'history' || this.result.scope === 'all';
        if (rule && rotateFirst && group[0]!.action === 'block' && !this.rotationShown.has(ruleId)) {
          this.rotationShown.add(ruleId);
          say(advice.rotateHeading(rule.fix.provider), c.dim, '  ', '    ');
          rule.fix.rotate.forEach((step, i) => say(visible(step), c.dim, `    ${i + 1}. `, '       '));
        }
      }
    }
    return out;
  }

  /** One finding: where and what, the line masked, and its fix. */
  private finding(f: ReportedFinding): string[] {
    const { c, width, options } = this;
    const out: string[] = [];
    // Redacted first (it looks for the secret as it stands in the line), then made visible.
    const secret = visible(options.showSecrets ? f.secret : redact(f.secret));
    const where = keepTogether(`${visible(f.path)}:${f.line}:${f.column}`);
    const tag = f.action === 'warn' ? ` ${advice.testKeyTag()}` : '';
    const located = wrap(`${where}  ${secret}${tag}`, width, '  ', '    ');
    const shownWhere = where.replace(/\u00a0/g, ' ');
    out.push(...located.map((line, i) => (i === 0 ? paintLocation(line, shownWhere, secret, c) : c.red(line))));
    // The line: one row, an excerpt around the secret when it is longer.
    if (options.showSecrets) {
      // Asked for whole: broken at spaces, never cut.
      for (const line of wrap(visible(shownWhole(f)), width, '    ')) out.push(c.dim(line));
    } else {
      const room = width - 4;
      const masked = redactLine(f.lineText, f.encodedAs ? [f.secret, f.encodedAs] : [f.secret], {
        others: this.lines.beside(f),
        width: room,
        ...(f.excerpt ? { excerpt: f.excerpt } : {}),
      });
      out.push(c.dim(`    ${fitWidth(visible(masked), room)}`));
    }
    if (f.inMessage) {
      const tip = f.commit !== undefined && (this.result.tips ?? []).includes(f.commit.oid);
      const note = f.inMessage === 'tag' ? tagMessageFix(f.tag?.name ?? '<tag>') : commitMessageFix(tip);
      for (const line of wrap(note, width, '    → ', '      ')) out.push(line);
      return out;
    }
    const fix = this.fixOf(f);
    const text = fixText(fix, f.path, secretPrefix(f.secret));
    if (text.code !== null) {
      for (const line of wrap(text.code, width, '    → ', '        ')) out.push(c.green(line));
      if (text.note) for (const line of wrap(text.note, width, '      ')) out.push(line);
    } else {
      for (const line of wrap(text.note, width, '    → ', '      ')) out.push(line);
    }
    return out;
  }

  private fixOf(f: ReportedFinding): FileFix {
    let fix = this.fixes.get(f);
    if (!fix) {
      fix = fixFor(fixInputOf(f, this.options.rules.get(f.ruleId), this.lines.beside(f).length > 0));
      this.fixes.set(f, fix);
    }
    return fix;
  }

  /** What the steps after the findings need: which files are edited, which leave git, which commits to rewrite. */
  facts(blocking: readonly ReportedFinding[]): advice.StepFacts {
    const codeFiles = new Set<string>();
    const wholeFiles = new Set<string>();
    let envFile = false;
    for (const f of blocking) {
      if (f.inMessage) continue; // a message to reword, not a file to edit
      const fix = this.fixOf(f);
      if (fix.wholeFile) {
        wholeFiles.add(f.path);
        if (fix.kind === 'env-file') envFile = true;
      } else codeFiles.add(f.path);
    }
    const commits = new Map<string, { oid: string; tip: boolean; time: number }>();
    for (const f of blocking) {
      if (!f.commit || commits.has(f.commit.oid)) continue;
      commits.set(f.commit.oid, {
        oid: f.commit.oid,
        tip: (this.result.tips ?? []).includes(f.commit.oid),
        time: f.commit.time,
      });
    }
    return {
      codeFiles: [...codeFiles],
      wholeFiles: [...wholeFiles],
      envFile,
      ruleIds: [...new Set(blocking.map((f) => f.ruleId))],
      // Oldest first, for `git rebase -i <oldest>^`. Commits of the same second come in the order git log listed
      // them, newest first (a child before its parent): reversed.
      commits: [...commits.values()]
        .map((c, i) => ({ ...c, i }))
        .sort((a, b) => a.time - b.time || b.i - a.i)
        .map(({ oid, tip }) => ({ oid, tip })),
      tagged: this.result.scope === 'push' && blocking.some((f) => !f.commit && !f.inMessage),
      messages: blocking.some((f) => f.inMessage === 'commit'),
      autoFix: blocking.every((f) => autoFixable(this.fixOf(f))),
    };
  }
}

/** The location bold and the secret red, on the first row of a finding. */
function paintLocation(line: string, where: string, secret: string, c: Colors): string {
  const at = line.indexOf(where);
  if (at === -1) return line;
  const after = line.slice(at + where.length);
  const secretAt = after.indexOf(secret);
  if (secretAt === -1) return line.slice(0, at) + c.bold(where) + after;
  return (
    line.slice(0, at) +
    c.bold(where) +
    after.slice(0, secretAt) +
    c.red(secret) +
    c.yellow(after.slice(secretAt + secret.length))
  );
}

/** The documented prefix of a key (`sk_live_`), for a placeholder in documentation. */
function secretPrefix(secret: string): string {
  const shown = redact(secret);
  const mask = shown.indexOf('*');
  return mask > 0 ? shown.slice(0, mask) : '';
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
    let i = firstAtOrAfter(onLine, from - this.longest.get(key)!, (f) => f.column);
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
