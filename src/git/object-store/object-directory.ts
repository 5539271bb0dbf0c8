// An objects directory (<common git dir>/objects, or an alternate): its packs, newest first as git reads them, then its
// loose objects. Packs written after the directory was opened (a `git gc` or fetch while a history scan runs) are
// found by scanning the pack directory again on a miss.
// Alternates (objects/info/alternates: one directory per line, relative ones to the directory that names them) are
// followed recursively, each directory once (https://git-scm.com/docs/gitrepository-layout, objects/info/alternates).
import * as path from 'node:path';
import { readOnlyFs as fs } from '../read-only-fs.js';
import { PackFile } from './pack-file.js';
import { PackIndex } from './pack-index.js';
import type { StoreOptions } from './store.js';

/** git itself follows alternates 5 levels deep. */
const MAX_ALTERNATE_DEPTH = 5;

/** Where an object lies: at an offset in a pack, or in a loose file. */
export type ObjectLocation = { pack: PackFile; offset: number } | { loosePath: string };

interface Pack {
  index: PackIndex;
  file: PackFile;
}

export class ObjectDirectory {
  private readonly packs: Pack[] = [];
  /** .idx names already opened or found broken. */
  private readonly known = new Set<string>();
  /** .idx files that could not be opened, reported when an object turns out missing. */
  readonly unreadableIndexes: { file: string; detail: string }[] = [];

  constructor(
    readonly dir: string,
    private readonly hashSize: number,
    private readonly options: StoreOptions,
  ) {
    this.scanPacks();
  }

  /** Adds packs not seen before; returns whether any were added. Newest first, as git does. */
  scanPacks(): boolean {
    const packDir = path.join(this.dir, 'pack');
    let names: string[];
    try {
      names = fs.readdirSync(packDir);
    } catch {
      return false;
    }
    const added: { pack: Pack; mtime: number }[] = [];
    for (const name of names) {
      if (!/^pack-[0-9a-f]+\.idx$/.test(name) || this.known.has(name)) continue;
      const indexPath = path.join(packDir, name);
      const packPath = indexPath.slice(0, -4) + '.pack';
      let mtime: number;
      try {
        // An .idx without its .pack is a repack in progress; look again on the next miss.
        mtime = fs.statSync(packPath).mtimeMs;
      } catch {
        continue;
      }
      this.known.add(name);
      try {
        const index = new PackIndex(indexPath, this.hashSize, this.options);
        added.push({ pack: { index, file: new PackFile(packPath, this.hashSize, index.count) }, mtime });
      } catch (error) {
        this.unreadableIndexes.push({ file: indexPath, detail: (error as Error).message });
      }
    }
    added.sort((a, b) => b.mtime - a.mtime);
    this.packs.unshift(...added.map((a) => a.pack));
    return added.length > 0;
  }

  /** Packs first (git's order), then loose. `raw` is `oid` as bytes. */
  locate(oid: string, raw: Buffer): ObjectLocation | undefined {
    for (const pack of this.packs) {
      const offset = pack.index.find(raw);
      if (offset !== undefined) return { pack: pack.file, offset };
    }
    const loosePath = path.join(this.dir, oid.slice(0, 2), oid.slice(2));
    return fs.existsSync(loosePath) ? { loosePath } : undefined;
  }

  close(): void {
    for (const pack of this.packs) {
      pack.index.close();
      pack.file.close();
    }
  }
}

/**
 * The objects directory and, recursively, its alternates, then the alternates the environment names
 * (StoreOptions.alternates) with theirs; each directory once.
 */
export function openObjectDirectories(objectsDir: string, hashSize: number, options: StoreOptions): ObjectDirectory[] {
  const directories: ObjectDirectory[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, depth: number): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      real = path.resolve(dir);
    }
    if (seen.has(real)) return;
    seen.add(real);
    directories.push(new ObjectDirectory(dir, hashSize, options));
    if (depth >= MAX_ALTERNATE_DEPTH) return;
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, 'info', 'alternates'), 'utf8');
    } catch {
      return;
    }
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      // Relative entries are relative to the objects directory that names them.
      visit(path.resolve(dir, line), depth + 1);
    }
  };
  visit(path.resolve(objectsDir), 0);
  for (const dir of options.alternates ?? []) visit(path.resolve(dir), 1);
  return directories;
}
