// Deterministic material without a network: real source text from the installed node_modules packages, and
// seeded generators for everything else. Same machine, same installs → byte-identical scenarios.
import { createCipheriv, createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SourceFile {
  /** `<root label>/<path inside that node_modules>`, '/'-separated. */
  rel: string;
  abs: string;
  size: number;
}

const EXTENSIONS = /\.(js|ts|json|md)$/;

/**
 * The .js/.ts/.json/.md files of this project's node_modules and of npm's own (installed with node), sorted by
 * path so that any prefix or stride of the list is the same on every run.
 */
export function sourceFiles(root: string): SourceFile[] {
  const roots: [string, string][] = [['project', path.join(root, 'node_modules')]];
  const npmModules = path.resolve(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
  if (fs.existsSync(npmModules)) roots.push(['npm', npmModules]);
  const files: SourceFile[] = [];
  for (const [label, dir] of roots) walk(dir, label, files);
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

function walk(dir: string, rel: string, out: SourceFile[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    // Symlinks (node_modules/.bin) would count files twice; dot-directories hold caches, not source.
    if (entry.isDirectory() && !entry.name.startsWith('.')) walk(abs, `${rel}/${entry.name}`, out);
    else if (entry.isFile() && EXTENSIONS.test(entry.name)) {
      out.push({ rel: `${rel}/${entry.name}`, abs, size: fs.statSync(abs).size });
    }
  }
}

/** The first files of the sorted list up to `limitBytes`, read as text. */
export function loadCorpus(root: string, limitBytes: number): { path: string; text: string; bytes: number }[] {
  const out: { path: string; text: string; bytes: number }[] = [];
  let total = 0;
  for (const file of sourceFiles(root)) {
    if (total >= limitBytes) break;
    out.push({ path: file.rel, text: fs.readFileSync(file.abs, 'utf8'), bytes: file.size });
    total += file.size;
  }
  return out;
}

/** Real lines of code, one after another through the corpus, forever; long lines (minified code) left out. */
export class LineSource {
  private lines: string[] = [];
  private fileIndex = 0;
  private lineIndex = 0;

  constructor(private readonly files: SourceFile[]) {
    if (files.length === 0) throw new Error('bench: no source files found under node_modules');
  }

  next(): string {
    for (;;) {
      if (this.lineIndex >= this.lines.length) {
        const file = this.files[this.fileIndex++ % this.files.length]!;
        this.lines = fs
          .readFileSync(file.abs, 'utf8')
          .split('\n')
          .filter((line) => line.length <= 200);
        this.lineIndex = 0;
        continue;
      }
      return this.lines[this.lineIndex++]!;
    }
  }

  /** Whole lines adding up to about `bytes`, each ending with '\n'. */
  take(bytes: number): string {
    let text = '';
    while (text.length < bytes) text += `${this.next()}\n`;
    return text;
  }
}

/** A small seeded PRNG: the test suite's, so benchmarks and tests draw from one generator. */
export { seededRandom as prng } from '../../test/helpers/examples.js';

/**
 * Incompressible bytes from a seed: the AES-256-CTR keystream of a key derived from the seed. Fast (GB/s), so a
 * 500 MB pack costs git's time, not ours; incompressible, so the pack really is that big (like media files).
 */
export function seededBytes(seed: string, length: number): Buffer {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  return Buffer.concat([cipher.update(Buffer.alloc(length)), cipher.final()]);
}

/**
 * A repository path made from a corpus path. Characters git's fast-import would need quoted are replaced, and
 * `node_modules` directories are renamed: gitleaks skips every path through one, and both scanners must see the
 * same files.
 */
export function repoPath(prefix: string, rel: string): string {
  return `${prefix}/${rel.replace(/[^A-Za-z0-9._/@+-]/g, '_').replace(/(^|\/)node_modules\//g, '$1deps/')}`;
}
