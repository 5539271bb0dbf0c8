// A loose object: one zlib stream holding "<type> <size>\0<content>", at objects/<first 2 hex digits>/<the rest>
// (https://git-scm.com/docs/gitformat-loose). The content is not hashed against its name, as git does not outside
// `git fsck`: damage shows in zlib's own checksum, the header or the size, and a commit records the object under
// this name whatever it holds.
import * as zlib from 'node:zlib';
import { GitObjectError } from '../../errors.js';
import { readOnlyFs as fs } from '../read-only-fs.js';
import { zlibDetail } from './inflate.js';
import type { GitObject, ObjectType } from './store.js';

export function readLooseObject(oid: string, file: string): GitObject {
  const corrupt = (detail: string): GitObjectError => new GitObjectError(oid, { kind: 'corrupt', detail, file });
  let compressed: Buffer;
  try {
    compressed = fs.readFileSync(file);
  } catch (error) {
    throw new GitObjectError(oid, { kind: 'unreadable', detail: (error as Error).message, file });
  }
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(compressed);
  } catch (error) {
    throw corrupt(zlibDetail(error));
  }
  const nul = raw.indexOf(0);
  const match =
    nul > 0 && nul <= 32 ? /^(commit|tree|blob|tag) (0|[1-9][0-9]*)$/.exec(raw.toString('latin1', 0, nul)) : null;
  if (match === null) throw corrupt('bad header');
  const size = Number(match[2]);
  const data = raw.subarray(nul + 1);
  if (data.length !== size) throw corrupt(`size mismatch (header says ${size} bytes, data has ${data.length})`);
  return { type: match[1] as ObjectType, data };
}
