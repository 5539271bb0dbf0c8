// Whole files through the whole engine: the credential-file, connection-string and generic rules must find real
// secrets in realistic files (several lines, several syntaxes) and stay quiet on the shapes where generic
// scanners cry wolf: i18n strings, forms, signatures, comparisons, types, templates, lockfiles, docs, fixtures.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { credentialsRules } from '../../rules/credentials/index.js';
import { genericRules } from '../../rules/generic/index.js';
import { compileCatalog } from '../../src/engine/compile.js';
import { scan } from '../../src/engine/scan.js';
import { FakeKeys } from '../helpers/examples.js';

const catalog = compileCatalog(builtinRules);
const keys = new FakeKeys(31337);
const OURS = new Set([...credentialsRules, ...genericRules].map((r) => r.id));
const b64 = (text: string) => Buffer.from(text).toString('base64');
const r = (length = 24) => keys.chars('base62', length);

function findings(path: string, text: string) {
  return scan(catalog, { path, text });
}

describe('finds secrets in realistic files', () => {
  const cases: [name: string, path: string, text: string, expected: Record<string, number>][] = [
    [
      'a .env file',
      '.env',
      [
        '# local overrides',
        'NODE_ENV=production',
        `DB_PASSWORD=${r(20)}`,
        `SESSION_SECRET="${keys.chars('base64url', 48)}"`,
        `WEATHER_API_KEY=${keys.chars('hex', 32)}`,
        `GH_ACCESS_TOKEN=${r(40)}`,
        'LOG_LEVEL=info',
      ].join('\n'),
      { 'generic-password': 1, 'generic-secret': 1, 'generic-api-key': 1, 'generic-token': 1 },
    ],
    [
      'docker-compose with a real password',
      'docker-compose.yml',
      [
        'services:',
        '  db:',
        '    image: mysql:8',
        '    environment:',
        `      MYSQL_ROOT_PASSWORD: ${r(20)}`,
        '      MYSQL_DATABASE: shop',
        '  app:',
        `    environment: { DATABASE_URL: "mysql://shop:${r(20)}@db.prod.internal:3306/shop" }`,
      ].join('\n'),
      { 'generic-password': 1, 'mysql-connection-string': 1 },
    ],
    [
      'a Kubernetes Secret manifest',
      'k8s/secret.yaml',
      [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: app-credentials',
        '  labels:',
        '    app: shop',
        'type: Opaque',
        'data:',
        `  username: ${b64('shop-app')}`,
        `  password: ${b64(r(24))}`,
        `  database-url: ${b64(`postgres://shop:${r(20)}@pg.prod.internal:5432/shop`)}`,
      ].join('\n'),
      { 'kubernetes-secret-data': 1, 'postgres-connection-string': 1 },
    ],
    [
      'a multi-line .netrc',
      '.netrc',
      [
        'machine api.heroku.com',
        '  login ops@corp.io',
        `  password ${keys.chars('hex', 8)}-${keys.chars('hex', 4)}-4${keys.chars('hex', 3)}-8${keys.chars('hex', 3)}-${keys.chars('hex', 12)}`,
        'machine git.heroku.com',
        '  login ops@corp.io',
        `  password ${r(32)}`,
      ].join('\n'),
      // A credential file: its own rule reports its passwords, whatever their strength.
      { 'netrc-file-password': 2 },
    ],
    [
      'a .pgpass file',
      '.pgpass',
      [
        'localhost:5432:*:postgres:postgres',
        `pg.prod.internal:5432:shop:shop_app:${r(24)}`,
        `*:5432:*:replicator:${r(20)}`,
      ].join('\n'),
      { 'pgpass-file-password': 2 },
    ],
    [
      "Docker's config.json with base64 user:token",
      'docker/config.json',
      JSON.stringify(
        { auths: { 'registry.corp.io': { auth: b64(`ci-bot:${r(32)}`) }, 'ghcr.io': { auth: b64('user:password') } } },
        null,
        2,
      ),
      { 'docker-config-auth': 1 },
    ],
    [
      'a Basic auth header carrying a decoded password',
      'scripts/trigger.sh',
      `curl -X POST -H "Authorization: Basic ${b64(`jenkins:${r(20)}`)}" https://ci.corp.io/job/deploy/build`,
      { 'generic-basic-auth': 1 },
    ],
    [
      'Spring application.properties',
      'src/main/resources/application.properties',
      [
        'spring.datasource.url=jdbc:postgresql://pg.prod.internal:5432/orders',
        'spring.datasource.username=orders',
        `spring.datasource.password=${r(20)}`,
        `spring.mail.password=${r(16)}`,
      ].join('\n'),
      { 'generic-password': 2 },
    ],
    [
      'wp-config.php',
      'wp-config.php',
      [
        "define( 'DB_NAME', 'wordpress' );",
        "define( 'DB_USER', 'wp' );",
        `define( 'DB_PASSWORD', '${r(20)}' );`,
        `define( 'AUTH_KEY', '${keys.chars('base64', 64)}' );`,
        "define( 'DB_HOST', 'localhost' );",
      ].join('\n'),
      { 'wordpress-config-secret': 2 },
    ],
    [
      'Maven settings.xml',
      'settings.xml',
      [
        '<servers>',
        '  <server>',
        '    <id>corp-releases</id>',
        '    <username>deploy</username>',
        `    <password>${r(20)}</password>`,
        '  </server>',
        '</servers>',
      ].join('\n'),
      { 'generic-password': 1 },
    ],
    [
      'Terraform with a hard-coded password',
      'main.tf',
      [
        'resource "aws_db_instance" "main" {',
        '  engine   = "postgres"',
        '  username = "app"',
        `  password = "${r(20)}"`,
        '}',
      ].join('\n'),
      { 'generic-password': 1 },
    ],
    [
      'a deploy script with command-line credentials',
      'deploy.sh',
      [
        `mysqldump -h db.prod.internal -u backup -p${r(16)} shop > shop.sql`,
        `curl -u deploy:${r(24)} https://nexus.corp.io/service/rest/v1/status`,
      ].join('\n'),
      { 'generic-cli-credential': 2 },
    ],
    [
      'a PuTTY key with real newlines',
      'keys/deploy.ppk',
      [
        'PuTTY-User-Key-File-3: ssh-ed25519',
        'Encryption: none',
        'Comment: deploy',
        'Public-Lines: 2',
        keys.chars('base64', 64),
        keys.chars('base64', 4),
        'Private-Lines: 1',
        keys.chars('base64', 44),
        `Private-MAC: ${keys.chars('hex', 64)}`,
      ].join('\n'),
      { 'putty-private-key': 1 },
    ],
    [
      'an /etc/shadow excerpt',
      'image/etc/shadow',
      [
        'root:*:19700:0:99999:7:::',
        'daemon:*:19700:0:99999:7:::',
        `admin:$6$${r(16)}$${r(86)}:19710:0:99999:7:::`,
      ].join('\n'),
      { 'shadow-password-hash': 1 },
    ],
    [
      'an .htpasswd file',
      'nginx/.htpasswd',
      [`admin:$apr1$${r(8)}$${r(22)}`, `metrics:{SHA}${keys.chars('base64', 27)}=`, `ops:$2y$10$${r(53)}`].join('\n'),
      { 'htpasswd-apr1-hash': 1, 'htpasswd-sha1-hash': 1, 'htpasswd-bcrypt-hash': 1 },
    ],
  ];

  it.each(cases)('%s', (_name, path, text, expected) => {
    const found = findings(path, text);
    const counts: Record<string, number> = {};
    for (const f of found) if (OURS.has(f.ruleId)) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    expect(counts, text).toEqual(expected);
  });

  it("decodes a Kubernetes Secret's id keys: an id is not a finding, an access key id inside one is", () => {
    // Keys of its own: drawing from the shared ones would change every later case's values.
    const own = new FakeKeys(2026);
    const id = `AKIA${own.chars('base32', 16)}`;
    const clientId = own.chars('base62', 24);
    const text = ['kind: Secret', 'data:', `  AWS_ACCESS_KEY_ID: ${b64(id)}`, `  client-id: ${b64(clientId)}`].join(
      '\n',
    );
    const found = findings('k8s/aws.yaml', text);
    expect(found.map((f) => [f.ruleId, f.secret, f.line])).toEqual([['aws-access-key-id', id, 3]]);
    expect(found[0]!.title).toBe('AWS access key id (base64-encoded)');
  });
});

describe('stays quiet on look-alikes', () => {
  const quiet: [name: string, path: string, text: string][] = [
    [
      'i18n files',
      'locales/en.json',
      JSON.stringify(
        {
          login: {
            password: 'Password',
            passwordPlaceholder: 'Enter your password',
            forgotPassword: 'Forgot your password?',
          },
          settings: { apiKey: 'API key', token: 'Token', secret: 'Secret', credentials: 'Credentials' },
          de: { password: 'Passwort', token: 'Zugangstoken' },
        },
        null,
        2,
      ),
    ],
    [
      'an HTML login form',
      'templates/login.html',
      [
        '<form method="post" action="/login">',
        '  <input type="hidden" name="csrfmiddlewaretoken" value="{{ csrf_token }}">',
        `  <input type="hidden" name="authenticity_token" value="${keys.chars('base64', 44)}">`,
        `  <meta name="csrf-token" content="${keys.chars('base64url', 40)}">`,
        '  <label for="password">Password</label>',
        '  <input type="password" id="password" name="password" autocomplete="current-password" placeholder="Password">',
        '</form>',
      ].join('\n'),
    ],
    [
      'CSS',
      'styles/login.css',
      [
        '.password-field, input[type=password] { border: 1px solid #ccc; }',
        '.token-list > .token { color: #ff0000; }',
        '#api-key-input:focus { outline: none; }',
      ].join('\n'),
    ],
    [
      'SQL schema and queries',
      'db/schema.sql',
      [
        'CREATE TABLE users (id SERIAL PRIMARY KEY, email TEXT NOT NULL, password_hash VARCHAR(255) NOT NULL, api_token TEXT);',
        'UPDATE users SET password_hash = $1 WHERE id = $2;',
        'SELECT id FROM sessions WHERE token = :token AND expires_at > now();',
      ].join('\n'),
    ],
    [
      'Python code: signatures, comparisons, lookups, type hints',
      'app/auth.py',
      [
        'import os',
        'def login(username: str, password: str) -> bool:',
        '    token: Optional[str] = None',
        '    expected_token = os.environ["API_TOKEN"]',
        '    if token == expected_token:',
        '        return True',
        '    password = request.form["password"]',
        '    secret_key = os.getenv("SECRET_KEY")',
        '    api_key = settings.API_KEY',
        '    client_secret = get_secret("oauth/client-secret")',
        '    hashed_password = bcrypt.hashpw(password.encode(), bcrypt.gensalt())',
        '    logger.info("token=%s", token)',
        '    return check_password(password, user.password_hash)',
      ].join('\n'),
    ],
    [
      'TypeScript types and code',
      'src/auth.ts',
      [
        'export interface Credentials { username: string; password: string; apiKey?: string; token: string | null }',
        'const token = await getAccessToken();',
        'const apiKey = process.env.API_KEY ?? "";',
        'headers: { Authorization: `Bearer ${token}` },',
        'if (password !== confirmPassword) throw new Error("Passwords do not match");',
        'const secret = crypto.randomBytes(32).toString("hex");',
        'const pageToken = response.nextPageToken;',
      ].join('\n'),
    ],
    [
      'Go, Java and C# declarations',
      'src/Models.cs',
      [
        'type Config struct { Password string `json:"password" env:"DB_PASSWORD"` }',
        'String password = request.getParameter("password");',
        'public string Password { get; set; }',
        'private final String apiKey = System.getenv("API_KEY");',
        'let token = env::var("TOKEN")?;',
      ].join('\n'),
    ],
    [
      'Helm templates and values',
      'chart/templates/secret.yaml',
      [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: {{ include "app.fullname" . }}',
        'stringData:',
        '  password: {{ .Values.db.password | quote }}',
        'data:',
        '  api-key: {{ .Values.apiKey | b64enc }}',
        `  username: ${b64('app-user')}`,
        `  host: ${b64('db.prod.internal')}`,
        `  password: ${b64('password123')}`,
      ].join('\n'),
    ],
    [
      'a GitHub Actions workflow',
      '.github/workflows/deploy.yml',
      [
        'env:',
        '  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
        'steps:',
        '  - uses: docker/login-action@v3',
        '    with:',
        '      username: ${{ github.actor }}',
        '      password: ${{ secrets.GITHUB_TOKEN }}',
        '  - run: echo "$DOCKER_PASSWORD" | docker login -u "$DOCKER_USER" --password-stdin',
        '  - run: curl -H "Authorization: Bearer $API_TOKEN" https://api.corp.io/deploy',
      ].join('\n'),
    ],
    [
      'docker-compose with references and local defaults',
      'docker-compose.dev.yml',
      [
        'services:',
        '  db:',
        '    environment:',
        '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}',
        '      MYSQL_ROOT_PASSWORD: rootpassword',
        '      RABBITMQ_DEFAULT_PASS: guest',
        '  app:',
        '    environment:',
        '      DATABASE_URL: postgres://postgres:postgres@localhost:5432/app_dev',
        '      CACHE_URL: redis://:devpassword@localhost:6379/0',
        '      AMQP_URL: amqp://guest:guest@rabbitmq:5672/',
      ].join('\n'),
    ],
    [
      'lockfiles and checksum files',
      'package-lock.json',
      [
        '"node_modules/js-tokens": {',
        '  "version": "4.0.0",',
        `  "resolved": "https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz",`,
        `  "integrity": "sha512-${keys.chars('base64', 86)}=="`,
        '},',
        `"jsonwebtoken": "^9.0.2",`,
        `golang.org/x/oauth2 v0.21.0 h1:${keys.chars('base64', 43)}=`,
        `tokenizers = { version = "0.19.1", checksum = "${keys.chars('hex', 64)}" }`,
        `${keys.chars('hex', 64)}  secret-tool-linux-amd64.tar.gz`,
      ].join('\n'),
    ],
    [
      'README with placeholders',
      'README.md',
      [
        'Set `API_KEY=<your-api-key>` and `DB_PASSWORD=changeme` in `.env`.',
        '```',
        'export GITHUB_TOKEN=YOUR_TOKEN_HERE',
        'DATABASE_URL=postgres://user:password@localhost:5432/mydb',
        'mongodb+srv://<username>:<password>@cluster0.mongodb.net/',
        'curl -u admin:password http://localhost:8080/api',
        'Authorization: Bearer <token>',
        'Authorization: Basic dXNlcjpwYXNzd29yZA==',
        'password: ********',
        '```',
        'The `token` option accepts a personal access token; the password must be at least 12 characters.',
      ].join('\n'),
    ],
    [
      'test fixtures with dummy values',
      'tests/test_login.py',
      [
        'def test_login(client):',
        '    resp = client.post("/login", json={"email": "jane@example.com", "password": "testpassword123"})',
        '    user = UserFactory(password="P@ssw0rd!", api_key="test-api-key")',
        '    settings.SECRET_KEY = "not-a-secret"',
        '    token = "dummy-token"',
        '    assert resp.json()["token"] == "fake-jwt-token"',
        '    client_secret = "client-secret-for-tests"',
        '    webhook_secret = "whsec_test"',
      ].join('\n'),
    ],
    [
      'OpenAPI and JSON schema',
      'openapi.yaml',
      [
        'components:',
        '  securitySchemes:',
        '    bearerAuth: { type: http, scheme: bearer, bearerFormat: JWT }',
        '  schemas:',
        '    Login:',
        '      properties:',
        '        password: { type: string, format: password, minLength: 12 }',
        '        token: { type: string, example: "<access token>" }',
      ].join('\n'),
    ],
    [
      'encrypted and referenced secrets',
      'secrets.enc.yaml',
      [
        `password: ENC[AES256_GCM,data:${keys.chars('base64', 24)},iv:${keys.chars('base64', 44)},tag:${keys.chars('base64', 24)},type:str]`,
        'db_password: !vault |',
        '  $ANSIBLE_VAULT;1.1;AES256',
        "api_key: \"{{ lookup('aws_ssm', '/prod/api_key') }}\"",
        'client_secret: arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/oauth-AbCdEf',
        'token: op://Engineering/deploy/token',
        'secretKeyRef:',
        '  name: db-credentials',
        '  key: password',
      ].join('\n'),
    ],
    [
      'a Sealed Secret',
      'k8s/sealed.yaml',
      [
        'apiVersion: bitnami.com/v1alpha1',
        'kind: SealedSecret',
        'spec:',
        '  encryptedData:',
        `    password: AgB${keys.chars('base64', 700)}`,
      ].join('\n'),
    ],
    [
      'JWTs that grant nothing',
      'docs/jwt.md',
      [
        'Unsigned: eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.',
        'jwt.io sample: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      ].join('\n'),
    ],
    [
      'pagination, CSRF and device tokens',
      'fixtures/api-response.json',
      JSON.stringify(
        {
          nextPageToken: keys.chars('base64url', 40),
          continuationToken: keys.chars('base64', 32),
          csrf_token: keys.chars('hex', 64),
          deviceToken: keys.chars('hex', 64),
          idempotency_token: keys.chars('lower', 32),
        },
        null,
        2,
      ),
    ],
    [
      'public keys and public identifiers',
      'web/config.js',
      [
        `const firebaseConfig = { authDomain: "shop.firebaseapp.com", projectId: "shop-prod" };`,
        `NEXT_PUBLIC_MAPS_API_KEY=${r(39)}`,
        `ALGOLIA_SEARCH_API_KEY=${keys.chars('hex', 32)}`,
        `"private_key_id": "${keys.chars('hex', 40)}",`,
        `SOPS_AGE_RECIPIENTS=age1${keys.chars('lower', 58)}`,
      ].join('\n'),
    ],
  ];

  it.each(quiet)('%s', (_name, path, text) => {
    const ours = findings(path, text).filter((f) => OURS.has(f.ruleId));
    expect(
      ours.map((f) => `${f.ruleId}: ${f.lineText}`),
      text,
    ).toEqual([]);
  });
});

describe('a local database with a random password', () => {
  it('is a warning (a non-blocking finding), the local defaults beside it are not', () => {
    const text = [
      '  app:',
      '    environment:',
      '      DATABASE_URL: postgres://postgres:postgres@localhost:5432/app_dev',
      `      CACHE_URL: redis://:${r(24)}@localhost:6379/0`,
    ].join('\n');
    const ours = findings('docker-compose.dev.yml', text).filter((f) => OURS.has(f.ruleId));
    expect(ours.map((f) => [f.ruleId, f.line, f.testKey])).toEqual([['local-database-url-password', 4, true]]);
  });
});

describe('one finding per secret', () => {
  it('a provider or credential rule wins over the generic rules on the same value', () => {
    const jwt = keys.expand('{{jwt}}');
    const found = findings('.env', `AUTH_TOKEN=${jwt}\nAuthorization: Bearer ${jwt}`);
    expect(found.map((f) => f.ruleId)).toEqual(['jwt-signed-token', 'jwt-signed-token']);
  });

  it("a Customer.io sk_ key named only by the SDK's import is Customer.io's finding, not the generic rule's", () => {
    const key = `sk_${r(48)}`;
    const text = ['from customerio import APIClient, Regions', '', '', '', '', `api_key = "${key}"`].join('\n');
    expect(findings('app/notify.py', text).map((f) => [f.ruleId, f.line, f.secret])).toEqual([
      ['customerio-private-api-key', 6, key],
    ]);
  });

  it('a password in a connection string is reported once', () => {
    const found = findings(
      '.env',
      `DATABASE_URL=postgres://app:${r(20)}@pg.prod.internal/app\nConnectionStrings__Default=Server=sql01;Database=shop;User Id=app;Password=${r(20)};`,
    );
    expect(found.filter((f) => OURS.has(f.ruleId)).map((f) => f.ruleId)).toEqual([
      'postgres-connection-string',
      'mssql-connection-string',
    ]);
  });
});

describe('TypeScript unions are not Markdown tables', () => {
  it('stays quiet on a union of string literals after a token-named type', () => {
    const text = "export type Verifier =\n  'intercom-token' | 'github-crc32' | 'npm-crc32' | 'jwt-signed';\n";
    expect(scan(compileCatalog(builtinRules), { path: 'rules/schema.ts', text })).toEqual([]);
  });
});

describe('a value is reported whole, not cut at a character it may hold', () => {
  // Human-style passwords with `&` in the middle (or first), built at run time.
  const amp = () => `${r(7)}&${r(9)}!x`;
  const cases: [name: string, path: string, line: (value: string) => string][] = [
    [
      'a Dockerfile ENV in the space form',
      'Dockerfile',
      (v) => `FROM node:20\nENV LDAP_BIND_PASSWORD ${v}\nRUN npm ci`,
    ],
    ['a package.json script', 'package.json', (v) => `{"scripts": {"deploy": "DB_PASSWORD=${v} node deploy.js"}}`],
    ['a PHP putenv', 'app/boot.php', (v) => `<?php\nputenv('KEYSTORE_PASSWORD=${v}');`],
    ['a CSV cell', 'ops/inventory.csv', (v) => `name,value,team\nadmin_password,${v},infra`],
    ['a CSV cell that starts with &', 'ops/inventory.csv', (v) => `name,value,team\ndb_password,&${v},infra`],
    ['a log line', 'logs/app.log', (v) => `2024-05-06T08:10:26Z INFO config loaded: APP_SECRET_KEY=${v}`],
  ];
  for (const [name, path, line] of cases) {
    it(name, () => {
      const value = amp();
      const text = line(value);
      const secrets = findings(path, text).map((f) => f.secret);
      expect(secrets.some((s) => s.includes(value))).toBe(true);
      // No finding holds a fragment of the value (the part before its `&`).
      expect(secrets.filter((s) => value.startsWith(s) && s !== value)).toEqual([]);
    });
  }

  it('an XML-escaped & stays inside the value', () => {
    const value = `${r(6)}&amp;#${r(12)}`;
    expect(
      findings('ci/settings.xml', `<server>\n  <password>${value}</password>\n</server>`).map((f) => f.secret),
    ).toEqual([value]);
  });

  it('a URL query still ends the value at the next parameter', () => {
    const value = r(20);
    const secrets = findings('scripts/call.sh', `curl "https://api.example.io/login?password=${value}&user=bob"`).map(
      (f) => f.secret,
    );
    expect(secrets).toEqual([value]);
  });

  it('printf %s inside a random value is no placeholder; standing for the value it is', () => {
    const value = `${r(10)}Aa1&${r(8)}%${r(20)}=%s`;
    expect(findings('app/boot.php', `<?php\nputenv('DJANGO_SECRET_KEY=${value}');`).map((f) => f.secret)).toEqual([
      value,
    ]);
    expect(findings('app/db.py', 'DATABASE_PASSWORD = "%s"')).toEqual([]);
  });
});

describe('names, not secrets', () => {
  it("a secrets manager's name for a secret (an ARN's secret part) is not reported", () => {
    const text = `[main]\nstripe_api_key = arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/stripe_api_key-${keys.chars('base62', 6)}`;
    expect(findings('tox.ini', text)).toEqual([]);
  });

  it('a sensitive Terraform variable holding a Twilio SID or a Sentry DSN is not a secret', () => {
    const text = [
      'variable "twilio_account_sid" {',
      '  type      = string',
      `  default   = "AC${keys.chars('hex', 32)}"`,
      '  sensitive = true',
      '}',
      'variable "sentry_dsn" {',
      '  type      = string',
      `  default   = "https://${keys.chars('hex', 32)}@o600397.ingest.sentry.io/8842626"`,
      '  sensitive = true',
      '}',
    ].join('\n');
    expect(findings('infra/main.tf', text)).toEqual([]);
  });

  it("a Customer.io public key named on the line above is not Klaviyo's; a Klaviyo key there still is", () => {
    const cio = `pk_${keys.chars('hex', 34)}`;
    const klaviyo = `pk_${keys.chars('hex', 34)}`;
    const text = [
      '      env:',
      '        - name: NEXT_PUBLIC_CUSTOMERIO_KEY',
      `          value: ${cio}`,
      '        - name: KLAVIYO_PRIVATE_API_KEY',
      `          value: ${klaviyo}`,
    ].join('\n');
    expect(findings('k8s/deploy.yaml', text).map((f) => [f.ruleId, f.secret])).toEqual([
      ['klaviyo-private-api-key', klaviyo],
    ]);
  });

  it('two Customer.io Site IDs on lines of their own are no key pair', () => {
    const text = `env:\n  NEXT_PUBLIC_CUSTOMERIO_SITE_ID: '${keys.chars('hex', 20)}'\n  NEXT_PUBLIC_CUSTOMERIO_SITE_ID: ${keys.chars('hex', 20)}`;
    expect(findings('.github/workflows/deploy.yml', text)).toEqual([]);
  });
});
