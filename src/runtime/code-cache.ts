// Runs the bundled program with V8's code cache, so that a commit does not pay for compiling the program again
// every time (10-12 ms per commit on the benchmark machine; README, "Start-up").
// Node 22.1+ has this built in (module.enableCompileCache); on Node 20 the same is done here with vm.Script's
// cachedData, the technique of v8-compile-cache. The cache lives in the user's cache directory, never in the
// repository. A cache file is kept per command (a commit's hook compiles other functions than `install`), stamped
// with the bundle's identity and Node's version; V8 rejects data that does not fit anyway. Anything unusual (no
// home directory, a read-only disk, rejected or damaged data) falls back to an ordinary compile, silently: the
// cache only ever makes the program start faster.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as nodeModule from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

type Env = Record<string, string | undefined>;

/** Runs the CommonJS bundle at `file` as `require(file)` would, with compiled code cached across runs. */
export function runBundle(file: string, command: string, env: Env = process.env): void {
  const require = createRequire(file);
  const dir = env['NODE_DISABLE_COMPILE_CACHE'] ? null : cacheDirectory(env);
  const enableCompileCache = (nodeModule as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (dir === null) {
    require(file);
  } else if (enableCompileCache) {
    enableCompileCache(path.join(dir, 'node'));
    require(file);
  } else {
    runWithCachedData(file, cacheFile(dir, file, command), require);
  }
}

/** The per-user cache directory, as the platform names it; null when there is none to use. */
export function cacheDirectory(env: Env): string | null {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'secret-hook');
  if (process.platform === 'win32') {
    const local = env['LOCALAPPDATA'];
    return local ? path.join(local, 'secret-hook', 'Cache') : null;
  }
  const home = env['HOME'];
  if (!home || !path.isAbsolute(home)) return null;
  return process.platform === 'darwin'
    ? path.join(home, 'Library', 'Caches', 'secret-hook')
    : path.join(home, '.cache', 'secret-hook');
}

/** One file per installed bundle and command kind: hooks and `check` run the scan, anything else shares one. */
export function cacheFile(dir: string, bundle: string, command: string): string {
  const kind = ['pre-commit', 'pre-push', 'check'].includes(command) ? command : 'other';
  return path.join(dir, `v8-${hash32(bundle).toString(16)}-${kind}.bin`);
}

function runWithCachedData(file: string, cachePath: string, require: NodeJS.Require): void {
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  // The bundle's identity and the runtime's: data made for another build or another V8 is never offered.
  const stamp = `${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs} ${stat.ino}\n`;
  const cached = readCached(cachePath, stamp);
  const script = new vm.Script(nodeModule.wrap(source), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  if (!cached || script.cachedDataRejected) {
    // Written when the run ends, so the data holds every function this command compiled, not just the top level.
    process.once('exit', () => writeCached(cachePath, stamp, script));
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, require, module, file, path.dirname(file));
}

function readCached(cachePath: string, stamp: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = fs.readFileSync(cachePath);
  } catch {
    return undefined;
  }
  const header = Buffer.from(stamp);
  if (data.length <= header.length || !data.subarray(0, header.length).equals(header)) return undefined;
  return data.subarray(header.length);
}

function writeCached(cachePath: string, stamp: string, script: vm.Script): void {
  const temporary = `${cachePath}.${process.pid}.tmp`;
  try {
    // The directory first: where it cannot be written (a read-only home), the data is not even serialised.
    const dir = path.dirname(cachePath);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK);
    const data = Buffer.concat([Buffer.from(stamp), script.createCachedData()]);
    // Another commit may run at the same moment: write aside, then rename into place.
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, cachePath);
  } catch {
    // A cache that cannot be written only means the next run compiles again.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there.
    }
  }
}

/** FNV-1a over the path: a short, stable file name without loading node:crypto. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
