// The "real-sized" application repository (≈700 tracked files, a few hundred commits, a pack of tens of MB) and
// its big twin (the same plus hundreds of MB of incompressible history), and the typical 5-file commit staged in
// either. Both are written with git fast-import from node_modules source and seeded generators.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineSource, prng, repoPath, seededBytes, sourceFiles } from './corpus.js';
import { cachedRepo, FastImport, git, initRepo, packBytes, repack } from './git.js';
import type { Settings } from './settings.js';

// Bump when the builder changes: cached repositories of another version are not reused.
const VERSION = 3;

export interface AppRepoInfo {
  files: number;
  commits: number;
  packBytes: number;
  /** The tracked text files, sorted: the typical commit edits five of them. */
  textFiles: string[];
}

export async function appRepo(
  settings: Settings,
  env: Record<string, string>,
  big: boolean,
): Promise<{ dir: string; info: AppRepoInfo }> {
  const s = settings.sizes;
  const extraMb = big ? s.bigMb : 0;
  const key = `app-v${VERSION}-${s.appFiles}f-${s.appCommits}c-${s.appAssets}x${s.appAssetBytes}-big${extraMb}`;
  return cachedRepo(settings.cacheDir, key, async (dir) => {
    initRepo(dir, env);
    const random = prng(7);
    const all = sourceFiles(settings.root).filter((f) => f.size >= 500 && f.size <= 60_000);
    // An even stride through the sorted list: files from many packages, not all of one.
    const picked = Array.from({ length: s.appFiles }, (_, i) => all[Math.floor((i * all.length) / s.appFiles)]!);
    const texts = new Map(picked.map((f) => [repoPath('src', f.rel), fs.readFileSync(f.abs, 'utf8')]));
    const assets = (version: number) =>
      new Map(
        Array.from({ length: s.appAssets }, (_, i) => [
          `assets/media-${i}.bin`,
          seededBytes(`asset-${i}-${version}`, s.appAssetBytes),
        ]),
      );

    const importer = new FastImport(dir, env);
    await importer.commit('Initial import', new Map<string, string | Buffer>([...texts, ...assets(0)]));
    const names = [...texts.keys()];
    const lines = new LineSource(all);
    let commits = 1;
    // Ordinary history: each commit edits three files; now and then the media files are replaced.
    for (let i = 1; i < s.appCommits; i++, commits++) {
      const changes = new Map<string, string | Buffer>();
      for (let k = 0; k < 3; k++) {
        const name = names[Math.floor(random() * names.length)]!;
        const rows = texts.get(name)!.split('\n');
        const at = Math.floor(random() * rows.length);
        rows.splice(at, Math.floor(random() * 4), ...lines.take(400).split('\n').slice(0, -1));
        texts.set(name, rows.join('\n'));
        changes.set(name, texts.get(name)!);
      }
      if (i % 30 === 0) {
        const index = (i / 30) % s.appAssets;
        changes.set(`assets/media-${index}.bin`, seededBytes(`asset-${index}-${i}`, s.appAssetBytes));
      }
      await importer.commit(`Change ${i}`, changes);
    }
    // The big twin: large incompressible blobs, rewritten in turn, so the pack grows but the tree barely does.
    for (let written = 0, i = 0; written < extraMb * 1024 * 1024; written += s.bigBlobBytes, i++, commits++) {
      const name = `assets/large-${i % 10}.bin`;
      await importer.commit(`Large asset ${i}`, new Map([[name, seededBytes(`large-${i}`, s.bigBlobBytes)]]));
    }
    await importer.close();
    repack(dir, env);
    git(dir, env, 'reset', '-q', '--hard', 'main');
    return {
      files: git(dir, env, 'ls-files').split('\n').filter(Boolean).length,
      commits,
      packBytes: packBytes(dir),
      textFiles: names.sort(),
    };
  });
}

/**
 * Stages the same commit in any app repository: about 40 real lines inserted in the middle of five tracked text
 * files (≈200 added lines). The working tree is reset first, so a re-run stages exactly the same change.
 */
export function stageTypicalCommit(settings: Settings, env: Record<string, string>, dir: string, info: AppRepoInfo) {
  git(dir, env, 'reset', '-q', '--hard', 'HEAD');
  const lines = new LineSource(
    sourceFiles(settings.root)
      .filter((f) => f.rel.endsWith('.ts'))
      .slice(0, 50),
  );
  const chosen = Array.from(
    { length: 5 },
    (_, i) => info.textFiles[Math.floor(((i + 0.5) * info.textFiles.length) / 5)]!,
  );
  let added = 0;
  for (const file of chosen) {
    const target = path.join(dir, file);
    const rows = fs.readFileSync(target, 'utf8').split('\n');
    const insert = Array.from({ length: 40 }, () => lines.next());
    rows.splice(rows.length >> 1, 0, ...insert);
    fs.writeFileSync(target, rows.join('\n'));
    added += insert.length;
  }
  git(dir, env, 'add', '--', ...chosen);
  return { files: chosen.length, addedLines: added };
}
