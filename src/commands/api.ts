// The programmatic API's functions: the same pieces the command line uses, for tools that embed secret-hook.
// Findings returned here hold the whole secret (the caller decides what to show).
import { builtinRules } from '../../rules/index.js';
import type { Rule } from '../../rules/schema.js';
import { compileCatalog, type CompiledCatalog } from '../engine/compile.js';
import { scan } from '../engine/scan.js';
import { NO_PROGRESS } from '../report/progress.js';
import type { Finding, ScanResult } from '../result.js';
import { scanScope } from './check.js';
import { openSession } from './session.js';

export { redact } from '../report/redact.js';

let builtinCatalog: CompiledCatalog | undefined;

/** Scans a text as the content of `path` (the path picks language-aware behaviour and appears in findings). */
export function scanText(text: string, options: { path?: string; rules?: readonly Rule[] } = {}): Finding[] {
  const catalog = options.rules ? compileCatalog(options.rules) : (builtinCatalog ??= compileCatalog(builtinRules));
  return scan(catalog, { path: options.path ?? 'input', text });
}

/** Scans the staged changes of the repository at `cwd`, with its configuration, as the pre-commit hook does. */
export async function scanStaged(options: { cwd?: string } = {}): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const session = await openSession({ cwd, env: process.env });
  try {
    return await scanScope(session, { scope: { kind: 'staged' }, paths: [], cwd, progress: () => NO_PROGRESS });
  } finally {
    session.close();
  }
}

/** The built-in rules: id, title, severity, whether it is a test-mode key, and its provider. */
export function listRules(): {
  id: string;
  title: string;
  severity: Rule['severity'];
  testKey: boolean;
  provider: string;
}[] {
  return builtinRules.map((r) => ({
    id: r.id,
    title: r.title,
    severity: r.severity,
    testKey: r.testKey === true,
    provider: r.fix.provider,
  }));
}
