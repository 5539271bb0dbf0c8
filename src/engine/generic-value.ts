// Is a value assigned to a secret-sounding name (password, token, api_key, …) really a secret?
// Placeholder until the generic-detection work lands: accepts only long, high-entropy mixed values.
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';

export function looksLikeGenericSecret(value: string): boolean {
  return value.length >= 16 && shannonEntropy(value) >= 3.5 && !isPlaceholder(value);
}
