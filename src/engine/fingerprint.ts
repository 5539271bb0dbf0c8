// A finding's fingerprint: rule + path + a hash of the secret. Stable when code moves, it never reveals the secret;
// `.secret-hook-ignore` and baselines hold these.
import { createRequire } from 'node:module';

let createHash: typeof import('node:crypto').createHash | undefined;

export function fingerprint(ruleId: string, path: string, secret: string): string {
  // node:crypto is loaded with the first finding: a clean commit does not pay for it.
  createHash ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash;
  return `${ruleId}:${path}:${createHash('sha256').update(secret).digest('hex').slice(0, 20)}`;
}
