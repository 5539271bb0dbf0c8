// Real reports for tests of the text format: files scanned by the real engine with the real rules, rendered as a
// hook or a manual check would render them.
import { builtinRules } from '../../rules/index.js';
import { scanText } from '../../src/commands/api.js';
import { formatText } from '../../src/report/format.js';
import type { CommitInfo, ReportedFinding, ScanResult, Scope } from '../../src/result.js';

export const RULES = new Map(builtinRules.map((r) => [r.id, r]));

/** The findings of these files (path → content), as the policy reports them: test keys warn, the rest blocks. */
export function scannedFindings(files: Record<string, string>, commit?: CommitInfo): ReportedFinding[] {
  return Object.entries(files).flatMap(([path, text]) =>
    scanText(text, { path }).map((f): ReportedFinding => ({
      ...f,
      action: f.testKey ? 'warn' : 'block',
      ...(commit ? { commit } : {}),
    })),
  );
}

export function resultOf(scope: Scope, findings: ReportedFinding[], extra: Partial<ScanResult> = {}): ScanResult {
  return {
    scope,
    findings,
    skipped: [],
    stats: { files: 1, bytes: 100, commits: 0, milliseconds: 1 },
    notices: [],
    ...extra,
  };
}

/** The text report, uncoloured, at `width` columns; `hook`: printed by the hook (which stopped something). */
export function render(result: ScanResult, width: number, hook = true, showSecrets = false): string {
  return formatText(result, {
    rules: RULES,
    color: false,
    verbose: false,
    showSecrets,
    summary: !hook,
    hook,
    width,
  });
}
