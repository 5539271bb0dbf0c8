// Generic detection in command lines and HTTP headers: `--password …`, `mysql -u root -p…`, `curl -u user:pass`,
// `sshpass -p …`, `Authorization: Bearer …` / `Token …`, and `Authorization: Basic <base64 user:pass>` (decoded,
// so a provider token inside is reported as itself). Values go through the `generic-value` verifier.
import { OAUTH_SPECIFICATION_EXAMPLES, type Rule } from '../schema.js';

const QUOTE = String.raw`["'\x60\\]`;
const VALUE_CHAR = String.raw`[^\s"'\x60\\<>;,&|(){}\[\]]`;
const END = String.raw`(?=[\s"'\x60\\<;,&|)\]}]|$)`;

// Flags whose argument is a credential. `--password=…` is the generic-password rule's (an assignment); this rule
// takes the space-separated form, which is only unambiguous after a long flag.
const FLAG = String.raw`(?:pass(?:word|wd|phrase|in|out)?|pwd|token|secret|api-?key|access-?key|auth-?token|client-?secret)`;
const CLI_PREFIX =
  // --password VALUE, --db-password VALUE, -Token VALUE (PowerShell), openssl -passout pass:VALUE
  String.raw`(?:${FLAG}(?<=(?<![A-Za-z0-9-])--?[A-Za-z0-9-]{0,30}${FLAG})[ \t]{1,4}` +
  // mysql -u root -pVALUE, docker login -u ci -p VALUE
  String.raw`|-u(?<![A-Za-z0-9-]-u)[ \t]{0,4}[A-Za-z0-9_.@][A-Za-z0-9_.@-]{0,63}[ \t]{1,4}-p[ \t]{0,4}` +
  // curl -u user:VALUE, --user user:VALUE
  String.raw`|(?:-u|--user)(?<![A-Za-z0-9-](?:-u|--user))[ \t]{1,4}["'\\]{0,2}[A-Za-z0-9_.@-]{1,64}:` +
  // sshpass -p VALUE
  String.raw`|sshpass[ \t]{1,4}-p[ \t]{0,4})`;

const OWASP = 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html';

export const genericCliAndHttpRules: Rule[] = [
  {
    id: 'generic-cli-credential',
    title: 'Password or token passed on a command line',
    severity: 'high',
    generic: true,
    keywords: [
      '-pass',
      '-pwd',
      '-token',
      '-secret',
      '-apikey',
      '-api-key',
      '-accesskey',
      '-access-key',
      // `-u user -p…` and `-u user:…` (curl): a space follows -u, and -p follows a space.
      '-u ',
      '-u\t',
      '--user',
      'sshpass',
    ],
    flags: 'i',
    // Length: a password or token on a command line: 8–512 is a design bound.
    pattern: String.raw`${CLI_PREFIX}(?:${QUOTE}{1,6})?(?<secret>(?![-=])${VALUE_CHAR}{8,512})${END}`,
    verify: 'generic-value',
    examples: [
      'mysqldump -h db.prod.internal -u backup -p{{base62:24}} shop > shop.sql',
      'docker login registry.corp.io -u ci-bot -p {{base62:24}}',
      'curl -u deploy:{{base62:24}} https://nexus.corp.io/service/rest/v1/repositories',
      'npx release-tool publish --token {{base62:32}}',
      'pg-backup --db-password "{{base62:24}}" --host db.internal',
      "sshpass -p '{{base62:24}}' ssh deploy@10.0.0.5",
      'openssl pkcs12 -export -in cert.pem -passout pass:{{base62:24}} -out cert.p12',
      'Connect-Service -Url https://ops.corp.io -Token {{hex:40}}',
    ],
    negativeExamples: [
      // etcd's cluster token: a name that keeps clusters apart, not a credential.
      '                --initial-cluster-token etcd-cluster-1 \\',
      'mysql -u root -p mydb',
      'mysql -u root -p',
      'docker login -u "$DOCKER_USER" -p "$DOCKER_PASSWORD" registry.corp.io',
      'echo "$TOKEN" | docker login ghcr.io -u ci --password-stdin',
      'gh auth login --with-token < token.txt',
      'curl -u "$API_USER:$API_PASS" https://api.corp.io',
      'curl -u admin:password http://service:8080/api',
      'docker run -u 1000 -p 8080:80 nginx',
      'mkdir -p /var/lib/app && chown -R app /var/lib/app',
      'cli login --token YOUR_TOKEN',
      'cli login --password <password>',
      'cli login --token-file /run/secrets/token',
      'ssh -p 2222 deploy@bastion.corp.io',
    ],
    fix: {
      env: 'DEPLOY_TOKEN',
      provider: 'the service the command logs in to',
      rotate: [
        'Change the password or revoke the token at the service the command logs in to, and create a new one.',
        'Pass the new value through an environment variable or a file the tool reads (e.g. `--password-stdin`, `MYSQL_PWD`, a .netrc outside the repo), never as an argument.',
        'Redeploy the scripts and CI jobs that run the command.',
        "Check the service's login log for use of the old credential; command lines also end up in shell history and CI logs, so clean those too.",
      ],
      docs: OWASP,
    },
    guide: {
      grants:
        'The credential on the command line logs in to the database, registry or API the command talks to, as the given user.',
      risks:
        'Besides the repository, command-line arguments leak into shell history, process lists and CI logs; anyone who sees them can log in as that user.',
      checkMisuse:
        "Review the target service's authentication log for this user, and search CI logs and shell histories for other copies of the value.",
    },
  },
  {
    id: 'generic-bearer-token',
    title: 'Bearer token in an HTTP Authorization header',
    severity: 'high',
    generic: true,
    keywords: ['bearer', 'authorization'],
    flags: 'i',
    pattern:
      String.raw`(?:bearer(?<![A-Za-z0-9_]bearer)` +
      String.raw`|authorization(?<![A-Za-z0-9_]authorization)["'\x60\\\]]{0,6}[ \t]{0,8}[:=,][ \t]{0,8}${QUOTE}{0,6}(?:token|bot|ssws|apikey|api-key|sso-key))` +
      // Length: RFC 6750 bearer tokens have no length; 12–4096 is a design bound (JWTs reach a few KB). Beyond
      // RFC 6750's b64token characters (which end in `=` padding), what people put there anyway (`^`, `!`, `*`,
      // `#`, `$`, `%`, `@`, and `=` inside a chosen password).
      String.raw`[ \t]{1,4}(?<secret>[A-Za-z0-9._~+/^!*#$%@=-]{12,4096})${END}`,
    // What the header carries is a credential by its place: a strong password used as the token
    // (`Bearer Harbor_Falcon…%fd`) counts as much as a random one, as for names that say password.
    verify: 'generic-password',
    documented: OAUTH_SPECIFICATION_EXAMPLES,
    examples: [
      'Authorization: Bearer {{base62:40}}',
      // A password built from words, sent as the token (logged by a debug line).
      'DEBUG outgoing request headers={"Authorization":"Bearer Harbor_Falcon{{digits:2}}%fd","User-Agent":"acme/1.4"}',
      // `=` inside a chosen password, not only as base64 padding at the end.
      'Authorization: Bearer Quartz=Lantern{{digits:2}}#mk',
      'curl -H "Authorization: Bearer {{base64url:48}}" https://api.corp.io/v2/jobs',
      'headers = {"Authorization": "Bearer {{base62:32}}"}',
      'Authorization: Token {{hex:40}}',
      "axios.defaults.headers.common['Authorization'] = 'Bearer {{base62:36}}';",
    ],
    negativeExamples: [
      // RFC 6750's example bearer token (documented above).
      'Authorization: Bearer mF_9.B5f-4.1JqM',
      'Authorization: Bearer ${ACCESS_TOKEN}',
      "headers = {'Authorization': f'Bearer {token}'}",
      'headers: { Authorization: "Bearer " + token }',
      'Authorization: Bearer <token>',
      'Authorization: Bearer YOUR_ACCESS_TOKEN',
      'Authorization: Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.',
      'Authorization: Bearer {{jwt}}',
      'The API uses bearer authentication for every endpoint.',
      'bearer_token = get_token()',
      'Authorization: Token token="abc"',
    ],
    fix: {
      env: 'API_TOKEN',
      provider: 'the API this token is sent to',
      rotate: [
        "Revoke the token at the service that issued it (its dashboard, or the OAuth provider's token revocation).",
        'Issue a new token and store it in your secrets manager or environment; read it from there when building the header.',
        'Redeploy the code or scripts that send the header.',
        "Check the API's audit or request logs for calls made with the old token.",
      ],
      docs: 'https://www.rfc-editor.org/rfc/rfc6750',
    },
    guide: {
      grants:
        'A bearer token authorises every request that carries it: whoever holds it is treated as the user or service it was issued to.',
      risks:
        'An attacker replays the token against the API to read or change data within its scopes until it expires or is revoked.',
      checkMisuse:
        "Look in the API provider's request or audit log for the token's identity, and compare source addresses with your own services.",
    },
  },
  {
    id: 'generic-basic-auth',
    title: 'Credentials in an HTTP Basic Authorization header',
    severity: 'high',
    generic: true,
    keywords: ['basic'],
    flags: 'i',
    // The value is base64 of `user:password`: decoded and scanned again, so a provider token inside is reported as
    // itself; otherwise the verifier judges the decoded password (`user:password`, `admin:admin` are not findings).
    // Length: base64 of `user:password` (RFC 7617 sets no length): 8–4096 is a design bound.
    pattern: String.raw`basic(?<![A-Za-z0-9_]basic)[ \t]{1,4}(?<secret>[A-Za-z0-9+/]{8,4096}={0,2})${END}`,
    decode: 'base64',
    verify: 'generic-value',
    // RFC 6749 §2.3.1's example client credentials (`s6BhdRkqt3:gX1fBat3bV`), which OAuth libraries' docs and
    // tests copy: published, not a finding. SHA-256 of the header's value.
    documented: ['ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981'],
    examples: [
      'Authorization: Basic {{basicauth}}',
      'curl -H "Authorization: Basic {{basicauth}}" https://jenkins.corp.io/job/deploy/build',
      'proxy_set_header Authorization "Basic {{basicauth}}";',
    ],
    negativeExamples: [
      'Authorization: Basic dXNlcjpwYXNzd29yZA==',
      'Authorization: Basic YWRtaW46YWRtaW4=',
      'Authorization: Basic dGVzdDp0ZXN0MTIz',
      'Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW',
      'Authorization: Basic ${BASIC_AUTH}',
      'Authorization: Basic <base64 of user:password>',
      'Basic authentication is enabled for the admin area.',
    ],
    fix: {
      env: 'BASIC_AUTH_PASSWORD',
      provider: 'the service behind the Basic-auth header',
      rotate: [
        'Change the password of the account (decode the header to see which one) at the service it logs in to.',
        'Store the user name and new password in your secrets manager or environment and build the header at run time.',
        'Redeploy the code, proxy configuration or scripts that send the header.',
        "Check the service's login log for use of the account from unknown addresses.",
      ],
      docs: 'https://www.rfc-editor.org/rfc/rfc7617',
    },
    guide: {
      grants:
        'A Basic-auth header is the user name and password themselves, only base64-encoded: it logs in as that account.',
      risks:
        'Anyone can decode the header and log in to the service, or try the same password on other systems of the same user.',
      checkMisuse:
        "Decode the header to identify the account, then review that service's authentication log for logins you did not make.",
    },
  },
];
