// Reading extensions.objectFormat and extensions.refStorage from a repository's config, as git does.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RepositoryError } from '../../../src/errors.js';
import { hashSize, hexLength, isObjectId, isZeroId } from '../../../src/git/object-id.js';
import { parseConfig, readConfigFile } from '../../../src/git/config-file.js';
import { readRepositoryFormat } from '../../../src/git/repository-format.js';

const formatOf = (dir: string) =>
  readRepositoryFormat(readConfigFile(path.join(dir, 'config')), path.join(dir, 'config'));
const extensions = (text: string) =>
  new Map(
    [...parseConfig(text)]
      .filter(([key]) => key.startsWith('extensions.') && key.split('.').length === 2)
      .map(([key, value]) => [key.slice(11), value]),
  );
import { TempRepo } from '../../helpers/temp-repo.js';
import { failureText } from '../../helpers/failure-text.js';

const dirs: string[] = [];
const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

function withConfig(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-format-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'config'), text);
  return dir;
}

describe('readRepositoryFormat', () => {
  it("reads what git init wrote: git's defaults, and --object-format=sha256", () => {
    const plain = new TempRepo();
    const sha256 = new TempRepo({ objectFormat: 'sha256' });
    repos.push(plain, sha256);
    expect(formatOf(path.join(plain.dir, '.git'))).toEqual({ objectFormat: 'sha1', refStorage: 'files' });
    expect(formatOf(path.join(sha256.dir, '.git'))).toEqual({
      objectFormat: 'sha256',
      refStorage: 'files',
    });
  });

  it('takes the defaults when there is no config file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-format-'));
    dirs.push(dir);
    expect(formatOf(dir)).toEqual({ objectFormat: 'sha1', refStorage: 'files' });
  });

  it('names the file and the value it does not know', () => {
    const dir = withConfig('[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectformat = sha512\n');
    expect(() => formatOf(dir)).toThrow(RepositoryError);
    expect(failureText(() => formatOf(dir))).toContain(
      `${path.join(dir, 'config')} sets extensions.objectFormat = sha512`,
    );
    const refs = withConfig('[extensions]\n\trefStorage = tables\n');
    expect(failureText(() => formatOf(refs))).toMatch(/extensions.refStorage = tables/);
  });
});

describe('parseConfig (the extensions section)', () => {
  it('reads names case-insensitively and keeps the last value', () => {
    const text = '[Extensions]\n  ObjectFormat = sha1\n[core]\n\tbare = false\n[EXTENSIONS]\n\tobjectFormat=sha256\n';
    expect(extensions(text)).toEqual(new Map([['objectformat', 'sha256']]));
  });

  it('handles quotes, comments, continuation lines and a variable on the header line', () => {
    const text = [
      '# a comment',
      '[extensions] refstorage = "reftable" ; why',
      '\tobjectformat = sha\\',
      '256 # continued',
      '\tworktreeConfig',
      '\tnoop = "a ; b" c',
    ].join('\n');
    expect(extensions(text)).toEqual(
      new Map([
        ['refstorage', 'reftable'],
        ['objectformat', 'sha256'],
        ['worktreeconfig', 'true'],
        ['noop', 'a ; b c'],
      ]),
    );
  });

  it('ignores other sections, subsections included', () => {
    const text =
      '[extensions "x"]\n\tobjectformat = sha256\n[extensions.y]\n\tobjectformat = sha256\n[core]\n\tobjectformat = sha256\n';
    expect(extensions(text).size).toBe(0);
  });
});

describe('object ids', () => {
  it('have the length of their format', () => {
    expect([hashSize('sha1'), hexLength('sha1'), hashSize('sha256'), hexLength('sha256')]).toEqual([20, 40, 32, 64]);
    const sha1 = 'a'.repeat(40);
    const sha256 = 'b'.repeat(64);
    expect([isObjectId(sha1, 'sha1'), isObjectId(sha1, 'sha256')]).toEqual([true, false]);
    expect([isObjectId(sha256, 'sha1'), isObjectId(sha256, 'sha256')]).toEqual([false, true]);
    expect(isObjectId('A'.repeat(40), 'sha1')).toBe(false);
    expect([isZeroId('0'.repeat(40), 'sha1'), isZeroId('0'.repeat(40), 'sha256')]).toEqual([true, false]);
    expect([isZeroId('0'.repeat(64), 'sha1'), isZeroId('0'.repeat(64), 'sha256')]).toEqual([false, true]);
  });
});
