// The generic-value verifier: random-looking values assigned to secret names are kept; placeholders, references,
// expressions, structured values, weak passwords and names are dropped.
import { describe, expect, it } from 'vitest';
import {
  isCodeName,
  looksLikeGenericSecret,
  looksLikeStrongPassword,
  looksLikeUrlPassword,
  looksLikeWordPressSecret,
} from '../../../src/engine/generic-value.js';
import { FakeKeys } from '../../helpers/examples.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const keys = new FakeKeys(4242);

describe('looksLikeGenericSecret keeps random-looking values', () => {
  it.each([
    ['base62', keys.chars('base62', 24)],
    ['base64', `${keys.chars('base64', 43)}=`],
    ['base64url', keys.chars('base64url', 40)],
    ['lower-case hex', keys.chars('hex', 32)],
    ['upper-case hex', keys.chars('HEX', 40)],
    ['upper alphanumeric', keys.chars('upper', 24)],
    ['lower alphanumeric', keys.chars('lower', 24)],
    ['a dashed token', `${keys.chars('lower', 8)}-${keys.chars('base62', 12)}-${keys.chars('base62', 8)}`],
    ['a password with symbols', 'hK#9vQ!2mZ$7pL@4'],
    ['a short password with all classes', 'Tr0ub4d&r3x!'],
    ['a hex private key with 0x', `0x${keys.chars('hex', 64)}`],
    ['a Laravel base64: key', `base64:${keys.chars('base64', 43)}=`],
    ['user:password with a random password', `deploy:${keys.chars('base62', 20)}`],
  ])('%s', (_kind, value) => {
    expect(looksLikeGenericSecret(value), value).toBe(true);
  });

  it('keeps base64 of user:password when the password is not a default (Basic auth, Docker auth)', () => {
    expect(looksLikeGenericSecret(b64(`ci-bot:${keys.chars('base62', 20)}`))).toBe(true);
    // The encoding says "credential": a human-chosen password counts once decoded.
    expect(looksLikeGenericSecret(b64('deploy:Summer2024!x'))).toBe(true);
    expect(looksLikeGenericSecret(b64(keys.chars('base62', 18)))).toBe(true);
  });

  it('accepts almost every random string of a token alphabet (sampled)', () => {
    const sampler = new FakeKeys(99);
    for (const [kind, length, minimum] of [
      ['base62', 20, 0.99],
      ['base64url', 32, 0.99],
      ['hex', 32, 0.99],
      ['upper', 24, 0.98],
      ['lower', 24, 0.98],
    ] as const) {
      let kept = 0;
      for (let i = 0; i < 500; i++) if (looksLikeGenericSecret(sampler.chars(kind, length))) kept++;
      expect(kept / 500, `${kind}:${length}`).toBeGreaterThanOrEqual(minimum);
    }
  });
});

describe('looksLikeGenericSecret drops values that are not secrets', () => {
  it.each([
    // Placeholders and masks
    ['changeme', 'changeme'],
    ['a repeated x', 'xxxxxxxxxxxxxxxx'],
    ['a doc placeholder', '<your-api-key>'],
    ['an upper-case placeholder', 'YOUR_API_KEY_HERE'],
    ['a mask', '****************'],
    ['a bullet mask', '••••••••••'],
    ['an example key', 'AKIAIOSFODNN7EXAMPLE'],
    ['a sequence', 'abcdef0123456789'],
    ['a Django insecure dev key', `django-insecure-${keys.chars('lower', 40)}`],
    // References and templates
    ['${VAR}', '${DB_PASSWORD}'],
    ['$VAR', '$DB_PASSWORD'],
    ['%VAR%', '%DB_PASSWORD%'],
    ['process.env', 'process.env.API_KEY'],
    ['os.environ', 'os.environ.get'],
    ['a Jinja / Helm template', '{{ .Values.password }}'],
    // Patterns for keys, and a nested assignment whose value is plainly not a secret
    ['a character class repeated', 'EAAA[A-Za-z0-9_-]{60}'],
    ['a hex class repeated', 'key_[0-9a-f]+'],
    ['a class escape repeated', 'tok_\\d{6}'],
    ['a group', '(?:sk|rk)_live_'],
    ['a query string parameter that is a date', 'sv=2022-11-02'],
    ['a nested template', 'sig=${SAS_SIGNATURE}'],
    ['an ERB template', '<%= ENV["SECRET"] %>'],
    ['a Ruby interpolation', '#{ENV["SECRET"]}'],
    ['a Vault reference', 'vault:secret/data/db#password'],
    ['an AWS Secrets Manager ARN', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf'],
    ['a 1Password reference', 'op://Engineering/db/password'],
    ['a GCP secret path', 'projects/123/secrets/db-password/versions/1'],
    ['a SOPS value', 'ENC[AES256_GCM,data:abc,iv:def]'],
    ['a YAML tag', '!Ref'],
    // Expressions and names
    ['a property access', 'config.database.password'],
    ['this.props', 'this.props.apiKey'],
    ['PHP member', 'Settings::API_TOKEN'],
    ['a camelCase name', 'hashedPassword'],
    ['a SCREAMING_SNAKE name', 'DB_PASSWORD_PROD'],
    ['a snake_case name', 'get_user_password'],
    ['a kebab-case name', 'my-app-secret'],
    ['a type name', 'CancellationToken'],
    ['a SQL parameter', ':password'],
    ['an English word', 'Password'],
    ['a German word', 'Passwort'],
    ['a phrase in camel case', 'EnterYourPassword'],
    // Structured values
    ['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a version', 'v10.4.1-beta.2'],
    ['a date', '2024-01-15T10:00:00Z'],
    ['a number', '1234567890'],
    ['a boolean', 'false'],
    ['a sha256 digest', 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['an npm integrity string', 'sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8='],
    ['a go.sum hash', 'h1:IfV12K8xAKAnZqdXVzCZ+TOjboZ2keLg81eXfW3O+oY='],
    ['a bcrypt hash', `$2b$12$${keys.chars('base62', 53)}`],
    ['a URL', 'https://vault.corp.io/v1/secret/data/db'],
    ['an absolute path', '/run/secrets/db_password'],
    ['a relative path', './secrets/token.txt'],
    ['a home path', '~/.ssh/id_ed25519'],
    ['a file name', 'service-account.json'],
    ['an e-mail address', 'ops@corp.io'],
    ['a host name', 'db.prod.internal'],
    ['an IP address', '10.0.0.1:5432'],
    ['an unsigned JWT', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'],
    // Weak, default and dummy passwords
    ['leetspeak password', 'P@ssw0rd123!'],
    ['admin with digits', 'Admin@123'],
    ['words and digits', 'testPassword123'],
    ['a composed dummy', 'MySuperSecretPassword2024!'],
    ['a dummy key', 'fake-api-key-123'],
    ['a test key', 'test_key_12345'],
    ['hexspeak', 'deadbeefdeadbeefdeadbeefdeadbeef'],
    ['letters and a keyboard walk', 'qwerty123'],
    ['abc and xyz', 'abc123XYZ'],
    ['a human password made of a word and a year', 'Summer2024!'],
    ['the Java keystore default', 'changeit'],
    ['too short', 'aB3$xY'],
    ['digits only', '83920174'],
    ['short hex', 'ff00aa11'],
    // base64 of something that is not a credential
    ['base64 of user:password', b64('user:password')],
    ['base64 of admin:admin', b64('admin:admin')],
    ['base64 of password123', b64('password123')],
    ['base64 of a host name', b64('db.prod.internal')],
    ['base64 of a user name', b64('app-user')],
    ['base64 of a sentence', b64('Hello there, world')],
  ])('%s', (_kind, value) => {
    expect(looksLikeGenericSecret(value), value).toBe(false);
  });
});

describe('identifiers found in real code', () => {
  it('a camelCase operation name is a code name for keys without a prefix', () => {
    expect(isCodeName('listSnowflakeIntegrationAccounts')).toBe(true);
    expect(isCodeName('JSONSchema202012KeywordDependentRequired')).toBe(true);
    // A long digit run needs three words around it.
    expect(isCodeName('Key20201231Abc')).toBe(false);
    expect(isCodeName(keys.chars('base62', 32))).toBe(false);
  });

  it.each([
    'receivedDiff',
    'ExtendsKeyword',
    'SyntaxKind.ExtendsKeyword',
    'config.database.password',
    'Klaviyo-API-Key',
  ])('%s is code, not a secret', (value) => expect(looksLikeGenericSecret(value)).toBe(false));
});

describe('code that an unquoted line value runs into', () => {
  it.each([
    'AWS.util.inherit({',
    'MergeFunctions<',
    'readFileSync(',
    'this._reqHeaders=r.headers.vary?t.headers:null',
    'self.settings.credentials',
  ])('%s is code, not a password', (value) => {
    expect(looksLikeGenericSecret(value)).toBe(false);
    expect(looksLikeStrongPassword(value)).toBe(false);
  });
});

describe('minified and compiled code as a value (real packages: CDK, Next.js, mysql2, gRPC)', () => {
  it.each([
    'exports.CfnAccount=void',
    'exports.HttpIntegrationSubtype=exports.HttpIntegrationType=void',
    't.isWritable=t.isReadable=t.isStream=void',
    'props.assumeRole?.roleArn',
    'atRest?.kmsKey',
    'props.replicationSourceIdentifier===void',
    'a.p256dh===t.p256dh',
    'storageEncrypted:props.storageEncryptionKey?!0:props.storageEncrypted',
    '+A)}s=makeRequest({urlList:[t]});n=',
    'AuthPluginDefinition<{',
    'grpc_orca_load_report',
    'AWS_OWNED_KMS_KEY',
    'HTTPPasswordMgr',
    'p256dh:s.p256dh',
    'appConfig.apiKey!',
    'Mustbe8characters',
    // A percent-encoded placeholder, base64 of a short word.
    '%5BFiltered%5D',
    'YWRtaW4=',
    // Helm charts and Python stubs: a Secret's name, a mount path, a URL's host, a type hint.
    'airflow-postgresql',
    'chartmuseum.domain2-tls',
    'etcd-cluster-1',
    '/opt/bitnami/postgresql/secrets/postgresql-password',
    '@hostname:6379',
    'Optional[MapOfStringToList]',
    // Laravel's validation rules, Ruby through a constant path.
    'required|string|min:8|confirmed',
    'ActiveSupport::SecureRandom.hex(64)',
    'ActionController::HttpAuthentication::Basic.',
    // Python reading a value, a call through `self`, databases' stored password hashes.
    'stdout.strip().splitlines()[-1]',
    'ntp_auth_mode[0][1].strip()',
    'AzureSASAuthentication(token=self.generate_sas_token',
    'md59543f1d82624df2b31672ec0f7050460',
    '*EE0D72C1085C46C5278932678FBE2C6A782821B4',
    // A custom header's name, a typed sequence, a key cut short, phpass's hash.
    'x-appwrite-session',
    'standard_abcd1234',
    'sk-proj-YNz..',
    '$P$BQx7Tz9Kp4Wm2Rv8LnXc3QaZ5yJ0hGfD',
  ])('%s is code, not a secret', (value) => {
    expect(looksLikeGenericSecret(value)).toBe(false);
    expect(looksLikeStrongPassword(value)).toBe(false);
  });

  it("keeps passwords that share some of code's punctuation", () => {
    expect(looksLikeStrongPassword('Sunflower.Copper50!')).toBe(true);
    expect(looksLikeStrongPassword('Tractor.Orbit82$YZ')).toBe(true);
    expect(looksLikeGenericSecret('Qx7vR2mK9p.Lz4Nw8Tb3Yh')).toBe(true);
    // Symbols that code uses too (`)}`), between short random pieces.
    expect(looksLikeGenericSecret('kT9)}mQ2+vWz=x7')).toBe(true);
    expect(looksLikeGenericSecret('x9_qz7kv2_rt8wm4_2k')).toBe(true);
  });

  it('drops an uncompressed EC public key (a Web Push server key), keeps 65 other bytes', () => {
    const point = Buffer.from(keys.chars('base64', 88), 'base64').subarray(0, 65);
    point[0] = 0x04;
    expect(looksLikeGenericSecret(point.toString('base64url'))).toBe(false);
    point[0] = 0x05;
    expect(looksLikeGenericSecret(point.toString('base64url'))).toBe(true);
  });

  it('drops a public key in DER, keeps a private one', () => {
    const publicKey = Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      Buffer.from(keys.chars('hex', 64), 'hex'),
    ]);
    expect(looksLikeGenericSecret(publicKey.toString('base64'))).toBe(false);
    const privateKey = Buffer.concat([
      Buffer.from('302e020100300506032b657004220420', 'hex'),
      Buffer.from(keys.chars('hex', 64), 'hex'),
    ]);
    expect(looksLikeGenericSecret(privateKey.toString('base64'))).toBe(true);
  });

  it("keeps random values that share a name's or a path's punctuation", () => {
    expect(looksLikeGenericSecret('k8x2mq9vlp-z7wn4rt3ha')).toBe(true);
    expect(looksLikeGenericSecret('/aB3xY9qL/Kp2mW7zR/Tq8vN4')).toBe(true);
    expect(looksLikeGenericSecret('@Xq7Tz9Kp4Wm2Rv8Ln3Q')).toBe(true);
  });

  it('keeps random values with pipes or colons in them', () => {
    expect(looksLikeGenericSecret('Xq7|Tz9K|p4Wm2vR8')).toBe(true);
    expect(looksLikeGenericSecret('Xq7(Tz9)Kp4[Wm]')).toBe(true);
    // One dot at the end is part of a value; two are an ellipsis.
    expect(looksLikeGenericSecret('Xq7Tz9Kp4Wm2Rv8L.')).toBe(true);
    expect(looksLikeStrongPassword('Orbit::Tractor82$Z')).toBe(true);
  });

  it('a word standing for a URL password is no password; a random one with the word in it is', () => {
    expect(looksLikeUrlPassword('proxy_password')).toBe(false);
    expect(looksLikeUrlPassword('db-passwd')).toBe(false);
    expect(looksLikeUrlPassword('Xk9_password_7Qz')).toBe(true);
  });

  it('keeps a percent-encoded random value', () => {
    expect(looksLikeGenericSecret('Xq7T%2Fz9Kp4Wm%2BRv8Ln3Q')).toBe(true);
  });

  it('keeps random keys with a long digit run, and acronym-led random letters', () => {
    expect(looksLikeGenericSecret('Xq7Tz20201231Kp9Wm4Rv')).toBe(true);
    expect(looksLikeGenericSecret('QZXWvbtnKmpqRstl')).toBe(true);
  });

  it('drops a value with two runs of one character three times over, keeps one with a single run', () => {
    expect(looksLikeGenericSecret('cl_B7d4PD111AAA')).toBe(false);
    expect(looksLikeGenericSecret(`${keys.chars('base62', 12)}777${keys.chars('base62', 12)}`)).toBe(true);
    // Hex repeats characters more often: it is not judged by runs.
    expect(looksLikeGenericSecret(`${keys.chars('hex', 14)}aaa${keys.chars('hex', 6)}111${keys.chars('hex', 9)}`)).toBe(
      true,
    );
  });
});

describe('passwords people choose', () => {
  it('keeps a word password with a `$` inside (not a code name or a property access)', () => {
    expect(looksLikeStrongPassword('Tractor.Orbit82$YZ')).toBe(true);
    expect(looksLikeStrongPassword('Bluebird-Copper95$to')).toBe(true);
  });
  it('still drops `$` names of code', () => {
    expect(looksLikeGenericSecret('this.$store')).toBe(false);
    expect(looksLikeGenericSecret('$scope.apiKey')).toBe(false);
  });
});

describe('prefixes other rules own', () => {
  it.each([
    ['a GitHub placeholder', 'ghs_APPID_JWT'],
    ['a publishable key', `pk_${'a1B2c3D4e5F6g7H8'.repeat(2)}`],
    ['a SonarQube badge token', `sqb_${'0f1e2d3c4b5a'.repeat(3)}0f1e`],
  ])('%s is left to its own rule', (_kind, value) => expect(looksLikeGenericSecret(value)).toBe(false));
});

describe('secret store names', () => {
  it('a Secrets Manager name with its six-character suffix is not a password', () => {
    expect(looksLikeStrongPassword('prod/api_key-JbZYOA')).toBe(false);
    expect(looksLikeStrongPassword('shop/prod/db_password-Ab12Cd')).toBe(false);
  });
});

describe('values that only look like patterns or nested assignments', () => {
  it('keeps a random value behind a nested name, and brackets without a range', () => {
    expect(looksLikeGenericSecret(`sig=${keys.chars('base62', 40)}`)).toBe(true);
    expect(looksLikeGenericSecret(`Zq8[${keys.chars('base62', 12)}]{Wr}`)).toBe(true);
  });
});

describe("looksLikeWordPressSecret: wp-config.php's password, keys and salts", () => {
  // WordPress's salt alphabet (wp_generate_password(64, true, true)) holds every mark a template is made of.
  it.each([
    ['a salt holding {{', `${keys.chars('base62', 30)}{{x}}${keys.chars('base62', 29)}`],
    ['a salt holding <% and %>', `${keys.chars('base62', 20)}<%${keys.chars('base62', 20)}%>`],
    ['a salt holding #{', `#{${keys.chars('base62', 40)}`],
    ['a salt opening with $(', `$(${keys.chars('base62', 40)}`],
    ['a salt holding ${', `${keys.chars('base62', 10)}\${${keys.chars('base62', 40)}`],
    ['a salt holding %} and $0', `${keys.chars('base62', 10)}%}$0x${keys.chars('base62', 40)}`],
    ['a salt holding ..., *** and %s', `${keys.chars('base62', 10)}...***-%s-${keys.chars('base62', 20)}`],
    ['a salt with blanks at its ends', ` ${keys.chars('base62', 30)}|${keys.chars('base62', 30)} `],
    ['a weak password', 'hunter22'],
    ['a password opening with $', `$ecret${keys.chars('base62', 8)}`],
  ])('keeps %s', (_kind, value) => {
    expect(looksLikeWordPressSecret(value)).toBe(true);
  });

  it.each([
    ['the sample file', 'put your unique phrase here'],
    ["the sample file's password", 'password_here'],
    ['a blank', ' '],
    ['a mask', '********'],
    ['a placeholder in angle brackets', '<your database password>'],
    ['a Jinja template', '{{ wordpress_auth_key }}'],
    ['an ERB template', '<%= @db_password %>'],
    ['a shell reference', '${WORDPRESS_DB_PASSWORD}'],
    ["envsubst's reference", '$WORDPRESS_DB_PASSWORD'],
    ['a build token', '__AUTH_KEY__'],
  ])('drops %s', (_kind, value) => {
    expect(looksLikeWordPressSecret(value)).toBe(false);
  });
});
