// Commit and tag objects: a header of `key value` lines (tree, parent, author, committer; a tag's object), a blank
// line, the message. Object ids in them have the length of the store's object format.
import { GitObjectError } from '../errors.js';
import { hexLength, isObjectId, type ObjectFormat } from './object-id.js';
import type { ObjectStore } from './object-store/store.js';

export interface Commit {
  oid: string;
  tree: string;
  parents: string[];
  author: string;
  /** Author time, seconds since the epoch. */
  authorTime: number;
  /** Committer time, seconds since the epoch: the order history walks follow. */
  commitTime: number;
  subject: string;
}

function parseCommit(data: Buffer, oid: string, format: ObjectFormat): Commit {
  const idLength = hexLength(format);
  const text = data.toString('utf8');
  const headerEnd = text.indexOf('\n\n');
  const header = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const message = headerEnd === -1 ? '' : text.slice(headerEnd + 2);
  let tree = '';
  const parents: string[] = [];
  let author = '';
  let authorTime = 0;
  let commitTime = 0;
  for (const line of header.split('\n')) {
    if (line.startsWith('tree ')) tree = line.slice(5, 5 + idLength);
    else if (line.startsWith('parent ')) parents.push(line.slice(7, 7 + idLength));
    else if (line.startsWith('author ')) {
      const match = /^author (.*) <[^>]*> (\d+) [-+]\d{4}$/.exec(line);
      author = match ? match[1]! : line.slice(7);
      authorTime = match ? Number(match[2]) : 0;
    } else if (line.startsWith('committer ')) {
      const match = / (\d+) [-+]\d{4}$/.exec(line);
      commitTime = match ? Number(match[1]) : 0;
    }
  }
  if (!isObjectId(tree, format)) {
    throw new GitObjectError(oid, { kind: 'malformed', type: 'commit', detail: 'no tree line' });
  }
  return { oid, tree, parents, author, authorTime, commitTime, subject: message.split('\n', 1)[0] ?? '' };
}

export function readCommit(store: ObjectStore, oid: string): Commit {
  const object = store.read(oid);
  if (object.type === 'tag') {
    // An annotated tag: follow it to what it points at.
    return readCommit(store, tagTarget(oid, object.data, store.format));
  }
  if (object.type !== 'commit') {
    throw new GitObjectError(oid, { kind: 'wrong-type', expected: 'commit', found: object.type });
  }
  return parseCommit(object.data, oid, store.format);
}

/** What a ref's object is, with annotated tags followed to what they finally point at. */
export function peelTag(store: ObjectStore, oid: string): { type: 'commit' | 'tree' | 'blob'; oid: string } {
  let current = oid;
  // git itself gives up on tag chains deeper than this; a loop of tags cannot be built with real hashes.
  for (let depth = 0; depth < 64; depth++) {
    const object = store.read(current);
    if (object.type !== 'tag') return { type: object.type, oid: current };
    current = tagTarget(current, object.data, store.format);
  }
  throw new GitObjectError(oid, { kind: 'malformed', type: 'tag', detail: 'a chain of tags more than 64 deep' });
}

/** The object a tag points at: its first line, `object <id>`. */
function tagTarget(oid: string, data: Buffer, format: ObjectFormat): string {
  const target = /^object ([0-9a-f]+)\n/.exec(data.toString('latin1'));
  if (!target || !isObjectId(target[1]!, format)) {
    throw new GitObjectError(oid, { kind: 'malformed', type: 'tag', detail: 'no object line' });
  }
  return target[1]!;
}
