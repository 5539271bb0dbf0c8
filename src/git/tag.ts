// Annotated tag objects: `object`, `type`, `tag` and `tagger` header lines, a blank line, the message (and perhaps
// a signature after it). A tag's message is published with the tag, and is scanned like a commit's.
// https://git-scm.com/docs/git-tag#_discussion , format: git's tag.c (parse_tag_buffer)
import { GitObjectError } from '../errors.js';
import { isObjectId } from './object-id.js';
import type { ObjectStore } from './object-store/store.js';

export interface AnnotatedTag {
  oid: string;
  /** The object it points at (a commit, usually; another tag, a tree or a blob). */
  target: string;
  /** The name the tagger gave it (`tag` header line), which need not be the ref's name. */
  name: string;
  tagger: string;
  /** Seconds since the epoch, 0 when the tag has no tagger line. */
  time: number;
  /** The message, without a trailing signature. */
  message: string;
}

/** The tag object `oid`, or null when `oid` is not a tag (a commit, a tree, a blob). */
export function readAnnotatedTag(store: ObjectStore, oid: string): AnnotatedTag | null {
  const object = store.read(oid);
  if (object.type !== 'tag') return null;
  const text = object.data.toString('utf8');
  const headerEnd = text.indexOf('\n\n');
  const header = headerEnd === -1 ? text : text.slice(0, headerEnd);
  let message = headerEnd === -1 ? '' : text.slice(headerEnd + 2);
  const signature = message.search(/^-----BEGIN (?:PGP|SSH) SIGNATURE-----$/m);
  if (signature !== -1) message = message.slice(0, signature);
  let target = '';
  let name = '';
  let tagger = '';
  let time = 0;
  for (const line of header.split('\n')) {
    if (line.startsWith('object ')) target = line.slice(7).trim();
    else if (line.startsWith('tag ')) name = line.slice(4);
    else if (line.startsWith('tagger ')) {
      const match = /^tagger (.*) <[^>]*> (\d+) [-+]\d{4}$/.exec(line);
      tagger = match ? match[1]! : line.slice(7);
      time = match ? Number(match[2]) : 0;
    }
  }
  if (!isObjectId(target, store.format)) {
    throw new GitObjectError(oid, { kind: 'malformed', type: 'tag', detail: 'no object line' });
  }
  return { oid, target, name, tagger, time, message };
}

/** The annotated tags a ref's value leads through (a tag of a tag…), outermost first; none for a commit. */
export function tagChain(store: ObjectStore, oid: string): AnnotatedTag[] {
  const chain: AnnotatedTag[] = [];
  let current = oid;
  // git itself gives up on tag chains deeper than this (commit.ts, peelTag).
  for (let depth = 0; depth < 64; depth++) {
    const tag = readAnnotatedTag(store, current);
    if (!tag) return chain;
    chain.push(tag);
    current = tag.target;
  }
  throw new GitObjectError(oid, { kind: 'malformed', type: 'tag', detail: 'a chain of tags more than 64 deep' });
}
