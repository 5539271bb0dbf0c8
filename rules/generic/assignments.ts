// Generic detection: a value assigned to a name that says it is secret (DB_PASSWORD, clientSecret, stripeApiKey,
// X-Auth-Token, <password>…</password>) in any common syntax: `x = "…"`, `x: …`, `x := …`, `"x": "…"`,
// `'x' => '…'`, `define('X', '…')`, `KEY=value`, `<x>…</x>`, `<add key="x" value="…"/>`, `${X:-default}`,
// aligned (`DB_PASSWORD          = …`, terraform fmt and wp-config), a DSL statement (Gradle's `password "…"`),
// Dockerfile's `ENV NAME value`; an unquoted value of a `name=value` line (.env, .ini, .properties) runs to the
// end of the line (`secret_key=264)do^c&#wg8k…`), and a URL query value may start with `-`.
//
// The pattern is anchored on the keyword (no leading context), looks only at the name's suffix and at a few
// prefixes that change its meaning (reset_password, csrf_token, publishable_key), and hands the value to the
// `generic-value` verifier (src/engine/generic-value.ts), which keeps it only when it looks random and is not a
// placeholder, reference, expression, path, UUID, version, hash or word. Each rule owns the names whose last
// word is its keyword (…password, …secret, …key, …token), so one assignment never gives two generic findings.
import { OAUTH_SPECIFICATION_EXAMPLES, type Rule } from '../schema.js';

// Quotes and the backslash of an escaped quote (JSON inside JSON, shell '"'"' quoting).
const QUOTE = String.raw`["'\x60\\]`;
// After the name: nothing, a digit or an environment suffix (DB_PASSWORD_PROD, PASSWORD2, api_key_b64).
const SUFFIX = String.raw`(?:[_.-]?(?:value|plain(?:text)?|raw|str(?:ing)?|b64|base64|hex|prod(?:uction)?|dev|staging|live)|[0-9]{1,2})?`;
const EQ = String.raw`=(?![=~>])`;
const COLON = String.raw`:(?![:=])`;
// The assignment: `=`, `:`, `:=`, `=>`, `?=`, shell's `:-` default; after a quoted key also `,` (PHP define,
// tuples); an XML attribute pair `key="…Password" value="…"`; an XML element `<password>…`.
// A string type annotation between the name and `=` (TypeScript, Kotlin, Rust, Go): `adminPassword: string = …`.
const TYPED = String.raw`(?:[ \t]{0,4}:[ \t]{0,4}(?:string|String|str|&'static str|&str)[ \t]{0,4}(?==))?`;
// Fallbacks: `ENV['X'] ||= '…'`, `process.env.X || "…"`, `x ?? "…"`.
const FALLBACK = String.raw`\|\|=?|\?\?=?`;
// After a quoted name, `,` separates a value only when the name opens a call or a tuple (`define('X', '…')`,
// `("password", "…")`): in a list (`"signInWithPassword", "signOut"`) the next item is not the value.
const CALL_COMMA = String.raw`,(?<=\([ \t]{0,8}["'\x60\\]{1,6}[\w.-]{1,80}["'\x60\\]{1,6}[ \t]{0,8},)(?=[ \t]{0,8}[rbu]{0,2}["'\x60\\])`;
// A name and its value separated by blanks alone: a DSL statement on a line of its own with a quoted value
// (Gradle's `password "…"`, in `credentials { … }`), and Dockerfile's `ENV NAME value`.
const DSL_SPACE = String.raw`[ \t]{1,8}(?<=(?:^|[\n{;])[ \t]{0,40}[A-Za-z0-9_.]{1,60}[ \t]{1,8})(?=[rbu]{0,2}["'])`;
// SQL: `CREATE USER x WITH PASSWORD '…'`, `ALTER ROLE x WITH LOGIN PASSWORD '…'`.
const SQL_SPACE = String.raw`[ \t]{1,8}(?<=(?:WITH|with|LOGIN|login|ENCRYPTED|encrypted)[ \t]{1,8}(?:PASSWORD|password)[ \t]{1,8})(?=')`;
// The GitHub CLI: `gh secret set CLIENT_SECRET --body '…'` (or `-b`).
const CLI_BODY = String.raw`[ \t]{1,8}(?<=secret[ \t]{1,8}set[ \t]{1,8}[A-Za-z0-9_]{1,80}[ \t]{1,8})(?:--body|-b)(?:[ \t]{1,4}|=)(?=["'])`;
const ENV_SPACE = String.raw`[ \t]{1,8}(?<=(?:^|\n)[ \t]{0,8}ENV[ \t]{1,8}[A-Za-z0-9_.]{1,60}[ \t]{1,8})(?=[^\s=])`;
// Alignment blanks before `=` (terraform fmt, wp-config, aligned .env files): up to 40.
const SEP =
  String.raw`(?:${TYPED}[ \t]{0,40}(?::=|=>|\?=|:-|${FALLBACK}|${EQ}|${COLON}|,(?=[^\s,]))` +
  String.raw`|["'\x60\\\]]{1,6}[ \t]{0,40}(?:=>|:=|${FALLBACK}|${EQ}|${COLON}|${CALL_COMMA})` +
  String.raw`|${DSL_SPACE}|${ENV_SPACE}|${SQL_SPACE}|${CLI_BODY}` +
  // A Markdown table row: | \`ADMIN_PASSWORD\` | \`value\` | (backticks on both sides, not a TypeScript union).
  String.raw`|\x60[ \t]{0,4}\|[ \t]{0,4}(?=\x60)` +
  String.raw`|${QUOTE}{1,6}[ \t]{1,8}value[ \t]{0,4}=` +
  String.raw`|>)[ \t]{0,8}`;
// A reference with a literal fallback: `process.env.REDIS_PASSWORD || '…'`, `os.getenv("X") or "…"`, `ENV['X'] ?? "…"`.
const REFERENCE_FALLBACK = String.raw`(?:[A-Za-z_$][\w$.]{0,80}(?:\[${QUOTE}{1,6}[\w.-]{1,80}${QUOTE}{1,6}\]|\(${QUOTE}{1,6}[\w.-]{1,80}${QUOTE}{1,6}\))?[ \t]{0,4}(?:\|\||\?\?|or)[ \t]{0,4}(?=[rbu@$]{0,2}${QUOTE}))?`;
// Before the quote: Python's r/b/u prefixes, C#'s verbatim and interpolated strings (`@"…"`, `$"…"`).
const OPEN = String.raw`(?:[rbu@$]{0,2}${QUOTE}{1,6})?`;
// The value stops at whitespace, quotes, brackets, `;`, `,`, `|`: a call, an index or an object never matches
// because it must end at one of the terminators below, not at `(` or `[`. `&` ends it only where a URL query's next
// parameter (`&name=`) or a shell's `&&` follows: passwords hold `&` (`kme5s&rXf…`), and a value cut at its `&`
// is half a secret reported as a whole one. An XML entity (`&amp;`) is one character of the value.
const AMP = String.raw`&(?:amp;|#\d{1,5};|(?![A-Za-z_][\w.-]{0,60}=|&))`;
const VALUE_CHAR = String.raw`[^\s"'\x60\\<>;,&|(){}\[\]]`;
// A bare value: at least `min` characters, runs of VALUE_CHAR joined by up to three such `&` (written out, not
// repeated: a repeated group with an alternation inside is refused by the linear-time check).
const bareValue = (min: number) =>
  String.raw`(?=[^\s"'\x60\\<>,|(){}\[\]]{${min}})(?:${AMP})?${VALUE_CHAR}{1,512}` +
  String.raw`(?:${AMP}${VALUE_CHAR}{0,512}(?:${AMP}${VALUE_CHAR}{0,512}(?:${AMP}${VALUE_CHAR}{0,512})?)?)?`;
const END = String.raw`(?=[\s"'\x60\\<;,&|)\]}]|$)`;
// A quoted value may hold any character but its quote (passwords use `&`, `*`, `^`, `;`), and does not start with
// what follows an empty string (`password="",next()`); a bare one stops at the terminators above and may not start
// with `-` or `=` (a flag, a comparison).
const QUOTED_CHAR = String.raw`[^"'\x60\\\r\n]`;
// Length: a value assigned to a secret-sounding name, up to 512 characters: a design bound (the minimum is the
// rule's: 8 for passwords, 10–12 for other names).
// An unquoted value on a `name=value` line of its own (.env, .ini, .properties, YAML) runs to the end of the line,
// trailing blanks and a statement's `;` or a list's `,` aside: passwords hold `(`, `&`, `;` and `#`. Not a template, a reference
// or a sigil's name (`${X:-…}`, `{{ … }}`, `%(x)s`, `!vault`, YAML's `&anchor`/`*alias`): the inner default is found
// on its own. A value that starts with `&` or `*` and a symbol (`&=+CKar…`) is no anchor.
const LINE_VALUE_START = String.raw`(?<=(?:^|\n)[ \t]{0,16}(?:export[ \t]{1,4})?[A-Za-z0-9_.-]{1,80}[ \t]{0,40}[=:][ \t]{0,8})`;
const lineValue = (min: number) =>
  String.raw`${LINE_VALUE_START}(?![-="'\x60\${<%!]|[&*][A-Za-z_])(?![^\s"'\x60]{0,511}\$\{)[^\s"'\x60]{${min - 1},511}[^\s"'\x60;,](?=[ \t]{0,40}(?:\r?\n|$))`;
// A URL query's value may start with `-` (`?token=-8fJ…`): there it is no flag.
const BARE_START = String.raw`(?:(?![-=])|(?<=[?&][A-Za-z0-9_.-]{1,60}=)(?=-))`;
const value = (min: number) =>
  String.raw`(?<secret>${lineValue(min)}|(?<=["'\x60])(?![\s,;)}\]])${QUOTED_CHAR}{${min},512}(?=\\?["'\x60])|${BARE_START}${bareValue(min)}${END})`;

const assignment = (name: string, min: number) => `${name}${SUFFIX}${SEP}${REFERENCE_FALLBACK}${OPEN}${value(min)}`;

// --- names ---------------------------------------------------------------------------------------------------

const PW = String.raw`(?:pass(?:word|wd|phrase)?|pwd)`;
// reset_password, confirmPassword, hashed_password, min_password_length…: about a password, not one.
// A temporary password (`tempPassword`) is a password all the same.
const PW_NOT = String.raw`(?:reset|forgot(?:ten)?|change|show|hide|toggle|confirm(?:ation)?|verify|validate|check|hash(?:ed)?|encrypted|invalid|wrong|incorrect|repeat|retype|current|requires?|empty|blank)`;
// `pass` after letters is a name (`dbPass`, `smtppass`) unless it ends an English word (bypass, compass, surpass).
const PASS_WORD = String.raw`(?<!(?:by|com|sur|tres|over|under|im|mis)pass)`;
// A URL's user name (`http://atpass:…@host`) is not a password's name.
// The URL check is a lookbehind after the word, so that the pattern opens on a literal the regex engine can search for.
const PW_NAME = String.raw`${PW}(?<!://[A-Za-z0-9._%-]{0,64}${PW})${PASS_WORD}(?<!${PW_NOT}[_.-]?${PW})(?<!(?<![a-z0-9])(?:old|new|bad|is|has|no|min|max)[_.-]?${PW})`;

const SECRET_HEAD = String.raw`(?:secret(?:[_.-]?(?:key(?:[_.-]?base)?|access[_.-]?key|id))?|credentials?|creds|auth(?:orization)?)`;
const SECRET_NOT = String.raw`(?:sealed|external|image[_.-]?pull|pull|show|hide|toggle|with|include|use|allow)`;
const SECRET_NAME = String.raw`${SECRET_HEAD}(?<![a-z0-9]auth(?:orization)?)(?<!${SECRET_NOT}[_.-]?(?:secret|credentials?|creds)[a-z_.-]{0,16})`;

const KEY_HEAD = String.raw`(?:api|access|private|auth|master|encryption|signing|subscription|app|admin|service|license)[_.-]?key`;
// secret_access_key belongs to the secret rule; public, publishable and search-only keys are public by design.
// The `apiKey` of an Algolia search box (`docsearch({ apiKey: … })`, Docusaurus's `algolia: { apiKey: … }`) is the
// search-only key, made for browsers; an admin key goes by its own name (algolia-admin-api-key).
const KEY_NAME = String.raw`${KEY_HEAD}(?<!secret[_.-]?access[_.-]?key)(?<!(?:public|publishable|search|browser|pub)[_.-]?(?:[a-z0-9]{1,30}[_.-])?(?:api|app)[_.-]?key)(?<!(?:docsearch\(|algolia["']?[ \t]{0,4}[:=])[ \t]{0,4}\{[^{}]{0,300}api[_.-]?key)`;

// Environment-style names that end in `_KEY` (`CTF_KEY`, `SENDGRID_KEY`) and camelCase keys that a secret was
// just made or copied into (`newKey`, `tempKey`), case-sensitive: `sort_key`, `cacheKey` and friends are not
// written so. Public-by-design and structural keys are not secrets (`SUPABASE_ANON_KEY`, `RECAPTCHA_SITE_KEY`,
// `DYNAMO_SORT_KEY`, `S3_OBJECT_KEY`); API, access, private… keys belong to generic-api-key.
const KEY_NOT = String.raw`(?:PUBLIC|PUBLISHABLE|PUB|SITE|ANON|BROWSER|CLIENT|SEARCH|MAPS?|SORT|PARTITION|PRIMARY|FOREIGN|HASH|RANGE|ROW|CACHE|I18N|LOCALE|TRANSLATION|STORAGE|LOCAL_STORAGE|SESSION_STORAGE|LOCK|QUEUE|EVENT|MAP|OBJECT|S3|BUCKET|ROUTING|IDEMPOTENCY|DEDUP|GROUP|SHARD|REDIS|INDEX|TABLE|SSH|GPG|PGP|HOST|ID|NAME|TYPE|FILE|PATH|DIR|REF|REQUEST|HEADER|QUERY|PARAM|FIELD|PROP|ATTR|ENUM|STATE|STORE|KV|PREFIX|SUFFIX|CONTEXT|SYMBOL|METADATA|ENV)`;
// `GPG_KEY` alone names a key's fingerprint, as other names ending in `_GPG_KEY` do (`ENV GPG_KEY A035C8…` in the
// official Python images' Dockerfile, copied everywhere); a private key's armour is the private-key rule's.
const NAMED_KEY = String.raw`(?:(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]{1,60}_KEY(?<!_${KEY_NOT}_KEY)(?<!(?:^|[^A-Za-z0-9_])(?:GPG|PGP)_KEY)(?<!(?:API|ACCESS|PRIVATE|AUTH|MASTER|ENCRYPTION|SIGNING|SUBSCRIPTION|APP|ADMIN|SERVICE|LICENSE|SECRET)_?KEY)(?![A-Za-z0-9])|(?<![A-Za-z0-9_])(?:new|temp|tmp|old|current|next|my|the)Key(?![A-Za-z0-9]))`;

// Page, CSRF, device, idempotency and one-time e-mail tokens (reset, confirmation, invitation: test fixtures are
// full of them) are random but not credentials; design and lexer tokens are not either.
const TOKEN_NOT = String.raw`(?:reset|confirm(?:ation)?|invit(?:e|ation)|unlock|unsubscribe|page|continuation|continue|sync|csrf|xsrf|authenticity|verification|cancel(?:lation)?|pagination|paging|cursor|resume|device|push|registration|fcm|apns|notification|idempotency|client|captcha|turnstile|lexer|parser|syntax|design|max|num|total|count|next|prev(?:ious)?|marker|public[_.-]?key)`;
const TOKEN_NAME = String.raw`token(?<!${TOKEN_NOT}[_.-]?(?:(?:password|email|account)[_.-]?)?token)`;

// Names under which a UUID is a credential: passwords, secrets (`client_secret`, Vault's `secret_id`), access
// tokens, and `token` standing alone (`TOKEN=…`, `{"token": …}`, `$token`, `--token=…`). Other "tokens" that are
// UUIDs (change, lifecycle, page, continuation, sync, idempotency, client, task tokens: `next_page_token`,
// `ChangeToken`) are not: a prefixed token counts only after a word that makes it a credential.
const UUID_TOKEN_NAME = String.raw`token(?:(?<![A-Za-z0-9_.-]token)|(?<=(?:^|[^A-Za-z0-9_.-])--token)|(?<=(?:access|auth|api|bearer|bot|personal|service|admin|app|refresh|integration|private|secret)[_.-]?token))`;
const UUID_SECRET_NAME = String.raw`(?:${PW_NAME}|secret(?:[_.-]?(?:key|id))?(?<!${SECRET_NOT}[_.-]?secret)|${UUID_TOKEN_NAME})`;
const UUID_VALUE = String.raw`(?<secret>\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?)(?![0-9A-Za-z-])`;

// --- shared hint texts ----------------------------------------------------------------------------------------

const OWASP = 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html';
const rotate = (what: string) => [
  `Find the service that issued this ${what} and create a new one there (or change it, for a password).`,
  'Store the new value in your secrets manager or CI/deployment environment and read it from the environment in code.',
  `Revoke or change the old ${what}, then redeploy every service that used it.`,
  "Check the service's access or audit log for use of the old value since it was committed.",
];

// One fix for the rules that find a secret under a secret's name, whatever its form (a string, a UUID).
const secretFix = {
  env: 'CLIENT_SECRET',
  provider: 'the service that issued this secret',
  rotate: rotate('secret'),
  docs: OWASP,
};

export const genericAssignmentRules: Rule[] = [
  {
    id: 'generic-password',
    title: 'Password assigned in code or configuration',
    severity: 'high',
    generic: true,
    // `pass` covers password, passwd and passphrase; it is needed for DB_PASS / smtp_pass. The pattern is
    // anchored on the keyword, so the common word costs one failed match attempt.
    keywords: ['pass', 'pwd'],
    flags: 'i',
    pattern: assignment(PW_NAME, 8),
    verify: 'generic-password',
    // The traditional crypt() of "password" that Apache's mod_ssl documentation prints, in every default-ssl.conf
    // (`file needs this password: xxj…`): published, not a finding. SHA-256 of it.
    documented: ['3120d452466c0a672a24bdea5c2158e03850426ba78a8c0b6852195fb90bb7ef'],
    examples: [
      // A literal fallback after a reference; SQL's WITH PASSWORD; C#'s verbatim string; a `$` inside the password.
      "const redisPassword = process.env.REDIS_PASSWORD || '{{base62:26}}';",
      'db_password = os.environ.get("DB_PASSWORD") or "{{base62:22}}"',
      "CREATE USER etl WITH PASSWORD '{{base62:30}}';",
      'public static readonly string AdminPassword = @"{{base62:28}}";',
      'redis.password=Tractor.Orbit{{digits:2}}$YZ',
      'DB_PASSWORD={{base62:24}}',
      'spring.datasource.password={{base64url:24}}',
      '  "smtpPassword": "{{base62:24}}",',
      'password := "{{alpha:6}}#{{digits:3}}!{{base62:6}}"',
      "define('DB_PASSWORD', '{{base62:24}}');",
      '<password>{{base62:24}}</password>',
      '<add key="AdminPassword" value="{{base62:24}}" />',
      'MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:-{{base62:24}}}',
      'export PGPASSWORD={{lower:32}}',
      'redis_pass = "{{base62:24}}"',
      "const adminPassword: string = '{{base62:20}}';",
      "ENV['LDAP_BIND_PASSWORD'] ||= '{{base62:23}}'",
      "ldap_bind_password = '2+{{alpha:4}}?sr^&{{base62:4}}*@=uC'",
      'ARG LDAP_BIND_PASSWORD=VelvetMango{{digits:2}}#to',
      '| `ADMIN_PASSWORD` | `!{{base62:10}}=u~t_{{base62:8}}` |',
      'redis_password,{{base62:8}}=Nt*{{base62:6}},growth,2024-05-26',
      // The names people use, aligned, in a DSL or a Dockerfile, and an unquoted value to the end of its line.
      'tempPassword = "{{base62:20}}"',
      'const dbPass = "{{base62:20}}";',
      'DB_PASSWORD                  = "{{base62:20}}"',
      'credentials {\n    username "deploy"\n    password "{{base62:20}}"\n}',
      'FROM node:20-alpine\nENV LDAP_BIND_PASSWORD {{base62:24}}',
      '[ldap]\nldap.password=Qx{{base62:6}})(&#{{base62:10}}',
      // `&` inside an unquoted value, a CSV cell that starts with it, an XML-escaped one.
      'FROM node:20-alpine\nENV LDAP_BIND_PASSWORD {{base62:9}}&{{base62:12}}',
      'ldap_bind_password,&{{base62:6}}~{{base62:14}},lifecycle,2024-01-28',
      '<password>{{base62:4}}&amp;#{{base62:14}}</password>',
    ],
    negativeExamples: [
      // A form's label in another language: the word and its colon.
      '    "userlogin-yourpassword": "Leafnessword:",',
      // FreeRADIUS: an attribute reference (`&list:Attribute`), and the crypt() example of Apache's default config.
      'update control {\n  Cleartext-Password := &session-state:Tmp-Integer-0\n}',
      "#    file needs this password: `xxj31ZMTZzkVA'.",
      // phpass's portable hash (WordPress): a stored hash, not the password.
      "            'password' => '$P$B{{base62:30}}',",
      // Python that reads a value (a call chain with an index), and databases' stored password hashes.
      '        password = stdout.strip().splitlines()[-1]',
      '    password: md5{{hex:32}}',
      "  password: '*{{HEX:40}}'",
      // A form's validation rules (Laravel).
      "            'password' => 'required|string|min:8|confirmed',",
      // A URL's host after a placeholder, and a Python type hint.
      '  # eg redis://:<password>@hostname:6379',
      '    password: Optional[AuthHeaderParametersSensitive]',
      // base64 of a five-letter word.
      'password: YWRtaW4=',
      // A type annotation in a Python stub, and the sample password of the AWS provider's docs.
      '    def __init__(self, passwd: HTTPPasswordMgr | None = None) -> None: ...',
      ' *     masterPassword: "Mustbe8characters",',
      // Compiled and typed code a value runs into: an exports chain, a TypeScript generic on a property's type.
      'Object.defineProperty(exports,"__esModule",{value:!0}),exports.Skip=exports.Pass=exports.Outcome=void 0;',
      '  mysql_native_password: PluginDefinition<{',
      // A fallback that is a default, and a reference alone.
      "const redisPassword = process.env.REDIS_PASSWORD || 'changeme';",
      'const dbPassword = process.env.DB_PASSWORD ?? config.get("db.password");',
      '"password": "Password",',
      'password_label = "Enter your password"',
      '<input type="password" name="password" placeholder="Password">',
      'def login(username: str, password: str) -> bool:',
      'if password == expected_password:',
      'password: string;',
      'DB_PASSWORD=${DB_PASSWORD}',
      'DB_PASSWORD=changeme',
      'POSTGRES_PASSWORD: postgres',
      'password = os.environ["DB_PASSWORD"]',
      'password = os.getenv("DB_PASSWORD")',
      'const password = process.env.DB_PASSWORD;',
      'password: "{{ vault_db_password }}"',
      'password: !vault |',
      'password = config.database.password',
      'password: "********"',
      'reset_password_token = "{{base62:24}}"',
      'hashed_password = "$2b$12${{base62:53}}"',
      'PASSWORD_MIN_LENGTH = 12',
      'ALTER TABLE users ADD COLUMN password_hash VARCHAR(255) NOT NULL;',
      'user.password = "testPassword123"',
      'password: "P@ssw0rd123!"',
      'MYSQL_ROOT_PASSWORD=rootpassword',
      'passwordless: true',
      'new_password = "{{base62:24}}"',
      'bypass = "{{base62:24}}"',
      '.password-field { border: 1px solid #ccc; }',
      'password=getPassword();',
      '    password: BinaryLike,',
      'ENV PASSWORD_FILE /run/secrets/db_password',
      'The password "Tr0ub4dor&3" is the comic\'s example.',
      'compass "{{base62:24}}"',
      "'http://testpass:{{base62:12}}@127.0.0.1:8080/'",
      '"forgotPassword": "Forgot your password?"',
      'password=$(cat /run/secrets/db_password)',
      'PASSWORD_FILE=/run/secrets/db_password',
      'password: ENC[AES256_GCM,data:{{base64:24}},iv:{{base64:16}}]',
      // Code, not values: the next field of an object, a type, a list's next item, a demo password, an empty string.
      'return { rootPassword: item["rootPassword"], userData: item["userData"] };',
      '  ServiceAccountPassword: BoundedStringLength128;',
      'const flows = ["signInWithPassword", "signInWithMagicLink", "signOut"];',
      '  adminPassword: "Vm@demo2024", // the console login of the sample',
      'u.password = "", u.searchParams.delete("token"), u.toString()',
    ],
    fix: {
      env: 'DB_PASSWORD',
      provider: 'the system this password belongs to',
      rotate: rotate('password'),
      docs: OWASP,
    },
    guide: {
      grants:
        'A password logs in to whatever it was set for: a database, a mail server, an admin account, an API with basic auth.',
      risks:
        'Anyone who reads the repository (or a leaked copy of it) can log in with the password; passwords are also often reused on other systems.',
      checkMisuse:
        "Look at the target system's login or audit log for successful logins by this account from unexpected addresses since the commit.",
    },
  },
  {
    id: 'generic-secret',
    title: 'Secret or credential assigned in code or configuration',
    severity: 'high',
    generic: true,
    keywords: ['secret', 'credential', 'creds', 'auth'],
    flags: 'i',
    pattern: assignment(SECRET_NAME, 10),
    // A client secret or a shared secret is often a password someone chose (`Velvet-Granite53&xh`).
    verify: 'generic-password',
    // The example secrets of the OAuth specifications, which tests and docs everywhere copy (RFC 5849 §1.2 and
    // §2: kd94…, pfkk…, hdhd…; RFC 6749 §2.3.1 and §4.1.3: 7Fjf…, gX1f…): published, not a finding. SHA-256 of each.
    documented: [
      'cb87c87e4a138d9a72259d2a01bab15623c9846e568c1509b287721645a6ea53',
      '649e1f5c769e718ba10d1a702a36499a731441d960b06da91c4c97786bf84595',
      '6aa14267d94944e6b6483c81f5ad37f87bbc7e88aa368d4aba1e71e0b79cd8c4',
      'e9974c507d2a802143f614c878fcbb622a3800e05e6e0d329fee2c5b6b243329',
      '53f5da0aaa93d64cd5772c554cbf940f0539e689dddbeb8f923eec3f72c02ea9',
      // Grafana's default `secret_key` (conf/defaults.ini), in every copy of grafana.ini.
      'f3c3964ca854e172366f81d8bdb327da487c2f8a15f954b116e28961dd6585c0',
    ],
    examples: [
      'const clientSecret = process.env.CLIENT_SECRET || "Velvet-Granite{{digits:2}}&xh";',
      // A literal fallback after a reference, the GitHub CLI's --body.
      'const clientSecret = process.env.CLIENT_SECRET || "{{base62:28}}";',
      "gh secret set CLIENT_SECRET --body '{{base64:24}}'",
      'CLIENT_SECRET={{base64url:32}}',
      'SECRET_KEY_BASE={{hex:128}}',
      "app.config['SECRET_KEY'] = '{{base62:40}}'",
      // An unquoted value that starts with `&` and a symbol (no YAML anchor); `%s` inside a random value.
      'app.django-secret-key: &=+{{base62:20}}~{{base62:16}}',
      "putenv('DJANGO_SECRET_KEY={{base62:10}}Aa1&{{base62:10}}%{{base62:20}}=%s');",
      '[django]\nsecret_key=264{{alpha:3}}){{lower:2}}^c&#{{base62:12}}',
      '  jwtSecret: "{{base64:44}}",',
      'client_secret = "{{base62:32}}"',
      'WEBHOOK_SECRET: {{hex:64}}',
      'vault_secret_id={{base62:24}}',
      'basic_auth: "deploy:{{base62:24}}"',
      'Authorization: {{base62:32}}',
    ],
    negativeExamples: [
      // A test's made-up value with a typed sequence in it.
      "        $secret = 'standard_abcd1234';",
      // A call with keyword arguments through Python's `self`.
      '            credentials = AzureSASAuthentication(token=self.generate_sas_token(resource))',
      // Ruby code through a constant path.
      '    secret = ActiveSupport::SecureRandom.hex(64)',
      '    Rails.app.creds = ActiveSupport::CombinedConfiguration.new(Rails.app.envs)',
      // Which Secret holds the credential (a Helm chart's values), and Grafana's documented default key.
      'postgresql:\n  existingSecret: airflow-postgresql',
      '    tlsSecret: phpmyadmin.local-tls',
      ';secret_key = SW2YcwTIb9zpOOhoPsMm',
      // A placeholder written percent-encoded in a URL's query.
      '"http://testserver/message?color=red&auth=%5BFiltered%5D",',
      // RFC 5849's example consumer secret (documented above).
      'consumer_secret = "kd94hf93k423kf44"',
      // A minified object copying members of the same names.
      'subscriptionOptions:{auth:s.auth,p256dh:s.p256dh,endpoint:s.endpoint,swScope:s.swScope}',
      // Minified code: an exports chain, optional chaining, a ternary on `props`, a call with an object; and the
      // resource part of a secret's ARN.
      'exports.CfnSecretPolicy=exports.CfnSecret=exports.CfnRotation=void 0;',
      '{authorizerCredentials:props.assumeRole?.roleArn,ttl:300}',
      'throw new TypeError("A URL with credentials: "+u)}r=makeRequest({urlList:[u]});m="cors"',
      '"SourceArn": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:reports-{{base62:6}}"',
      // Code an unquoted line value runs into: an open call, a generic, a ternary.
      'AWS.Credentials = AWS.util.inherit({',
      '  credentials: MergeFunctions<',
      'secret = readFileSync(',
      'secretName: db-credentials',
      'secret_name = "prod/db/password"',
      'secretKeyRef:',
      'SECRET_KEY = os.environ["SECRET_KEY"]',
      'SECRET_KEY=django-insecure-{{lower:50}}',
      'credentials: "include"',
      'withCredentials: true',
      'client_secret: ${{ secrets.CLIENT_SECRET }}',
      'secret: "{{ .Values.secret }}"',
      'SecretId: arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf',
      'secret = "mySuperSecretKey"',
      'JWT_SECRET=supersecret123',
      'author: "Jane Developer"',
      'oauth: "{{base62:24}}"',
      'auth: required',
      'Authorization: Bearer ${TOKEN}',
      'secret_hash = "{{hex:64}}"',
      'sealed_secret = "{{base62:40}}"',
      'const secret = crypto.randomBytes(32).toString("hex");',
      'secrets: [ "db", "api" ]',
      // A constant named after itself, a signing scheme's name.
      'KERBEROS_GSSAPI_AUTH = "KERBEROS_GSSAPI_AUTH"',
      // A secret's name in a secrets manager (here after the ARN's `:secret:`), not the secret.
      'stripe_api_key = arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/stripe_api_key-{{alpha:6}}',
      'CLIENT_SECRET_NAME=payments/stripe/client-secret',
      'auth_scheme = "GOOG4-RSA-SHA256"',
      // Go's empty credentials value, a docstring's type reference, a request signature's credential scope (the
      // access key id, in clear on every request), an ARN's pattern.
      '\tcfg.Creds = credentials.Value{}',
      '    :vartype credentials: ~azure.mgmt.hybridvmware.models.VICredential',
      'expected := "AWS4-HMAC-SHA256 Credential=AKID{{upper:16}}/20240101/us-east-1/s3/aws4_request, SignedHeaders=host"',
      '"pattern":"arn:([a-z\\\\d-]+):.*:.*:secret:AcmeLookoutMetrics-.+"',
      'expectedCredential := "AKID{{upper:16}}/20240101/kinesis/aws4_request"',
      // Code: calls with calls inside, a camelCase name with a digit and its comma.
      '\tout.RotatedSecret = ptr.Time(smithytime.ParseEpochSeconds(f64))',
      '    client_secret = Column(String(120))',
      '    secret_key = hashlib.sha256(bot_token.encode()).digest()',
      '\t\tCredentials: v4aCredentialProvider,',
      '        config.credentials = SasAuthentication(token=self.make_sas_token(**kwargs))',
    ],
    fix: secretFix,
    guide: {
      grants:
        'A secret (client secret, signing key, secret key base, webhook secret) authenticates your application or signs data that others trust.',
      risks:
        'With a client secret an attacker acts as your application; with a signing secret they forge sessions, tokens or webhooks that your systems accept as genuine.',
      checkMisuse:
        "Check the issuing service's audit log for use of the client, and your own logs for sessions or webhook events you cannot account for.",
    },
  },
  {
    id: 'generic-api-key',
    title: 'API key assigned in code or configuration',
    severity: 'high',
    generic: true,
    keywords: [
      'apikey',
      'api_key',
      'api-key',
      'api.key',
      'accesskey',
      'access_key',
      'access-key',
      'access.key',
      'privatekey',
      'private_key',
      'private-key',
      'authkey',
      'auth_key',
      'auth-key',
      'masterkey',
      'master_key',
      'master-key',
      'encryptionkey',
      'encryption_key',
      'encryption-key',
      'signingkey',
      'signing_key',
      'signing-key',
      'subscriptionkey',
      'subscription_key',
      'subscription-key',
      'appkey',
      'app_key',
      'app-key',
      'adminkey',
      'admin_key',
      'admin-key',
      'servicekey',
      'service_key',
      'service-key',
      'licensekey',
      'license_key',
      'license-key',
    ],
    flags: 'i',
    pattern: assignment(KEY_NAME, 12),
    // A partner's API key is often a password someone chose and sent over (`Harbor-Mango57!zs`).
    verify: 'generic-password',
    examples: [
      'WEATHER_API_KEY={{hex:32}}',
      'const client = new Client({ apiKey: "{{base62:40}}" });',
      'X-Api-Key: {{base62:32}}',
      'Ocp-Apim-Subscription-Key: {{hex:32}}',
      'NEW_RELIC_LICENSE_KEY={{hex:40}}',
      'APP_KEY=base64:{{base64:43}}=',
      'ENCRYPTION_KEY="{{base64:44}}"',
      'private_key = "0x{{hex:64}}"',
      'curl "https://api.example.io/v1/forecast?city=Oslo&api_key={{base62:32}}"',
      'API_KEY              = "{{hex:32}}"',
      // A chosen password under an API key's name, in a Markdown table.
      '| `PARTNER_API_KEY` | `Harbor-Mango{{digits:2}}!zs` |',
    ],
    negativeExamples: [
      // A key cut short in an example (`..` where the rest would be).
      "    protected string $apiKey = 'sk-proj-YNz..';",
      // An Algolia search box's search-only key.
      "docsearch({\n  apiKey: '{{hex:32}}',\n  indexName: 'acme-docs',\n  inputSelector: '#search',\n});",
      "  algolia: {\n    appId: '{{upper:10}}',\n    apiKey: '{{hex:32}}',\n    indexName: 'acme',\n  },",
      // TypeScript's non-null assertion on a property read.
      "    'x-goog-api-key': appConfig.apiKey!,",
      // Minified code: an exports chain, a member read through optional chaining.
      'exports.CfnApiKey=exports.CfnApiCache=exports.CfnAccount=void 0;',
      'this.encryptionKey=props.encryption?.tableKey;',
      // Customer.io's public (`pk_`) keys ship in browsers.
      'NEXT_PUBLIC_CUSTOMERIO_KEY = "pk_{{base62:40}}"',
      'NEXT_PUBLIC_FIREBASE_API_KEY={{base62:39}}',
      'ALGOLIA_SEARCH_API_KEY={{hex:32}}',
      'STRIPE_PUBLISHABLE_KEY=pk_live_{{base62:24}}',
      'API_KEY=your-api-key-here',
      'apiKey: process.env.API_KEY,',
      'api_key = settings.API_KEY',
      'AWS_ACCESS_KEY_ID=AKIA{{base32:16}}',
      '"private_key_id": "{{hex:40}}",',
      '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQ...\\n-----END PRIVATE KEY-----\\n",',
      'api_key = "test_key_12345"',
      'apiKey: "fake-api-key-for-tests"',
      'API_KEY=<your-api-key>',
      'private_key_path = "~/.ssh/id_ed25519"',
      'api_key_header = "X-Api-Key"',
      'api_keys = []',
      'API_KEY_ID={{hex:8}}-{{hex:4}}-4{{hex:3}}-8{{hex:3}}-{{hex:12}}',
      'x-api-key: ${API_KEY}',
    ],
    fix: { env: 'API_KEY', provider: 'the service that issued this key', rotate: rotate('key'), docs: OWASP },
    guide: {
      grants: 'An API key authenticates calls to the service that issued it, with whatever access the key was given.',
      risks:
        'An attacker calls the API as you: reads your data there, runs up usage on your bill, or changes settings, until the key is revoked.',
      checkMisuse:
        "Open the issuing service's dashboard or usage logs, filter by this key, and look for calls from unknown addresses or unusual volume.",
    },
  },
  {
    id: 'generic-token',
    title: 'Access token assigned in code or configuration',
    severity: 'high',
    generic: true,
    keywords: ['token'],
    flags: 'i',
    pattern: assignment(TOKEN_NAME, 12),
    verify: 'generic-value',
    // A badge image's token (Codecov's graph token, CircleCI's status token, a rating badge's) only shows the
    // badge: public by design, made for READMEs. Any token in an SVG's query near the value.
    notOnLineWith: ['.svg?'],
    documented: OAUTH_SPECIFICATION_EXAMPLES,
    examples: [
      'ACCESS_TOKEN={{base62:40}}',
      'refresh_token: "{{base64url:64}}"',
      'X-Auth-Token: {{hex:40}}',
      '  botToken: "{{base62:30}}",',
      'auth_token = "{{base64url:32}}"',
      '<token>{{base62:32}}</token>',
      'ci.job.token={{base64url:24}}',
      'curl "https://api.example.io/v2/export?format=csv&access_token=-{{base62:31}}"',
      // A nested assignment whose own value is random is still the token.
      'SAS_TOKEN="sig={{base62:40}}"',
    ],
    negativeExamples: [
      // A custom header's name.
      'const SESSION_TOKEN_HEADER: &str = "x-appwrite-session";',
      // A CI status badge's token.
      '# acme [![CircleCI](https://circleci.com/gh/acme/acme.svg?style=svg&circle-token={{hex:40}})](https://circleci.com/gh/acme/acme)',
      // The OAuth specifications' own examples (documented above).
      '"access_token": "2YotnFZFEjr1zCsicMWpAA",',
      'OAuth realm="Photos", oauth_token="kkk9d7dh3k39sjv7", oauth_nonce="7d8f3e4a"',
      // An SVG badge's token in a README (a rating badge), and a constant of a library with a patterned value.
      '<img src="https://badges.example.dev/js/rating/acme-lib.svg?token={{base64:43}}=" alt="rating">',
      'export const JWT_KIND_SESSION_TOKEN = "cl_{{base62:6}}777BBB";',
      // Public by design (a Mapbox public token, a SonarQube badge token) or a GitHub placeholder.
      "mapboxgl.accessToken = 'pk.eyJ1Ijoi{{base64url:30}}.{{base64url:22}}';",
      'SONAR_BADGE_URL=https://sonar.corp.io/api/project_badges/measure?project=shop&metric=coverage&token=sqb_{{hex:40}}',
      '[![codecov](https://codecov.io/gh/acme/shop/graph/badge.svg?token={{base62:10}}&flag=api)](https://codecov.io/gh/acme/shop)',
      'GITHUB_TOKEN_FORMAT=ghs_APPID_JWT',
      'token = request.headers.get("Authorization")',
      'if token == expected_token:',
      'token: string | null = null;',
      'const token = await getToken();',
      'nextPageToken: "{{base64url:40}}"',
      'csrf_token = "{{hex:64}}"',
      '<input type="hidden" name="authenticity_token" value="{{base64:44}}">',
      '<input name="__RequestVerificationToken" type="hidden" value="{{base64url:60}}" />',
      'deviceToken = "{{hex:64}}"',
      'GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
      'token: "{{ github_token }}"',
      'TOKEN=<token>',
      'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")',
      'max_tokens: 4096',
      'token_type: "Bearer"',
      'token = "dummy-token"',
      'token = jwt.encode(payload, key, algorithm="HS256")',
      'id_token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0."',
      '"js-tokens": "^4.0.0",',
      'tokens = ["{{base62:24}}"]',
      'reset_password_token: "{{base62:24}}"',
      'confirmation_token = "{{hex:40}}"',
      'token_url: https://auth.example.com/oauth/token',
      // Code and API models: a call's second argument, a pagination expression, list items in prose, a value that
      // repeats its name, page and idempotency tokens, an assembly's public key token.
      "const doc = this.read('refreshToken', Types.Document.entry);",
      '"output_token": "Items[-1].ItemKey",',
      'Supported modes are `none`, `token`, `workloadidentity` and `cookie`.',
      '"refreshToken": "my_refreshToken"',
      '"nextToken": "{{base64text:16}}"',
      '"ClientToken": "createvolume98765"',
      '<add assembly="Acme.Web, Version=2.0.0.0, Culture=neutral, PublicKeyToken={{hex:16}}" />',
      // A pattern for tokens (a validation rule, a scanner's rule), and a query string whose first parameter is a
      // date, the signature a template.
      "const TOKEN = 'EAAA[A-Za-z0-9_-]{60}';",
      'VALID_TOKEN = r"^tok_\\d{6}[a-f0-9]+$"',
      "'AZURE_SAS_TOKEN=sv=2022-11-02&sp=r&sig=${SAS_SIGNATURE}',",
    ],
    fix: { env: 'ACCESS_TOKEN', provider: 'the service that issued this token', rotate: rotate('token'), docs: OWASP },
    guide: {
      grants: 'An access or refresh token acts for the user, bot or service account it was issued to, with its scopes.',
      risks:
        'An attacker uses the token to call the service as that identity, and a refresh token lets them mint new access tokens until it is revoked.',
      checkMisuse:
        "Check the issuing service's audit log or active sessions for use of the token, and revoke all sessions of the identity if in doubt.",
    },
  },
  {
    id: 'generic-named-key',
    title: 'Key assigned in code or configuration',
    severity: 'high',
    generic: true,
    keywords: ['_key', 'newkey', 'tempkey', 'tmpkey', 'oldkey', 'currentkey', 'nextkey', 'mykey', 'thekey'],
    // Case-sensitive: SCREAMING_SNAKE `…_KEY` names and camelCase `newKey`, not `sort_key` or `cacheKey`.
    pattern: assignment(NAMED_KEY, 12),
    verify: 'generic-value',
    examples: [
      'CTF_KEY={{base62:32}}',
      'SENDGRID_KEY="{{base62:40}}"',
      'const newKey = "{{base64:44}}";',
      'WEBHOOK_HMAC_KEY: {{hex:64}}',
    ],
    negativeExamples: [
      // An Ed25519 public key in DER (SubjectPublicKeyInfo): public by design.
      "const HUB_VERIFY_KEY = 'MCowBQYDK2VwAyEA{{base64:43}}=';",
      // A Web Push application server key: an uncompressed P-256 public point (65 bytes from 0x04), public.
      "const DEFAULT_VAPID_KEY = 'BA{{base64url:85}}';",
      // Names of code as values: a snake_case metric name, an enum member in documentation.
      "const LOAD_REPORT_KEY = 'grpc_orca_load_report';",
      '* Valid values: `CUSTOMER_MANAGED_KMS_KEY` | `AWS_OWNED_KMS_KEY` .',
      // A value of another format: a Klaviyo look-alike `pk_` cache key.
      'CACHE_KEY: pk_{{hex:20}}',
      'SUPABASE_ANON_KEY={{base62:40}}',
      'RECAPTCHA_SITE_KEY={{base62:40}}',
      'DYNAMO_SORT_KEY=createdAtTimestamp',
      'S3_OBJECT_KEY=uploads/2024/report-final.pdf',
      'const cacheKey = "{{hex:32}}";',
      'sort_key = "{{base62:24}}"',
      'const newKey = `${prefix}:${id}`;',
      'MY_PUBLIC_KEY="{{base64:44}}"',
      'NEW_KEY=your-key-here',
      'export const TRACING_SPAN_KEY = "__tracing_span";',
      // A release signing key's fingerprint, which a Dockerfile checks downloads against.
      'ENV GPG_KEY {{HEX:40}}',
      'GPG_KEY={{HEX:40}}',
    ],
    fix: { env: 'SECRET_KEY', provider: 'the service that issued this key', rotate: rotate('key'), docs: OWASP },
    guide: {
      grants:
        'A key under a name of its own authenticates or signs for whatever issued it: an API, a webhook, a cipher.',
      risks:
        'An attacker uses the key as you: calls the API, forges signed requests or decrypts what it protects, until it is rotated.',
      checkMisuse:
        'Find the service the key belongs to and check its usage or audit log for calls you did not make since the commit.',
    },
  },
  {
    id: 'generic-secret-uuid',
    title: 'Secret, password or token in UUID form assigned in code or configuration',
    severity: 'high',
    generic: true,
    keywords: ['pass', 'pwd', 'secret', 'token'],
    flags: 'i',
    // UUIDs are thrown away by the other generic rules (ids, correlation ids); under these names they are the
    // secret: Vault AppRole secret ids, Keycloak client secrets, UUID-shaped SaaS API tokens.
    pattern: `${UUID_SECRET_NAME}${SUFFIX}${SEP}${OPEN}${UUID_VALUE}`,
    verify: 'secret-uuid',
    examples: [
      'vault_secret_id: {{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}',
      'KEYCLOAK_CLIENT_SECRET={{hex:8}}-{{hex:4}}-4{{hex:3}}-8{{hex:3}}-{{hex:12}}',
      'POSTMAN_API_TOKEN="{{hex:8}}-{{hex:4}}-4{{hex:3}}-9{{hex:3}}-{{hex:12}}"',
      'admin_password = "{{hex:8}}-{{hex:4}}-4{{hex:3}}-b{{hex:3}}-{{hex:12}}"',
      'TOKEN={{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}',
      '{"token": "{{hex:8}}-{{hex:4}}-4{{hex:3}}-b{{hex:3}}-{{hex:12}}"}',
      'deploy --token={{hex:8}}-{{hex:4}}-4{{hex:3}}-9{{hex:3}}-{{hex:12}}',
    ],
    negativeExamples: [
      '"ChangeToken": "{{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}"',
      'client_token = "{{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}"',
      'secret_name = "{{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}"',
      'client_secret: 123e4567-e89b-12d3-a456-426614174000',
      'api_token = "00000000-0000-0000-0000-000000000000"',
      'API_KEY_ID={{hex:8}}-{{hex:4}}-4{{hex:3}}-8{{hex:3}}-{{hex:12}}',
      // Pagination, sync and idempotency tokens are UUIDs that open nothing.
      '{"next_page_token": "{{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}"}',
      'page_token = "{{hex:8}}-{{hex:4}}-4{{hex:3}}-8{{hex:3}}-{{hex:12}}"',
      'continuation_token: {{hex:8}}-{{hex:4}}-4{{hex:3}}-9{{hex:3}}-{{hex:12}}',
      'IDEMPOTENCY_TOKEN={{hex:8}}-{{hex:4}}-4{{hex:3}}-b{{hex:3}}-{{hex:12}}',
      'sync_token = "{{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}"',
      'const nextToken = "{{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}";',
      'request.idempotencyToken = "{{hex:8}}-{{hex:4}}-4{{hex:3}}-8{{hex:3}}-{{hex:12}}"',
      'request_id = "{{hex:8}}-{{hex:4}}-4{{hex:3}}-8{{hex:3}}-{{hex:12}}"',
      'X-Correlation-Id: {{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}',
      '"tenant_id": "{{hex:8}}-{{hex:4}}-4{{hex:3}}-9{{hex:3}}-{{hex:12}}"',
      'VAULT_ROLE_ID={{hex:8}}-{{hex:4}}-4{{hex:3}}-8{{hex:3}}-{{hex:12}}',
      '<input type="hidden" name="csrf_token" value="{{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}">',
      'X-CSRF-Token: {{hex:8}}-{{hex:4}}-4{{hex:3}}-b{{hex:3}}-{{hex:12}}',
    ],
    fix: secretFix,
    guide: {
      grants:
        'A secret in UUID form (a client secret, an AppRole secret id, an API token) authenticates as the client, role or account it was issued to.',
      risks: 'An attacker authenticates as that client or account and uses its access until the value is rotated.',
      checkMisuse: "Check the issuing service's audit log for use of the client, role or token since the commit.",
    },
  },
];
