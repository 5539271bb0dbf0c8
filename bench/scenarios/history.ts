// `secret-hook check --history` against gitleaks over the same synthetic history: thousands of commits that
// each insert a few real lines into one to three files (and now and then add a file).
import { LineSource, prng, repoPath, sourceFiles } from '../lib/corpus.js';
import { cachedRepo, FastImport, git, initRepo, packBytes, repack } from '../lib/git.js';
import { gitleaksCommand } from '../lib/gitleaks.js';
import { measureAlternating } from '../lib/measure.js';
import { formatBytes, secretHook, type Row, type Scenario } from '../lib/scenario.js';
import type { Settings } from '../lib/settings.js';
import * as fs from 'node:fs';

const VERSION = 3;
const TARGET_RATIO = 0.7;
// Files stop growing past this size: each later insertion also deletes as many lines elsewhere.
const MAX_FILE_BYTES = 24 * 1024;

interface HistoryInfo {
  commits: number;
  addedBytes: number;
  packBytes: number;
}

export const history: Scenario = {
  name: 'history',
  async run(context) {
    const { settings, env, gitleaks, log } = context;
    log('building the synthetic history if it is not cached…');
    const { dir, info } = await historyRepo(settings, env);
    const commands = [secretHook(context, 'secret-hook check --history', ['check', '--history'], dir)];
    if (gitleaks) commands.push(gitleaksCommand(gitleaks, 'gitleaks (history)', 'history', dir, env));
    const stats = measureAlternating(commands, {
      runs: settings.runsSlow,
      warmup: settings.warmup,
      gnuTime: settings.gnuTime,
    });
    const ours = stats.get('secret-hook check --history')!;
    const theirs = stats.get('gitleaks (history)');
    const ratio = theirs ? ours.median / theirs.median : undefined;
    const rows: Row[] = [
      {
        scenario: 'history',
        tool: 'secret-hook check --history',
        stats: ours,
        ...(ratio !== undefined ? { ratio } : {}),
        target: `≤ ${TARGET_RATIO}× gitleaks`,
        measured: ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}×`,
        met: ratio === undefined ? null : ratio <= TARGET_RATIO,
      },
    ];
    if (theirs) rows.push({ scenario: 'history', tool: 'gitleaks (history)', stats: theirs });
    return {
      description: `${info.commits} commits, ${formatBytes(info.addedBytes)} of added lines, pack ${formatBytes(info.packBytes)}.`,
      rows,
    };
  },
};

async function historyRepo(settings: Settings, env: Record<string, string>) {
  const s = settings.sizes;
  const key = `history-v${VERSION}-${s.historyCommits}c-${s.historyAddedBytes}b`;
  return cachedRepo<HistoryInfo>(settings.cacheDir, key, async (dir) => {
    initRepo(dir, env);
    const random = prng(23);
    const all = sourceFiles(settings.root).filter((f) => f.size >= 1000 && f.size <= 20_000);
    const count = Math.max(10, Math.round(s.historyCommits / 25));
    const picked = Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]!);
    const texts = new Map(picked.map((f) => [repoPath('src', f.rel), fs.readFileSync(f.abs, 'utf8')]));
    let addedBytes = [...texts.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);

    const importer = new FastImport(dir, env);
    await importer.commit('Initial import', new Map(texts));
    const lines = new LineSource([...all].reverse());
    const perCommit = Math.max(200, (s.historyAddedBytes - addedBytes) / (s.historyCommits - 1));
    for (let i = 1; i < s.historyCommits; i++) {
      const changes = new Map<string, string>();
      if (i % 100 === 0) {
        const text = lines.take(perCommit);
        changes.set(`src/added/file-${i}.js`, text);
        texts.set(`src/added/file-${i}.js`, text);
        addedBytes += Buffer.byteLength(text);
      } else {
        const names = [...texts.keys()];
        const touched = 1 + Math.floor(random() * 3);
        for (let k = 0; k < touched; k++) {
          const name = names[Math.floor(random() * names.length)]!;
          const rows = texts.get(name)!.split('\n');
          const inserted = lines
            .take((perCommit / touched) * (0.5 + random()))
            .split('\n')
            .slice(0, -1);
          if (texts.get(name)!.length > MAX_FILE_BYTES) {
            rows.splice(Math.floor(random() * rows.length), inserted.length);
          }
          rows.splice(Math.floor(random() * rows.length), 0, ...inserted);
          texts.set(name, rows.join('\n'));
          changes.set(name, texts.get(name)!);
          addedBytes += inserted.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
        }
      }
      await importer.commit(`Change ${i}`, changes);
    }
    await importer.close();
    repack(dir, env);
    git(dir, env, 'reset', '-q', '--hard', 'main');
    return { commits: s.historyCommits, addedBytes, packBytes: packBytes(dir) };
  });
}
