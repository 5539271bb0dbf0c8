// The command line: parse arguments, run one command, hand back its outcome. Commands are imported lazily so
// that the hook path loads only what a commit needs.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { describeFailure, failureParagraph } from '../report/messages/failures.js';
import * as usage from '../report/messages/usage.js';
import { skipRequested as skipRequestedMessage } from '../report/messages/scan-notes.js';
import { NO_PROGRESS, terminalProgress, type Progress } from '../report/progress.js';
import type { CheckScope } from './scope.js';
import { outcome, type CommandOutcome } from './outcome.js';

export interface CliEnvironment {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  binPath: string;
  readStdin: () => Promise<string>;
  stdinIsTty: boolean;
  /** Where progress is drawn, on a terminal only (read only then: it costs the process streams). */
  readonly stderr: NodeJS.WriteStream;
}

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
        'pre-commit-framework': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return outcome(2, '', `${usage.badArguments((error as Error).message)}\n\n${usage.USAGE}\n`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) return outcome(0, `${await version()}\n`);
  if (values.help || command === undefined || command === 'help')
    return outcome(command === undefined && !values.help ? 2 : 0, `${usage.USAGE}\n`);
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif' && format !== 'github') {
    return outcome(2, '', `${usage.badFormat(format)}\n`);
  }
  const colorAllowed = !environment.env['NO_COLOR'] && environment.env['TERM'] !== 'dumb';
  const output = { format, verbose: values.verbose, showSecrets: values['show-secrets'] } as const;
  // Colour is a getter, asked only when something is printed: whether a stream is a terminal costs node:tty, which
  // a clean commit does not need. (Spreading an options object evaluates it; the hooks' objects are not spread.)
  const progress = (label: string): Progress =>
    environment.stderrIsTty ? terminalProgress(environment.stderr, label) : NO_PROGRESS;
  const base = { cwd: environment.cwd, env: environment.env, progress };

  try {
    switch (command) {
      case 'check': {
        const { runCheck } = await import('./check.js');
        const { scope, paths } = checkScope(values, rest);
        return await runCheck({
          ...base,
          ...output,
          get color() {
            return colorAllowed && environment.stdoutIsTty;
          },
          scope,
          paths,
          hook: false,
        });
      }
      case 'pre-commit': {
        if (skipRequested(environment.env)) return outcome(0, '', `${skipRequestedMessage('pre-commit')}\n`);
        const { runCheck } = await import('./check.js');
        return await runCheck({
          ...base,
          ...output,
          // Hook output goes to stderr: colour follows stderr's terminal, which git passes through.
          get color() {
            return colorAllowed && environment.stderrIsTty;
          },
          // Every staged change, whatever paths were passed: a hook run by lint-staged or the pre-commit framework
          // gets file names, and must not be weaker than the plain hook. Listed files with no staged change (the
          // framework's `run --all-files`) are scanned whole.
          scope: { kind: 'staged' },
          paths: [],
          wholeFiles: rest,
          hook: true,
        });
      }
      case 'pre-push': {
        if (skipRequested(environment.env)) return outcome(0, '', `${skipRequestedMessage('pre-push')}\n`);
        const { runPrePush } = await import('./pre-push.js');
        // Only our own framework entry says it runs under the pre-commit framework; a variable that merely happens
        // to be set must never make the hook ignore the refs git passes on stdin.
        const framework = values['pre-commit-framework'] ? preCommitFrameworkRange(environment.env) : null;
        const stdin = framework || environment.stdinIsTty ? '' : await environment.readStdin();
        const color = colorAllowed && environment.stderrIsTty;
        const remote = (framework ? environment.env['PRE_COMMIT_REMOTE_NAME'] : rest[0]) || null;
        return await runPrePush({ ...base, ...output, color, remote, stdin, framework });
      }
      case 'baseline': {
        const { runBaseline } = await import('./baseline.js');
        if (rest.length > 0 || values.since !== undefined) throw new UsageError(usage.baselineScopes());
        const color = colorAllowed && environment.stdoutIsTty;
        return await runBaseline({ ...base, ...output, color, scope: { kind: values.history ? 'history' : 'all' } });
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
        return runRules(format === 'json' ? 'json' : 'text');
      }
      case 'explain': {
        const { runExplain } = await import('./rules.js');
        return runExplain(rest[0]);
      }
      default:
        return outcome(2, '', `${usage.unknownCommand(command)}\n\n${usage.USAGE}\n`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      // install's refusals name files under the hooks directory, which the repository's configuration chooses.
      const described = describeFailure(error);
      return outcome(
        2,
        '',
        `${usage.usageErrorLine(described?.message ?? error.message, described?.hint ?? error.hint)}\n`,
      );
    }
    return crashOutcome(error, argv);
  }
}

/** What the program says and how it exits when the scan failed (exit 2): also for errors nothing else caught. */
export function crashOutcome(error: unknown, argv: readonly string[]): CommandOutcome {
  const command = argv.find((arg) => !arg.startsWith('-'));
  const scope = command === 'pre-commit' ? 'staged' : command === 'pre-push' ? 'push' : 'all';
  return outcome(2, '', `${failureParagraph(error, scope)}\n`);
}

/** `SKIP=secret-hook` (comma-separated hook ids, as in the pre-commit framework) skips the hooks, visibly. */
function skipRequested(env: Record<string, string | undefined>): boolean {
  return (env['SKIP'] ?? '').split(',').some((id) => id.trim() === 'secret-hook');
}

/**
 * The pre-commit framework runs pre-push hooks without git's stdin; it passes one ref's range in variables
 * instead (the first pushed ref only). https://pre-commit.com/#pre-push
 */
function preCommitFrameworkRange(env: Record<string, string | undefined>): {
  fromRef: string | null;
  toRef: string | null;
} {
  return { fromRef: env['PRE_COMMIT_FROM_REF'] || null, toRef: env['PRE_COMMIT_TO_REF'] || null };
}

/** The scope flags of `check`, and a positional `from..to` range told apart from paths. */
function checkScope(
  values: { all?: boolean; history?: boolean; since?: string | undefined },
  positionals: string[],
): { scope: CheckScope; paths: string[] } {
  const ranges = positionals.filter((p) => /^[^\s]*[^.]\.\.[^.][^\s]*$|^\.\.[^./][^\s]*$|^[^\s]*[^./]\.\.$/.test(p));
  const paths = positionals.filter((p) => !ranges.includes(p));
  const chosen = [values.all, values.history, values.since !== undefined, ranges.length > 0].filter(Boolean).length;
  if (chosen > 1) throw new UsageError(usage.chooseOneScope());
  if (values.all) return { scope: { kind: 'all' }, paths };
  if (values.history) return { scope: { kind: 'history' }, paths };
  if (values.since !== undefined) return { scope: { kind: 'range', from: values.since, to: 'HEAD' }, paths };
  if (ranges.length === 1) {
    const [from, to] = ranges[0]!.split('..') as [string, string];
    return { scope: { kind: 'range', from: from || null, to: to || 'HEAD' }, paths };
  }
  if (ranges.length > 1) throw new UsageError(usage.oneRange());
  return { scope: { kind: 'staged' }, paths };
}

async function version(): Promise<string> {
  return (await import('../version.js')).VERSION;
}
