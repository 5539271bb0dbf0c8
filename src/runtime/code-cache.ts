// Runs the bundled program with V8's code cache, so that a commit does not pay for compiling the program again
// every time (README, "Start-up"). Node 22.1+ has this built in (module.enableCompileCache); on Node 20 the same
// is done here with vm.Script's cachedData, the technique of v8-compile-cache. The cache lives in the user's cache
// directory, never in the repository, one file per installed bundle and command kind.
//
// Compiled code is code: whoever can write a cache file chooses what the hook runs (V8 checks only the source's
// length, its own version and its flags, and it does not checksum the data it deserialises: damaged data crashes
// or hangs the process). So, before anything is read (README, "What secret-hook trusts"):
// - the directory must be one only this user (and root) can change: the real path is checked from the file
//   system's root down, every directory owned by root or the user and not writable by group or others (unless
//   sticky, like /tmp, whose entries only their owners can rename), the cache directory itself owned by the user.
//   Otherwise the program runs uncached and nothing is written there. Where owners cannot be checked (Windows),
//   there is no cache.
// - a cache file must be a regular file of the user's, not writable by group or others, of bounded size, opened
//   without following a link and without blocking (a FIFO put there would hang the read).
// - its header must name this Node, V8 and its flags, and a digest of the bundle's bytes (not its size or
//   mtime), and carry a digest of the data, which must verify.
// The digest cannot stop a forger: anyone who can write the file can recompute it, as they could a keyed MAC whose
// key lives in the same directory. The ownership check is what keeps forgers out; the digest catches damage
// (a truncated write, flipped bits), so that V8 is only ever offered data it wrote itself for this very bundle.
// Anything else is "no cache": the program is compiled as usual and a fresh cache written (to a temporary file,
// then renamed into place). The cache only ever makes the program start faster.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as nodeModule from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

type Env = Record<string, string | undefined>;

/** The first bytes of every cache file; the number changes with the format, so old files are simply replaced. */
const MAGIC = 'secret-hook code cache 2';
/** Cache data of this program is ~170 KB; anything much larger is not ours and is not read. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** For builtins loaded only on some paths (the bundle defines import.meta.url as __filename). */
const load = createRequire(import.meta.url);

/** Runs the CommonJS bundle at `file` as `require(file)` would, with compiled code cached across runs. */
export function runBundle(file: string, command: string, env: Env = process.env): void {
  const require = createRequire(file);
  const wanted = env['NODE_DISABLE_COMPILE_CACHE'] ? null : cacheDirectory(env);
  const dir = wanted === null ? null : trustedDirectory(wanted);
  const enableCompileCache = (nodeModule as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (dir === null) {
    require(file);
  } else if (enableCompileCache) {
    // Node's own cache checks a CRC-32 of the source and of the data, but not who can write its directory: it
    // gets a subdirectory of the one checked above, which only this user can change.
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

/**
 * The real path of `dir` when only this user (and root) can change what is in it, creating it (mode 0700) when it
 * is missing and its parent passes; null when it does not pass or cannot be made. The rule of OpenSSH's
 * StrictModes and of sudo: every directory from the root down is owned by root or the user and writable by no
 * one else, except a sticky directory (/tmp), where no one else can rename or remove what root or the user owns.
 * The last directory must be the user's own. The real path is what is checked and what is used afterwards, so a
 * link on the way (even one someone else could change) is followed once, never again.
 */
export function trustedDirectory(dir: string): string | null {
  const uid = process.getuid?.();
  if (uid === undefined) return null;
  const missing: string[] = [];
  let existing = dir;
  let real: string;
  for (;;) {
    try {
      real = fs.realpathSync.native(existing);
      break;
    } catch (error) {
      const parent = path.dirname(existing);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === existing) return null;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
  try {
    if (!trustedAncestors(real, uid)) return null;
    for (const name of missing) {
      if (!directoryOfTrusted(fs.lstatSync(real), uid)) return null;
      real = path.join(real, name);
      try {
        fs.mkdirSync(real, { mode: 0o700 });
      } catch (error) {
        // Another commit may have made it a moment ago: it is checked below like any other.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      }
    }
    const own = fs.lstatSync(real);
    return own.isDirectory() && own.uid === uid && (own.mode & 0o022) === 0 ? real : null;
  } catch {
    return null;
  }
}

/** Every directory from the root down to `real` (a path without links), as trustedDirectory describes. */
function trustedAncestors(real: string, uid: number): boolean {
  for (let current = real; ;) {
    const stat = fs.lstatSync(current);
    // The last directory of the path need not be writable by its owner alone here: it must be the user's own,
    // which the caller checks; above it, a sticky directory keeps others from replacing what is in it.
    if (!directoryOfTrusted(stat, uid) && !(current !== real && stat.isDirectory() && isStickyOfTrusted(stat, uid))) {
      return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function directoryOfTrusted(stat: fs.Stats, uid: number): boolean {
  return stat.isDirectory() && (stat.uid === 0 || stat.uid === uid) && (stat.mode & 0o022) === 0;
}

function isStickyOfTrusted(stat: fs.Stats, uid: number): boolean {
  return (stat.uid === 0 || stat.uid === uid) && (stat.mode & 0o1000) !== 0;
}

function runWithCachedData(file: string, cachePath: string, require: NodeJS.Require): void {
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8');
  const identity = cacheIdentity(bytes);
  const cached = readCached(cachePath, identity);
  const script = new vm.Script(nodeModule.wrap(source), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  if (!cached || script.cachedDataRejected) {
    // Written when the run ends, so the data holds every function this command compiled, not just the top level.
    process.once('exit', () => writeCached(cachePath, identity, script));
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, require, module, file, path.dirname(file));
}

/**
 * What the data was made for: this format, Node, V8 and its flags (V8 checks its flags itself, but rejected
 * data costs a compile), and the bundle's bytes. The first line of a cache file begins with it.
 */
export function cacheIdentity(bundle: Buffer, execArgv = process.execArgv): string {
  const flags = digest(Buffer.from(JSON.stringify([execArgv, process.env['NODE_OPTIONS'] ?? ''])));
  return (
    `${MAGIC} node=${process.version} arch=${process.arch} v8=${process.versions.v8} flags=${flags} ` +
    `bundle=${digest(bundle)}:${bundle.length}`
  );
}

/** A cache file's bytes: the identity, the data's digest and length on the first line, then the data. */
export function sealCacheData(identity: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${identity} data=${digest(data)}:${data.length}\n`, 'latin1'), data]);
}

/** The data of a cache file that passes every check above, or undefined. */
function readCached(cachePath: string, identity: string): Buffer | undefined {
  const file = readOwnFile(cachePath);
  if (!file) return undefined;
  const end = file.indexOf(10);
  const prefix = `${identity} data=`;
  if (end < 0 || end > 1024 || file.toString('latin1', 0, prefix.length) !== prefix) return undefined;
  const [sum, length] = file.toString('latin1', prefix.length, end).split(':');
  const data = file.subarray(end + 1);
  if (length !== String(data.length) || data.length === 0 || sum !== digest(data)) return undefined;
  return data;
}

/** The bytes of a regular file of this user's that no one else can write; undefined for anything else. */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    // O_NOFOLLOW: a link is not followed; O_NONBLOCK: opening a FIFO does not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) return undefined;
    if (stat.size > MAX_FILE_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function writeCached(cachePath: string, identity: string, script: vm.Script): void {
  const temporary = path.join(path.dirname(cachePath), `.${path.basename(cachePath)}.${process.pid}.tmp`);
  try {
    const data = sealCacheData(identity, script.createCachedData());
    // Another commit may run at the same moment: write aside, then rename into place. 'wx' creates the file or
    // fails; it never writes through something already there (a leftover of a killed run is removed first).
    fs.rmSync(temporary, { force: true });
    fs.writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
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

/** SHA-256 in hex; node:crypto is loaded only on this path (a clean commit otherwise does not need it). */
function digest(bytes: Buffer): string {
  const crypto = load('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** FNV-1a over the path: a short, stable file name. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
