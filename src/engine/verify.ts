// Checks in code that a candidate must pass after its rule's pattern matched (see Verifier in rules/schema.ts).
import type { Verifier } from '../../rules/schema.js';
import { decodeBase64, printableBase64 } from './base64.js';
import { hasValidBase62Checksum } from './checksum.js';
import { isPrivateKeyBody, isTruncatedDer } from './private-key-der.js';
import {
  looksLikeFileCredential,
  looksLikeGenericSecret,
  looksLikeSecretData,
  looksLikeSecretUuid,
  looksLikeStrongPassword,
  looksLikeUrlPassword,
  looksLikeWordPressSecret,
} from './generic-value.js';

// An Intercom token decodes to `tok:` + an id of hex groups joined by `_` or `-` + `:<n>:<n>`.
const INTERCOM_DECODED =
  /^tok:[0-9a-f]{8}[_-][0-9a-f]{4}[_-][0-9a-f]{4}[_-][0-9a-f]{4}[_-][0-9a-f]{12}:\d{1,3}:\d{1,3}$/;

/**
 * Verifiers that tell placeholders from values themselves, for values whose alphabet holds the marks the scan's
 * general placeholder test looks for (a WordPress salt may hold `{{`, `<%`, `...` or `%s` by chance).
 */
export function judgesPlaceholders(verifier: Verifier | undefined): boolean {
  return verifier === 'wordpress-config-value';
}

/**
 * Verifiers of values in files that hold no code (a Secret's stringData): a value there that reads like a name from
 * code (`Welcome1`) is what the verifier says it is, not the code name the scan takes a prefix-less key for.
 */
export function judgesCodeNames(verifier: Verifier | undefined): boolean {
  return verifier === 'credential-file-value';
}

export function passesVerifier(verifier: Verifier, secret: string): boolean {
  switch (verifier) {
    case 'private-key-body':
      // A key whose body is cut short (documentation's `MIIJKAIBAAKCAgEA2Se7…`) is an illustration, not a key.
      return isPrivateKeyBody(secret) && !isTruncatedDer(secret);
    case 'intercom-token':
      return INTERCOM_DECODED.test(decodeBase64(secret));
    case 'github-crc32':
    case 'npm-crc32':
      return hasValidBase62Checksum(secret.slice(secret.indexOf('_') + 1));
    case 'jwt-signed':
      return isSignedJwt(secret);
    case 'base64-secret':
      return looksLikeDecodedCredential(secret);
    case 'generic-value':
      return looksLikeGenericSecret(secret);
    case 'generic-password':
      return looksLikeGenericSecret(secret) || looksLikeStrongPassword(secret);
    case 'secret-uuid':
      return looksLikeSecretUuid(secret);
    case 'credential-file-value':
      return looksLikeFileCredential(secret);
    case 'wordpress-config-value':
      return looksLikeWordPressSecret(secret);
    case 'kubernetes-secret-value':
      return looksLikeSecretData(secret);
    case 'url-password':
      return looksLikeUrlPassword(secret);
    case 'private-key-armoured':
      return !isTruncatedDer(secret);
  }
}

function isSignedJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || (parts[2] ?? '').length < 16) return false;
  try {
    const header = JSON.parse(decodeBase64(parts[0]!)) as { alg?: unknown };
    const payload = JSON.parse(decodeBase64(parts[1]!)) as { role?: unknown } | null;
    // Supabase's anon key is a signed JWT with "role":"anon", public by design (it ships in every browser bundle).
    if (payload !== null && typeof payload === 'object' && payload.role === 'anon') return false;
    return typeof header.alg === 'string' && header.alg.toLowerCase() !== 'none';
  } catch {
    return false;
  }
}

/** Base64 of printable text, long enough, not a word or a path: what a wrapped password or token decodes to. */
function looksLikeDecodedCredential(encoded: string): boolean {
  const decoded = printableBase64(encoded, { minDecodedLength: 8 });
  if (decoded === undefined) return false;
  return !/^[a-z]+$/i.test(decoded) && !decoded.startsWith('/') && !decoded.includes('://localhost');
}
