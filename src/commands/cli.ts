// The command line: parse arguments, run one command, hand back its outcome. Commands are imported lazily so
// that the hook path loads only what a commit needs.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { failureParagraph } from '../report/messages.js';
import type { Progress } from '../report/progress.js';
import type { CheckScope } from './check.js';
import { outcome, type CommandOutcome } from './outcome.js';

export interface CliEnvironment {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  binPath: string;
  readStdin: () => Promise<string>;
  /** A progress display for long scans (a no-op when stderr is not a terminal). */
  progress: (label: string) => Progress;
}

const USAGE = `Usage: secret-hook <command> [options]

Commands:
  check [paths…]       scan the staged changes (what the next commit records); paths limit the scan
    --all              every tracked file as it is in the index, whole content
    --history          every commit reachable from any ref
    <from>..<to>       the commits of a revision range, e.g. main..feature
    --since <rev>      the commits after <rev> up to HEAD
  pre-commit           what the pre-commit hook runs (quiet when clean)
  pre-push             what the pre-push hook runs (reads the pushed refs from stdin)
  install [--chain]    wire the pre-commit and pre-push hooks into this repository (husky or plain git hooks)
  uninstall            remove exactly what install added
  rules                list the rules
  explain <rule-id>    what a key grants, how to store it and how to rotate it

Options:
  --format text|json   output format (default text)
  --verbose            also list skipped files and why
  --show-secrets       print secrets unredacted (they are masked by default)
  -h, --help           this help
  -v, --version        the version

Exit codes: 0 clean, 1 findings that block, 2 the scan itself failed (which blocks too).`;

export async function runCli(argv: string[], environment: CliEnvironment): Promise<CommandOutcome> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        verbose: { type: 'boolean', default: false },
        'show-secrets': { type: 'boolean', default: false },
        chain: { type: 'boolean', default: false },
        staged: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        history: { type: 'boolean', default: false },
        since: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return outcome(2, '', `secret-hook: ${(error as Error).message}\n\n${USAGE}\n`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) return outcome(0, `${await version()}\n`);
  if (values.help || command === undefined || command === 'help')
    return outcome(command === undefined && !values.help ? 2 : 0, `${USAGE}\n`);
  const format = values.format;
  if (format !== 'text' && format !== 'json') {
    return outcome(2, '', `secret-hook: --format must be text or json, not "${format}"\n`);
  }
  const colorAllowed = !environment.env['NO_COLOR'] && environment.env['TERM'] !== 'dumb';
  const output = {
    format,
    verbose: values.verbose,
    showSecrets: values['show-secrets'],
    color: environment.stdoutIsTty && colorAllowed,
  } as const;
  const base = { cwd: environment.cwd, env: environment.env, progress: environment.progress };

  try {
    switch (command) {
      case 'check': {
        const { runCheck } = await import('./check.js');
        const { scope, paths } = checkScope(values, rest);
        return await runCheck({ ...base, ...output, scope, paths, hook: false });
      }
      case 'pre-commit': {
        const { runCheck } = await import('./check.js');
        // Hook output goes to stderr: colour follows stderr's terminal, which git passes through.
        const color = environment.stderrIsTty && colorAllowed;
        return await runCheck({ ...base, ...output, color, scope: { kind: 'staged' }, paths: rest, hook: true });
      }
      case 'pre-push': {
        const { runPrePush } = await import('./pre-push.js');
        const stdin = await environment.readStdin();
        const color = environment.stderrIsTty && colorAllowed;
        return await runPrePush({ ...base, ...output, color, remote: rest[0] ?? null, stdin });
      }
      case 'install': {
        const { runInstall, HOOKS } = await import('./install.js');
        return runInstall({ ...base, binPath: environment.binPath, chain: values.chain, hooks: HOOKS });
      }
      case 'uninstall': {
        const { runUninstall, HOOKS } = await import('./install.js');
        return runUninstall({ ...base, hooks: HOOKS });
      }
      case 'rules': {
        const { runRules } = await import('./rules.js');
        return runRules(format);
      }
      case 'explain': {
        const { runExplain } = await import('./rules.js');
        return runExplain(rest[0]);
      }
      default:
        return outcome(2, '', `secret-hook: unknown command "${command}"\n\n${USAGE}\n`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      return outcome(2, '', `secret-hook: ${error.message}.${error.hint ? ` ${error.hint}` : ''}\n`);
    }
    const scope = command === 'pre-commit' ? 'staged' : command === 'pre-push' ? 'push' : 'all';
    return outcome(2, '', `${failureParagraph(error, scope)}\n`);
  }
}

/** The scope flags of `check`, and a positional `from..to` range told apart from paths. */
function checkScope(
  values: { all?: boolean; history?: boolean; since?: string | undefined },
  positionals: string[],
): { scope: CheckScope; paths: string[] } {
  const ranges = positionals.filter((p) => /^[^\s]*[^.]\.\.[^.][^\s]*$|^\.\.[^./][^\s]*$|^[^\s]*[^./]\.\.$/.test(p));
  const paths = positionals.filter((p) => !ranges.includes(p));
  const chosen = [values.all, values.history, values.since !== undefined, ranges.length > 0].filter(Boolean).length;
  if (chosen > 1)
    throw new UsageError('choose one scope: --staged (default), --all, --history, --since <rev> or <from>..<to>');
  if (values.all) return { scope: { kind: 'all' }, paths };
  if (values.history) return { scope: { kind: 'history' }, paths };
  if (values.since !== undefined) return { scope: { kind: 'range', from: values.since, to: 'HEAD' }, paths };
  if (ranges.length === 1) {
    const [from, to] = ranges[0]!.split('..') as [string, string];
    return { scope: { kind: 'range', from: from || null, to: to || 'HEAD' }, paths };
  }
  if (ranges.length > 1) throw new UsageError('give one revision range at a time');
  return { scope: { kind: 'staged' }, paths };
}

// Replaced at build time with package.json's version (scripts/build.mjs).
declare const __SECRET_HOOK_VERSION__: string | undefined;

async function version(): Promise<string> {
  return typeof __SECRET_HOOK_VERSION__ === 'string' ? __SECRET_HOOK_VERSION__ : 'development';
}
