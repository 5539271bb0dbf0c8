// Renders a result in the format asked for, and the failure paragraph when the scan itself failed (exit 2). The
// formatters (and the colour library) are loaded only when there is something to print.
import { needsMention } from '../skip-reason.js';
import { failureParagraph } from '../report/messages/failures.js';
import type { ScanResult } from '../result.js';
import { VERSION } from '../version.js';
import { outcome, type CommandOutcome } from './outcome.js';
import type { Session } from './session.js';

export interface OutputOptions {
  format: 'text' | 'json' | 'sarif' | 'github';
  verbose: boolean;
  showSecrets: boolean;
  color: boolean;
  /** Terminal columns for the text format (80 when unknown). */
  width: number;
  /** Print nothing unless something blocks (or the scan fails). */
  quiet?: boolean;
  /** --config FILE: this configuration instead of the repository's own. */
  configFile?: string;
}

/** Renders a result; the formatters (and the colour library) are loaded only when there is something to print. */
export async function render(
  result: ScanResult,
  session: Pick<Session, 'loadRules'>,
  options: OutputOptions & { hook?: boolean },
): Promise<CommandOutcome> {
  const blocking = result.findings.some((f) => f.action === 'block');
  const exitCode = blocking ? 1 : 0;
  if (options.quiet && exitCode === 0) return outcome(0);
  if (options.format === 'json') {
    const { formatJson } = await import('../report/format.js');
    return outcome(exitCode, `${formatJson(result, options)}\n`);
  }
  if (options.format === 'sarif') {
    const { formatSarif } = await import('../report/sarif.js');
    const rules = await session.loadRules();
    const sarif = formatSarif(result, { rules, showSecrets: options.showSecrets, toolVersion: VERSION });
    return outcome(exitCode, `${sarif}\n`);
  }
  if (options.format === 'github') {
    const { formatGithubAnnotations } = await import('../report/github.js');
    return outcome(exitCode, formatGithubAnnotations(result, options));
  }
  const quiet =
    options.hook === true &&
    result.findings.length === 0 &&
    !options.verbose &&
    result.notices.length === 0 &&
    !needsMention(result.skipped, result.scope === 'all');
  if (quiet) return outcome(0);
  const { formatText } = await import('../report/format.js');
  const rules = await session.loadRules();
  const text = formatText(result, {
    rules,
    color: options.color,
    width: options.width,
    verbose: options.verbose,
    showSecrets: options.showSecrets,
    summary: options.hook !== true,
    hook: options.hook === true,
  });
  // Hooks write to stderr, where git shows hook output; manual checks to stdout so it can be piped.
  return options.hook ? outcome(exitCode, '', `${text}\n`) : outcome(exitCode, `${text}\n`);
}

/** The failure paragraph (exit 2) in the format asked for. `hook`: a hook stopped a commit or push. */
export async function failure(
  error: unknown,
  scope: ScanResult['scope'],
  options: OutputOptions,
  hook = true,
): Promise<CommandOutcome> {
  const paragraph = failureParagraph(error, scope, hook);
  if (options.format === 'json') {
    return outcome(2, `${JSON.stringify({ version: 1, error: paragraph }, null, 2)}\n`, `${paragraph}\n`);
  }
  if (options.format === 'github') {
    const { escapeData } = await import('../report/github.js');
    return outcome(2, `::error title=secret-hook failed::${escapeData(paragraph)}\n`, `${paragraph}\n`);
  }
  return outcome(2, '', `${paragraph}\n`);
}
