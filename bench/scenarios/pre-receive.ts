// `secret-hook pre-receive` as a git server runs it: the pushed objects in git's own quarantine (captured from a real
// `git push`), the server's refs at their old values. Timed: the hook alone for a push of 1,000 new commits of
// ordinary code, and for one typical commit in the small and in the 530 MB repository (its cost must not grow with
// the repository); and the whole `git push` of the 1,000 commits without a hook and with secret-hook.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appRepo, stageTypicalCommit, type AppRepoInfo } from '../lib/app-repo.js';
import { LineSource, prng, sourceFiles } from '../lib/corpus.js';
import { FastImport, git } from '../lib/git.js';
import { measureAlternating, type Command } from '../lib/measure.js';
import { formatBytes, formatMs, type Context, type Row, type Scenario } from '../lib/scenario.js';

/** GitHub Enterprise Server stops a pre-receive hook after 5 s; the 1,000-commit push must be well inside it. */
const TARGET_PUSH_MS = 5000;
const TARGET_GROWTH = 1.5;

interface Prepared {
  /** The server's git dir (a bare clone sharing the cached repository's objects). */
  server: string;
  /** A copy of the quarantine git made for the push, and the ref lines it passed to the hook. */
  quarantine: string;
  stdin: string;
  client: string;
}

export const preReceive: Scenario = {
  name: 'pre-receive',
  async run(context) {
    const { settings, env, log } = context;
    const small = await appRepo(settings, env, false);
    log(`building the big repository (BENCH_BIG_MB=${settings.sizes.bigMb}) if it is not cached…`);
    const big = await appRepo(settings, env, true);
    const work = path.join(settings.cacheDir, 'run', 'pre-receive');
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    const count = settings.sizes.pushedCommits;

    log(`capturing the quarantines of three pushes (${count} commits; one commit, small and big repository)…`);
    const many = await prepare(context, work, 'many', small.dir, (client) => addCommits(context, client, count));
    const oneSmall = await prepare(context, work, 'one-small', small.dir, (client) =>
      typicalCommit(context, client, small.info),
    );
    const oneBig = await prepare(context, work, 'one-big', big.dir, (client) =>
      typicalCommit(context, client, big.info),
    );

    const labels = {
      many: `secret-hook pre-receive (${count} commits)`,
      oneSmall: 'secret-hook pre-receive (1 commit, small repo)',
      oneBig: 'secret-hook pre-receive (1 commit, big repo)',
      pushPlain: `git push (${count} commits, no hook)`,
      pushHooked: `git push (${count} commits, secret-hook)`,
    };
    // Two servers that receive the real push: one with no hook, one with secret-hook; after each push the ref goes
    // back, so that every run pushes the same commits.
    const plain = bareServer(context, work, 'push-plain', small.dir, false);
    const hooked = bareServer(context, work, 'push-hooked', small.dir, true);
    const commands: Command[] = [
      hookCommand(context, labels.many, many),
      hookCommand(context, labels.oneSmall, oneSmall),
      hookCommand(context, labels.oneBig, oneBig),
      pushCommand(context, labels.pushPlain, many.client, plain),
      pushCommand(context, labels.pushHooked, many.client, hooked),
    ];
    const stats = measureAlternating(commands, {
      runs: settings.runsSlow,
      warmup: settings.warmup,
      gnuTime: settings.gnuTime,
    });
    const row = (label: string): Row => ({ scenario: 'pre-receive', tool: label, stats: stats.get(label)! });
    const manyStats = stats.get(labels.many)!;
    const growth = stats.get(labels.oneBig)!.median / stats.get(labels.oneSmall)!.median;
    const pushCost = stats.get(labels.pushHooked)!.median - stats.get(labels.pushPlain)!.median;
    return {
      description:
        `${count} new commits of ordinary code pushed to the real-sized repository (pack ` +
        `${formatBytes(small.info.packBytes)}); one typical commit pushed to it and to the big one (pack ` +
        `${formatBytes(big.info.packBytes)}). The hook reads git's quarantine, captured from a real push.`,
      rows: [
        {
          ...row(labels.many),
          target: `≤ ${formatMs(TARGET_PUSH_MS)} (GitHub Enterprise's cap)`,
          measured: formatMs(manyStats.median),
          met: manyStats.median <= TARGET_PUSH_MS,
        },
        row(labels.oneSmall),
        {
          ...row(labels.oneBig),
          target: `≤ ${TARGET_GROWTH}× small repo`,
          measured: `${growth.toFixed(2)}× small repo`,
          met: growth <= TARGET_GROWTH,
        },
        row(labels.pushPlain),
        { ...row(labels.pushHooked), measured: `+${formatMs(pushCost)} over no hook` },
      ],
    };
  },
};

/** A bare server sharing `repo`'s objects, with secret-hook as its pre-receive hook when `hook`. */
function bareServer(context: Context, work: string, name: string, repo: string, hook: boolean): string {
  const server = path.join(work, `${name}.git`);
  git(work, context.env, 'clone', '-q', '--bare', '--shared', repo, server);
  // A server keeps what it receives as it arrives: no repacking behind the benchmark's back.
  git(server, context.env, 'config', 'gc.auto', '0');
  git(server, context.env, 'config', 'receive.autogc', 'false');
  if (hook) {
    const program = path.join(context.packageDir, 'bin', 'secret-hook.cjs');
    writeHook(server, `exec '${process.execPath}' '${program}' pre-receive\n`);
  }
  return server;
}

function writeHook(server: string, body: string): void {
  fs.writeFileSync(path.join(server, 'hooks', 'pre-receive'), `#!/bin/sh\n${body}`, { mode: 0o755 });
}

/**
 * A server, a client with new commits on main, and the quarantine of a real push of them: a hook that copies git's
 * quarantine directory and its ref lines aside, then refuses the push.
 */
async function prepare(
  context: Context,
  work: string,
  name: string,
  repo: string,
  addCommits: (client: string) => Promise<void> | void,
): Promise<Prepared> {
  const server = bareServer(context, work, name, repo, false);
  const client = path.join(work, `${name}-client`);
  git(work, context.env, 'clone', '-q', '--shared', repo, client);
  git(client, context.env, 'config', 'user.name', 'Bench User');
  git(client, context.env, 'config', 'user.email', 'bench@example.invalid');
  await addCommits(client);
  const quarantine = path.join(work, `${name}-quarantine`);
  const stdinFile = path.join(work, `${name}-stdin`);
  writeHook(server, `cat > '${stdinFile}'\ncp -R "$GIT_QUARANTINE_PATH" '${quarantine}'\nexit 1\n`);
  try {
    git(client, context.env, 'push', '-q', server, 'main');
  } catch {
    // refused, as planned
  }
  fs.rmSync(path.join(server, 'hooks', 'pre-receive'));
  if (!fs.existsSync(quarantine)) throw new Error(`bench: no quarantine captured for ${name}`);
  return { server, quarantine, stdin: fs.readFileSync(stdinFile, 'utf8'), client };
}

/** The hook alone, run as receive-pack runs it: in the git dir, with the quarantine's variables. */
function hookCommand(context: Context, label: string, prepared: Prepared): Command {
  return {
    label,
    file: process.execPath,
    args: [path.join(context.packageDir, 'bin', 'secret-hook.cjs'), 'pre-receive'],
    cwd: prepared.server,
    env: {
      ...context.env,
      GIT_DIR: '.',
      GIT_OBJECT_DIRECTORY: prepared.quarantine,
      GIT_QUARANTINE_PATH: prepared.quarantine,
      GIT_ALTERNATE_OBJECT_DIRECTORIES: path.join(prepared.server, 'objects'),
    },
    input: prepared.stdin,
    okCodes: [0, 1],
  };
}

/** The whole push; the server's main is put back after each run. */
function pushCommand(context: Context, label: string, client: string, server: string): Command {
  const old = git(server, context.env, 'rev-parse', 'main').trim();
  return {
    label,
    file: 'git',
    args: ['push', '-q', server, 'main'],
    cwd: client,
    env: context.env,
    after: () => {
      git(server, context.env, 'update-ref', 'refs/heads/main', old);
    },
  };
}

/** Ordinary commits: each inserts real lines of code into one to three tracked files, as the history scenario does. */
async function addCommits(context: Context, client: string, count: number): Promise<void> {
  const { env, settings } = context;
  const random = prng(31);
  const names = git(client, env, 'ls-files', 'src')
    .split('\n')
    .filter((name) => name.endsWith('.js') || name.endsWith('.ts'))
    .slice(0, 200);
  const texts = new Map(names.map((name) => [name, fs.readFileSync(path.join(client, name), 'utf8')]));
  const lines = new LineSource(sourceFiles(settings.root).filter((f) => f.rel.endsWith('.js')));
  const importer = new FastImport(client, env, git(client, env, 'rev-parse', 'main').trim());
  for (let i = 0; i < count; i++) {
    const changes = new Map<string, string>();
    const touched = 1 + Math.floor(random() * 3);
    for (let k = 0; k < touched; k++) {
      const name = names[Math.floor(random() * names.length)]!;
      const rows = texts.get(name)!.split('\n');
      rows.splice(Math.floor(random() * rows.length), 0, ...lines.take(600).split('\n').slice(0, -1));
      texts.set(name, rows.join('\n'));
      changes.set(name, texts.get(name)!);
    }
    await importer.commit(`Change ${i}`, changes);
  }
  await importer.close();
  git(client, env, 'reset', '-q', '--hard', 'main');
}

/** The typical commit of the other scenarios (5 files, ≈200 added lines), committed. */
function typicalCommit(context: Context, client: string, info: AppRepoInfo): void {
  stageTypicalCommit(context.settings, context.env, client, info);
  git(client, context.env, 'commit', '-q', '--no-verify', '-m', 'typical change');
}
