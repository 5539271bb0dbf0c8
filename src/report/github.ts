// GitHub Actions workflow commands: one `::error` (or `::warning` for test keys that do not block) per finding, so
// each secret shows up as an annotation on the file in the pull request. Secrets are redacted unless the caller asks
// for them explicitly (--show-secrets). Text from the repository goes through visible() before GitHub's own
// escaping: the runner prints the line to the job's log, and its control characters must not act there either.
import { unlistedLine } from './messages/scan-notes.js';
import { redact } from './redact.js';
import type { ReportedFinding, ScanResult } from '../result.js';
import { listFindings } from './listing.js';
import { visible } from './visible.js';

export interface GithubAnnotationOptions {
  showSecrets: boolean;
}

export function formatGithubAnnotations(result: ScanResult, options: GithubAnnotationOptions): string {
  const { listed, unlisted } = listFindings(result.findings);
  const more = unlisted.map(
    (u) =>
      `::warning file=${escapeProperty(u.path)},title=Findings not listed::${escapeData(unlistedLine(u.path, u.count, u.listed, u.commit))}`,
  );
  return [...listed.map((f) => annotation(f, options)), ...more].join('\n');
}

function annotation(f: ReportedFinding, options: GithubAnnotationOptions): string {
  const command = f.action === 'block' ? 'error' : 'warning';
  const secret = options.showSecrets ? f.secret : redact(f.secret);
  const properties = [
    `file=${escapeProperty(visible(f.path))}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `title=${escapeProperty(visible(f.title))}`,
  ].join(',');
  const where = f.commit ? ` in commit ${f.commit.oid.slice(0, 10)} (${f.commit.subject})` : '';
  const test = f.action === 'warn' ? ' Test-mode key: reported, not blocking.' : '';
  const message =
    `${f.title} [${f.ruleId}]${where}: ${secret}.${test} ` +
    `Move it out of the code and decide on rotation; run secret-hook explain ${f.ruleId} for how.`;
  return `::${command} ${properties}::${escapeData(visible(message))}`;
}

/** The message of a workflow command: `%`, CR and LF are the only characters with a meaning there. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: also `:` (ends the properties) and `,` (separates them). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
