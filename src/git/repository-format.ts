// Which formats a repository is stored in, from the `[extensions]` of its config file (in the common git dir):
// - extensions.objectFormat: `sha1` (the default) or `sha256` (`git init --object-format=sha256`, git >= 2.29);
// - extensions.refStorage: `files` (the default: loose refs and packed-refs) or `reftable`
//   (`git init --ref-format=reftable`, git >= 2.45; the planned default of git 3).
// git reads these two keys from the repository's own config file, without includes, and only in format version 1
// repositories (setup.c, read_repository_format); their values are case-sensitive, their names are not. The file is
// parsed once per run, by config-file.ts.
// https://git-scm.com/docs/git-config#Documentation/git-config.txt-extensionsobjectFormat
import { RepositoryError } from '../errors.js';
import type { ObjectFormat } from './object-id.js';
import type { ConfigValues } from './config-file.js';

export type RefStorage = 'files' | 'reftable';

export interface RepositoryFormat {
  objectFormat: ObjectFormat;
  refStorage: RefStorage;
}

export function readRepositoryFormat(config: ConfigValues, file: string): RepositoryFormat {
  const objectFormat = config.get('extensions.objectformat') ?? 'sha1';
  if (objectFormat !== 'sha1' && objectFormat !== 'sha256') {
    throw new RepositoryError({ kind: 'unknown-extension', file, extension: 'objectFormat', value: objectFormat });
  }
  const refStorage = config.get('extensions.refstorage') ?? 'files';
  if (refStorage !== 'files' && refStorage !== 'reftable') {
    throw new RepositoryError({ kind: 'unknown-extension', file, extension: 'refStorage', value: refStorage });
  }
  return { objectFormat, refStorage };
}
