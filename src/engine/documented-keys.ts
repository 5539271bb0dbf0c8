// Keys that providers publish in their own documentation (`documented` in rules/schema.ts): everybody has them,
// so they are not findings. Rules list SHA-256 hashes of them, so that the catalog holds no key; the hash is taken
// only for a candidate that passed every other check of such a rule, which is rare.
import { createRequire } from 'node:module';

let createHash: typeof import('node:crypto').createHash | undefined;

export function isDocumented(hashes: readonly string[], secret: string): boolean {
  createHash ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash;
  return hashes.includes(createHash('sha256').update(secret).digest('hex'));
}
