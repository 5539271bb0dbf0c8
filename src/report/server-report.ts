// The findings of a refused push as the pre-receive hook prints them: git relays each line to the pusher after
// `remote: ` (8 columns), on a terminal of unknown width, so lines fit 72 columns and no colour is used. One line
// per finding (where, rule, the secret masked) and its one-line fix, grouped under the commit (or tag) that holds it,
// then the steps to rewrite and push again. The sentences live in messages/server.ts.
import type { Rule } from '../../rules/schema.js';
import type { ReportedFinding } from '../result.js';
import { fixFor, fixInputOf } from './fix-hint.js';
import { fixText } from './messages/fixes.js';
import * as say from './messages/server.js';
import { redact } from './redact.js';
import { visible } from './visible.js';
import { wrap } from './wrap.js';

/** `remote: ` takes 8 of a terminal's usual 80 columns. */
export const REMOTE_WIDTH = 72;
/** A refused push lists this many findings at most; the count says how many there are. */
const MAX_LISTED = 30;

export interface ServerReportInput {
  findings: readonly ReportedFinding[];
  /** The commits the pushed refs point at (a secret there is fixed with --amend). */
  tips: readonly string[];
  rules: ReadonlyMap<string, Rule>;
  /** The server honours `-o secret-hook.bypass`: say so after the steps. */
  bypassOffered: boolean;
  /** Lines printed first (recorded bypasses refused, the budget, …). */
  notices: readonly string[];
}

export function formatServerReport(input: ServerReportInput): string {
  const out: string[] = [];
  const put = (text: string, first = '', rest = first) => out.push(...wrap(text, REMOTE_WIDTH, first, rest));
  for (const notice of input.notices) put(notice, '', '  ');
  const blocking = input.findings.filter((f) => f.action === 'block');
  const warnings = input.findings.filter((f) => f.action === 'warn');
  if (blocking.length > 0) {
    if (out.length > 0) out.push('');
    put(say.refusedHeadline(blocking.length));
    out.push(...groups(blocking, input));
    out.push('');
    put(say.fixHeading());
    say
      .fixSteps(commitsToRewrite(blocking, input.tips), [...new Set(blocking.map((f) => f.ruleId))])
      .forEach((step, i) => put(step, `  ${i + 1}. `, '     '));
    put(say.falsePositiveLine(), '  ', '  ');
    if (input.bypassOffered) put(say.bypassOffer(), '  ', '  ');
  }
  if (warnings.length > 0) {
    if (out.length > 0) out.push('');
    put(say.warningsHeadline(warnings.length));
    out.push(...groups(warnings, input));
  }
  return out.join('\n');
}

/** Findings under their commit or tag, at most MAX_LISTED of them. */
function groups(findings: readonly ReportedFinding[], input: ServerReportInput): string[] {
  const out: string[] = [];
  const perLine = new Map<string, number>();
  for (const f of input.findings) perLine.set(lineOf(f), (perLine.get(lineOf(f)) ?? 0) + 1);
  const listed = findings.slice(0, MAX_LISTED);
  let heading = '';
  for (const f of listed) {
    const next = f.commit
      ? say.commitHeading(f.commit.oid, f.commit.subject)
      : f.tag
        ? say.tagHeading(f.tag.name, f.tag.oid)
        : '';
    if (next !== heading) {
      heading = next;
      out.push('');
      if (heading) out.push(...wrap(heading, REMOTE_WIDTH, '', '  '));
    }
    const where = `${f.path}:${f.line}`;
    out.push(
      ...wrap(
        say.findingLine(where, f.title, f.ruleId, redact(f.secret), f.action === 'warn'),
        REMOTE_WIDTH,
        '  ',
        '    ',
      ),
    );
    out.push(...wrap(fixLine(f, input, perLine), REMOTE_WIDTH, '    → ', '      '));
  }
  if (findings.length > listed.length) {
    out.push('');
    out.push(`  … and ${findings.length - listed.length} more.`);
  }
  return out;
}

/** The one-line fix: the message to reword, or the finding's own fix in its file's terms. */
function fixLine(f: ReportedFinding, input: ServerReportInput, perLine: ReadonlyMap<string, number>): string {
  if (f.inMessage === 'commit') return say.commitMessageFix(f.commit ? input.tips.includes(f.commit.oid) : false);
  if (f.inMessage === 'tag') return say.tagMessageFix(f.tag?.name ?? '<tag>');
  // Another secret on the line: the line is not rewritten (the rewrite would show it).
  const othersOnLine = (perLine.get(lineOf(f)) ?? 0) > 1;
  const fix = fixFor(fixInputOf(f, input.rules.get(f.ruleId), othersOnLine));
  // A settings or key file leaves the commit whole; the local report's steps that say how are not printed here.
  if (fix.wholeFile) return say.wholeFileFix(f.path);
  const text = fixText(fix, f.path, prefixOf(f.secret));
  // The code line is the user's own line with the secret replaced: it never holds the secret.
  return text.code !== null ? `${text.code}${text.note ? `  (${text.note})` : ''}` : visible(text.note);
}

function lineOf(f: ReportedFinding): string {
  return `${f.commit?.oid ?? f.tag?.oid ?? ''}\0${f.path}\0${f.line}`;
}

/** The commits that hold blocking findings, oldest first (as format.ts orders them for `git rebase -i`). */
function commitsToRewrite(blocking: readonly ReportedFinding[], tips: readonly string[]) {
  const commits = new Map<string, { oid: string; tip: boolean; time: number; i: number }>();
  for (const f of blocking) {
    if (!f.commit || commits.has(f.commit.oid)) continue;
    commits.set(f.commit.oid, {
      oid: f.commit.oid,
      tip: tips.includes(f.commit.oid),
      time: f.commit.time,
      i: commits.size,
    });
  }
  return [...commits.values()].sort((a, b) => a.time - b.time || b.i - a.i).map(({ oid, tip }) => ({ oid, tip }));
}

/** The documented prefix of a key (`sk_live_`), for a placeholder. */
function prefixOf(secret: string): string {
  const shown = redact(secret);
  const mask = shown.indexOf('*');
  return mask > 0 ? shown.slice(0, mask) : '';
}
