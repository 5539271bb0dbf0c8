// The command line: parse arguments, run one command, hand back its outcome. Commands are imported lazily so
// that the hook path loads only what a commit needs.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { failureParagraph } from '../report/messages.js';
import { outcome, type CommandOutcome } from './outcome.js';

export interface CliEnvironment {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  binPath: string;
  readStdin: () => Promise<string>;
}

const USAGE = `Usage: secret-hook <command> [options]

Commands:
  check [paths…]       scan the staged changes (what the next commit records); paths limit the scan
  pre-commit           what the pre-commit hook runs (quiet when clean)
  install [--chain]    wire the hooks into this repository (husky or plain git hooks)
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
  const base = { cwd: environment.cwd, env: environment.env };

  try {
    switch (command) {
      case 'check': {
        const { runCheck } = await import('./check.js');
        return await runCheck({ ...base, ...output, paths: rest, hook: false });
      }
      case 'pre-commit': {
        const { runCheck } = await import('./check.js');
        // Hook output goes to stderr: colour follows stderr's terminal, which git passes through.
        return await runCheck({
          ...base,
          ...output,
          color: environment.stderrIsTty && colorAllowed,
          paths: rest,
          hook: true,
        });
      }
      case 'install': {
        const { runInstall } = await import('./install.js');
        return runInstall({ ...base, binPath: environment.binPath, chain: values.chain, hooks: ['pre-commit'] });
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
    return outcome(2, '', `${failureParagraph(error, command === 'pre-commit' ? 'staged' : 'all')}\n`);
  }
}

// Replaced at build time with package.json's version (scripts/build.mjs).
declare const __SECRET_HOOK_VERSION__: string | undefined;

async function version(): Promise<string> {
  return typeof __SECRET_HOOK_VERSION__ === 'string' ? __SECRET_HOOK_VERSION__ : 'development';
}
