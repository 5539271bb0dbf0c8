// The commit-msg hook's report: the findings in the message being committed, each with its line masked, and how to
// take the secret out. A message is not a file: there is no code to change and nothing to unstage, so the file
// report's fixes (format.ts) do not apply.
import pc from 'picocolors';
import type { ReportedFinding } from '../result.js';
import * as say from './messages/commit-msg.js';
import { ruleHeading, testKeyTag } from './messages/findings.js';
import { redact, redactLine } from './redact.js';
import { visible } from './visible.js';
import { fitWidth, wrap } from './wrap.js';

export interface MessageReportOptions {
  color: boolean;
  width: number;
  showSecrets: boolean;
  /** The message file as git named it (shown in the fix). */
  file: string;
}

export function formatMessageFindings(findings: readonly ReportedFinding[], options: MessageReportOptions): string {
  const c = pc.createColors(options.color);
  const width = Math.max(40, options.width);
  const out: string[] = [];
  const say_ = (text: string, paint: (s: string) => string, first = '', rest = first) => {
    for (const line of wrap(text, width, first, rest)) out.push(paint(line));
  };
  const blocking = findings.filter((f) => f.action === 'block');
  const warnings = findings.filter((f) => f.action === 'warn');
  const group = (list: readonly ReportedFinding[]) => {
    for (const ruleId of new Set(list.map((f) => f.ruleId))) {
      const ofRule = list.filter((f) => f.ruleId === ruleId);
      out.push('');
      say_(ruleHeading(ofRule[0]!.title, ruleId), c.bold);
      for (const f of ofRule) {
        const secret = visible(options.showSecrets ? f.secret : redact(f.secret));
        const tag = f.action === 'warn' ? ` ${testKeyTag()}` : '';
        say_(`${say.messagePlace(f.line, f.column)}  ${secret}${tag}`, c.red, '  ', '    ');
        const room = width - 4;
        const line = options.showSecrets
          ? f.lineText
          : redactLine(f.lineText, [f.secret], { width: room, ...(f.excerpt ? { excerpt: f.excerpt } : {}) });
        out.push(c.dim(`    ${fitWidth(visible(line), room)}`));
      }
    }
  };
  if (blocking.length > 0) {
    say_(say.messageHeadline(blocking.length), (s) => c.bold(c.red(s)));
    group(blocking);
  }
  if (warnings.length > 0) {
    if (out.length > 0) out.push('');
    say_(say.messageWarningsHeadline(warnings.length), (s) => c.bold(c.yellow(s)));
    group(warnings);
  }
  if (blocking.length > 0) {
    out.push('');
    say_(say.fixHeading(), c.bold);
    say
      .messageFixSteps(options.file, [...new Set(blocking.map((f) => f.ruleId))])
      .forEach((step, i) => say_(step, (s) => s, `  ${i + 1}. `, '     '));
    say_(say.messageBypassLine(), c.dim, '  ', '  ');
  }
  return out.join('\n');
}
