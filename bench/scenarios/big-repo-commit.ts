// The same small commit in a repository whose pack is hundreds of MB: its cost must not grow with the
// repository (reading only the needed slices of pack indexes and packs, never whole files).
import { appRepo, stageTypicalCommit } from '../lib/app-repo.js';
import { gitleaksCommand } from '../lib/gitleaks.js';
import { measureAlternating } from '../lib/measure.js';
import { formatBytes, secretHook, type Row, type Scenario } from '../lib/scenario.js';

const TARGET_RATIO = 1.5;

export const bigRepoCommit: Scenario = {
  name: 'big-repo-commit',
  async run(context) {
    const { settings, env, gitleaks, log } = context;
    const small = await appRepo(settings, env, false);
    log(`building the big repository (BENCH_BIG_MB=${settings.sizes.bigMb}) if it is not cached…`);
    const big = await appRepo(settings, env, true);
    const change = stageTypicalCommit(settings, env, small.dir, small.info);
    stageTypicalCommit(settings, env, big.dir, big.info);
    const commands = [
      secretHook(context, 'secret-hook pre-commit (small repo)', ['pre-commit'], small.dir),
      secretHook(context, 'secret-hook pre-commit (big repo)', ['pre-commit'], big.dir),
    ];
    if (gitleaks) {
      commands.push(gitleaksCommand(gitleaks, 'gitleaks (staged, small repo)', 'staged', small.dir, env));
      commands.push(gitleaksCommand(gitleaks, 'gitleaks (staged, big repo)', 'staged', big.dir, env));
    }
    const stats = measureAlternating(commands, {
      runs: settings.runsFast,
      warmup: settings.warmup,
      gnuTime: settings.gnuTime,
    });
    const row = (label: string): Row => ({ scenario: 'big-repo-commit', tool: label, stats: stats.get(label)! });
    const ourSmall = stats.get('secret-hook pre-commit (small repo)')!;
    const ourBig = stats.get('secret-hook pre-commit (big repo)')!;
    const theirBig = stats.get('gitleaks (staged, big repo)');
    const growth = ourBig.median / ourSmall.median;
    const rows: Row[] = [
      row('secret-hook pre-commit (small repo)'),
      {
        ...row('secret-hook pre-commit (big repo)'),
        ...(theirBig ? { ratio: ourBig.median / theirBig.median } : {}),
        target: `≤ ${TARGET_RATIO}× small repo`,
        measured: `${growth.toFixed(2)}× small repo`,
        met: growth <= TARGET_RATIO,
      },
    ];
    if (gitleaks) rows.push(row('gitleaks (staged, small repo)'), row('gitleaks (staged, big repo)'));
    return {
      description:
        `the typical commit (${change.files} files, ${change.addedLines} added lines) in the small repository ` +
        `(pack ${formatBytes(small.info.packBytes)}) and in a big one (${big.info.files} files, ` +
        `${big.info.commits} commits, pack ${formatBytes(big.info.packBytes)}).`,
      rows,
    };
  },
};
