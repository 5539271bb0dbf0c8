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
 * - `secret-uuid`: a random UUID (not an example or name-space UUID, not a patterned one), for names that say
 *   secret, password or access token (Vault AppRole `secret_id`, Keycloak client secrets, many SaaS tokens).
 * - `credential-file-value`: any value but a placeholder, reference or template: in a credential file (`.netrc`,
 *   `.pgpass`, `wp-config.php`) a password is a credential whatever its strength.
 * - `wordpress-config-value`: a wp-config.php DB_PASSWORD or key or salt: anything but a placeholder a person wrote,
 *   a mask, or a template or variable that is the whole value. WordPress's salts are drawn from an alphabet that
 *   holds every template mark, so the scan's own placeholder test does not apply after this verifier.
 * - `kubernetes-secret-value`: base64 whose decoded text (one trailing newline dropped) is not a certificate or
 *   public key, a placeholder, or a bare name: inside a Secret's `data:` every other value is a credential.
 * - `url-password`: a URL's userinfo password, percent-decoded: anything but a placeholder, a template or a default
 *   password (`p%40ss`, `key_1234`, `somepassword`).
 * - `private-key-armoured`: an armoured key's body that is not a truncated documentation snippet (a DER body much
 *   shorter than its own header says).
 */
export type Verifier =
  | 'private-key-body'
  | 'intercom-token'
  | 'github-crc32'
  | 'npm-crc32'
  | 'jwt-signed'
  | 'base64-secret'
  | 'generic-value'
  | 'generic-password'
  | 'secret-uuid'
  | 'credential-file-value'
  | 'wordpress-config-value'
  | 'kubernetes-secret-value'
  | 'private-key-armoured'
  | 'url-password';

/**
 * A match that goes with another match within a few lines, as gitleaks' composite rules do (`[[rules.required]]`
 * with `id` and `withinLines`): an id and its secret, a Site ID and its API key. Two matches that pair are one
 * finding, at this rule's match (when both are this rule's: the one whose line does not name it as the half that is
 * harmless alone, else the later one: a key's line, not its Site ID's), whose secret is both secrets joined
 * with `:` in the order they stand in the text (`site:key`): its fingerprint changes when either half does.
 * The partner's matches are its findings as the scan reports them (after its own checks); a partner rule that is
 * turned off or quiet on this path never matches, and the partner's own findings are reported as usual unless it
 * is this rule.
 */
export interface Pairing {
  /**
   * The rule whose match completes this one's: another rule's id, or this rule's own id for two matches of one
   * shape (Customer.io's Site ID and Track API key are both 20 hex characters; a match pairs with the next one).
   */
  with: string;
  /** How many lines apart the two may stand: 0 for the same line. */
  withinLines: number;
  /**
   * What becomes of a match without a partner within reach: `drop` (the partner is required), `report` (it is a
   * finding alone), or `{ dropWhenLineNames }`: a finding alone unless its own line holds one of these lowercase
   * words, which name it as the half that is harmless alone (Customer.io's Site ID ships in its browser snippet).
   */
  unpaired: 'drop' | 'report' | { readonly dropWhenLineNames: readonly string[] };
}

export interface FixHint {
  /** The environment variable name to suggest, e.g. `STRIPE_SECRET_KEY`. */
  env: string;
  /** The provider's name as users know it, e.g. `Stripe`. */
  provider: string;
  /** Rotation steps at the provider, in order, each one sentence. */
  rotate: readonly string[];
  /** The provider's documentation page about these keys. */
  docs: string;
  /**
   * For a rule whose findings are pairs (`pairing`): the variable for the pair's first value, the one that is not
   * secret alone (Customer.io's `CUSTOMERIO_SITE_ID`); `env` names the second.
   */
  pairEnv?: string;
  /** The provider's own least-privilege replacement, when it has one (Stripe's restricted keys), in one sentence. */
  leastPrivilege?: string;
  /**
   * Set when the provider cannot keep the old and the new key valid together: says so, and how to keep the gap
   * short or avoid it (a second app, a quiet hour). Without it, the guide gives the order that avoids downtime.
   */
  rotationGap?: string;
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
   * positive example, lowercased. One of them must stand on the line of every match: when the pattern cannot cross
   * a line break, the rule runs only on the lines that hold them. Empty for a prefix-less rule: a key with no
   * prefix of its own (bare hex or base64), found only through its `near` words; or for a rule of credential files
   * (`files`), which then runs on the whole text of those files.
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
   * Near words: one of these lowercase literals must appear within `lines` lines of the match, or the candidate is
   * dropped. For added lines they are also looked for in the lines around them (the context), since the name of a
   * prefix-less key often sits on an unchanged line. A prefix-less rule (no keywords) runs only near them; words of
   * three characters or fewer must stand as whole words (`cio`, not "precious").
   */
  near?: {
    readonly words: readonly string[];
    readonly lines: number;
    /**
     * Words that count wherever they stand in the file, as a package's name in its import does
     * (`require('customerio-node')` four lines above `const TRACK_KEY = …`). Also near words.
     */
    readonly inFile?: readonly string[];
  };
  /**
   * For a prefix-less key whose near words name only its provider (`aws`, `alibaba`): a match counts only when one
   * of these lowercase words also stands just before it (in the 80 characters before it on its line, or at the end
   * of the line before): a credential word (`secret`, `key`, `credentials`) or the key's id (`akia`). In an SDK
   * every line names the provider; an assignment to a secret-named variable says more.
   */
  credentialWords?: readonly string[];
  /**
   * The rule runs only on these files: file names (`.netrc`), path endings (`config/master.key`), `*.ext` endings
   * or `name.*` beginnings (`.env.*`). For credential files, whose format alone says what a value is. Its examples
   * are proved at the first entry's path (a `*` made `example`).
   */
  files?: readonly string[];
  /**
   * SHA-256 (hex) of keys the provider publishes in its own documentation (Stripe's `sk_test_…` of the API
   * reference): everybody has them, they are not findings. Hashes, so that the catalog holds no key.
   */
  documented?: readonly string[];
  /** Another rule's match (or a second one of this rule) that this rule's match goes with: see `Pairing`. */
  pairing?: Pairing;
  /**
   * For prefix-less rules, and for rules whose prefix another provider shares: a match is dropped when its line
   * holds one of these lowercase words within 48 characters of it, which name look-alikes of the same shape
   * (`trace_id`, `checksum`, a Sentry DSN's `sentry`, Customer.io's `pk_` keys beside Klaviyo's).
   */
  notOnLineWith?: readonly string[];
  /**
   * For a prefix another provider shares: a match is dropped when a JSON or YAML key that encloses its line (by
   * indentation, up to 12 lines above) holds one of these lowercase words (`"customerio": {` over a `pk_` key
   * that is Customer.io's, not Klaviyo's).
   */
  notUnderKeyWith?: readonly string[];
  /** A test-mode or sandbox key: reported, but by default it does not block (configurable). */
  testKey?: boolean;
  /** A rule with no provider prefix (e.g. `password = …`): a provider rule's finding on the same text wins. */
  generic?: boolean;
  /**
   * The rule knows a credential by where it stands (the password of a git host's URL), not by its format: a rule that
   * knows the value's format (an Azure DevOps PAT in that URL) and finds it there wins, so one secret is one finding.
   */
  byPlace?: boolean;
  /**
   * The value's name is given by the structure around it, on other lines (a Terraform variable block, an env entry's
   * `name:`): a value field added inside a committed structure (`default = "…"`, `value: …`) brings the rule around
   * it (src/engine/spanning.ts). Only for rules whose matches span lines.
   */
  structure?: boolean;
  /**
   * The secret group is encoded: decode it and scan the decoded text with the whole catalog. Findings inside are
   * reported at this match's place ("… (base64-encoded)"); when nothing is found inside, this rule's own finding
   * stands only if its `verify` passes, and never when the pattern's empty `(?<decodedOnly>)` group took part in
   * the match (a value under a name that says it is not a secret, whose content may still hold one).
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
  'pairing',
  'notOnLineWith',
  'notUnderKeyWith',
  'testKey',
  'generic',
  'byPlace',
  'structure',
  'decode',
  'credentialWords',
  'files',
  'documented',
] as const;

export type DetectionRule = Pick<Rule, (typeof DETECTION_FIELDS)[number]>;

/** A rule's detection fields alone (those it has), for the engine's data. */
export function detectionPart(rule: DetectionRule): DetectionRule {
  const part: Record<string, unknown> = {};
  for (const field of DETECTION_FIELDS) if (rule[field] !== undefined) part[field] = rule[field];
  return part as unknown as DetectionRule;
}

/**
 * `documented` for the rules that meet them (generic tokens, bearer headers): the example credentials of the OAuth
 * specifications, which tests and docs everywhere copy (RFC 6749 §1.5, §4.1 and §7.1: 2Yot…, tGzv…, Splx…, h480…;
 * RFC 6750 §2.1: mF_9…; RFC 5849 §1.2, §2.1, §3.5: nnch…, kkk9…, hh5s…, ad18…). Published, shared by everybody,
 * not a finding. SHA-256 of each; here because more than one rule file needs them.
 */
export const OAUTH_SPECIFICATION_EXAMPLES: readonly string[] = [
  '6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c',
  '00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32',
  'bb9b1163338b2a51495834ad5c65420443d6327381cf0f94ebf92b117f209d72',
  '2ff8b0fb93aca981c78f1e94355c298c23435461f1072ef4674848e620371787',
  '4c20e6f5cc11b93731e74cbe20739821d61c3563c9f50ecb884a27cd369f01fb',
  '9d03b692e941d5ace207a9f8048834439f6de98e5c6c1590c22c4f4577c88a42',
  'a71b359a87afde133e6d9731de69f8823d62b012072d43749f5dc976505403f5',
  'b8e148545b13c78bc74da2f1a7275dd71e56ddece129d7d2f7b3ecc06f7994da',
  'a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f',
];

/**
 * Placeholders in examples, expanded by the test suite with a seeded generator so the repository holds no
 * live-looking key: `{{base62:24}}`, `{{hex:32}}`, `{{HEX:40}}` (upper), `{{base64:40}}`, `{{base64url:43}}`,
 * `{{digits:12}}`, `{{base32:16}}` (A-Z2-7), `{{base32lower:52}}` (a-z2-7), `{{upper:16}}` (A-Z0-9), `{{lower:16}}` (a-z0-9), `{{alpha:10}}` (a-zA-Z), and computed values
 * `{{github:ghp}}`, `{{npm}}`, `{{intercom}}`, `{{jwt}}`, `{{base64text:24}}` (base64 of 24 printable characters), `{{base64line:20}}` (the same with `echo`'s newline), `{{base64of:hunter22\n}}` (base64 of the text given, `\n` a newline: a weak password the repository must not hold plain), `{{base64uuid}}`, `{{base64pem:CERTIFICATE}}` (base64 of a PEM block), `{{base64sshpub}}` (base64 of an SSH public key line), `{{basicauth}}` (base64 of user:password), `{{pem:RSA PRIVATE KEY}}`, `{{pemEscaped:PRIVATE KEY}}` (one line, `\n` escapes), `{{derBody:pkcs8}}` (a key's base64 body without armour, in lines; pkcs1, sec1, openssh, and the public look-alikes cert, spki), `{{derLine:sec1}}` (the same on one line). Unknown kinds fail the test.
 */
export const EXAMPLE_PLACEHOLDER = /\{\{([a-zA-Z0-9]+)(?::([^}]*))?\}\}/g;
