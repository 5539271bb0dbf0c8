// Planted look-alikes: values that resemble secrets but must NOT be reported. Each is labelled with the provider
// it resembles (its `family`) and a type, so a false positive can be traced to the shape that caused it.
//
// Decisions on arguable cases (documented here and in the report header):
// - Public by design, so look-alikes: Stripe publishable keys (pk_live_/pk_test_), Stripe object ids (cus_, price_,
//   cs_live_…), Klaviyo 6-character public keys / site ids, Intercom app ids and identity-verification user hashes,
//   the Customer.io Site ID alone in the browser JavaScript snippet (no API key next to it), Google OAuth client
//   ids, Sentry DSNs, Twilio Account SIDs / Messaging Service SIDs on their own, Algolia application ids and
//   search-only keys, Segment write keys in the browser `analytics.load(…)` snippet, Mapbox `pk.` tokens,
//   PostHog `phc_` project keys, Datadog RUM client tokens (`pub…`), reCAPTCHA site keys, Supabase anon keys.
// - Not secrets: hashes of any kind (git shas, sha256/sha512, SRI, lockfile checksums, bcrypt hashes in fixtures),
//   UUIDs, versions, CSS colours and class hashes, data: URIs, source-map mappings, bundle content hashes,
//   OpenTelemetry trace ids in logs, public PEM blocks (certificates, public keys, ssh-rsa lines), the AWS and
//   Azure documentation/emulator keys, a `ghp_` token whose CRC32 does not check out (not a token GitHub issued).
// - Placeholders and references: `sk_live_xxxx…`, masked keys, `<your-api-key>`, `${VAR}`, `process.env.X`,
//   `changeme`, template expressions. Translation strings ("password": "Password").
import type { Rng } from './rng.js';
import type { Field, Generator, Item } from './secrets.js';
import { checksummedToken, jwt, uuid } from './secrets.js';
import { tokens2026Lookalikes } from './tokens-2026.js';

function lookalike(family: string, type: string, fields: Field[], rest: Partial<Item> = {}): Item {
  return { role: 'lookalike', family, type, fields, targets: rest.targets ?? fields.map((f) => f.value), ...rest };
}
const field = (name: string, value: string, short?: string): Field =>
  short ? { name, short, value } : { name, value };

export function sha(rng: Rng): string {
  return rng.chars('hex', 40);
}

export const lookalikeGenerators: readonly Generator[] = [
  {
    family: 'stripe',
    type: 'stripe/publishable-key',
    weight: 5,
    make(rng) {
      const mode = rng.pick(['live', 'test']);
      const key = rng.chance(0.6) ? `pk_${mode}_51${rng.chars('base62', 97)}` : `pk_${mode}_${rng.chars('base62', 24)}`;
      const [name, short] = rng.pick([
        ['STRIPE_PUBLISHABLE_KEY', 'PUBLISHABLE_KEY'],
        ['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'PUBLISHABLE_KEY'],
        ['VITE_STRIPE_PK', 'PK'],
        ['STRIPE_PUBLIC_KEY', 'PUBLIC_KEY'],
      ] as const);
      return lookalike('stripe', this.type, [field(name, key, short)], {
        section: 'stripe',
        snippets: {
          js: [
            [`const stripePromise = loadStripe('${key}');`],
            [`const stripe = Stripe("${key}");`, `const elements = stripe.elements();`],
          ],
          ruby: [[`Rails.configuration.stripe = { publishable_key: '${key}' }`]],
          python: [[`STRIPE_PUBLISHABLE_KEY = "${key}"  # safe to expose in the browser`]],
        },
      });
    },
  },
  {
    family: 'stripe',
    type: 'stripe/object-id',
    weight: 3,
    make(rng) {
      const [name, value] = rng.pick([
        ['STRIPE_PRICE_ID', `price_1${rng.chars('base62', 23)}`],
        ['STRIPE_PRODUCT_ID', `prod_${rng.chars('base62', 14)}`],
        ['STRIPE_ACCOUNT_ID', `acct_1${rng.chars('base62', 15)}`],
        ['TEST_CUSTOMER_ID', `cus_${rng.chars('base62', 14)}`],
        ['CHECKOUT_SESSION_ID', `cs_live_a1${rng.chars('base62', 56)}`],
        ['PAYMENT_INTENT_ID', `pi_3${rng.chars('base62', 23)}`],
        ['STRIPE_COUPON', `promo_1${rng.chars('base62', 23)}`],
      ] as const);
      return lookalike('stripe', this.type, [field(name, value)], { section: 'stripe' });
    },
  },
  {
    family: 'stripe',
    type: 'stripe/placeholder',
    weight: 3,
    make(rng) {
      const value = rng.pick([
        'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
        'sk_live_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'sk_live_...',
        'sk_test_YOUR_SECRET_KEY_HERE',
        'sk_live_<redacted>',
        `sk_live_****************…${rng.chars('base62', 4)}`,
        'rk_live_************************',
        'sk_live_REPLACE_ME_WITH_YOUR_KEY',
        'whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `sk_live_${'0'.repeat(24)}`,
      ]);
      return lookalike(
        'stripe',
        this.type,
        [field(rng.pick(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_KEY']), value, 'SECRET_KEY')],
        { section: 'stripe' },
      );
    },
  },
  {
    family: 'klaviyo',
    type: 'klaviyo/public-site-id',
    weight: 4,
    make(rng) {
      const id = rng.chars('alpha', 6);
      const [name, short] = rng.pick([
        ['KLAVIYO_PUBLIC_KEY', 'PUBLIC_KEY'],
        ['KLAVIYO_SITE_ID', 'SITE_ID'],
        ['KLAVIYO_COMPANY_ID', 'COMPANY_ID'],
        ['KLAVIYO_NEWSLETTER_LIST_ID', 'LIST_ID'],
      ] as const);
      return lookalike('klaviyo', this.type, [field(name, id, short)], {
        section: 'klaviyo',
        snippets: {
          js: [
            [`loadScript('https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=${id}');`],
            [`window._learnq = window._learnq || [];`, `_learnq.push(['account', '${id}']);`],
          ],
        },
      });
    },
  },
  {
    family: 'klaviyo',
    type: 'klaviyo/pk-lookalike',
    weight: 1,
    make(rng) {
      // `pk_` that is not a Klaviyo key: a Django/Rails primary key variable, a short hex, a constraint name.
      const value = rng.pick([
        `pk_${rng.chars('hex', 20)}`,
        `pk_${rng.int(1, 99999)}`,
        `pk_${rng.chars('lowerAlpha', 8)}_idx`,
      ]);
      return lookalike('klaviyo', this.type, [field('CACHE_KEY', value)]);
    },
  },
  {
    family: 'intercom',
    type: 'intercom/app-id',
    weight: 3,
    make(rng) {
      const appId = rng.chars('lower', 8);
      const userHash = rng.chars('hex', 64);
      return lookalike('intercom', this.type, [field('INTERCOM_APP_ID', appId, 'APP_ID')], {
        section: 'intercom',
        targets: [appId, userHash],
        snippets: {
          js: [
            [
              `window.intercomSettings = {`,
              `  api_base: 'https://api-iam.intercom.io',`,
              `  app_id: '${appId}',`,
              `  user_hash: '${userHash}', // HMAC of the user id, computed server-side`,
              `};`,
            ],
          ],
        },
      });
    },
  },
  {
    family: 'intercom',
    type: 'intercom/base64-not-token',
    weight: 1,
    make(rng) {
      // base64 that starts like a token but decodes to something else (not to `token:` and a random value, which
      // is a token to any reader).
      const text = rng.pick([
        `token:refresh:${1_700_000_000 + rng.int(0, 40_000_000)}:1`,
        `tok:${rng.chars('lower', 30)}:v2`,
        `tokenizer=${rng.chars('alpha', 30)}`,
      ]);
      return lookalike('intercom', this.type, [field('SERIALIZED_STATE', Buffer.from(text).toString('base64'))]);
    },
  },
  {
    family: 'customerio',
    type: 'customerio/browser-site-id',
    weight: 2,
    make(rng) {
      const site = rng.chars('hex', 20);
      return lookalike('customerio', this.type, [field('NEXT_PUBLIC_CUSTOMERIO_SITE_ID', site, 'SITE_ID')], {
        section: 'customerio',
        snippets: {
          js: [
            [
              'var _cio = _cio || [];',
              '(function() {',
              '  var a,b,c;a=function(f){return function(){_cio.push([f].concat(Array.prototype.slice.call(arguments,0)))}};',
              '  b=["load","identify","sidentify","track","page","on","off"];for(c=0;c<b.length;c++){_cio[b[c]]=a(b[c])};',
              "  var t = document.createElement('script'), s = document.getElementsByTagName('script')[0];",
              "  t.async = true; t.id = 'cio-tracker';",
              `  t.setAttribute('data-site-id', '${site}');`,
              "  t.src = 'https://assets.customer.io/assets/track.js';",
              '  s.parentNode.insertBefore(t, s);',
              '})();',
            ],
            [
              `analytics.load({ writeKey: cdpWriteKey }, { integrations: { 'Customer.io Data Pipelines': { siteId: '${site}' } } });`,
            ],
          ],
        },
      });
    },
  },
  {
    family: 'customerio',
    type: 'customerio/hex-near-context',
    weight: 3,
    make(rng) {
      // Hex that is not a credential, next to words a context-gated rule looks for.
      const hash20 = rng.chars('hex', 20);
      const hash32 = rng.chars('hex', 32);
      const sha40 = rng.chars('hex', 40);
      const variant = rng.int(0, 3);
      const lines = [
        [`import '../vendor/cio-tracking.${hash20}.js'; // webpack [contenthash:20]`],
        [
          `// customerio-node pinned to a fork while upstream reviews the fix`,
          `"customerio-node": "github:acme/customerio-node#${sha40}",`,
        ],
        [`logger.info({ trace_id: '${hash32}', provider: 'customerio' }, 'cio identify ok');`],
        [`const CIO_EVENT_SCHEMA_HASH = '${hash32}'; // md5 of schemas/cio-events.json`],
      ][variant]!;
      const target = [hash20, sha40, hash32, hash32][variant]!;
      return lookalike('customerio', this.type, [field('CIO_ASSET_HASH', target)], {
        snippets: { js: [lines] },
        targets: [target],
        snippetOnly: true,
      });
    },
  },
  {
    family: 'database-url',
    type: 'database-url/local-dev',
    weight: 2,
    make(rng) {
      // Local development databases with their well-known default credentials (the policy of
      // rules/credentials/connection-strings.ts: anything pointing at the local machine is not a secret).
      const [name, url] = rng.pick([
        ['DATABASE_URL', 'postgres://postgres:postgres@localhost:5432/app_dev'],
        ['DATABASE_URL', 'postgresql://app:app@127.0.0.1:5432/app_test'],
        ['MYSQL_URL', 'mysql://root:root@localhost:3306/shop_development'],
        ['MONGODB_URI', 'mongodb://localhost:27017/test'],
        ['REDIS_URL', 'redis://localhost:6379/0'],
        ['AMQP_URL', 'amqp://guest:guest@localhost:5672/'],
      ] as const);
      return lookalike('database-url', this.type, [field(name, url, 'URL')], { section: 'database' });
    },
  },
  {
    family: 'gcp',
    type: 'gcp/oauth-client-id',
    weight: 2,
    make(rng) {
      const id = `${rng.chars('digits', 12)}-${rng.chars('lower', 32)}.apps.googleusercontent.com`;
      return lookalike('gcp', this.type, [field('GOOGLE_CLIENT_ID', id, 'CLIENT_ID')], { section: 'google' });
    },
  },
  {
    family: 'sentry',
    type: 'sentry/dsn',
    weight: 3,
    make(rng) {
      const key = rng.chars('hex', 32);
      const dsn = `https://${key}@o${rng.chars('digits', 6)}.ingest.${rng.pick(['', 'us.', 'de.'])}sentry.io/${rng.chars('digits', 7)}`;
      return lookalike('sentry', this.type, [field(rng.pick(['SENTRY_DSN', 'NEXT_PUBLIC_SENTRY_DSN']), dsn, 'DSN')], {
        section: 'sentry',
        targets: [key],
        snippets: {
          js: [[`Sentry.init({`, `  dsn: "${dsn}",`, `  tracesSampleRate: 0.1,`, `});`]],
          python: [[`sentry_sdk.init(dsn="${dsn}", traces_sample_rate=0.2)`]],
        },
      });
    },
  },
  {
    family: 'git',
    type: 'git/commit-sha',
    weight: 3,
    make(rng) {
      const value = sha(rng);
      return lookalike(
        'git',
        this.type,
        [field(rng.pick(['GIT_COMMIT', 'BUILD_SHA', 'SOURCE_VERSION', 'RELEASE_COMMIT']), value)],
        {
          snippets: {
            yaml: [[`      - uses: actions/checkout@${value} # v4.1.7`]],
            shell: [[`git checkout ${value}`], [`git cherry-pick ${value.slice(0, 12)}`]],
          },
        },
      );
    },
  },
  {
    family: 'hash',
    type: 'hash/sha256-sha512',
    weight: 3,
    make(rng) {
      const value = rng.pick([rng.chars('hex', 64), rng.chars('hex', 128), rng.chars('hex', 32), rng.chars('HEX', 64)]);
      return lookalike(
        'hash',
        this.type,
        [field(rng.pick(['ARTIFACT_SHA256', 'CHECKSUM', 'EXPECTED_DIGEST', 'CONFIG_HASH', 'ETAG']), value)],
        {
          snippets: { shell: [[`echo "${value}  terraform_1.9.5_linux_amd64.zip" | sha256sum -c -`]] },
        },
      );
    },
  },
  {
    family: 'hash',
    type: 'hash/bcrypt-fixture',
    weight: 1,
    make(rng) {
      const value = `$2b$12$${rng.chars('base62', 53)}`;
      return lookalike('hash', this.type, [field('PASSWORD_HASH', value)], {
        snippets: { sql: [[`INSERT INTO users (email, password_hash) VALUES ('admin@acme.test', '${value}');`]] },
      });
    },
  },
  {
    family: 'uuid',
    type: 'uuid/id',
    weight: 3,
    make(rng) {
      const value = rng.chance(0.8) ? uuid(rng) : uuid(rng).toUpperCase();
      return lookalike(
        'uuid',
        this.type,
        [
          field(
            rng.pick([
              'AZURE_TENANT_ID',
              'PROJECT_ID',
              'WORKSPACE_ID',
              'DEFAULT_ORG_ID',
              'IDEMPOTENCY_KEY',
              'APPLICATION_ID',
            ]),
            value,
          ),
        ],
        {},
      );
    },
  },
  {
    family: 'version',
    type: 'version/string',
    weight: 2,
    make(rng) {
      const value = rng.pick([
        `${rng.int(0, 20)}.${rng.int(0, 40)}.${rng.int(0, 30)}`,
        `v${rng.int(1, 9)}.${rng.int(0, 40)}.${rng.int(0, 30)}-rc.${rng.int(1, 5)}+build.2024${rng.chars('digits', 4)}`,
        `v0.0.0-2024${rng.chars('digits', 10)}-${rng.chars('hex', 12)}`,
      ]);
      return lookalike('version', this.type, [field(rng.pick(['APP_VERSION', 'SDK_VERSION', 'IMAGE_TAG']), value)]);
    },
  },
  {
    family: 'placeholder',
    type: 'placeholder/value',
    weight: 5,
    make(rng) {
      const name = rng.pick([
        'STRIPE_SECRET_KEY',
        'KLAVIYO_PRIVATE_API_KEY',
        'INTERCOM_ACCESS_TOKEN',
        'CUSTOMERIO_API_KEY',
        'AWS_SECRET_ACCESS_KEY',
        'DB_PASSWORD',
        'OPENAI_API_KEY',
        'GITHUB_TOKEN',
        'API_KEY',
        'CLIENT_SECRET',
      ]);
      const value = rng.pick([
        '<your-api-key>',
        `\${${name}}`,
        `$${name}`,
        'changeme',
        'CHANGE_ME',
        'REPLACE_ME',
        'your-secret-here',
        'xxxxxxxxxxxxxxxxxxxxxxxx',
        '********',
        `{{ .Values.secrets.${name.toLowerCase()} }}`,
        `\${{ secrets.${name} }}`,
        `%(${name})s`,
        'TODO',
        'dummy',
        'not-a-real-key',
        `op://Engineering/${name.toLowerCase()}/credential`,
        `vault:secret/data/app#${name.toLowerCase()}`,
        `arn:aws:secretsmanager:eu-west-1:${rng.chars('digits', 12)}:secret:prod/${name.toLowerCase()}-${rng.chars('alpha', 6)}`,
      ]);
      return lookalike('placeholder', this.type, [field(name, value)]);
    },
  },
  {
    family: 'placeholder',
    type: 'placeholder/env-reference',
    weight: 3,
    make(rng) {
      const name = rng.pick([
        'STRIPE_SECRET_KEY',
        'KLAVIYO_API_KEY',
        'INTERCOM_TOKEN',
        'CUSTOMERIO_APP_API_KEY',
        'DATABASE_URL',
        'SENDGRID_API_KEY',
      ]);
      const js = `process.env.${name}`;
      return lookalike('placeholder', this.type, [field(`${name}_REF`, js)], {
        targets: [name],
        snippetOnly: true,
        snippets: {
          js: [
            [`const ${name.toLowerCase().replace(/_(.)/g, (_m, c: string) => c.toUpperCase())} = process.env.${name};`],
            [`const key = process.env.${name} ?? '';`],
          ],
          python: [
            [`${name.toLowerCase()} = os.environ["${name}"]`],
            [`${name.toLowerCase()} = os.getenv("${name}", "")`],
          ],
          ruby: [[`${name.toLowerCase()} = ENV.fetch("${name}")`]],
          go: [[`key := os.Getenv("${name}")`]],
          java: [
            [
              `@Value("\${${name.toLowerCase().replace(/_/g, '.')}}")`,
              `private String ${name.toLowerCase().replace(/_(.)/g, (_m, c: string) => c.toUpperCase())};`,
            ],
          ],
          php: [[`$key = getenv('${name}');`], [`'secret' => env('${name}'),`]],
          shell: [[`: "\${${name}:?set ${name} first}"`]],
          csharp: [[`var key = Environment.GetEnvironmentVariable("${name}");`]],
        },
      });
    },
  },
  {
    family: 'public-id',
    type: 'public-id/twilio-sid',
    weight: 2,
    make(rng) {
      const [name, value] = rng.pick([
        ['TWILIO_ACCOUNT_SID', `AC${rng.chars('hex', 32)}`],
        ['TWILIO_MESSAGING_SERVICE_SID', `MG${rng.chars('hex', 32)}`],
        ['TWILIO_VERIFY_SERVICE_SID', `VA${rng.chars('hex', 32)}`],
      ] as const);
      return lookalike('twilio', this.type, [field(name, value)], { section: 'twilio' });
    },
  },
  {
    family: 'public-id',
    type: 'public-id/algolia-search',
    weight: 2,
    make(rng) {
      const app = rng.chars('upper', 10);
      const key = rng.chars('hex', 32);
      return lookalike(
        'algolia',
        this.type,
        [
          field('NEXT_PUBLIC_ALGOLIA_APP_ID', app, 'APP_ID'),
          field('NEXT_PUBLIC_ALGOLIA_SEARCH_KEY', key, 'SEARCH_KEY'),
        ],
        {
          section: 'algolia',
          snippets: { js: [[`const searchClient = algoliasearch('${app}', '${key}'); // search-only key, public`]] },
        },
      );
    },
  },
  {
    family: 'public-id',
    type: 'public-id/browser-keys',
    weight: 3,
    make(rng) {
      const [name, value, js] = rng.pick([
        ['SEGMENT_WRITE_KEY', rng.chars('base62', 32), (v: string) => `analytics.load("${v}");`],
        [
          'MAPBOX_ACCESS_TOKEN',
          `pk.eyJ1Ijoi${rng.chars('base64url', 30)}.${rng.chars('base64url', 22)}`,
          (v: string) => `mapboxgl.accessToken = '${v}';`,
        ],
        [
          'NEXT_PUBLIC_POSTHOG_KEY',
          `phc_${rng.chars('base62', 43)}`,
          (v: string) => `posthog.init('${v}', { api_host: 'https://eu.i.posthog.com' });`,
        ],
        [
          'DD_CLIENT_TOKEN',
          `pub${rng.chars('hex', 32)}`,
          (v: string) =>
            `datadogRum.init({ clientToken: '${v}', applicationId: '${uuid(rng)}', site: 'datadoghq.eu' });`,
        ],
        [
          'RECAPTCHA_SITE_KEY',
          `6L${rng.chars('base64url', 38)}`,
          (v: string) => `grecaptcha.execute('${v}', { action: 'submit' });`,
        ],
        ['GA_MEASUREMENT_ID', `G-${rng.chars('upper', 10)}`, (v: string) => `gtag('config', '${v}');`],
        [
          'NEXT_PUBLIC_SUPABASE_ANON_KEY',
          jwt(rng, {
            iss: 'supabase',
            ref: rng.chars('lowerAlpha', 20),
            role: 'anon',
            iat: 1_700_000_000,
            exp: 2_015_000_000,
          }),
          (v: string) => `const supabase = createClient(SUPABASE_URL, '${v}');`,
        ],
      ] as const);
      return lookalike('public-id', this.type, [field(name, value)], {
        snippets: { js: [[js(value)]] },
        snippetOnly: true,
      });
    },
  },
  {
    family: 'aws',
    type: 'aws/documentation-example',
    weight: 1,
    make() {
      return lookalike(
        'aws',
        this.type,
        [
          field('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE', 'ACCESS_KEY_ID'),
          field('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'SECRET_ACCESS_KEY'),
        ],
        { section: 'aws' },
      );
    },
  },
  {
    family: 'azure',
    type: 'azure/emulator-key',
    weight: 1,
    make() {
      const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
      return lookalike(
        'azure',
        this.type,
        [
          field(
            'AZURE_STORAGE_CONNECTION_STRING',
            `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
          ),
        ],
        { section: 'azure', targets: [key] },
      );
    },
  },
  {
    family: 'github',
    type: 'github/bad-checksum',
    weight: 1,
    make(rng) {
      const real = checksummedToken(rng, 'ghp');
      const broken = `${real.slice(0, -6)}${rng.chars('base62', 6)}`;
      return lookalike('github', this.type, [field('FAKE_GITHUB_TOKEN', broken)], {
        snippetOnly: true,
        snippets: {
          js: [
            [
              `it('rejects a token whose checksum does not match', () => {`,
              `  expect(isGithubToken('${broken}')).toBe(false);`,
              '});',
            ],
          ],
          python: [[`def test_rejects_bad_checksum():`, `    assert not is_github_token("${broken}")`]],
          go: [[`{name: "bad checksum", token: "${broken}", valid: false},`]],
        },
      });
    },
  },
  {
    family: 'pem-public',
    type: 'pem-public/certificate-or-public-key',
    weight: 2,
    make(rng) {
      const label = rng.pick(['CERTIFICATE', 'PUBLIC KEY', 'RSA PUBLIC KEY']);
      const body = rng.bytes(label === 'CERTIFICATE' ? 900 : 270).toString('base64');
      const block = `-----BEGIN ${label}-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----`;
      return lookalike(
        'pem-public',
        this.type,
        [field(label === 'CERTIFICATE' ? 'TLS_CERT' : 'JWT_PUBLIC_KEY', block)],
        { multiline: true, targets: [body] },
      );
    },
  },
  {
    family: 'pem-public',
    type: 'pem-public/ssh-public-key',
    weight: 1,
    make(rng) {
      const value = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${rng.chars('base64', 43)} deploy@ci`;
      return lookalike('pem-public', this.type, [field('DEPLOY_PUBLIC_KEY', value)], {
        targets: [value.split(' ')[1]!],
      });
    },
  },
  {
    family: 'i18n',
    type: 'i18n/password-label',
    weight: 2,
    make(rng) {
      const [name, value] = rng.pick([
        ['PASSWORD', 'Password'],
        ['PASSWORD_PLACEHOLDER', 'Enter your password'],
        ['API_KEY_LABEL', 'API key'],
        ['TOKEN_EXPIRED', 'Your session token has expired. Please sign in again.'],
        ['SECRET_HINT', 'Keep this secret safe'],
        ['PASSWORD', 'Passwort'],
        ['PASSWORD', 'Mot de passe'],
        ['PASSWORD', 'パスワード'],
      ] as const);
      return lookalike('i18n', this.type, [field(name, value)], {});
    },
  },
  {
    family: 'constraint',
    type: 'constraint/orm-generated-name',
    weight: 1,
    make(rng) {
      const value = `${rng.pick(['PK', 'FK', 'UQ', 'REL', 'IDX'])}_${rng.chars('hex', 27)}`;
      return lookalike('constraint', this.type, [field('CONSTRAINT_NAME', value)], {
        snippetOnly: true,
        snippets: {
          js: [
            [
              `await queryRunner.query(\`ALTER TABLE "order" ADD CONSTRAINT "${value}" FOREIGN KEY ("customerId") REFERENCES "customer"("id")\`);`,
            ],
          ],
          sql: [[`ALTER TABLE "order" ADD CONSTRAINT "${value}" PRIMARY KEY ("id");`]],
        },
      });
    },
  },
  ...tokens2026Lookalikes,
];

// ---------------------------------------------------------------------------------------------------------------
// Native look-alikes: shapes that exist only inside one file format (lockfiles, CSS, source maps, logs).

export interface Native {
  type: string;
  family: string;
  value: string;
}

export function sriHash(rng: Rng, bits: 256 | 384 | 512 = 512): string {
  return `sha${bits}-${rng.bytes(bits / 8).toString('base64')}`;
}

export function goSumHash(rng: Rng): string {
  return `h1:${rng.bytes(32).toString('base64')}`;
}

/** A data: URI for an image or font, with real magic bytes in front of random content. */
export function dataUri(rng: Rng): { uri: string; value: string } {
  const [mime, magic] = rng.pick([
    ['image/png', '89504e470d0a1a0a0000000d49484452'],
    ['image/gif', '474946383961'],
    ['font/woff2', '774f4632'],
    ['image/jpeg', 'ffd8ffe000104a464946'],
  ] as const);
  const value = Buffer.concat([Buffer.from(magic, 'hex'), rng.bytes(rng.int(120, 900))]).toString('base64');
  return { uri: `data:${mime};base64,${value}`, value };
}

/** Source-map VLQ mappings: segments of base64 digits separated by commas and semicolons. */
export function vlqMappings(rng: Rng, lines: number): string {
  const vlq = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const segment = () =>
    Array.from({ length: rng.pick([1, 4, 4, 5]) }, () =>
      rng.chance(0.3) ? vlq[rng.int(32, 63)]! + vlq[rng.int(0, 31)]! : vlq[rng.int(0, 31)]!,
    ).join('');
  return Array.from({ length: lines }, () => Array.from({ length: rng.int(1, 12) }, segment).join(',')).join(';');
}

export function traceId(rng: Rng): string {
  return rng.chars('hex', 32);
}
