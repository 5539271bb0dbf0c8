// Runs the bundled program with V8's code cache, so that a commit does not pay for compiling the program again
// every time (docs/how-it-works.md, "Start-up"): vm.Script's cachedData, the technique of v8-compile-cache. Node
// 22.1+ has a cache of its own (module.enableCompileCache), but it checks its files with a CRC-32 only, so the
// same checked path serves every Node version. The cache lives in the user's cache directory, never in the
// repository, one file per installed bundle and command kind.
//
// Compiled code is code: whoever can write a cache file chooses what the hook runs (V8 checks only the source's
// length, its own version and its flags, and a release build does not checksum the data it deserialises: damaged
// data crashes the process with SIGTRAP or SIGSEGV). So, before anything is read (README, "What secret-hook trusts"):
// - the directory must be one only this user (and root) can change: its real path is checked from the file
//   system's root down, every directory owned by root or the user and not writable by group or others (unless
//   sticky, like /tmp, whose entries only their owners can rename), the cache directory itself owned by the user.
//   Otherwise the program runs uncached and nothing is written there. Where owners cannot be checked (Windows),
//   there is no cache.
// - a cache file must be a regular file of the user's, not writable by group or others, of bounded size, opened
//   without following a link and without blocking (a FIFO put there would hang the read).
// - its first line must name this format, Node, V8, the process's flags and the bundle's bytes (their SHA-256 and
//   length, not the file's size or mtime), and the SHA-256 and length of the data that follows, which must match.
// A hash stored beside the data does not stop a forger on its own (whoever can write the file can recompute it; a
// keyed MAC would keep its key in the same directory): the ownership check is what keeps forgers out. The hash
// makes sure V8 is only ever offered data it wrote itself for this very bundle, whatever happened to the file (a
// truncated write, flipped bits, a file crafted to collide with a weaker checksum). It costs about 3–4 ms per commit
// (loading node:crypto, then hashing about 0.5 MB); the cache saves about 8 (docs/performance.md, "Start-up budget").
// Anything else is "no cache": the program is compiled as usual and a fresh cache written (to a temporary file,
// then renamed into place). The cache only ever makes the program start faster.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { textOf } from '../ascii-text.js';

type Env = Record<string, string | undefined>;

/** The first bytes of every cache file; the number changes with the format, so old files are simply replaced. */
const MAGIC = 'secret-hook code cache 3';
/** Cache data of this program is about 300 KB; anything much larger is not ours and is not read. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Node's CommonJS wrapper (`require('node:module').wrap`), written out: loading node:module costs ~0.5 ms. */
export const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

/** The SHA-256 and length of some bytes, as a cache file records them. */
export type Digest = (bytes: Buffer) => string;

/**
 * Runs the CommonJS bundle at `file` as `require(file)` would, with compiled code cached across runs. `require` is
 * the launcher's own, which lies in the bundle's directory (so it resolves what the bundle requires as the bundle
 * would): node:module's createRequire would cost its loading on every commit.
 */
export function runBundle(file: string, command: string, require: NodeJS.Require, env: Env = process.env): void {
  const wanted = env['NODE_DISABLE_COMPILE_CACHE'] ? null : cacheDirectory(env);
  const dir = wanted === null ? null : trustedDirectory(wanted);
  if (dir === null) require(file);
  else runWithCachedData(file, cacheFile(dir, file, command), require, sha256With(require));
}

/** SHA-256 and length, with node:crypto loaded on first use only: a run without a cache never needs it. */
export function sha256With(require: NodeJS.Require): Digest {
  let crypto: typeof import('node:crypto') | undefined;
  return (bytes) => {
    crypto ??= require('node:crypto') as typeof import('node:crypto');
    return `${crypto.createHash('sha256').update(bytes).digest('hex')}:${bytes.length}`;
  };
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

/**
 * One file per installed bundle and command kind: each hook and `check` has its own (a file holds the code its
 * command ran, and a hook runs on every commit); the commands a person runs now and then share one.
 */
export function cacheFile(dir: string, bundle: string, command: string): string {
  const kind = ['pre-commit', 'commit-msg', 'pre-push', 'check'].includes(command) ? command : 'other';
  return path.join(dir, `v8-${hash32(bundle).toString(16)}-${kind}.bin`);
}

/**
 * The real path of `dir` when only this user (and root) can change what is in it, creating it (mode 0700) when it
 * is missing and its parent passes; null when it does not pass or cannot be made. The rule of OpenSSH's
 * StrictModes and of sudo: every directory from the root down is owned by root or the user and writable by no
 * one else, except a sticky directory (/tmp), where no one else can rename or remove what root or the user owns;
 * the cache directory itself is the user's own. It holds for the path as given (so a link on it is followed only
 * when root or the user made it, where no one else could replace it) and for the real path, which is the one used
 * afterwards: a link is followed once, never again. Missing directories are made under the real path only.
 */
export function trustedDirectory(dir: string): string | null {
  const uid = process.getuid?.();
  if (uid === undefined || !path.isAbsolute(dir)) return null;
  try {
    const missing: string[] = [];
    let existing = dir;
    for (;;) {
      try {
        fs.lstatSync(existing);
        break;
      } catch (error) {
        const parent = path.dirname(existing);
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === existing) return null;
        missing.unshift(path.basename(existing));
        existing = parent;
      }
    }
    let real = fs.realpathSync.native(existing);
    // Without links on the way (the usual case), the path as given is the real path: one walk checks both.
    if (!trustedPath(real, uid) || (real !== existing && !trustedPath(existing, uid))) return null;
    for (const name of missing) {
      real = path.join(real, name);
      try {
        fs.mkdirSync(real, { mode: 0o700 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      }
      // Made here, or a moment ago by another commit, or by someone else first (in a sticky /tmp): it must be
      // the user's own before anything is made in it.
      if (!ownDirectory(fs.lstatSync(real), uid)) return null;
    }
    return ownDirectory(fs.lstatSync(real), uid) ? real : null;
  } catch {
    return null;
  }
}

/**
 * Every entry from the root down to `file` (each looked up through the ones before it) is owned by root or the
 * user; a directory is writable by no one else, or sticky; a link is owned by root or the user (its mode means
 * nothing; its directory, checked before it, decides who could replace it).
 */
function trustedPath(file: string, uid: number): boolean {
  const entries: string[] = [];
  for (let current = file; ; current = path.dirname(current)) {
    entries.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const entry of entries.reverse()) {
    const stat = fs.lstatSync(entry);
    if (stat.uid !== 0 && stat.uid !== uid) return false;
    if (stat.isSymbolicLink()) continue;
    if (!stat.isDirectory()) return false;
    if ((stat.mode & 0o022) !== 0 && (stat.mode & 0o1000) === 0) return false;
  }
  return true;
}

/** The cache directory itself: the user's, and writable by no one else (sticky is not enough here). */
function ownDirectory(stat: fs.Stats, uid: number): boolean {
  return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0;
}

function runWithCachedData(file: string, cachePath: string, require: NodeJS.Require, digest: Digest): void {
  const bytes = fs.readFileSync(file);
  const source = textOf(bytes);
  const identity = cacheIdentity(bytes, digest);
  const cached = readCached(cachePath, identity, digest);
  const script = new vm.Script(`${WRAPPER[0]}${source}${WRAPPER[1]}`, {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  if (!cached || script.cachedDataRejected) {
    // Written when the run ends, so the data holds every function this command compiled, not just the top level.
    process.once('exit', () => writeCached(cachePath, identity, script, digest));
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, require, module, file, path.dirname(file));
}

/**
 * What the data was made for: this format, Node, V8 and the flags of this process (V8 checks its own flags as
 * well, but data it rejects costs a compile), and the bundle's bytes. The first line of a cache file begins with it.
 */
function cacheIdentity(bundle: Buffer, digest: Digest, execArgv = process.execArgv): string {
  const flags = digest(Buffer.from(JSON.stringify([execArgv, process.env['NODE_OPTIONS'] ?? ''])));
  return (
    `${MAGIC} node=${process.version} arch=${process.arch} v8=${process.versions.v8} flags=${flags} ` +
    `bundle=${digest(bundle)}`
  );
}

/** A cache file's bytes: the identity, the data's digest and length on the first line, then the data. */
export function sealCacheData(identity: string, data: Buffer, digest: Digest): Buffer {
  return Buffer.concat([Buffer.from(`${identity} data=${digest(data)}\n`, 'latin1'), data]);
}

/** The data of a cache file that passes every check above, or undefined. */
function readCached(cachePath: string, identity: string, digest: Digest): Buffer | undefined {
  const file = readOwnFile(cachePath);
  if (!file) return undefined;
  const end = file.subarray(0, 1024).indexOf(10);
  const prefix = `${identity} data=`;
  if (end < 0 || file.toString('latin1', 0, prefix.length) !== prefix) return undefined;
  const data = file.subarray(end + 1);
  return data.length > 0 && file.toString('latin1', prefix.length, end) === digest(data) ? data : undefined;
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

function writeCached(cachePath: string, identity: string, script: vm.Script, digest: Digest): void {
  const temporary = path.join(path.dirname(cachePath), `.${path.basename(cachePath)}.${process.pid}.tmp`);
  try {
    const data = sealCacheData(identity, script.createCachedData(), digest);
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

/** FNV-1a over the path: a short, stable file name. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
