// The only door from the git layer to the file system, and it opens for reading only: a hook never writes to
// the index, the working tree or refs. Modules under src/git import fs from here, never from node:fs (a test
// checks this), and the isomorphic-git adapter below throws on every write.
import * as nodeFs from 'node:fs';

export const readOnlyFs = {
  openForReading: (path: string): number => nodeFs.openSync(path, 'r'),
  readSync: nodeFs.readSync,
  closeSync: nodeFs.closeSync,
  fstatSync: nodeFs.fstatSync,
  readFileSync: nodeFs.readFileSync,
  readdirSync: nodeFs.readdirSync,
  statSync: nodeFs.statSync,
  lstatSync: nodeFs.lstatSync,
  existsSync: nodeFs.existsSync,
  realpathSync: nodeFs.realpathSync,
} as const;

function refuseWrite(name: string) {
  return async () => {
    throw new Error(`secret-hook is read-only: refused fs.${name}() requested by isomorphic-git`);
  };
}

/**
 * An fs for isomorphic-git that reads and never writes (its status helpers would otherwise refresh the index).
 * Built on first use: touching nodeFs.promises loads fs/promises and readline, which a commit does not need.
 */
export function isomorphicGitFs() {
  return (isoFs ??= readingFsForIsomorphicGit());
}

function readingFsForIsomorphicGit() {
  return {
    promises: {
      readFile: nodeFs.promises.readFile,
      readdir: nodeFs.promises.readdir,
      stat: nodeFs.promises.stat,
      lstat: nodeFs.promises.lstat,
      readlink: nodeFs.promises.readlink,
      writeFile: refuseWrite('writeFile'),
      mkdir: refuseWrite('mkdir'),
      rmdir: refuseWrite('rmdir'),
      rm: refuseWrite('rm'),
      unlink: refuseWrite('unlink'),
      symlink: refuseWrite('symlink'),
      chmod: refuseWrite('chmod'),
    },
  };
}
let isoFs: ReturnType<typeof readingFsForIsomorphicGit> | undefined;
