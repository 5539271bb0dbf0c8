// The shape of a rule. Rules are data: a rule file imports only this module and exports plain objects.
// The engine compiles them once; the test suite proves every example through the whole engine.

/** How bad a leak of this secret is. `low` is reserved for test-mode and sandbox keys. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * Checks the engine can run on a candidate after the pattern matched. They live in src/engine/verify.ts
 * because they are code; a rule names the one it needs.
 * - `private-key-body`: base64 whose first bytes open a private key's structure (DER with version 0 or 1, an
 *   encrypted PKCS#8, or OpenSSH's `openssh-key-v1`), not a certificate's or a public key's.
 * - `intercom-token`: base64 that decodes to `tok:<uuid-ish>`.
 * - `github-crc32`: GitHub's `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` tokens end in a base62 CRC32 of the body.
 * - `npm-crc32`: npm's `npm_` tokens carry the same base62 CRC32 checksum.
 * - `jwt-signed`: a JWT whose header and payload decode to JSON and that carries a signature.
 * - `base64-secret`: a base64 value whose decoded bytes look like a credential (used for Kubernetes Secret data).
 * - `generic-value`: a value assigned to a secret-sounding name that looks random enough and is not a placeholder,
 *   reference, path, UUID, version or well-known hash (src/engine/generic-value.ts).
 * - `generic-password`: `generic-value`, or a strong password built from words (`VelvetMango81#to`): long enough,
 *   three character classes, and not a weak, dummy or dictionary password.
 */
export type Verifier =
  | 'private-key-body'
  | 'intercom-token'
  | 'github-crc32'
  | 'npm-crc32'
  | 'jwt-signed'
  | 'base64-secret'
  | 'generic-value'
  | 'generic-password';

export interface FixHint {
  /** The environment variable name to suggest, e.g. `STRIPE_SECRET_KEY`. */
  env: string;
  /** The provider's name as users know it, e.g. `Stripe`. */
  provider: string;
  /** Rotation steps at the provider, in order, each one sentence. */
  rotate: readonly string[];
  /** The provider's documentation page about these keys. */
  docs: string;
}

/** The long offline guide printed by `secret-hook explain <rule-id>`. Each entry is a paragraph or a list item. */
export interface Guide {
  /** What the key grants: who can do what with it. */
  grants: string;
  /** What an attacker does with a leaked one. */
  risks: string;
  /** How to check whether it was misused (audit logs, dashboards). */
  checkMisuse: string;
}

export interface Rule {
  /** kebab-case, provider first, never reused once shipped. */
  id: string;
  /** What the user reads, e.g. "Stripe live secret key". */
  title: string;
  severity: Severity;
  /**
   * Lowercase literals. A text without any of them skips the rule (the prefilter). Each must appear in every
   * positive example, lowercased. Empty only for rules that declare `near`. One of them must stand on the line of
   * every match: when the pattern cannot cross a line break, the rule runs only on the lines that hold them.
   */
  keywords: readonly string[];
  /**
   * Regular expression source (no slashes). Must contain a named group `secret`. Bounded quantifiers only and
   * no leading lazy context: it runs once per candidate text and must be linear-time.
   */
  pattern: string;
  /** Extra RegExp flags besides the engine's own `gd` (only `i` and `m` are allowed). */
  flags?: string;
  /** Minimum Shannon entropy of the secret, in bits per character. */
  entropy?: number;
  /** A check in code the candidate must also pass. */
  verify?: Verifier;
  /**
   * For secrets with no prefix of their own: one of these lowercase literals must appear within `lines` lines of
   * the match (in the new file, not only in the added lines), or the candidate is dropped.
   */
  near?: { readonly words: readonly string[]; readonly lines: number };
  /**
   * Findings of this rule closer than this many lines are reported as one finding (e.g. Customer.io's Site ID
   * and Track API key, which are only useful together). The secret shown is the pair joined with `:`.
   */
  pairWithin?: number;
  /**
   * For paired rules: a match that found no partner is dropped when its line names it as one of these lowercase
   * words (e.g. Customer.io's Site ID alone is public: it ships in the browser snippet).
   */
  loneUnless?: readonly string[];
  /**
   * For prefix-less rules: a match is dropped when the text around it contains one of these lowercase words, which name
   * look-alikes of the same shape (`trace_id`, `checksum`, a Sentry DSN's `sentry`).
   */
  notOnLineWith?: readonly string[];
  /** A test-mode or sandbox key: reported, but by default it does not block (configurable). */
  testKey?: boolean;
  /** A rule with no provider prefix (e.g. `password = …`): a provider rule's finding on the same text wins. */
  generic?: boolean;
  /**
   * The secret group is encoded: decode it and scan the decoded text with the whole catalog. Findings inside are
   * reported at this match's place ("… (base64-encoded)"); when nothing is found inside, this rule's own finding
   * stands only if its `verify` passes.
   */
  decode?: 'base64';
  /** Lines that contain the secret and are positive examples: each must give a finding with this rule's id. */
  examples: readonly string[];
  /** Look-alikes that must not give a finding with this rule's id. */
  negativeExamples: readonly string[];
  fix: FixHint;
  guide: Guide;
}

/** What the engine needs to detect: everything but the advice and the examples. */
export const DETECTION_FIELDS = [
  'id',
  'title',
  'severity',
  'keywords',
  'pattern',
  'flags',
  'entropy',
  'verify',
  'near',
  'pairWithin',
  'loneUnless',
  'notOnLineWith',
  'testKey',
  'generic',
  'decode',
] as const;

export type DetectionRule = Pick<Rule, (typeof DETECTION_FIELDS)[number]>;

export function detectionPart(rule: Rule): DetectionRule {
  const part: Record<string, unknown> = {};
  for (const field of DETECTION_FIELDS) if (rule[field] !== undefined) part[field] = rule[field];
  return part as unknown as DetectionRule;
}

/**
 * Placeholders in examples, expanded by the test suite with a seeded generator so the repository holds no
 * live-looking key: `{{base62:24}}`, `{{hex:32}}`, `{{HEX:40}}` (upper), `{{base64:40}}`, `{{base64url:43}}`,
 * `{{digits:12}}`, `{{base32:16}}` (A-Z2-7), `{{upper:16}}` (A-Z0-9), `{{lower:16}}` (a-z0-9), `{{alpha:10}}` (a-zA-Z), and computed values
 * `{{github:ghp}}`, `{{npm}}`, `{{intercom}}`, `{{jwt}}`, `{{base64text:24}}` (base64 of 24 printable characters), `{{basicauth}}` (base64 of user:password), `{{pem:RSA PRIVATE KEY}}`, `{{pemEscaped:PRIVATE KEY}}` (one line, `\n` escapes), `{{derBody:pkcs8}}` (a key's base64 body without armour, in lines; pkcs1, sec1, openssh, and the public look-alikes cert, spki), `{{derLine:sec1}}` (the same on one line). Unknown kinds fail the test.
 */
export const EXAMPLE_PLACEHOLDER = /\{\{([a-zA-Z0-9]+)(?::([^}]*))?\}\}/g;
