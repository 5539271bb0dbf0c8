// Values that are obviously not live secrets: documentation placeholders, masks, templates and references.
// Applied to the secret group only, so a real key on a line that also says "example" is still found.
//
// A placeholder word counts where a person wrote it: as a word of its own (`your-api-key`, `YOUR_TOKEN`,
// `myExampleKey`, `key_1234_example`) in its usual case (lower, Title or UPPER). Inside a random value the same
// letters are chance: `xKyourT9…` or `Q%sLm…` hold no placeholder. AWS writes `EXAMPLE` in capitals inside its
// documentation keys (`AKIAIOSFODNN7EXAMPLE`, `…bPxRfiCYEXAMPLEKEY`, `AQoEXAMPLEH4aoAH0gNCAPy…`): that counts anywhere.

const PLACEHOLDER_WORDS = [
  'example',
  'sample',
  'placeholder',
  'dummy',
  'changeme',
  'change_me',
  'redacted',
  'replace',
  'insert',
  'your',
];
const PLACEHOLDER_WORD = new RegExp(PLACEHOLDER_WORDS.join('|'), 'gi');
const PLACEHOLDER_MARKS = /xxxx|\*\*\*\*|\.\.\.|\$\{|\{\{|%\(|^<|<[A-Za-z_ -]{2,40}>/i;
// printf's `%s` standing for the value: alone, or between non-alphanumerics (`user:%s@host`).
const FORMAT_VERB = /(?:^|[^A-Za-z0-9])%s(?![A-Za-z0-9])/;
const REPEATED_RUN = /(.)\1{7,}/;
// A short upper-case word or name stands for a value in documentation: `password SECRET`, `token=YOUR_TOKEN`.
const UPPER_CASE_NAME = /^[A-Z][A-Z_]{2,15}$/;
const SEQUENTIAL_RUNS = ['0123456789', 'abcdefghij', '1234567890', 'abcdef0123', '0123456789abcdef'];

// Long secrets (armoured private keys, certificates' bodies) are not placeholders by accident of their content:
// OpenSSH keys hold runs of "AAAAAAAA", and any 1,600-character base64 body may spell "your" somewhere.
const LONGEST_PLACEHOLDER = 200;

export function isPlaceholder(secret: string): boolean {
  if (secret.length > LONGEST_PLACEHOLDER)
    return secret.includes('...') || /^[.*xX<>-]+$/.test(secret.trim()) || secret.includes('EXAMPLE');
  if (PLACEHOLDER_MARKS.test(secret) || hasFormatVerb(secret) || hasPlaceholderWord(secret)) return true;
  if (REPEATED_RUN.test(secret) || UPPER_CASE_NAME.test(secret)) return true;
  const lower = secret.toLowerCase();
  return SEQUENTIAL_RUNS.some((run) => lower.includes(run));
}

/**
 * `%s` stands for the value in a template (`user:%s@host`, `Bearer %s`), whose other text is words. Beside a run
 * of 16 random letters and digits (`…KjieV8&NW-5oRP5W7%4QD3jz3YuqAjM=%s`) it is two characters of a random value.
 */
function hasFormatVerb(secret: string): boolean {
  if (!FORMAT_VERB.test(secret)) return false;
  return !(secret.match(/[A-Za-z0-9]{16,}/g) ?? []).some(
    (run) => /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run),
  );
}

function hasPlaceholderWord(secret: string): boolean {
  PLACEHOLDER_WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PLACEHOLDER_WORD.exec(secret)) !== null) {
    const word = match[0];
    const lower = word.toLowerCase();
    const upper = word.toUpperCase();
    const title = upper[0] + lower.slice(1);
    if (word === 'EXAMPLE') return true;
    if (word !== lower && word !== upper && word !== title) continue;
    const before = secret[match.index - 1];
    const after = secret[match.index + word.length];
    // A word boundary, or a camel-case one: `myExample`, `exampleKey`, `YOUR_KEY`.
    const startsWord = before === undefined || !isLetter(before) || (isLowerCase(before) && word !== lower);
    const endsWord = after === undefined || !isLetter(after) || (word !== upper && isUpperCase(after));
    if (startsWord && endsWord) return true;
  }
  return false;
}

function isLetter(char: string): boolean {
  return isLowerCase(char) || isUpperCase(char);
}

function isLowerCase(char: string): boolean {
  return char >= 'a' && char <= 'z';
}

function isUpperCase(char: string): boolean {
  return char >= 'A' && char <= 'Z';
}
