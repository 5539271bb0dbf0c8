// Values that are obviously not live secrets: documentation placeholders, masks, templates and references.
// Applied to the secret group only, so a real key on a line that also says "example" is still found.

const PLACEHOLDER_WORDS =
  /example|sample|placeholder|dummy|changeme|change_me|redacted|replace|insert|your|xxxx|\*\*\*\*|\.\.\.|<|>|\$\{|\{\{|%\(|%s/i;
const REPEATED_RUN = /(.)\1{7,}/;
// A short upper-case word or name stands for a value in documentation: `password SECRET`, `token=YOUR_TOKEN`.
const UPPER_CASE_NAME = /^[A-Z][A-Z_]{2,15}$/;
const SEQUENTIAL_RUNS = ['0123456789', 'abcdefghij', '1234567890', 'abcdef0123', '0123456789abcdef'];

// Long secrets (armoured private keys, certificates' bodies) are not placeholders by accident of their content:
// OpenSSH keys hold runs of "AAAAAAAA", and any 1,600-character base64 body may spell "your" somewhere.
const LONGEST_PLACEHOLDER = 200;

export function isPlaceholder(secret: string): boolean {
  if (secret.length > LONGEST_PLACEHOLDER) return secret.includes('...') || /^[.*xX<>-]+$/.test(secret.trim());
  if (PLACEHOLDER_WORDS.test(secret)) return true;
  if (REPEATED_RUN.test(secret) || UPPER_CASE_NAME.test(secret)) return true;
  const lower = secret.toLowerCase();
  return SEQUENTIAL_RUNS.some((run) => lower.includes(run));
}
