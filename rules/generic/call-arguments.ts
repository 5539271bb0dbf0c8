// Secrets passed as positional arguments of well-known calls, where no name says "password": the call does.
// - Python's smtplib / ftplib / imaplib `server.login(user, "…")` (https://docs.python.org/3/library/smtplib.html)
// - PHP's `new PDO($dsn, $user, "…")` (https://www.php.net/manual/en/pdo.construct.php)
// - JWT signing: jsonwebtoken's `jwt.sign(payload, "…")`, PyJWT's `jwt.encode(payload, "…")`, php-jwt's
//   `JWT::encode($payload, "…")`, java-jwt's `Algorithm.HMAC256("…")`
// - Cookie and session signing: Express's `cookieParser("…")`, gorilla/sessions' `sessions.NewCookieStore([]byte("…"))`
// The value must be a literal and pass the `generic-password` verifier: in application code the strength filters
// stay, so the tutorials' `jwt.sign(payload, "secret")` and `cookieParser("keyboard cat")` are not findings.
import type { Rule } from '../schema.js';

const OWASP = 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html';
// A quoted literal argument: the value between its quotes (escaped or doubled when the call is itself quoted in a
// JSON, YAML or shell string).
const LITERAL = String.raw`["'\x60\\]{1,6}(?<secret>[^"'\x60\\\r\n]{6,256})["'\x60\\]`;
// An argument before the one that matters: a name, a member or a quoted literal, without commas inside.
const ARGUMENT = String.raw`[ \t]{0,8}[^,\s()][^,()\r\n]{0,199},[ \t]{0,8}`;

const signingRotate = [
  'Generate a new random secret (`openssl rand -base64 48`) and read it from the environment or your secrets manager.',
  'Deploy it; every token, session or cookie signed with the old secret becomes invalid, so users log in again.',
  'Remove the literal from the code.',
  'Check for tokens or sessions you did not issue while the old secret was public.',
];

export const genericCallArgumentRules: Rule[] = [
  {
    id: 'generic-login-password',
    title: 'Password passed to a login call',
    severity: 'high',
    generic: true,
    keywords: ['.login('],
    pattern: String.raw`\.login\(${ARGUMENT}${LITERAL}`,
    verify: 'generic-password',
    examples: [
      'server.login("alerts@corp.io", "{{base62:20}}")',
      "ftp.login('backup', '{{base62:16}}')",
      'imap.login(MAIL_USER, "Qz{{base62:6}}#{{digits:3}}")',
    ],
    negativeExamples: [
      'server.login(user, password)',
      'server.login("alerts@corp.io", os.environ["SMTP_PASSWORD"])',
      'server.login("me@gmail.com", "password123")',
    ],
    fix: {
      env: 'SMTP_PASSWORD',
      provider: 'the server logged in to',
      rotate: [
        "Change the account's password (or revoke the app password) at the server.",
        'Read the new one from the environment or your secrets manager instead of the call.',
        'Deploy the change.',
        "Check the server's login log for the account since the commit.",
      ],
      docs: OWASP,
    },
    guide: {
      grants: 'The password logs in to the mail, FTP or IMAP server as the account named beside it.',
      risks: 'An attacker sends mail as you, reads the mailbox, or reads and replaces files on the server.',
      checkMisuse: "Review the server's authentication log and the account's sent mail or file history.",
    },
  },
  {
    id: 'generic-pdo-password',
    title: 'Database password passed to new PDO()',
    severity: 'high',
    generic: true,
    keywords: ['new pdo('],
    flags: 'i',
    pattern: String.raw`new PDO\(${ARGUMENT}[^,\s()][^,()\r\n]{0,119},[ \t]{0,8}${LITERAL}`,
    verify: 'generic-password',
    examples: [
      '$db = new PDO("mysql:host=db.prod.internal;dbname=shop", "shop", "{{base62:20}}");',
      "$pdo = new PDO($dsn, 'reporting', 'Vx{{base62:8}}!{{digits:2}}');",
    ],
    negativeExamples: ['$db = new PDO($dsn, $user, $password);', '$db = new PDO($dsn, "root", "root");'],
    fix: {
      env: 'DB_PASSWORD',
      provider: 'the database',
      rotate: [
        "Change the database user's password.",
        'Read the new one from the environment (`getenv("DB_PASSWORD")`) instead of the constructor call.',
        'Deploy the change.',
        "Check the database's connection log for the user since the commit.",
      ],
      docs: 'https://www.php.net/manual/en/pdo.construct.php',
    },
    guide: {
      grants: 'The password logs in to the database as the user named beside it.',
      risks: "An attacker who can reach the database reads, changes or deletes the user's data.",
      checkMisuse: "Review the database's connection and query logs for the user.",
    },
  },
  {
    id: 'generic-jwt-signing-secret',
    title: 'JWT signing secret passed to the signing call',
    severity: 'high',
    generic: true,
    keywords: ['jwt.sign(', 'jwt.encode(', 'jwt::encode(', 'algorithm.hmac'],
    flags: 'i',
    pattern: String.raw`(?:(?:jwt\.(?:sign|encode)\(|JWT::encode\()${ARGUMENT}|Algorithm\.HMAC(?:256|384|512)\([ \t]{0,8})${LITERAL}`,
    verify: 'generic-password',
    examples: [
      'const token = jwt.sign({ sub: user.id }, "{{base64:32}}", { expiresIn: "1h" });',
      "token = jwt.encode(payload, '{{base62:32}}', algorithm='HS256')",
      "$jwt = JWT::encode($payload, '{{base62:40}}', 'HS256');",
      'Algorithm algorithm = Algorithm.HMAC256("{{base62:32}}");',
    ],
    negativeExamples: [
      'const token = jwt.sign(payload, process.env.JWT_SECRET);',
      "const token = jwt.sign({ id: 1 }, 'secret');",
      'Algorithm algorithm = Algorithm.HMAC256(secret);',
      "jwt.sign(payload, 'shhhhh')",
    ],
    fix: {
      env: 'JWT_SECRET',
      provider: 'your application',
      rotate: signingRotate,
      docs: 'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html',
    },
    guide: {
      grants: 'The secret signs the JSON Web Tokens your services accept as proof of identity.',
      risks: 'An attacker mints tokens for any user, administrators included, with any claims and expiry.',
      checkMisuse: 'Look for tokens with subjects, roles or issue times you cannot account for in your access logs.',
    },
  },
  {
    id: 'generic-cookie-secret',
    title: 'Cookie or session signing secret passed to its constructor',
    severity: 'high',
    generic: true,
    keywords: ['cookieparser(', 'newcookiestore('],
    flags: 'i',
    pattern: String.raw`(?:cookieParser\(|NewCookieStore\(\[\]byte\()[ \t]{0,8}${LITERAL}`,
    verify: 'generic-password',
    examples: [
      'app.use(cookieParser("{{base62:32}}"));',
      'var store = sessions.NewCookieStore([]byte("{{base64:32}}"))',
    ],
    negativeExamples: [
      "app.use(cookieParser('keyboard cat'));",
      'var store = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))',
      'app.use(cookieParser(process.env.COOKIE_SECRET));',
    ],
    fix: { env: 'SESSION_SECRET', provider: 'your application', rotate: signingRotate, docs: OWASP },
    guide: {
      grants: 'The secret signs (and with some stores encrypts) the cookies that carry your users’ sessions.',
      risks: 'An attacker forges session cookies and is logged in as anyone, or reads what the cookies hold.',
      checkMisuse: 'Look for sessions you did not issue; rotating the secret logs every user out.',
    },
  },
];
