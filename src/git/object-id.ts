// Object ids of the repository's hash function: SHA-1 (20 bytes, 40 hex digits) or SHA-256 (32 bytes, 64 hex
// digits; `git init --object-format=sha256`, git >= 2.29). A repository uses exactly one (extensions.objectFormat),
// so every reader is told which instead of guessing from lengths.
// https://git-scm.com/docs/hash-function-transition

import type { ObjectFormat } from '../errors.js';

export type { ObjectFormat } from '../errors.js';

const HASH_SIZES = { sha1: 20, sha256: 32 } as const;
const OID_PATTERNS = { sha1: /^[0-9a-f]{40}$/, sha256: /^[0-9a-f]{64}$/ } as const;
const ZERO_IDS = { sha1: '0'.repeat(40), sha256: '0'.repeat(64) } as const;

/** Bytes of a raw object id: 20 or 32. */
export function hashSize(format: ObjectFormat): 20 | 32 {
  return HASH_SIZES[format];
}

/** Hex digits of an object id: 40 or 64. */
export function hexLength(format: ObjectFormat): 40 | 64 {
  return HASH_SIZES[format] === 20 ? 40 : 64;
}

/** A full object id of this format, in lowercase hex (as git writes them). */
export function isObjectId(value: string, format: ObjectFormat): boolean {
  return OID_PATTERNS[format].test(value);
}

/** Whether this is the null id git uses for "no object" (a new or deleted ref on pre-push's standard input). */
export function isZeroId(value: string, format: ObjectFormat): boolean {
  return value === ZERO_IDS[format];
}
