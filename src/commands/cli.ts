// The command line: parse arguments, run one command, hand back its outcome. Commands are imported lazily so
// that the hook path loads only what a commit needs.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { describeFailure, failureParagraph } from '../report/messages/failures.js';
import * as usage from '../report/messages/usage.js';
import { scanFailedParagraph } from '../report/messages/server.js';
import { skipRequested as skipRequestedMessage } from '../report/messages/scan-notes.js';
import { NO_PROGRESS, terminalProgress, type Progress } from '../report/progress.js';
import type { CheckScope } from './scope.js';
import { nearest } from './suggest.js';
import { outcome, type CommandOutcome } from './outcome.js';
import { invocationFor } from './invocation.js';
import { setInvocation } from '../report/messages/our-command.js';

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
  /** The width of a stream that is a terminal, asked only when something is printed. */
  columns?(stream: 'stdout' | 'stderr'): number | undefined;
  /** `fix` on a terminal: prints the text, reads one line of answer. */
  ask?(text: string): Promise<string>;
}

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
  config: { type: 'string' },
  since: { type: 'string' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'show-secrets': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  chain: { type: 'boolean' },
  global: { type: 'boolean' },
  'path-hint': { type: 'string' },
  staged: { type: 'boolean' },
  all: { type: 'boolean' },
  history: { type: 'boolean' },
  'pre-commit-framework': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * True in dist/pre-commit.cjs, the pre-commit hook's own bundle (scripts/build.mjs), undefined elsewhere. The build
 * folds the tests below into constants and so leaves every other command out of that bundle: a clean commit reads,
 * hashes and compiles less (docs/performance.md, "Start-up budget"). The launcher sends it the pre-commit hook alone.
 */
declare const __SECRET_HOOK_PRE_COMMIT_ONLY__: boolean | undefined;

type OptionName = keyof typeof OPTIONS;
type Values = Partial<Record<OptionName, string | boolean>>;

const REPORTING: readonly OptionName[] = ['format', 'config', 'quiet', 'verbose', 'show-secrets', 'color', 'no-color'];

/** The options each command takes (besides --help and --version, which every command takes). */
const COMMANDS: Record<string, readonly OptionName[]> = {
  check: [...REPORTING, 'output', 'staged', 'all', 'history', 'since'],
  'pre-commit': REPORTING,
  'pre-push': [...REPORTING, 'pre-commit-framework'],
  'pre-receive': [],
  'commit-msg': REPORTING,
  scan: [...REPORTING, 'output', 'path-hint'],
  baseline: ['all', 'history', 'config'],
  install: ['chain', 'global'],
  uninstall: ['global'],
  doctor: [],
  rules: ['format', 'output'],
  explain: [],
  fix: ['yes', 'dry-run', 'config', 'color', 'no-color'],
  version: [],
  help: [],
};

/** Commands that take no positional arguments. */
const NO_ARGUMENTS = new Set(['baseline', 'install', 'uninstall', 'rules', 'version', 'doctor', 'pre-receive']);

export async function runCli(argv: string[], environment: CliEnvironment): Promise<CommandOutcome> {
  // Commands a message asks a person to run are named as they would type them (asked only when one is printed).
  setInvocation(() => invocationFor(environment.cwd));
  const parsed = parseCommandLine(argv);
  if ('error' in parsed) return outcome(2, '', `${parsed.error}\n`);
  const { command, rest, values } = parsed;
  if (values.version || command === 'version') return outcome(0, `${await version()}\n`);
  if (command === undefined)
    return outcome(values.help ? 0 : 2, values.help ? `${usage.USAGE}\n` : '', values.help ? '' : `${usage.USAGE}\n`);
  if (command === 'help') {
    const topic = rest[0];
    return outcome(0, `${(topic !== undefined && usage.COMMAND_USAGE[topic]) || usage.USAGE}\n`);
  }
  if (!(command in COMMANDS)) {
    return outcome(2, '', `${usage.unknownCommand(command, nearest(command, Object.keys(COMMANDS)))}\n`);
  }
  if (values.help) return outcome(0, `${usage.COMMAND_USAGE[command] ?? usage.USAGE}\n`);
  const refused = refusal(command, rest, values);
  if (refused) return outcome(2, '', `${refused}\n`);

  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif' && format !== 'github') {
    return outcome(2, '', `${usage.badFormat(format)}\n`);
  }
  const outputFile = values.output as string | undefined;
  const quiet = values.quiet === true;
  const output = {
    format,
    verbose: values.verbose === true,
    showSecrets: values['show-secrets'] === true,
    // --quiet is about the terminal: a report asked for in a file is written whole, also when all is clean (a CI
    // step that uploads it must not find an empty file).
    quiet: quiet && outputFile === undefined,
    ...(values.config !== undefined ? { configFile: values.config as string } : {}),
  } as const;
  // Colour and width are getters, asked only when something is printed: whether a stream is a terminal costs
  // node:tty, which a clean commit does not need. (Spreading an options object evaluates it; printedOn's objects
  // are not spread.)
  const colorFor = (stream: 'stdout' | 'stderr') =>
    useColor(values, environment.env, () =>
      stream === 'stdout' ? outputFile === undefined && environment.stdoutIsTty : environment.stderrIsTty,
    );
  const widthFor = (stream: 'stdout' | 'stderr') =>
    terminalWidth(
      environment,
      stream,
      stream === 'stdout' ? outputFile === undefined && environment.stdoutIsTty : environment.stderrIsTty,
    );
  const printedOn = <T extends object>(stream: 'stdout' | 'stderr', options: T) =>
    Object.defineProperties(options, {
      color: { get: () => colorFor(stream), enumerable: true },
      width: { get: () => widthFor(stream), enumerable: true },
    }) as T & { readonly color: ReturnType<typeof colorFor>; readonly width: number };
  const progress = (label: string): Progress =>
    !quiet && environment.stderrIsTty
      ? terminalProgress(environment.stderr, label, {
          columns: () => environment.columns?.('stderr'),
          delayMs: progressDelay(environment.env),
        })
      : NO_PROGRESS;
  const base = { cwd: environment.cwd, env: environment.env, progress };

  try {
    const result = await dispatch();
    return outputFile === undefined ? result : writeOutput(result, outputFile, environment.cwd);
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

  async function preCommit(): Promise<CommandOutcome> {
    if (skipRequested(environment.env)) return outcome(0, '', `${skipRequestedMessage('pre-commit')}\n`);
    // SECRET_HOOK_BYPASS="reason": findings let the commit through, recorded by the commit-msg hook.
    const bypass = environment.env['SECRET_HOOK_BYPASS'];
    const { runCheck } = await import('./check.js');
    const run =
      bypass === undefined
        ? runCheck
        : async (o: Parameters<typeof runCheck>[0]) =>
            (await import('./pre-commit-bypass.js')).runPreCommitBypass(
              o,
              (await import('./commit-msg.js')).bypassReason(environment.env) ?? '',
            );
    return await run(
      printedOn('stderr', {
        ...base,
        ...output,
        // Hook output goes to stderr: colour follows stderr's terminal, which git passes through.
        // Every staged change, whatever paths were passed: a hook run by lint-staged or the pre-commit framework
        // gets file names, and must not be weaker than the plain hook. Listed files with no staged change (the
        // framework's `run --all-files`) are scanned whole.
        scope: { kind: 'staged' },
        paths: [],
        wholeFiles: rest,
        hook: true,
      }),
    );
  }

  async function dispatch(): Promise<CommandOutcome> {
    if (command === 'pre-commit') return await preCommit();
    // Written out in full in each test, so that the build can fold it.
    if (typeof __SECRET_HOOK_PRE_COMMIT_ONLY__ === 'undefined' || !__SECRET_HOOK_PRE_COMMIT_ONLY__) {
      switch (command) {
        case 'check': {
          const { runCheck } = await import('./check.js');
          const { scope, paths } = checkScope(values, rest);
          return await runCheck(
            printedOn('stdout', {
              ...base,
              ...output,
              scope,
              paths,
              hook: false,
            }),
          );
        }
        case 'pre-push': {
          if (skipRequested(environment.env)) return outcome(0, '', `${skipRequestedMessage('pre-push')}\n`);
          const { runPrePush } = await import('./pre-push.js');
          // Only our own framework entry says it runs under the pre-commit framework; a variable that merely happens
          // to be set must never make the hook ignore the refs git passes on stdin.
          const framework = values['pre-commit-framework'] ? preCommitFrameworkRange(environment.env) : null;
          const stdin = framework || environment.stdinIsTty ? '' : await environment.readStdin();
          const remote = (framework ? environment.env['PRE_COMMIT_REMOTE_NAME'] : rest[0]) || null;
          return await runPrePush(
            printedOn('stderr', {
              ...base,
              ...output,
              remote,
              stdin,
              framework,
            }),
          );
        }
        case 'pre-receive': {
          // On a server: SKIP and the client's bypass variables are not honoured (pre-receive.ts, server settings).
          const { runPreReceive } = await import('./pre-receive.js');
          const stdin = environment.stdinIsTty ? '' : await environment.readStdin();
          return await runPreReceive({ cwd: environment.cwd, env: environment.env, stdin });
        }
        case 'commit-msg': {
          const { runCommitMsg, skipRequestedLine } = await import('./commit-msg.js');
          if (skipRequested(environment.env)) return outcome(0, '', `${skipRequestedLine()}\n`);
          return await runCommitMsg(
            printedOn('stderr', {
              ...base,
              ...output,
              file: rest[0],
            }),
          );
        }
        case 'scan': {
          const { runScanPaths } = await import('./scan-paths.js');
          return await runScanPaths(
            printedOn('stdout', {
              ...base,
              ...output,
              paths: rest,
              ...(typeof values['path-hint'] === 'string' ? { pathHint: values['path-hint'] } : {}),
              readStdin: environment.readStdin,
            }),
          );
        }
        case 'doctor': {
          const { runDoctor } = await import('./doctor.js');
          return runDoctor({ ...base, width: widthFor('stdout') });
        }
        case 'baseline': {
          const { runBaseline } = await import('./baseline.js');
          if (values.all && values.history) throw new UsageError(usage.baselineScopes());
          return await runBaseline({
            ...base,
            ...output,
            color: false,
            width: 80,
            scope: { kind: values.history ? 'history' : 'all' },
          });
        }
        case 'install': {
          if (values.global) {
            const { runInstallGlobal } = await import('./install-global.js');
            return runInstallGlobal({ ...base, binPath: environment.binPath });
          }
          const { runInstall, HOOKS } = await import('./install.js');
          return runInstall({ ...base, binPath: environment.binPath, chain: values.chain === true, hooks: HOOKS });
        }
        case 'uninstall': {
          if (values.global) return (await import('./install-global.js')).runUninstallGlobal(base);
          const { runUninstall, HOOKS } = await import('./install.js');
          return runUninstall({ ...base, hooks: HOOKS });
        }
        case 'rules': {
          const { runRules } = await import('./rules.js');
          return runRules(format === 'json' ? 'json' : 'text');
        }
        case 'explain': {
          const { runExplain } = await import('./rules.js');
          return runExplain(rest[0], widthFor('stdout'));
        }
        case 'fix': {
          const { runFix } = await import('./fix/run-fix.js');
          const ask = environment.stdinIsTty && environment.stdoutIsTty ? environment.ask : undefined;
          const [yes, dryRun, color, width] = [
            !!values.yes,
            !!values['dry-run'],
            colorFor('stdout'),
            widthFor('stdout'),
          ];
          return await runFix({ ...base, ...output, paths: rest, yes, dryRun, color, width, ask });
        }
        default:
          return outcome(
            2,
            '',
            `${usage.unknownCommand(String(command), nearest(String(command), Object.keys(COMMANDS)))}\n`,
          );
      }
    }
    throw new Error(`dist/pre-commit.cjs runs the pre-commit hook only, not ${String(command)}`);
  }
}

/** The command, its arguments and its options; or the one-line error for an option that does not exist. */
function parseCommandLine(
  argv: string[],
): { command: string | undefined; rest: string[]; values: Values } | { error: string } {
  // Most runs are a hook's (`pre-commit`, `commit-msg <file>`, `pre-push <remote> <url>`): no argument starts with
  // '-', so every one is a positional, as parseArgs would find. Such a line skips it: loading and running it cost
  // about 0.3 ms of a clean commit (docs/performance.md, "Start-up budget").
  if (argv.every((arg) => !arg.startsWith('-'))) return { command: argv[0], rest: argv.slice(1), values: {} };
  // Not strict: an unknown option is reported here in our words, with the options it could have meant.
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const positionals: string[] = [];
  const values: Values = {};
  const command = tokens.find((t) => t.kind === 'positional')?.value as string | undefined;
  const known = COMMANDS[command ?? ''];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const name = token.name as OptionName;
    const spec = OPTIONS[name] as { type: 'string' | 'boolean' } | undefined;
    if (!spec) {
      const candidates = (known ? [...known, 'help', 'version'] : Object.keys(OPTIONS)).map((o) => `--${o}`);
      return {
        error: usage.unknownOption(token.rawName, known ? command : undefined, nearest(`--${token.name}`, candidates)),
      };
    }
    if (spec.type === 'string') {
      // `--since --all`: an option is not a value.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
        return { error: usage.needsValue(token.rawName, valueKind(name)) };
      }
      values[name] = token.value;
    } else {
      if (token.value !== undefined) return { error: usage.takesNoValue(token.rawName) };
      values[name] = true;
    }
  }
  return { command, rest: positionals.slice(1), values };
}

function valueKind(option: OptionName): string {
  return option === 'format'
    ? 'a format'
    : option === 'since'
      ? 'a revision'
      : option === 'path-hint'
        ? 'a file name'
        : 'a file';
}

/** Why these options or arguments cannot be taken by this command, or null. */
function refusal(command: string, rest: string[], values: Values): string | null {
  const allowed = COMMANDS[command];
  if (!allowed) return null; // an unknown command is reported by name
  for (const option of Object.keys(values) as OptionName[]) {
    if (option === 'help' || option === 'version' || allowed.includes(option)) continue;
    const owners = Object.entries(COMMANDS)
      .filter(([, options]) => options.includes(option))
      .map(([name]) => name);
    return usage.optionNotFor(`--${option}`, command, owners);
  }
  if (NO_ARGUMENTS.has(command) && rest.length > 0) return usage.unexpectedArguments(command, rest);
  if (values.color && values['no-color']) return usage.bothColors();
  if (values.chain && values.global) return usage.chainOrGlobal();
  if (values.quiet && values.verbose) return usage.quietAndVerbose();
  if (command === 'rules' && values.format !== undefined && values.format !== 'text' && values.format !== 'json') {
    return usage.rulesFormat(values.format as string);
  }
  return null;
}

/**
 * Colours: --no-color and --color first (the person typing), then NO_COLOR (https://no-color.org: any non-empty
 * value), then FORCE_COLOR (non-empty and not 0 or false), then TERM=dumb, then whether the stream is a terminal.
 */
function useColor(values: Values, env: Record<string, string | undefined>, isTerminal: () => boolean): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['TERM'] === 'dumb') return false;
  return isTerminal();
}

/** The terminal's width when the stream is one; else COLUMNS when set; else 80. */
function terminalWidth(environment: CliEnvironment, stream: 'stdout' | 'stderr', isTerminal: boolean): number {
  const columns = isTerminal ? environment.columns?.(stream) : undefined;
  if (columns !== undefined && columns > 0) return columns;
  const fromEnv = Number(environment.env['COLUMNS']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/**
 * How long a scan runs before progress is drawn (a quick scan draws none). SECRET_HOOK_PROGRESS_AFTER_MS changes it:
 * the pseudo-terminal test sets 0, so that it needs no scan slow enough to pass half a second.
 */
function progressDelay(env: Record<string, string | undefined>): number {
  const value = Number(env['SECRET_HOOK_PROGRESS_AFTER_MS']);
  return env['SECRET_HOOK_PROGRESS_AFTER_MS'] !== undefined && Number.isFinite(value) && value >= 0 ? value : 500;
}

/** --output FILE: the report goes to the file, written whole (or, when the scan failed, not at all). */
async function writeOutput(result: CommandOutcome, file: string, cwd: string): Promise<CommandOutcome> {
  if (result.exitCode === 2) return result;
  const { writeWhole } = await import('./output-file.js');
  const problem = writeWhole(file, cwd, result.stdout);
  if (problem !== null) return outcome(2, '', `${result.stderr}${usage.outputNotWritten(file, problem)}\n`);
  return outcome(result.exitCode, '', result.stderr);
}

/** What the program says and how it exits when the scan failed (exit 2): also for errors nothing else caught. */
export function crashOutcome(error: unknown, argv: readonly string[]): CommandOutcome {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (command === 'pre-receive') return outcome(2, '', `${scanFailedParagraph(error)}\n`);
  const hook = command === 'pre-commit' || command === 'commit-msg' || command === 'pre-push';
  const scope =
    command === 'pre-commit' || command === 'commit-msg' ? 'staged' : command === 'pre-push' ? 'push' : 'all';
  return outcome(2, '', `${failureParagraph(error, scope, hook)}\n`);
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
function checkScope(values: Values, positionals: string[]): { scope: CheckScope; paths: string[] } {
  const ranges = positionals.filter((p) => /^[^\s]*[^.]\.\.[^.][^\s]*$|^\.\.[^./][^\s]*$|^[^\s]*[^./]\.\.$/.test(p));
  const paths = positionals.filter((p) => !ranges.includes(p));
  const chosen = [values.staged, values.all, values.history, values.since !== undefined, ranges.length > 0];
  if (chosen.filter(Boolean).length > 1) throw new UsageError(usage.chooseOneScope());
  if (values.all) return { scope: { kind: 'all' }, paths };
  if (values.history) return { scope: { kind: 'history' }, paths };
  if (typeof values.since === 'string') return { scope: { kind: 'range', from: values.since, to: 'HEAD' }, paths };
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
