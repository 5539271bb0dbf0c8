// The `generic-value` verifier: is a value assigned to a secret-sounding name (password, token, api_key, …) really
// a secret? Generic rules match on the name; this decides on the value, and it errs on the side of silence:
// a scanner that cries wolf on `password: "Password"` gets switched off.
//
// A value is kept only when it is not a placeholder, a reference to where the secret lives, an expression, a
// structured non-secret (number, UUID, version, date, path, URL, e-mail, host, well-known hash), a masked value,
// a weak or dummy password made of well-known words, or a name (English words in camel/snake case); and when it
// looks random for its alphabet (character classes, length, Shannon entropy against what random strings of that
// alphabet and length score). Base64 that decodes to printable text (`user:pass`, a base64-wrapped password, as in
// Basic auth, Docker's `auth` or Kubernetes Secret data) is judged on the decoded text, with a lighter test: the
// encoding already says "this is a credential", so a human-chosen password counts.
import { printableBase64 } from './base64.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import { isPublicKeyDer } from './private-key-der.js';

const MAX_LENGTH = 4096;

export function looksLikeGenericSecret(value: string): boolean {
  const candidate = stripWrapper(value.trim());
  if (candidate.length === 0 || candidate.length > MAX_LENGTH) return false;
  // JWTs have their own rule (`jwt-signed`): a signed one is found there, an unsigned one is not a secret.
  if (JWT_SHAPE.test(candidate)) return false;
  const decoded = printableBase64(candidate, BASE64_TEXT);
  if (decoded !== undefined) return looksLikeCredentialText(decoded);
  // Padded base64 of a few printable characters (`YWRtaW4=` is `admin`): too short to be a secret of its own.
  if (candidate.endsWith('=') && printableBase64(candidate, SHORT_BASE64_TEXT) !== undefined) return false;
  const password = passwordOfPair(candidate);
  if (password !== undefined) return looksRandom(password);
  return looksRandom(candidate);
}

/**
 * A UUID assigned to a name that says secret, password or token: Vault AppRole `secret_id`s, Keycloak client
 * secrets and many SaaS tokens are random UUIDs. Not the well-known example and namespace UUIDs, nor a patterned
 * one (`00000000-…`, `12345678-1234-…`).
 */
export function looksLikeSecretUuid(value: string): boolean {
  const candidate = value.trim().replace(/^\{|\}$/g, '');
  if (!UUID.test(candidate) || EXAMPLE_UUIDS.has(candidate.toLowerCase())) return false;
  const hex = candidate.replace(/-/g, '');
  return !isPlaceholder(candidate) && shannonEntropy(hex) >= entropyFloor('hex', hex.length);
}

// RFC 9562's examples and name-space ids, and the example of most UUID tutorials.
const EXAMPLE_UUIDS = new Set([
  '123e4567-e89b-12d3-a456-426614174000',
  '123e4567-e89b-12d3-a456-426655440000',
  '550e8400-e29b-41d4-a716-446655440000',
  'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
]);

/**
 * A value in a credential file (`.netrc`, `.pgpass`, `wp-config.php`, FileZilla's sitemanager.xml): a credential
 * whatever its strength (`hunter22` is a password there), unless it is a placeholder, a reference, a template or
 * a mask. Application code keeps the strength filters (`looksLikeGenericSecret`).
 */
export function looksLikeFileCredential(value: string): boolean {
  // base64 of text (FileZilla's `encoding="base64"`) is judged decoded.
  const trimmed = value.trim();
  const candidate = printableBase64(trimmed, BASE64_TEXT)?.trim() ?? trimmed;
  if (candidate.length < 4 || candidate.length > MAX_LENGTH) return false;
  if (FILE_PLACEHOLDER.test(candidate) || isPlaceholder(candidate) || MASKED.test(candidate)) return false;
  if (TEMPLATE.test(candidate) || ENV_LOOKUP.test(candidate) || SHELL_VARIABLE.test(candidate)) return false;
  if (CHECKSUMMED_FORMAT.test(candidate)) return false;
  return !(REFERENCE_PREFIX.test(candidate) || SECRET_STORE.test(candidate) || /^ENC\[/.test(candidate));
}

/**
 * A value of wp-config.php's DB_PASSWORD or of one of its eight keys and salts: a credential whatever it looks like.
 * WordPress draws the salts from `wp_generate_password(64, true, true)`, whose alphabet holds every mark that
 * elsewhere says "template" or "variable" (`{{`, `<%`, `#{`, `$(`, `${`, `%}`, `%s`, `***`, `...`), so a random
 * salt holds one often (one in 17 in a test of 200). Quiet only where a person wrote something else: a value made of
 * letters, digits, blanks and `_-.<>` alone (`put your unique phrase here`, `password_here`, `<db password>`) is
 * judged as any credential file's value; a mask (`********`), or a template or variable that is the whole value
 * (`{{ wp_auth_key }}`, `<%= @db_password %>`, `${DB_PASSWORD}`, envsubst's `$DB_PASSWORD`). A random
 * 64-character salt is one of these by a chance of less than one in a million.
 */
export function looksLikeWordPressSecret(value: string): boolean {
  const candidate = value.trim();
  if (candidate.length === 0 || candidate.length > MAX_LENGTH) return false;
  if (/^[A-Za-z0-9 _.<>-]+$/.test(candidate)) return looksLikeFileCredential(candidate);
  return !WHOLE_MASK.test(candidate) && !WHOLE_REFERENCE.test(candidate);
}

const WHOLE_MASK = /^[*xX•#._-]+$/;
// Each alternative a whole value: Jinja/Helm/Mustache, Jinja blocks, ERB, `${NAME}`, envsubst's `$NAME` (upper
// case: `$ecret…` is a password; PHP's `"$name"` is left out by the rule's pattern), PHP's `{$name}`, Ruby's
// `#{…}`, Python's `%(name)s` and Windows' `%NAME%`, `__NAME__` and `@@NAME@@` build tokens.
const WHOLE_REFERENCE =
  /^\{\{-?[ \t]*[\w.|'"[\] -]{1,80}?[ \t]*-?\}\}$|^\{%.{0,80}%\}$|^<%=?[^%]{1,80}%>$|^\$\{[\w.:-]{1,80}\}$|^\$\(?[A-Z_][A-Z0-9_]{2,80}\)?$|^\{\$[\w[\]'"-]{1,80}\}$|^#\{[^}]{1,80}\}$|^%\(?[A-Za-z_]\w{0,80}\)?[s%]?$|^__[A-Z][A-Z0-9_]{0,80}__$|^@@?[A-Za-z_]\w{0,80}@@?$/;

// Words that stand for a password in templates and documentation, alone, and the default passwords of database
// and broker images (`postgres`, `guest`): known to everybody.
const FILE_PLACEHOLDER =
  /^(?:pass(?:word|wd)?|pwd|secret|postgres|mysql|root|toor|admin|guest|default|changeme|change[_-]me|none|null|nil|empty|blank|undefined|todo|tbd|fixme|example|sample|placeholder|(?:your|my|the)[_ -]?(?:pass(?:word)?|secret|key|token)(?:[_ -]?here)?|password[_ -]?here|put your unique phrase here)$/i;
const SHELL_VARIABLE = /^\$[A-Za-z_{(]|^%[A-Za-z_]+%$/;

/**
 * A Kubernetes Secret's `data:` value (base64): a credential unless it decodes to a certificate or a public key,
 * a placeholder, a host, a number or a bare name. `echo x | base64` adds a newline, which is dropped.
 * A weak password is still one (`hunter22`, `Welcome1`): a Secret holds what it holds, whatever its strength.
 * Multi-line text (a whole configuration file) is judged by what the scan finds inside it, not as one value.
 */
export function looksLikeSecretData(encoded: string): boolean {
  const decoded = printableBase64(encoded, { minDecodedLength: 1 });
  if (decoded === undefined) return false;
  const text = decoded.replace(/\r?\n$/, '');
  if (PUBLIC_MATERIAL.test(text) && !/PRIVATE KEY/.test(text)) return false;
  if (/[\r\n]/.test(text) || text.length < 6) return false;
  if (UUID.test(text)) return looksLikeSecretUuid(text);
  const password = passwordOfPair(text) ?? text;
  if (/\s/.test(password) || !looksLikeFileCredential(password) || isSecretDataSetting(password)) return false;
  // A bare name (`my-app-user`, `production`) is configuration; a name with digits or symbols counts.
  return !/^[a-z]+(?:[-_.][a-z]+)*$/.test(password);
}

// A placeholder word numbered (`password123`, `changeme1`): the default a chart or a tutorial ships, not a choice.
const NUMBERED_PLACEHOLDER = /^(?:pass(?:word|wd)?|secret|changeme|admin|test|example)[0-9]{1,4}$/i;

/**
 * What else a Secret's data holds beside its credentials: a numbered placeholder word, a number (a port), a version,
 * a date, a host, an address, a URL (its password, if any, is found inside it), a path or file name, a resource
 * name, a stored hash. Not the filters for code (identifiers, expressions): a Secret holds no code, and `Welcome1`
 * there is a password.
 */
function isSecretDataSetting(value: string): boolean {
  if (NUMBERED_PLACEHOLDER.test(value)) return true;
  if (NUMBER.test(value) || VERSION.test(value) || DATE.test(value)) return true;
  if (HOST.test(value) || IP.test(value) || EMAIL.test(value) || value.includes('://')) return true;
  if (PATH_START.test(value) || ABSOLUTE_PATH.test(value) || FILE_NAME.test(value) || RESOURCE_NAME.test(value))
    return true;
  return CRYPT_HASH.test(value) || STORED_HASH.test(value) || REPEATED_UNIT.test(value);
}

// Certificates, certificate requests and public keys (PEM or OpenSSH): public by design.
const PUBLIC_MATERIAL =
  /-----BEGIN (?:[A-Z0-9 ]{0,20} )?(?:CERTIFICATE|PUBLIC KEY|CERTIFICATE REQUEST|NEW CERTIFICATE REQUEST|X509 CRL)-----|^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-[a-z0-9-]{1,20}|sk-(?:ssh|ecdsa)[a-z0-9@.-]{1,40}) AAAA/;

// --- wrappers and encodings ---------------------------------------------------------------------------------

/** `base64:…` (Laravel's APP_KEY) and `0x…` (hex keys) carry the secret after the prefix. */
function stripWrapper(value: string): string {
  if (/^base64:/i.test(value)) return value.slice(7);
  if (/^0x[0-9a-f]{32,}$/i.test(value)) return value.slice(2);
  return value;
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;

// A value is judged by what it decodes to when it is all base64 (no other characters) of printable text; a shorter
// decoded text than elsewhere counts, since a password of 6 characters is still a password.
const BASE64_TEXT = { minDecodedLength: 6, wholeQuads: true } as const;
const SHORT_BASE64_TEXT = { minDecodedLength: 1, wholeQuads: true } as const;

/** `user:password` (Basic auth, Docker auth, `-u user:pass`): the password part. */
function passwordOfPair(value: string): string | undefined {
  const match = /^([A-Za-z0-9._@+-]{1,128}):([^:]{1,512})$/.exec(value);
  if (!match) return undefined;
  const [, user, password] = match;
  // `https://key@host/1`: a URL's scheme, not a user name (a URL is judged whole, and is no secret by itself).
  if (password!.startsWith('//')) return undefined;
  // `vault:path`, `sha256:…`, `ENC:…` and friends are references or tags, not a user name.
  if (REFERENCE_PREFIX.test(`${user}:`) || HASH_TAG.test(`${user}:`)) return undefined;
  return password;
}

/** The light test for text that came out of base64: a credential unless it is a placeholder, a name or a path. */
function looksLikeCredentialText(decoded: string): boolean {
  if (/\s/.test(decoded)) return false;
  const password = passwordOfPair(decoded) ?? decoded;
  if (password.length < 6) return false;
  if (isNotASecret(password)) return false;
  if (isWeakPassword(password)) return false;
  // A bare name (`my-app-user`, `production`) is configuration, not a password; a name with digits or symbols
  // (`Summer2024!`) is a human-chosen password and counts here.
  const tokens = tokenize(password);
  return !(tokens.every((t) => t.kind === 'word' || t.kind === 'short') && !/[^A-Za-z_.-]/.test(password));
}

// --- the strict test -------------------------------------------------------------------------------------------

function looksRandom(value: string): boolean {
  if (value.length < 8) return false;
  if (isNotASecret(value)) return false;
  if (isWeakPassword(value) || hasDummyWord(value)) return false;
  if (isNameLike(value)) return false;
  if (isPatterned(value)) return false;
  return hasRandomComposition(value);
}

/**
 * Two runs of one character three times over (`cl_B7d4PD111AAA`): typed or made up, not drawn at random. A random
 * string of 36 or more symbols has one such run in about 3% of cases at 40 characters, two in 0.05%; hex (16
 * symbols) has them far more often and is not judged so.
 */
function isPatterned(value: string): boolean {
  if (/^[0-9a-f]+$|^[0-9A-F]+$/.test(value)) return false;
  let runs = 0;
  for (let i = 2; i < value.length; i++) {
    if (value[i] === value[i - 1] && value[i] === value[i - 2] && value[i] !== value[i - 3] && ++runs === 2)
      return true;
  }
  return false;
}

/** Placeholders, references, expressions and structured values that are never a secret. */
function isNotASecret(value: string): boolean {
  if (/[\s\u0000-\u001f\u007f-\uffff]/.test(value)) return true;
  if (isPlaceholder(value)) return true;
  if (PLACEHOLDER_TEXT.test(value)) return true;
  if (OPENING_BRACKET.test(value) || hasSigilBeforeName(value) || CRYPT_HASH.test(value)) return true;
  if (STORED_HASH.test(value)) return true;
  if (TEMPLATE.test(value) || ENV_LOOKUP.test(value)) return true;
  if (REFERENCE_PREFIX.test(value) || SECRET_STORE.test(value) || /^ENC\[/.test(value)) return true;
  if (LITERAL.test(value) || NUMBER.test(value) || UUID.test(value) || VERSION.test(value) || DATE.test(value))
    return true;
  if (HASH_TAG.test(value)) return true;
  if (value.includes('://') || PATH_START.test(value) || FILE_NAME.test(value) || EMAIL.test(value)) return true;
  if (HOST.test(value) || IP.test(value)) return true;
  if (MASKED.test(value) || REPEATED_UNIT.test(value)) return true;
  if (CIPHERTEXT.test(value)) return true;
  if (HEADER_NAME.test(value) || IDENTIFIER.test(value) || MEMBER_CHAIN.test(value)) return true;
  if (isPathLike(value) || isPropertyAccess(value) || isCodeName(value)) return true;
  if (INDEX_EXPRESSION.test(value) || ALGORITHM_NAME.test(value) || CHECKSUMMED_FORMAT.test(value)) return true;
  if (PUBLIC_FORMAT.test(value) || TYPED_SID.test(value) || SECRET_STORE_NAME.test(value)) return true;
  if (CALL_EXPRESSION.test(value) || PRIVATE_NAME.test(value) || CODE_FRAGMENT.test(value)) return true;
  if (/[([]/.test(value) && ACCESS_CHAIN.test(value)) return true;
  if (isCodeExpression(value) || SNAKE_CASE_WORDS.test(value) || CONSTANT_NAME.test(value)) return true;
  if (isAcronymTypeName(value) || COPIED_MEMBER.test(value) || isEcPublicPoint(value)) return true;
  if (isPublicKeyDer(value) || isEncodedPlaceholder(value)) return true;
  if (RESOURCE_NAME.test(value) || ABSOLUTE_PATH.test(value) || HOST_AFTER_AT.test(value)) return true;
  if (TYPE_EXPRESSION.test(value) || VALIDATION_RULES.test(value) || isConstantPathCode(value)) return true;
  // TypeScript's non-null assertion after a property access (`appConfig.apiKey!`): an object's name starts in lower
  // case and holds no digit, where a chosen password (`Sunflower.Copper50!`) does not.
  if (NON_NULL_MEMBER.test(value) && isPropertyAccess(value.slice(0, -1))) return true;
  if (isPatternSource(value)) return true;
  if (EMPTY_COMPOSITE.test(value) || TYPE_REFERENCE.test(value) || SIGV4_SCOPE.test(value)) return true;
  if (isNestedCall(value) || isPrefixedCamelName(value) || LABEL.test(value)) return true;
  // An unquoted value runs into the comma or semicolon that ends it (`Credentials: v4aCredentialProvider,`): what
  // comes before it decides, when it is plainly not a secret.
  if (/[,;]$/.test(value) && isNotASecret(value.slice(0, -1))) return true;
  // One assignment inside another (`sv=2022-11-02` of a SAS query string after `AZURE_SAS_TOKEN=`): the inner
  // value decides, when it is plainly not a secret (a date, a number, a template).
  const inner = INNER_ASSIGNMENT.exec(value);
  return inner !== null && isNotASecret(inner[1]!);
}

// A dotted type's empty composite literal (`cfg.Creds = credentials.Value{}` in Go); calls are CALL_EXPRESSION's.
const EMPTY_COMPOSITE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\{\}$/;
// Calls with calls inside them (`Column(String(120))`, `hashlib.sha256(token.encode()).digest()`,
// `Auth(token=self.make_token(**kwargs))`): code.
const NESTED_CALL = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\([\w$.,()=*]{0,300}\)$/;

function isNestedCall(value: string): boolean {
  if (!NESTED_CALL.test(value)) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
// A camelCase name with a short lowercase prefix that may hold digits (`v4aCredentialProvider`, `s3BucketName`):
// IDENTIFIER takes no digits.
const PREFIXED_CAMEL_NAME = /^[a-z][a-z0-9]{0,5}((?:[A-Z][a-z]{2,}){2,6})$/;

function isPrefixedCamelName(value: string): boolean {
  const words = PREFIXED_CAMEL_NAME.exec(value)?.[1]?.match(/[A-Z][a-z]+/g);
  return words !== undefined && words !== null && words.every((word) => isEnglishLike(word.toLowerCase()));
}
// A form's label, a word and its colon (`"yourpassword": "Passwort:"`, `password_label: Cyfrinair:`).
const LABEL = /^[A-Za-z][A-Za-z'-]{1,40}:$/;
// A docstring's cross-reference to a type (`:vartype credentials: ~azure.mgmt.compute.models.VMCredential`).
const TYPE_REFERENCE = /^[~!][A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
// An AWS Signature Version 4 credential scope (`Credential=AKID/20240101/us-east-1/s3/aws4_request`; SigV4a leaves the
// region out): the access key id and where the signature applies, sent in clear with every signed request.
const SIGV4_SCOPE = /\/\d{8}(?:\/[a-z0-9-]{1,60}){1,2}\/aws4_request,?$/;
// `name=value` inside a value: a query string's parameter, a nested setting.
const INNER_ASSIGNMENT = /^[A-Za-z_][\w.-]{0,32}=(?!=)(.+)$/;
// A character class with a range, repeated (`[A-Za-z0-9_-]{60}`, `[0-9a-f]+`), a class escape repeated (`\d{6}`),
// or a group's `(?`: a pattern for keys (a validation rule, a rule of a scanner), not a key. Bounded, so linear.
const PATTERN_CLASS = /\[([^\][]{1,64})\](?:\{\d{1,4}(?:,\d{0,4})?\}|[+*])/g;
// A name then a wildcard that ends the value (`secret:AmazonLookoutMetrics-.+` in an ARN's pattern).
const PATTERN_WILDCARD_END = /[\w-]\.[+*]\??$/;
const PATTERN_SYNTAX = /\\[dwsDWS](?:\{\d{1,4}(?:,\d{0,4})?\}|[+*])|\(\?(?:[:=!]|<[=!A-Za-z])/;

function isPatternSource(value: string): boolean {
  if (PATTERN_SYNTAX.test(value) || PATTERN_WILDCARD_END.test(value)) return true;
  PATTERN_CLASS.lastIndex = 0;
  for (let match = PATTERN_CLASS.exec(value); match !== null; match = PATTERN_CLASS.exec(value)) {
    if (/[A-Za-z0-9]-[A-Za-z0-9]/.test(match[1]!)) return true;
  }
  return false;
}

// The start of code that an unquoted line value runs into: an open call, generic or block (`AWS.util.inherit({`,
// `MergeFunctions<`, `AuthPluginDefinition<{`, `readFileSync(`), a member of `this`/`self`, a chain of three members, a ternary.
const CODE_FRAGMENT =
  /[\w$][ \t]{0,2}(?:\([{[]?|<[{[(]?|\{|\[)$|^(?:this|self)\.[A-Za-z_$]|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){2}|[\w$.]\?[\w$.]{1,80}:[\w$.]/;

/**
 * Minified or compiled code that an unquoted value runs into: names and numbers joined by code's punctuation, with
 * a mark no password has, such as a member of `exports`/`props`/`this`, `=void`, `===`, optional chaining or a
 * call's brackets (`exports.CfnAccount=void`, `props.assumeRole?.roleArn`, `+A)}s=makeRequest({urlList:[t]});n=`).
 * Passwords hold other symbols (`@#%^*~/`), or `$` after a letter; `Word.Word99!` has no such mark.
 */
function isCodeExpression(value: string): boolean {
  if (!CODE_CHARS.test(value) || PASSWORD_DOLLAR.test(value) || !CODE_MARK.test(value)) return false;
  const pieces = value.split(/[^\w$]+/).filter((piece) => piece !== '');
  if (!pieces.every((piece) => /^(?:[A-Za-z_$][\w$]*|[0-9]+)$/.test(piece))) return false;
  // A comparison or an arrow is code whatever it compares (`a.p256dh===t.p256dh`); with the other marks, code names
  // things in words (`exports`, `makeRequest`), where a random password's pieces between symbols are short.
  return (
    STRICT_CODE_MARK.test(value) || pieces.some((p) => /^[A-Za-z_$]{4,}$/.test(p) && isEnglishLike(p.toLowerCase()))
  );
}

const CODE_CHARS = /^[\w$.?!:=()[\]{};,+<>|&]{1,512}$/;
const STRICT_CODE_MARK = /===|!==|=>/;
const CODE_MARK =
  /(?:^|[^\w$])(?:exports|module|props|this|self|window|document|globalThis)\.[A-Za-z_$]|[=:?]void(?![\w$])|===|!==|=>|[\w$)\]]\?\.[A-Za-z_$]|[\w$]\([{[]|\)[;}\]]|\}\)/;
const NON_NULL_MEMBER = /^[a-z_$][A-Za-z_$]*(?:\.[A-Za-z_$][A-Za-z_$]*)+!$/;
// A minified object's property copied from a member of the same name (`p256dh:s.p256dh`).
const COPIED_MEMBER = /^([A-Za-z_$][\w$]{0,40}):[A-Za-z_$][\w$]{0,2}\.\1$/;

/**
 * A type or class name that starts with an acronym (`HTTPPasswordMgr`, `JWTSecretProvider`): a type annotation's
 * right-hand side (`passwd: HTTPPasswordMgr` in a Python stub). Letters only, the acronym then capitalised words, one of
 * them English of five letters or more: random letters do not fall into that.
 */
function isAcronymTypeName(value: string): boolean {
  const match = /^[A-Z]{2,6}((?:[A-Z][a-z]{2,}){1,6})$/.exec(value);
  if (!match) return false;
  return (match[1]!.match(/[A-Z][a-z]+/g) ?? []).some((word) => word.length >= 5 && isEnglishLike(word.toLowerCase()));
}

/** A placeholder written percent-encoded, as in a URL's query (`auth=%5BFiltered%5D` is `[Filtered]`). */
function isEncodedPlaceholder(value: string): boolean {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return false;
  const decoded = percentDecoded(value);
  return OPENING_BRACKET.test(decoded) || isPlaceholder(decoded) || MASKED.test(decoded);
}

/** `value` with its percent-encoding undone; as written when it is not valid percent-encoding. */
function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * An uncompressed elliptic-curve public key, 65 bytes that start 0x04, in base64url: a Web Push application server
 * key (`DEFAULT_VAPID_KEY = 'BDOU…'`, Firebase's). Public by design; the private half is 32 bytes.
 */
function isEcPublicPoint(value: string): boolean {
  if (!/^B[A-Za-z0-9_-]{86}={0,1}$/.test(value)) return false;
  const bytes = Buffer.from(value.replace(/=$/, ''), 'base64url');
  return bytes.length === 65 && bytes[0] === 0x04;
}

// Names of code, not values: three or more lower-case words joined by `_` (`grpc_orca_load_report`, a metric or
// an event's name), and an upper-case constant's name (`AWS_OWNED_KMS_KEY`, an enum member). Random keys do not
// fall into letter-only words between regular underscores.
const SNAKE_CASE_WORDS = /^[a-z]{2,16}(?:_[a-z]{2,16}){2,8}$/;
const CONSTANT_NAME = /^[A-Z]{2,16}(?:_[A-Z]{1,16}){1,8}$/;
// A Kubernetes object's name (DNS-1123: lower-case words joined by `-` or `.`), the value of a Helm chart's
// `existingSecret:` or `tlsSecret:` (`airflow-postgresql`, `joomla.local-tls`, `etcd-cluster-1`): which Secret holds
// the credential, not the credential.
const RESOURCE_NAME = /^[a-z]{2,16}[0-9]{0,2}(?:[-.](?:[a-z]{2,16}[0-9]{0,2}|[0-9]{1,4})){1,8}$/;
// An absolute path of lower-case names (`/opt/bitnami/postgresql/secrets/postgresql-password`): a `*_FILE`
// setting says where the secret is mounted. base64 mixes cases.
const ABSOLUTE_PATH = /^\/[a-z0-9._-]{1,64}(?:\/[a-z0-9._-]{1,64}){2,16}$/;
// The host part of a URL after a userinfo placeholder (`redis://:<password>@hostname:6379`).
const HOST_AFTER_AT =
  /^@[a-z0-9-]{1,63}(?:(?:\.[a-z0-9-]{1,63}){0,8}:\d{1,5}|(?:\.[a-z0-9-]{1,63}){1,8})(?:\/\S{0,200})?$/;
// Validation rules for a field, Laravel's form (`'password' => 'required|string|min:8|confirmed'`).
const VALIDATION_RULES =
  /^(?=[^|]{0,80}\b(?:required|nullable|sometimes|confirmed|string|min|max|between|regex|same|different|email)\b)[a-z_]{2,24}(?::[^|\s]{1,80})?(?:\|[a-z_]{2,24}(?::[^|\s]{1,80})?){1,20}$/;

/**
 * Ruby or PHP code through a constant path (`ActiveSupport::SecureRandom.hex(64)`,
 * `ActionController::HttpAuthentication::Basic.`): CamelCase names joined by `::`, then members or a call.
 */
function isConstantPathCode(value: string): boolean {
  const match = CONSTANT_PATH.exec(value);
  return match !== null && (match[1] === '' || CALL_OR_MEMBERS.test(match[1]!));
}

const CONSTANT_PATH = /^[A-Z][A-Za-z0-9]{1,40}(?:::[A-Z][A-Za-z0-9]{1,40}){1,8}(.{0,200})$/;
const CALL_OR_MEMBERS =
  /^(?:\.|::)(?:[a-z_][\w]{0,40}(?:\([^()]{0,120}\))?(?:\.|$)){0,4}$|^\.[a-z_][\w]{0,40}\(.{0,160}$/;

// A Python type hint (`password: Optional[AuthHeaderParameters]`).
const TYPE_EXPRESSION =
  /^(?:Optional|List|Dict|Union|Sequence|Mapping|Set|FrozenSet|Tuple|Literal|Annotated|Type|Callable|Iterable|Iterator|Awaitable|ClassVar|Final)\[[A-Za-z_][\w., [\]]{0,200}\]$/;

// A private or "dunder" name in snake case (`__smithy_context`, `_internal_state`): code's own identifiers.
const PRIVATE_NAME = /^_{1,2}[a-z]+(?:_[a-z]+)*_{0,2}$/;
// A call (`getPassword()`, `os.urandom(32).hex()`, `Secrets.read("db")`): code that produces a value.
const CALL_EXPRESSION = /^[A-Za-z_$][\w$.]{0,80}\([^()]{0,200}\)(?:\.[A-Za-z_$][\w$]{0,40}\([^()]{0,80}\)){0,4}$/;
// Members, calls and indexes chained (`ntp_auth_mode[0][1].strip()`, `spwd.getspnam(self.name)[1]`): code that
// finds a value. At least one call or index, and a member or a second step.
const ACCESS_CHAIN = /^[A-Za-z_$][\w$]{0,64}(?:\.[A-Za-z_$][\w$]{0,64}|\[[^\]]{0,16}\]|\([^()]{0,200}\)){2,10}$/;

// An index or query expression (`Jobs[-1].JobId`, `items[0].name`): code that finds a value, not a value.
const INDEX_EXPRESSION = /^[A-Za-z_$][\w$]{0,64}\[[^\]]{0,16}\](?:\.[A-Za-z_$][\w$]{0,64}|\[[^\]]{0,16}\]){0,8}$/;
// Names of signing and hashing algorithms (`AWS4-HMAC-SHA256`, `HMAC-SHA512`, `RSA-OAEP-256`): what an
// Authorization header or a config says it uses, not a key.
const ALGORITHM_NAME =
  /^(?:[A-Z0-9]{2,8}-){0,3}(?:HMAC|SHA-?\d{0,3}|RSA|AES|ECDSA|ECDH|EDDSA|[HRPE]S\d{3}|MD5|PBKDF2|OAEP)(?:-[A-Z0-9]{2,8}){0,3}$/;
// Tokens of a checksummed format (GitHub's ghp_/gho_/ghu_/ghs_/ghr_, npm's npm_): their own rules verify the
// checksum and report them; one whose checksum failed is not a token, and no generic rule reports it instead.
// GitHub's prefixes mean a GitHub token whatever follows (the long `ghs_` installation tokens of 2026 included):
// what the GitHub rules did not take is a placeholder or a malformed token (`ghs_APPID_JWT`).
const CHECKSUMMED_FORMAT = /^(?:(?:gh[pousr]|github_pat)_[A-Za-z0-9_.-]{4,}|npm_[A-Za-z0-9]{36})$/;
// Keys public by design, whose providers' rules know them: publishable keys (`pk_`: Stripe, Customer.io; Klaviyo's
// private `pk_` keys have their own rule), Mapbox public tokens (`pk.eyJ…`), SonarQube badge tokens (`sqb_`,
// read-only access to a project's badges, meant for READMEs).
const PUBLIC_FORMAT = /^(?:pk_[A-Za-z0-9_]{4,}|pk\.eyJ[A-Za-z0-9_.-]+|sqb_[0-9a-f]{40})$/;

// Identifiers with a two-letter type prefix and 32 hex characters (Twilio's SIDs: AC… account, VA… Verify
// service, SK… API key id, MG… messaging service): they name a resource; the credential is the token or secret
// beside them.
const TYPED_SID = /^[A-Z]{2}[0-9a-f]{32}$/;
// The name of a secret in a secrets manager (`prod/klaviyo_private_api_key-JBxLNl`: AWS Secrets Manager adds `-` and
// six characters; `payments/stripe/api-key`): lower-case words in path segments say where a secret lives, not what
// it is. A random value holding `/` (base64) mixes cases inside its segments.
const SECRET_STORE_NAME =
  /^[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[_.-][a-z0-9]+)*){1,6}(?:-[A-Za-z0-9]{6})?$/;

// Code, not data: a camelCase or PascalCase identifier (`receivedDiff`, `ExtendsKeyword`), or a chain of
// letter-only members (`SyntaxKind.ExtendsKeyword`, `config.db.password`).
const IDENTIFIER = /^[A-Za-z][a-z]{1,}(?:[A-Z][a-z]{2,})+$/;
const MEMBER_CHAIN = /^[A-Za-z_$][A-Za-z_$]{1,}(?:\.[A-Za-z_$][A-Za-z_$]{1,}){1,8}$/;
// Title-Case words joined by hyphens: header names and auth schemes (`X-Api-Key`, `Klaviyo-API-Key`), not secrets;
// and a custom header's name in lower case (`x-appwrite-session`).
const HEADER_NAME = /^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)+$|^[Xx]-[a-z]{2,24}(?:-[a-z]{2,24}){0,4}$/;
const PLACEHOLDER_TEXT =
  /must[_-]?be[_-]?\d{1,2}[_-]?char|abcd1234|changeit|insecure|notasecret|not[_-]a[_-]secret|nosecret|do[_-]?not[_-]?use|todo|fixme|lorem|ipsum|qwerty|asdf|zxcv|12345|abcde|\?\?\?|…/i;
// Objects, arrays, calls and tags: {…}, […], (…), <…>
const OPENING_BRACKET = /^[{[(<]/;
// Databases' stored password hashes: PostgreSQL's `md5` + 32 hex and `SCRAM-SHA-256$…`, MySQL's `*` + 40 hex.
const STORED_HASH = /^md5[0-9a-f]{32}$|^SCRAM-SHA-256\$\d{1,7}:|^\*[0-9A-F]{40}$/;
// Crypt-style password hashes ($2b$…, $6$…, $argon2id$…, phpass's $P$…): stored hashes, not the password
// (htpasswd and shadow rules report them where they are a credential file's content).
const CRYPT_HASH = /^\$(?:2[abxy]?|1|5|6|7|y|gy|apr1|P|H|argon2(?:id|i|d)|pbkdf2(?:-sha\d+)?|scrypt|sha1|md5)\$/;
const TEMPLATE = /\$\{|\$\(|\{\{|\}\}|\{%|%\}|<%|%>|#\{|\[\[|\]\]|%\(|__[A-Z][A-Z0-9_]*__|@@[A-Za-z_]+@@/;
const ENV_LOOKUP =
  /process\.env|import\.meta\.env|os\.environ|getenv|System\.getenv|GetEnvironmentVariable|ENV\[|ENV\.fetch|\benv\(|Deno\.env|std::env|viper\.Get|config\.get|settings\./i;
const REFERENCE_PREFIX =
  /^(?:vault|secret|secrets|secretref|ssm|sm|env|file|ref|awssm|awskms|azkv|gcpsm|gcpkms|op|keyvault|kms|arn|projects|sops|enc|encrypted|cipher|k8s|kubernetes|doppler|infisical|bws|conjur|cyberark)[:+]/i;
const SECRET_STORE =
  /secretsmanager|secretmanager|keyvault|parameterstore|secretkeyref|valuefrom|sealedsecret|externalsecret/i;
const LITERAL =
  /^(?:true|false|yes|no|on|off|null|nil|none|undefined|nan|inf|infinity|empty|blank|required|optional|disabled|enabled)$/i;
const NUMBER = /^[+-]?(?:\d[\d_,]*)?(?:\.\d+)?(?:e[+-]?\d+)?$|^0x[0-9a-f]{1,16}$/i;
const UUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const VERSION = /^v?\d{1,6}(?:\.\d{1,6}){1,3}(?:[-+.][0-9A-Za-z.-]{1,40})?$/i;
const DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T_]\d{2}:?\d{2}(?::?\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$|^\d{1,2}:\d{2}(?::\d{2})?$/;
// Tagged digests: sha256:…, sha512-… (npm integrity), h1:… (go.sum), md5=…, {SSHA}…
const HASH_TAG =
  /^(?:sha1|sha-1|sha224|sha256|sha-256|sha384|sha512|sha-512|sha3-\d{3}|md5|blake2[bs]?|blake3|xxh\d{0,3}|crc32|h1|etag)[-:=$]/i;
const PATH_START = /^(?:\.{1,2}[\\/]|~[\\/]|[A-Za-z]:[\\/]|\\\\)/;
const FILE_NAME =
  /^[\w.-]+\.(?:json|ya?ml|pem|key|crt|cer|csr|p8|p12|pfx|jks|keystore|txt|env|ini|conf|cfg|toml|properties|xml|gpg|asc|der|pub|enc|bin|dat|db|sqlite|js|mjs|cjs|ts|py|rb|go|java|sh|sql|log|html|md|lock)$/i;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const HOST = /^(?=[a-z0-9.-]*[a-z])[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}(?::\d{1,5})?$/;
const IP = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$/;
const MASKED = /^[*xX•#._-]+$|\*{3}|x{4}|X{4}|\.{3}|[^.]\.\.$/;
const REPEATED_UNIT = /^(.{1,8}?)\1{2,}.{0,8}$/;
// Ciphertext meant to be committed: Bitnami Sealed Secrets (`AgA…`, a 0x02 length prefix and an RSA-wrapped key,
// hundreds of characters), AWS KMS ciphertext blobs (`AQICAH…`) and `openssl enc -a` output (`U2FsdGVkX1…`, base64
// of its `Salted__` header). Decrypting them needs a key that is not here.
const CIPHERTEXT =
  /^Ag[A-D][A-Za-z0-9+/]{400,}={0,2}$|^AQICAH[A-Za-z0-9+/]{100,}={0,2}$|^U2FsdGVkX1[A-Za-z0-9+/]{20,}={0,2}$/;

// $VAR, %VAR%, @param, :param, !Ref, *alias, &anchor, #ff0000, ^1.2: a sigil in front of a name or a short value.
const SIGIL = /^[$%@:!&*#~^]/;
function hasSigilBeforeName(value: string): boolean {
  if (!SIGIL.test(value)) return false;
  const rest = value.slice(1).replace(/[%]$/, '');
  return (
    rest.length <= 6 ||
    NUMBER.test(rest) ||
    VERSION.test(rest) ||
    (/^[A-Za-z_][\w.:-]*$/.test(rest) && isNameLike(rest))
  );
}

/** `/run/secrets/db`, `prod/db/password`, `secrets/api-key`: slash-separated names with no base64 markers. */
function isPathLike(value: string): boolean {
  if (!value.includes('/') || /[+=]/.test(value)) return false;
  return value
    .split('/')
    .filter(Boolean)
    .every((segment) => segment.length <= 3 || /^\d+$/.test(segment) || isNameLike(segment));
}

/** `config.password`, `this.props.apiKey`, `Settings::TOKEN`, `$this->secret`: a property access, not a value. */
function isPropertyAccess(value: string): boolean {
  if (PASSWORD_DOLLAR.test(value)) return false;
  if (!/^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+$/.test(value)) return false;
  return value.split(/\.|::|->/).every((segment) => segment.length <= 4 || isNameLike(segment));
}

/**
 * Code, not a key: an identifier made of words, as API models, SDKs and generated clients are full of
 * (`DescribeScheduledInstanceAvailability`, `DynamoDBStreamsResourceNotFoundException`, `signInWithOtp`,
 * `XmlStringMaxLen256`, `create_oauth_token_callback`), or a path, URL path or ARN tail of such names and numbers
 * (`15/DescribeScheduledInstanceAvailability`, `project/DestinationProject/1656705098765`). Random keys of the
 * same length and alphabet are not: their case changes and digits cut them into pieces too short to be words.
 */
export function isCodeName(value: string): boolean {
  if (value.length > 256 || !CODE_NAME_CHARS.test(value)) return false;
  if (PASSWORD_DOLLAR.test(value)) return false;
  // camelCase or PascalCase words of letters only (`listSnowflakeIntegrationAccounts`): a random key of the same
  // alphabet has digits, or capitals without two lower-case letters after each.
  if (IDENTIFIER.test(value)) return true;
  // Hex with digits is a digest or a key, whatever words its letters happen to spell (`cafe5353…dedcc`).
  if (/^[0-9a-f]+$|^[0-9A-F]+$/.test(value) && /[0-9]/.test(value)) return false;
  let named = 0;
  for (const segment of value.split(/[/.:]+/)) {
    if (segment.length === 0 || /^[0-9]+$/.test(segment)) continue;
    if (isIdentifierOfWords(segment)) named++;
    else if (segment.length > 3) return false;
  }
  return named > 0;
}

// `$` after a letter or digit is a password's symbol (`Tractor.Orbit82$YZ`); in code `$` starts a name (`$scope`,
// `this.$store`).
const PASSWORD_DOLLAR = /[A-Za-z0-9]\$/;
const CODE_NAME_CHARS = /^[A-Za-z0-9_$./:-]+$/;

/**
 * Words in camel, Pascal, snake or kebab case, with at most a few acronyms, short pieces and numbers: letters
 * that make up words (≥ 3 letters each, English-like) are at least 80% of the letters outside acronyms.
 */
function isIdentifierOfWords(segment: string): boolean {
  // Upper case with digits and no separators is a key (`LXZFD72DENTPEKITWGE4`); constants have underscores.
  if (/^[A-Z0-9]+$/.test(segment) && /[0-9]/.test(segment)) return false;
  const tokens = segment.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g);
  if (!tokens) return false;
  let wordy = 0;
  let wordTokens = 0;
  let loose = 0;
  let letters = 0;
  let shorts = 0;
  let numbers = 0;
  let longNumbers = 0;
  let letterTokens = 0;
  for (const token of tokens) {
    if (/^[0-9]/.test(token)) {
      // A version or a size (`V1`, `MaxLen256`), not a long run of digits in the middle of a name; a date-like
      // version among three words or more is part of one (`JSONSchema202012KeywordDefault`).
      if (token.length > 8) return false;
      if (token.length > 4) longNumbers++;
      numbers++;
      continue;
    }
    letterTokens++;
    const lower = token.toLowerCase();
    const acronym = token.length <= 5 && token === token.toUpperCase();
    const english = token.length >= 3 && isEnglishLike(lower);
    if (english || (token.length >= 3 && isLooseWord(lower))) {
      if (!english) loose++;
      wordy += token.length;
      letters += token.length;
      wordTokens++;
    } else if (token.length <= 2 || acronym) {
      shorts++;
    } else {
      letters += token.length;
    }
  }
  if (wordTokens === 0 || numbers > 2 || loose * 2 > wordTokens) return false;
  if (longNumbers > 0 && wordTokens < 3) return false;
  if (shorts > Math.max(1, Math.floor(letterTokens / 3))) return false;
  // A single word is a name only when it reads as English throughout (`latest`, `production`).
  if (letterTokens === 1)
    return tokens.length <= 2 && isEnglishLike(tokens.find((t) => !/^[0-9]/.test(t))!.toLowerCase());
  return wordy >= 0.8 * letters;
}

/** A short word with a vowel and at most one uncommon letter pair (`sign`, `otp`, `ipam`): a piece of a name. */
function isLooseWord(word: string): boolean {
  if (word.length > 5 || !VOWEL.test(word)) return false;
  let uncommon = 0;
  for (let i = 0; i + 1 < word.length; i++) if (!COMMON_BIGRAMS.has(word.slice(i, i + 2))) uncommon++;
  return uncommon <= 1;
}

/**
 * A password in a URL's userinfo (`scheme://user:password@host`): percent-encoded as URLs require, so judged
 * decoded. Anything but a placeholder, a template or a default password (`p%40ss` is `p@ss`, `key_1234`,
 * `somepassword`) counts: people put real passwords of every kind in URLs.
 */
export function looksLikeUrlPassword(value: string): boolean {
  const decoded = percentDecoded(value);
  if (!looksLikeFileCredential(decoded) || isWeakPassword(decoded) || hasDummyWord(decoded)) return false;
  // A word for the password in place of one (`proxy_password`, `db_passwd`, `my_secret`).
  if (NAMED_PLACEHOLDER.test(decoded)) return false;
  return !PLACEHOLDER_TEXT.test(decoded);
}

const NAMED_PLACEHOLDER = /^(?:[a-z]{1,16}[_-]){0,3}(?:password|passwd|pass|pwd|secret)(?:[_-][a-z]{1,16}){0,3}$/;

// Words that make a value a demo or test one when they stand as a word of their own in it (`ECS@test1234`,
// `Demo-Key-2024!`). Random text does not hold them as whole words.
const DUMMY_WORDS = new Set(['test', 'testing', 'demo', 'example', 'sample', 'dummy', 'fake', 'changeme', 'default']);

function hasDummyWord(value: string): boolean {
  for (const word of value.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? []) {
    if (DUMMY_WORDS.has(word.toLowerCase())) return true;
  }
  return false;
}

// --- weak and dummy passwords -------------------------------------------------------------------------------------

// Words that make up default, dummy and tutorial passwords (`P@ssw0rd123`, `mySuperSecret`, `admin123`,
// `testApiKey`, `deadbeef`). A value whose letters are made entirely of these words is not a real secret.
const WEAK_WORDS = new Set(
  (
    'password passwd passwort passphrase pass pwd pw secret secrets secure security insecure unsafe admin administrator ' +
    'adm root toor user usr username login logon guest test tests tester testing demo default changeme change me my ' +
    'your our the super top very private public token tokens key keys apikey api access auth client server service ' +
    'dev devel develop development local localhost prod production stage staging qa uat sample example dummy fake mock ' +
    'foo bar baz qux quux hello world welcome letmein let in qwerty asdf zxcv abc abcd abcdef xyz iloveyou love monkey ' +
    'dragon master shadow sunshine princess football baseball trustno one two three none null nil empty blank temp tmp ' +
    'app application db database postgres postgresql pg mysql maria mariadb mongo mongodb redis rabbit rabbitmq amqp ' +
    'oracle sa sql mssql svc do not use hunter open sesame word dead beef cafe babe face feed fade bad code placeholder ' +
    'replace insert todo fixme lorem ipsum jwt hmac sign signing salt pepper value string changeit manager tomcat ' +
    'jenkins elastic kibana grafana minio docker vagrant ubuntu raspberry pi web site mail smtp email company acme corp ' +
    'team project new old name id dont tell anyone keep safe hidden confidential real random for of is it this that ' +
    'admin pwd dummy sample my mine own abc xyz zzz qwe asd rty uiop some any'
  ).split(' '),
);
const LEET: Record<string, string> = {
  '@': 'a',
  $: 's',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '!': 'i',
};

function isWeakPassword(value: string): boolean {
  // Hex strings are mostly digits and a–f; their few letters spell nothing meaningful unless the value is hexspeak.
  const letters = value.replace(/[^A-Za-z]/g, '');
  if (letters.length < 2) return false;
  let normalised = '';
  for (const run of value.match(/[A-Za-z@$!0-9]+/g) ?? []) {
    const trimmed = run.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
    normalised += trimmed.replace(/[@$!0-9]/g, (c) => LEET[c] ?? '').toLowerCase();
  }
  // Digits may be leetspeak (`p4ssw0rd`) or padding (`abc123xyz`): try both readings.
  return (
    (normalised.length > 0 && segmentsInto(normalised, WEAK_WORDS)) || segmentsInto(letters.toLowerCase(), WEAK_WORDS)
  );
}

/** Can `text` be split entirely into words of `words`? (Dynamic programming over prefixes.) */
function segmentsInto(text: string, words: ReadonlySet<string>): boolean {
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 14); start < end && !reachable[end]; start++) {
      if (reachable[start] && words.has(text.slice(start, end))) reachable[end] = true;
    }
  }
  return reachable[text.length] === true;
}

// --- names: English words in camel, snake, kebab or dotted case ----------------------------------------------------

// The letter pairs that make up most English and programming words; random strings use them ~30% of the time.
const COMMON_BIGRAMS = new Set(
  (
    'ab ac ad ag ai al am an ap ar as at au av ay ba be bi bl bo br bu ca ce ch ci ck cl co cr ct cu da de di do ea ec ' +
    'ed ee ef el em en ep er es et ev ex fa fe fi fo fr ft fu fy ge gh gi gr ha he hi ho ht hu ia ib ic id ie if ig il im ' +
    'in io ir is it ke la ld le li ll lo lt lu ly ma me mi mm mo mp na nc nd ne nf ng ni no ns nt ny ob oc od of ol om ' +
    'on oo op or os ot ou ov ow pa pe pi pl po pr ps pt pu py qu ra rb rc re rg ri rm rn ro rp rr rs rt ru ry sa sc se ' +
    'sh si so sp ss st su ta te th ti to tr ts tt tu tw ty ub ud ue ul um un up ur us ut va ve vi wa wh wi wo xp yo yp ' +
    'ey ew ui oi ua ga go gu ka ki ko ku ya ye ze za zi we ox ix pp ff dd gg nn cc mb nk rk lk sk wn rd sw ls ms gs ks js je oj bj ej eb du uc ph fl gl og ys my nv az zu hr dj ok gn'
  ).split(' '),
);
const VOWEL = /[aeiouy]/;

type TokenKind = 'word' | 'short' | 'num' | 'other';
interface Token {
  text: string;
  kind: TokenKind;
}

/** Splits on non-alphanumerics, camelCase humps, ACRONYMWord boundaries and letter/digit boundaries. */
function tokenize(value: string): Token[] {
  const pieces = value.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
  return pieces.map((text) => ({ text, kind: classify(text) }));
}

function classify(token: string): TokenKind {
  if (/^[0-9]+$/.test(token)) return 'num';
  if (token.length <= 2) return 'short';
  return isEnglishLike(token.toLowerCase()) ? 'word' : 'other';
}

/** Most letter pairs are common ones, and uncommon pairs never come two in a row (they do in random text). */
function isEnglishLike(word: string): boolean {
  if (!VOWEL.test(word)) return false;
  let common = 0;
  let uncommonRun = 0;
  for (let i = 0; i + 1 < word.length; i++) {
    if (COMMON_BIGRAMS.has(word.slice(i, i + 2))) {
      common++;
      uncommonRun = 0;
    } else if (++uncommonRun > 1) {
      return false;
    }
  }
  return common / (word.length - 1) >= 0.7;
}

/**
 * A name rather than a value: made only of words, numbers and a few short pieces (`DB_PASSWORD_PROD`,
 * `hashedPassword`, `Summer2024`, `my-app-secret`), or mostly English words (`testPassword123`).
 */
function isNameLike(value: string): boolean {
  const tokens = tokenize(value);
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.length === 0) return false;
  const shorts = tokens.filter((t) => t.kind === 'short').length;
  const others = tokens.filter((t) => t.kind === 'other').length;
  const digits = tokens.filter((t) => t.kind === 'num').reduce((sum, t) => sum + t.text.length, 0);
  const wordLetters = words.reduce((sum, t) => sum + t.text.length, 0);
  if (others === 0 && shorts <= words.length && digits <= wordLetters) return true;
  const alnum = value.replace(/[^A-Za-z0-9]/g, '').length;
  return wordLetters / alnum >= 0.6;
}

// --- randomness ------------------------------------------------------------------------------------------------------

// Shannon entropy below which fewer than ~1 in 1000 random strings of the alphabet and length fall (measured by
// sampling); a value under the floor repeats characters the way hand-typed or patterned text does.
const FLOORS: Record<'large' | 'alnum36' | 'letters26' | 'hex', readonly (readonly [number, number])[]> = {
  large: [
    [8, 2.1],
    [12, 2.7],
    [16, 3.1],
    [20, 3.4],
    [24, 3.6],
    [32, 3.9],
    [40, 4.1],
    [64, 4.5],
  ],
  alnum36: [
    [8, 1.9],
    [12, 2.5],
    [16, 2.9],
    [20, 3.2],
    [24, 3.4],
    [32, 3.7],
    [40, 3.9],
    [64, 4.3],
  ],
  letters26: [
    [8, 1.8],
    [12, 2.3],
    [16, 2.7],
    [20, 3.0],
    [24, 3.2],
    [32, 3.5],
    [40, 3.7],
    [64, 4.0],
  ],
  hex: [
    [8, 1.5],
    [12, 2.0],
    [16, 2.3],
    [20, 2.6],
    [24, 2.75],
    [32, 3.0],
    [40, 3.15],
    [64, 3.45],
  ],
};

function entropyFloor(alphabet: keyof typeof FLOORS, length: number): number {
  const table = FLOORS[alphabet];
  const first = table[0]!;
  if (length <= first[0]) return first[1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i]!;
    const [x0, y0] = table[i - 1]!;
    if (length <= x1) return y0 + ((y1 - y0) * (length - x0)) / (x1 - x0);
  }
  return table[table.length - 1]![1];
}

function hasRandomComposition(value: string): boolean {
  const length = value.length;
  const entropy = shannonEntropy(value);
  const lower = /[a-z]/.test(value);
  const upper = /[A-Z]/.test(value);
  const digit = /[0-9]/.test(value);
  // Separators that occur in tokens (base64, base64url, dotted and dashed keys) do not make a password "symbolic".
  const tokenSymbolsOnly = /^[A-Za-z0-9+/=_.~-]+$/.test(value);
  const alnum = value.replace(/[^A-Za-z0-9]/g, '');

  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) {
    const letters = value.replace(/[0-9]/g, '').length;
    return length >= 16 && letters >= 2 && length - letters >= 2 && entropy >= entropyFloor('hex', length);
  }
  if (!digit && tokenSymbolsOnly && /^[A-Za-z]+$/.test(alnum)) {
    if (lower && upper) return length >= 12 && entropy >= entropyFloor('large', length) - 0.1;
    return length >= 16 && entropy >= entropyFloor('letters26', length);
  }
  if (tokenSymbolsOnly) {
    if (!digit || !(lower || upper)) return false;
    const classes = Number(lower) + Number(upper) + Number(digit);
    if (length < 12 && classes < 3) return false;
    return entropy >= entropyFloor(lower && upper ? 'large' : 'alnum36', length);
  }
  // A password with symbols: at least three of lower, upper, digit, symbol.
  const classes = Number(lower) + Number(upper) + Number(digit) + 1;
  return classes >= 3 && entropy >= entropyFloor('large', length);
}

// --- passwords people choose ----------------------------------------------------------------------------------------

// Words that make a password a demo or a default, also when written in leetspeak (P@ssw0rd, Adm1n).
const STORE_PATH = /^[a-z][a-z0-9_-]{1,40}(?:\/[A-Za-z0-9_.-]{1,80}){1,6}$/;
const DUMMY_PASSWORD_WORDS =
  /pass(word|wd)?|test|demo|example|sample|secret|admin|root|changeme|letmein|welcome|qwerty|default|dummy|fake|guest|user|login|hunter|dragon|monkey|iloveyou|trustno/;

/**
 * A password a person chose: words with digits and a symbol (`VelvetMango81#to`, `Sunflower.Copper50%MS`). It is
 * not random by the measures above, but assigned to a password name it is a real credential.
 */
export function looksLikeStrongPassword(value: string): boolean {
  if (value.length < 10 || value.length > 128 || /\s/.test(value) || JWT_SHAPE.test(value)) return false;
  // base64 of text is judged by what it decodes to (looksLikeGenericSecret does that), not by its own letters.
  if (isNotASecret(value) || printableBase64(value, BASE64_TEXT) !== undefined) return false;
  // A secret store's name (`prod/api_key-JbZYOA`: AWS Secrets Manager adds six characters), not a password.
  if (STORE_PATH.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  if (classes < 3 || !/[0-9]|[^A-Za-z0-9]/.test(value)) return false;
  const plain = value
    .toLowerCase()
    .replace(/[@4]/g, 'a')
    .replace(/0/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/[$5]/g, 's')
    .replace(/7/g, 't');
  return !DUMMY_PASSWORD_WORDS.test(plain) && !isWeakPassword(value);
}
