// A big staged change: thousands of new files (a vendored dependency tree, generated code) and minified bundles
// whose single line is a megabyte. Time against gitleaks, and secret-hook's peak memory.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineSource, prng, repoPath, sourceFiles } from '../lib/corpus.js';
import { cachedRepo, git, initRepo } from '../lib/git.js';
import { gitleaksCommand } from '../lib/gitleaks.js';
import { measureAlternating } from '../lib/measure.js';
import { formatBytes, secretHook, type Row, type Scenario } from '../lib/scenario.js';
import type { Settings } from '../lib/settings.js';

const VERSION = 3;
const TARGET_RATIO = 0.15;
const TARGET_RSS = 300 * 1024 * 1024;

interface StagedInfo {
  files: number;
  bytes: number;
  minified: number;
}

export const bigStaged: Scenario = {
  name: 'big-staged',
  async run(context) {
    const { settings, env, gitleaks, log } = context;
    log('building the big staged change if it is not cached…');
    const { dir, info } = await stagedRepo(settings, env);
    const commands = [secretHook(context, 'secret-hook pre-commit', ['pre-commit'], dir)];
    let note = '';
    let theirLabel = 'gitleaks (staged)';
    if (gitleaks) {
      // gitleaks 8.26 in --pre-commit mode panics ("slice bounds out of range [:7] with length 0", git.go:69, in
      // a timer callback) once a fragment has taken about 5 s: a 1 MB line does on this kind of machine. Then
      // the comparison is `gitleaks dir` over the working tree, which here holds exactly the staged files (all
      // new, nothing else), so gitleaks reads the same bytes without the git diff it would pay for.
      const probe = spawnSync(gitleaks.bin, gitleaks.stagedArgs, {
        cwd: dir,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const staged = probe.status === 0;
      if (!staged) {
        const reason = /panic: [^\n]*/.exec(probe.stderr.toString())?.[0] ?? `exit ${probe.status}`;
        note = ` gitleaks --pre-commit --staged failed on this change (${reason}); compared with \`gitleaks dir\` over the same files.`;
      }
      if (!staged) theirLabel = 'gitleaks dir (same files)';
      commands.push(gitleaksCommand(gitleaks, theirLabel, staged ? 'staged' : 'dir', dir, env));
    }
    const stats = measureAlternating(commands, {
      runs: settings.runsSlow,
      warmup: settings.warmup,
      gnuTime: settings.gnuTime,
    });
    const ours = stats.get('secret-hook pre-commit')!;
    const theirs = stats.get(theirLabel);
    const ratio = theirs ? ours.median / theirs.median : undefined;
    const memoryMet = ours.peakRss === null ? null : ours.peakRss <= TARGET_RSS;
    const rows: Row[] = [
      {
        scenario: 'big-staged',
        tool: 'secret-hook pre-commit',
        stats: ours,
        ...(ratio !== undefined ? { ratio } : {}),
        target: `≤ ${TARGET_RATIO}× gitleaks; peak ≤ ${formatBytes(TARGET_RSS)}`,
        measured: `${ratio === undefined ? 'n/a' : `${ratio.toFixed(3)}×`}; ${ours.peakRss === null ? 'n/a' : formatBytes(ours.peakRss)}`,
        met: memoryMet === false ? false : ratio === undefined || memoryMet === null ? null : ratio <= TARGET_RATIO,
      },
    ];
    if (theirs) rows.push({ scenario: 'big-staged', tool: theirLabel, stats: theirs });
    return {
      description:
        `${info.files} new files, ${formatBytes(info.bytes)} staged (${info.minified} minified files of one ` +
        `${formatBytes(settings.sizes.minifiedBytes)} line each), loose objects as \`git add\` leaves them.${note}`,
      rows,
    };
  },
};

async function stagedRepo(settings: Settings, env: Record<string, string>) {
  const s = settings.sizes;
  const key = `staged-v${VERSION}-${s.stagedFiles}f-${s.stagedBytes}b-${s.minifiedFiles}x${s.minifiedBytes}`;
  return cachedRepo<StagedInfo>(settings.cacheDir, key, async (dir) => {
    initRepo(dir, env);
    fs.writeFileSync(path.join(dir, 'README.md'), '# app\n');
    git(dir, env, 'add', 'README.md');
    git(dir, env, 'commit', '-q', '-m', 'Initial commit');

    const random = prng(11);
    const sources = sourceFiles(settings.root);
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    // The corpus as one stream of text, cut at line ends into pieces sized so that the file count and the volume
    // arrive together; a piece is named after the source file it starts in.
    const plainFiles = s.stagedFiles - s.minifiedFiles;
    const plainBytes = s.stagedBytes - s.minifiedFiles * s.minifiedBytes;
    let files = 0;
    let bytes = 0;
    let stream = '';
    let name = '';
    for (let next = 0; files < plainFiles && bytes < plainBytes; files++) {
      const want = Math.floor(((plainBytes - bytes) / (plainFiles - files)) * (0.25 + 1.5 * random()));
      while (stream.length <= want) {
        const source = sources[next++ % sources.length]!;
        if (stream.length === 0) name = source.rel;
        stream += fs.readFileSync(source.abs, 'utf8');
      }
      const cut = stream.indexOf('\n', want);
      const piece = cut === -1 ? stream : stream.slice(0, cut + 1);
      stream = stream.slice(piece.length);
      write(repoPath(`vendor/${files % 50}`, `${files}-${name}`), piece);
      bytes += Buffer.byteLength(piece);
      name = sources[(next - 1) % sources.length]!.rel;
    }
    // Minified bundles: real code with its line breaks taken out.
    const lines = new LineSource(sources.filter((f) => f.rel.endsWith('.js')));
    for (let i = 0; i < s.minifiedFiles; i++) {
      const text = lines
        .take(s.minifiedBytes * 1.2)
        .replace(/\n\s*/g, ';')
        .slice(0, s.minifiedBytes);
      write(`public/assets/bundle-${i}.min.js`, `${text}\n`);
      files++;
      bytes += Buffer.byteLength(text) + 1;
    }
    git(dir, env, 'add', '-A');
    return { files, bytes, minified: s.minifiedFiles };
  });
}
