// Planted secrets for the accuracy corpus: generators of fake credentials in each provider's published format
// (prefix, length, alphabet, checksum), each labelled with its provider family and the exact value a scanner
// must report. The formats are written here from the providers' documentation, not copied from our rules, so a
// rule that drifts from the real format shows up as a miss.
import type { Rng } from './rng.js';
import { tokens2026Secrets } from './tokens-2026.js';

/** A name/value pair the value can be written as. Names are SCREAMING_SNAKE; formats re-case them. */
export interface Field {
  /** The full name, e.g. `STRIPE_SECRET_KEY`. */
  name: string;
  /** The name inside a block named after the provider (`section`), e.g. `SECRET_KEY` under `stripe:`. */
  short?: string;
  value: string;
}

/** Languages that have idiomatic snippets (a client constructor, a curl call, a YAML block). */
export type SnippetLang = 'js' | 'python' | 'ruby' | 'go' | 'java' | 'php' | 'shell' | 'yaml' | 'csharp' | 'sql';

/** Something planted in a file: a secret that must be found, or a look-alike that must not be reported. */
export interface Item {
  role: 'secret' | 'lookalike';
  /** Provider family, e.g. `stripe`, `customerio`, `generic-password`. */
  family: string;
  /** A finer label for the report, e.g. `stripe/sk_live-modern`. */
  type: string;
  /** How the item can be written as assignments, in order (a Customer.io Track pair has two). */
  fields: Field[];
  /** A block name the fields can live under (`stripe:` in YAML, `[customerio]` in INI). */
  section?: string;
  /** Idiomatic code per language: alternatives, each a list of lines with the values already in them. */
  snippets?: Partial<Record<SnippetLang, string[][]>>;
  /** The values that must be found (secret) or must not be reported (look-alike). */
  targets: string[];
  /** Values that may be reported without counting as a false positive (a Customer.io Site ID next to its key). */
  tolerated?: string[];
  /** A test-mode or sandbox key: it must be found, and the finding should say `testKey: true` (non-blocking). */
  testKey?: boolean;
  /** The value spans lines (PEM): formats write it raw, as a YAML block scalar, or with `\n` escapes. */
  multiline?: boolean;
  /** No word naming the provider is written next to it (the hard case for context-gated rules). */
  bare?: boolean;
  /** Only its snippets are realistic (a browser snippet, a log call): formats without a snippet skip it. */
  snippetOnly?: boolean;
  /**
   * Only its name tells it from a secret of the very same shape (Customer.io's public `pk_` key and Klaviyo's
   * private one): formats never write it without its name, even where its prefix would otherwise speak for it.
   */
  nameRequired?: boolean;
}

export interface Generator {
  family: string;
  type: string;
  /** Relative frequency in the corpus. */
  weight: number;
  make(rng: Rng): Item;
}

// ---------------------------------------------------------------------------------------------------------------
// Checksums, written here independently of src/engine/checksum.ts (so a bug there is not mirrored here).

const CRC_TABLE = (() => {
  const table: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table.push(c >>> 0);
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function toBase62(value: number, width: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = BASE62[rest % 62]! + out;
  return out.padStart(width, '0');
}

/** GitHub's (ghp_, gho_, ghu_, ghs_, ghr_) and npm's (npm_) format: 30 random base62 + base62(CRC32) in 6. */
export function checksummedToken(rng: Rng, prefix: string): string {
  const body = rng.chars('base62', 30);
  return `${prefix}_${body}${toBase62(crc32(body), 6)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Value builders.

export function uuid(rng: Rng, separator = '-'): string {
  const hex = rng.chars('hex', 32);
  const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[rng.int(0, 3)]}${hex.slice(17)}`;
  return [v4.slice(0, 8), v4.slice(8, 12), v4.slice(12, 16), v4.slice(16, 20), v4.slice(20)].join(separator);
}

/** An Intercom access token: base64 of `tok:<uuid with _>:1:0` (60 characters, one `=` of padding). */
export function intercomToken(rng: Rng): string {
  return Buffer.from(`tok:${uuid(rng, rng.chance(0.85) ? '_' : '-')}:1:0`).toString('base64');
}

export function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

const FIRST_NAMES = ['ada', 'grace', 'linus', 'margaret', 'ken', 'barbara', 'dennis', 'frances', 'alan', 'radia'];

export function jwt(rng: Rng, claims?: Record<string, unknown>): string {
  const alg = rng.pick(['HS256', 'HS256', 'RS256', 'ES256']);
  const header = base64url(JSON.stringify(rng.chance(0.5) ? { alg, typ: 'JWT' } : { typ: 'JWT', alg }));
  const iat = 1_700_000_000 + rng.int(0, 40_000_000);
  const payload = base64url(
    JSON.stringify(
      claims ?? {
        sub: rng.chance(0.5) ? rng.chars('digits', 10) : uuid(rng),
        name: rng.pick(FIRST_NAMES),
        ...(rng.chance(0.5)
          ? { email: `${rng.pick(FIRST_NAMES)}@${rng.pick(['acme.io', 'corp.example', 'shop.dev'])}` }
          : {}),
        iat,
        exp: iat + rng.pick([3600, 86_400, 2_592_000, 315_360_000]),
        ...(rng.chance(0.4) ? { scope: rng.pick(['read write', 'admin', 'orders:read orders:write']) } : {}),
      },
    ),
  );
  const signatureBytes = alg === 'RS256' ? 256 : alg === 'ES256' ? 64 : 32;
  return `${header}.${payload}.${base64url(rng.bytes(signatureBytes))}`;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
function sshString(value: string | Buffer): Buffer {
  const b = Buffer.from(value);
  return Buffer.concat([u32(b.length), b]);
}

export type PemKind =
  'RSA PRIVATE KEY' | 'PRIVATE KEY' | 'EC PRIVATE KEY' | 'OPENSSH PRIVATE KEY' | 'ENCRYPTED PRIVATE KEY';

/** The DER (or OpenSSH) bytes of a private key: real structure headers, random key material. */
export function privateKeyBytes(rng: Rng, kind: PemKind): Buffer {
  switch (kind) {
    case 'RSA PRIVATE KEY':
      return Buffer.concat([Buffer.from('308204a40201000282010100', 'hex'), rng.bytes(1180)]);
    case 'PRIVATE KEY':
      return Buffer.concat([
        Buffer.from('308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100', 'hex'),
        rng.bytes(1190),
      ]);
    case 'ENCRYPTED PRIVATE KEY':
      return Buffer.concat([Buffer.from('308205263050', 'hex'), rng.bytes(1300)]);
    case 'EC PRIVATE KEY':
      return Buffer.concat([
        Buffer.from('30770201010420', 'hex'),
        rng.bytes(32),
        Buffer.from('a00a06082a8648ce3d030107a144034200 04'.replace(/ /g, ''), 'hex'),
        rng.bytes(64),
      ]);
    case 'OPENSSH PRIVATE KEY': {
      const pub = Buffer.concat([sshString('ssh-ed25519'), sshString(rng.bytes(32))]);
      const check = rng.bytes(4);
      const priv = Buffer.concat([
        check,
        check,
        sshString('ssh-ed25519'),
        sshString(pub.subarray(19)),
        sshString(rng.bytes(64)),
        sshString(`${rng.pick(FIRST_NAMES)}@laptop`),
        Buffer.from([1, 2, 3, 4, 5]),
      ]);
      return Buffer.concat([
        Buffer.from('openssh-key-v1\0'),
        sshString('none'),
        sshString('none'),
        sshString(''),
        u32(1),
        sshString(pub),
        sshString(priv),
      ]);
    }
  }
}

/** A PEM block with 64-character lines (70 for OpenSSH, as ssh-keygen writes them). */
export function pem(rng: Rng, kind: PemKind): { block: string; body: string } {
  const body = privateKeyBytes(rng, kind).toString('base64');
  const width = kind === 'OPENSSH PRIVATE KEY' ? 70 : 64;
  const lines = body.match(new RegExp(`.{1,${width}}`, 'g'))!;
  return { block: `-----BEGIN ${kind}-----\n${lines.join('\n')}\n-----END ${kind}-----`, body };
}

/** A password as a password manager or `openssl rand` makes it, or (sometimes) as a person makes it. */
export function password(rng: Rng): string {
  const style = rng.weighted([
    [5, 'manager'],
    [2, 'base64'],
    [2, 'alnum'],
    [1, 'human'],
  ] as const);
  switch (style) {
    case 'manager':
      return rng.chars('password', rng.int(16, 28));
    case 'base64':
      return rng
        .bytes(rng.pick([18, 24, 32]))
        .toString('base64')
        .replace(/=+$/, '');
    case 'alnum':
      return rng.chars('base62', rng.int(20, 32));
    case 'human': {
      const word = rng.pick(['Sunflower', 'Kangaroo', 'Bluebird', 'Tractor', 'Velvet', 'Lighthouse', 'Harbor']);
      const word2 = rng.pick(['Granite', 'Mango', 'Orbit', 'Falcon', 'Copper']);
      return `${word}${rng.pick(['-', '.', '_', ''])}${word2}${rng.int(10, 99)}${rng.pick(['!', '#', '$', '%', '&'])}${rng.chars('alpha', 2)}`;
    }
  }
}

/** A URL-safe password (what people put inside connection strings). */
function urlPassword(rng: Rng): string {
  return rng.chance(0.7)
    ? rng.chars('base62', rng.int(16, 28))
    : `${rng.chars('base62', 8)}-${rng.chars('base62', 8)}_${rng.chars('base62', 6)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers to build items.

function field(name: string, value: string, short?: string): Field {
  return short ? { name, short, value } : { name, value };
}

function secret(family: string, type: string, fields: Field[], rest: Partial<Item> = {}): Item {
  return { role: 'secret', family, type, fields, targets: rest.targets ?? [fields[fields.length - 1]!.value], ...rest };
}

const q = (rng: Rng) => rng.pick(["'", '"']);

// ---------------------------------------------------------------------------------------------------------------
// The four first providers, with every hard case we know of.

const stripeNames = {
  secret: [
    ['STRIPE_SECRET_KEY', 'SECRET_KEY'],
    ['STRIPE_API_KEY', 'API_KEY'],
    ['STRIPE_KEY', 'KEY'],
    ['STRIPE_SK', 'SK'],
    ['PAYMENTS_STRIPE_SECRET', 'SECRET'],
    ['STRIPE_LIVE_SECRET_KEY', 'LIVE_SECRET_KEY'],
  ],
  restricted: [
    ['STRIPE_RESTRICTED_KEY', 'RESTRICTED_KEY'],
    ['STRIPE_RK', 'RK'],
    ['STRIPE_REPORTING_KEY', 'REPORTING_KEY'],
  ],
  webhook: [
    ['STRIPE_WEBHOOK_SECRET', 'WEBHOOK_SECRET'],
    ['STRIPE_ENDPOINT_SECRET', 'ENDPOINT_SECRET'],
    ['WEBHOOK_SIGNING_SECRET', 'SIGNING_SECRET'],
  ],
} as const;

function stripeSnippets(rng: Rng, key: string): Item['snippets'] {
  const Q = q(rng);
  return {
    js: [
      [`const stripe = require(${Q}stripe${Q})(${Q}${key}${Q});`],
      [`import Stripe from 'stripe';`, `const stripe = new Stripe("${key}", { apiVersion: '2024-06-20' });`],
      [
        `export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '${key}', {`,
        `  maxNetworkRetries: 2,`,
        `});`,
      ],
    ],
    python: [
      ['import stripe', `stripe.api_key = ${Q}${key}${Q}`],
      [`client = stripe.StripeClient(${Q}${key}${Q})`],
      [`STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "${key}")`],
    ],
    ruby: [[`Stripe.api_key = ${Q}${key}${Q}`], [`Rails.configuration.stripe = { secret_key: ${Q}${key}${Q} }`]],
    go: [[`stripe.Key = "${key}"`], [`sc := client.New("${key}", nil)`]],
    java: [[`Stripe.apiKey = "${key}";`], [`StripeClient client = new StripeClient("${key}");`]],
    php: [[`\\Stripe\\Stripe::setApiKey('${key}');`], [`$stripe = new \\Stripe\\StripeClient("${key}");`]],
    csharp: [[`StripeConfiguration.ApiKey = "${key}";`]],
    shell: [
      [`curl https://api.stripe.com/v1/charges \\`, `  -u ${key}: \\`, `  -d limit=3`],
      [`stripe listen --api-key ${key} --forward-to localhost:4242/webhook`],
      [`curl -sS -H "Authorization: Bearer ${key}" https://api.stripe.com/v1/balance`],
    ],
  };
}

const stripeGenerators: Generator[] = [
  {
    family: 'stripe',
    type: 'stripe/sk_live-modern',
    weight: 5,
    make(rng) {
      const key = `sk_live_51${rng.chars('base62', 97)}`;
      const [name, short] = rng.pick(stripeNames.secret);
      return secret('stripe', this.type, [field(name, key, short)], {
        section: 'stripe',
        snippets: stripeSnippets(rng, key),
      });
    },
  },
  {
    family: 'stripe',
    type: 'stripe/sk_live-legacy',
    weight: 3,
    make(rng) {
      const key = `sk_live_${rng.chars('base62', 24)}`;
      const [name, short] = rng.pick(stripeNames.secret);
      return secret('stripe', this.type, [field(name, key, short)], {
        section: 'stripe',
        snippets: stripeSnippets(rng, key),
      });
    },
  },
  {
    family: 'stripe',
    type: 'stripe/rk_live',
    weight: 3,
    make(rng) {
      const key = rng.chance(0.6) ? `rk_live_51${rng.chars('base62', 97)}` : `rk_live_${rng.chars('base62', 24)}`;
      const [name, short] = rng.pick(stripeNames.restricted);
      return secret('stripe', this.type, [field(name, key, short)], {
        section: 'stripe',
        snippets: stripeSnippets(rng, key),
      });
    },
  },
  {
    family: 'stripe',
    type: 'stripe/whsec',
    weight: 3,
    make(rng) {
      const key = `whsec_${rng.chars('base62', rng.chance(0.8) ? 32 : 64)}`;
      const [name, short] = rng.pick(stripeNames.webhook);
      const Q = q(rng);
      return secret('stripe', this.type, [field(name, key, short)], {
        section: 'stripe',
        snippets: {
          js: [
            [`const event = stripe.webhooks.constructEvent(req.body, sig, ${Q}${key}${Q});`],
            [`const endpointSecret = "${key}";`],
          ],
          python: [
            [`endpoint_secret = ${Q}${key}${Q}`],
            [`event = stripe.Webhook.construct_event(payload, sig_header, "${key}")`],
          ],
          ruby: [[`endpoint_secret = ${Q}${key}${Q}`]],
          go: [[`event, err := webhook.ConstructEvent(payload, r.Header.Get("Stripe-Signature"), "${key}")`]],
          php: [[`$endpoint_secret = '${key}';`]],
          shell: [[`export STRIPE_WEBHOOK_SECRET=${key}`]],
        },
      });
    },
  },
  {
    family: 'stripe',
    type: 'stripe/sk_test',
    weight: 2,
    make(rng) {
      const prefix = rng.chance(0.7) ? 'sk_test_' : 'rk_test_';
      const key = rng.chance(0.6) ? `${prefix}51${rng.chars('base62', 97)}` : `${prefix}${rng.chars('base62', 24)}`;
      const [name, short] = rng.pick<readonly [string, string]>(
        prefix === 'sk_test_' ? stripeNames.secret : stripeNames.restricted,
      );
      return secret('stripe', this.type, [field(name.replace('LIVE', 'TEST'), key, short.replace('LIVE', 'TEST'))], {
        section: 'stripe',
        testKey: true,
        snippets: stripeSnippets(rng, key),
      });
    },
  },
];

const klaviyoGenerators: Generator[] = [
  {
    family: 'klaviyo',
    type: 'klaviyo/pk-hex34',
    weight: 5,
    make(rng) {
      return klaviyoItem(rng, this.type, `pk_${rng.chars('hex', 34)}`);
    },
  },
  {
    family: 'klaviyo',
    type: 'klaviyo/pk-id-hex',
    weight: 3,
    make(rng) {
      const id = rng.chance(0.5) ? rng.chars('alpha', 6) : rng.chars('lower', 6);
      return klaviyoItem(rng, this.type, `pk_${id}_${rng.chars('hex', rng.pick([32, 34]))}`);
    },
  },
];

function klaviyoItem(rng: Rng, type: string, key: string): Item {
  const [name, short] = rng.pick([
    ['KLAVIYO_PRIVATE_API_KEY', 'PRIVATE_API_KEY'],
    ['KLAVIYO_API_KEY', 'API_KEY'],
    ['KLAVIYO_PRIVATE_KEY', 'PRIVATE_KEY'],
    ['KLAVIYO_KEY', 'KEY'],
  ] as const);
  const Q = q(rng);
  return secret('klaviyo', type, [field(name, key, short)], {
    section: 'klaviyo',
    snippets: {
      js: [
        [
          `const res = await fetch('https://a.klaviyo.com/api/profiles/', {`,
          `  headers: { Authorization: 'Klaviyo-API-Key ${key}', revision: '2024-10-15' },`,
          `});`,
        ],
        [`const session = new ApiKeySession(${Q}${key}${Q});`, `const profilesApi = new ProfilesApi(session);`],
        [`axios.get(\`https://a.klaviyo.com/api/v2/list/\${listId}/members?api_key=${key}\`);`],
      ],
      python: [
        ['from klaviyo_api import KlaviyoAPI', `klaviyo = KlaviyoAPI(${Q}${key}${Q}, max_delay=60, max_retries=3)`],
        [`headers = {"Authorization": "Klaviyo-API-Key ${key}", "revision": "2024-10-15"}`],
      ],
      ruby: [[`KlaviyoAPI.configure do |config|`, `  config.api_key['Klaviyo-API-Key'] = ${Q}${key}${Q}`, 'end']],
      php: [[`$klaviyo = new KlaviyoAPI('${key}', num_retries: 3);`]],
      shell: [
        [
          `curl --request GET --url https://a.klaviyo.com/api/lists/ \\`,
          `  --header 'Authorization: Klaviyo-API-Key ${key}' \\`,
          `  --header 'revision: 2024-10-15'`,
        ],
      ],
    },
  });
}

const intercomGenerators: Generator[] = [
  {
    family: 'intercom',
    type: 'intercom/token-named',
    weight: 4,
    make(rng) {
      const token = intercomToken(rng);
      const [name, short] = rng.pick([
        ['INTERCOM_ACCESS_TOKEN', 'ACCESS_TOKEN'],
        ['INTERCOM_TOKEN', 'TOKEN'],
        ['INTERCOM_API_KEY', 'API_KEY'],
      ] as const);
      const Q = q(rng);
      return secret('intercom', this.type, [field(name, token, short)], {
        section: 'intercom',
        snippets: {
          js: [
            [`const client = new IntercomClient({ token: ${Q}${token}${Q} });`],
            [`const intercom = new Client({ tokenAuth: { token: "${token}" } });`],
          ],
          python: [[`intercom = Client(personal_access_token=${Q}${token}${Q})`]],
          ruby: [[`intercom = Intercom::Client.new(token: ${Q}${token}${Q})`]],
          php: [[`$client = new IntercomClient('${token}', null);`]],
          go: [[`ic := intercom.NewClient("${token}", "")`]],
          shell: [
            [
              `curl https://api.intercom.io/contacts \\`,
              `  -H 'Authorization: Bearer ${token}' \\`,
              `  -H 'Accept: application/json'`,
            ],
            [`curl -s https://api.intercom.io/me -u ${token}:`],
          ],
        },
      });
    },
  },
  {
    family: 'intercom',
    type: 'intercom/token-bare',
    weight: 3,
    make(rng) {
      // No "intercom" anywhere near: a generic name, a bearer header against an internal proxy.
      const token = intercomToken(rng);
      const [name, short] = rng.pick([
        ['SUPPORT_ACCESS_TOKEN', 'ACCESS_TOKEN'],
        ['ACCESS_TOKEN', 'ACCESS_TOKEN'],
        ['CHAT_API_TOKEN', 'API_TOKEN'],
        ['HELPDESK_TOKEN', 'TOKEN'],
        ['BEARER_TOKEN', 'BEARER_TOKEN'],
      ] as const);
      return secret('intercom', this.type, [field(name, token, short)], {
        section: rng.pick(['support', 'helpdesk', 'messaging']),
        bare: true,
        snippets: {
          js: [[`const headers = { Authorization: \`Bearer ${token}\`, Accept: 'application/json' };`]],
          python: [[`HEADERS = {"Authorization": "Bearer ${token}"}`]],
          shell: [[`curl -sS "$SUPPORT_API/contacts?per_page=50" -H "Authorization: Bearer ${token}"`]],
          go: [[`req.Header.Set("Authorization", "Bearer ${token}")`]],
          java: [[`request.setHeader("Authorization", "Bearer ${token}");`]],
        },
      });
    },
  },
];

const customerioGenerators: Generator[] = [
  {
    family: 'customerio',
    type: 'customerio/track-pair',
    weight: 6,
    make(rng) {
      const site = rng.chars('hex', 20);
      const key = rng.chars('hex', 20);
      const names = rng.pick([
        ['CUSTOMERIO_SITE_ID', 'CUSTOMERIO_TRACK_API_KEY'],
        ['CUSTOMERIO_SITE_ID', 'CUSTOMERIO_API_KEY'],
        ['CIO_SITE_ID', 'CIO_API_KEY'],
        ['CUSTOMER_IO_SITE_ID', 'CUSTOMER_IO_API_KEY'],
        ['CIO_SITE_ID', 'CIO_TRACK_API_KEY'],
      ] as const);
      const Q = q(rng);
      return secret(
        'customerio',
        this.type,
        [field(names[0], site, 'SITE_ID'), field(names[1], key, rng.pick(['API_KEY', 'TRACK_API_KEY']))],
        {
          section: rng.pick(['customerio', 'customerio', 'customer_io', 'cio']),
          targets: [key],
          tolerated: [site],
          snippets: {
            js: [
              [`const cio = new TrackClient(${Q}${site}${Q}, ${Q}${key}${Q}, { region: RegionUS });`],
              [
                `const siteId = ${Q}${site}${Q};`,
                `const apiKey = ${Q}${key}${Q};`,
                `const cio = new TrackClient(siteId, apiKey, { region: RegionEU });`,
              ],
              [
                `const { TrackClient, RegionUS } = require('customerio-node');`,
                `module.exports = new TrackClient(`,
                `  "${site}",`,
                `  "${key}",`,
                `  { region: RegionUS }`,
                `);`,
              ],
            ],
            python: [
              [`cio = CustomerIO(${Q}${site}${Q}, ${Q}${key}${Q}, region=Regions.US)`],
              [
                `from customerio import CustomerIO, Regions`,
                `SITE_ID = ${Q}${site}${Q}`,
                `API_KEY = ${Q}${key}${Q}`,
                `cio = CustomerIO(SITE_ID, API_KEY, region=Regions.EU)`,
              ],
              [`cio = CustomerIO(site_id=${Q}${site}${Q}, api_key=${Q}${key}${Q})`],
              [
                `CUSTOMERIO = {`,
                `    "site_id": ${Q}${site}${Q},`,
                `    "api_key": ${Q}${key}${Q},`,
                `    "region": "eu",`,
                `}`,
              ],
            ],
            ruby: [
              [
                `$customerio = Customerio::Client.new(${Q}${site}${Q}, ${Q}${key}${Q}, region: Customerio::Regions::US)`,
              ],
              [
                `Customerio::Client.new(`,
                `  ${Q}${site}${Q},`,
                `  ${Q}${key}${Q},`,
                `  region: Customerio::Regions::EU`,
                `)`,
              ],
            ],
            go: [
              [`track := customerio.NewTrackClient("${site}", "${key}", customerio.WithRegion(customerio.RegionUS))`],
            ],
            php: [[`$customerio = new Customerio\\Client('${key}', '${site}');`]],
            shell: [
              [
                `curl -i https://track.customer.io/api/v1/customers/5 \\`,
                `  -X PUT \\`,
                `  -u ${site}:${key} \\`,
                `  -d email=customer@example.com`,
              ],
              [`export CUSTOMERIO_SITE_ID=${site}`, `export CUSTOMERIO_API_KEY=${key}`],
            ],
            yaml: [
              ['customerio:', `  site_id: ${site}`, `  api_key: ${key}`],
              ['customerio:', '  region: us', `  site_id: "${site}"`, `  track_api_key: "${key}"`],
              [
                'integrations:',
                '  customerio:',
                '    enabled: true',
                '    region: eu',
                `    site_id: ${site}`,
                `    api_key: ${key}`,
              ],
            ],
          },
        },
      );
    },
  },
  {
    family: 'customerio',
    type: 'customerio/app-api-key',
    weight: 4,
    make(rng) {
      const key = rng.chars('hex', 32);
      const [name, short] = rng.pick([
        ['CUSTOMERIO_APP_API_KEY', 'APP_API_KEY'],
        ['CIO_APP_API_KEY', 'APP_API_KEY'],
        ['CUSTOMERIO_APP_KEY', 'APP_KEY'],
        ['CUSTOMER_IO_APP_API_KEY', 'APP_API_KEY'],
      ] as const);
      const Q = q(rng);
      return secret('customerio', this.type, [field(name, key, short)], {
        section: rng.pick(['customerio', 'customer_io', 'cio']),
        snippets: {
          js: [
            [`const api = new APIClient(${Q}${key}${Q}, { region: RegionUS });`],
            [
              `const { APIClient, SendEmailRequest } = require("customerio-node");`,
              `const api = new APIClient("${key}");`,
            ],
          ],
          python: [[`from customerio import APIClient, Regions`, `api = APIClient(${Q}${key}${Q}, region=Regions.US)`]],
          ruby: [[`client = Customerio::APIClient.new(${Q}${key}${Q}, region: Customerio::Regions::US)`]],
          go: [[`client := customerio.NewAPIClient("${key}", customerio.WithRegion(customerio.RegionEU))`]],
          shell: [
            [
              `curl --request POST --url https://api.customer.io/v1/send/email \\`,
              `  --header 'Authorization: Bearer ${key}' \\`,
              `  --header 'Content-Type: application/json'`,
            ],
          ],
          yaml: [['customerio:', `  app_api_key: ${key}`]],
        },
      });
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Other providers.

const otherGenerators: Generator[] = [
  {
    family: 'aws',
    type: 'aws/access-key-pair',
    weight: 4,
    make(rng) {
      const id = `${rng.pick(['AKIA', 'AKIA', 'AKIA', 'ASIA'])}${rng.chars('base32', 16)}`;
      const key = rng.chars('base64', 40);
      const Q = q(rng);
      return secret(
        'aws',
        this.type,
        [field('AWS_ACCESS_KEY_ID', id, 'ACCESS_KEY_ID'), field('AWS_SECRET_ACCESS_KEY', key, 'SECRET_ACCESS_KEY')],
        {
          section: 'aws',
          targets: [id, key],
          snippets: {
            python: [
              [
                `s3 = boto3.client(`,
                `    "s3",`,
                `    aws_access_key_id=${Q}${id}${Q},`,
                `    aws_secret_access_key=${Q}${key}${Q},`,
                `)`,
              ],
            ],
            js: [
              [
                `const s3 = new S3Client({`,
                `  region: 'eu-west-1',`,
                `  credentials: { accessKeyId: '${id}', secretAccessKey: '${key}' },`,
                `});`,
              ],
            ],
            go: [[`creds := credentials.NewStaticCredentialsProvider("${id}", "${key}", "")`]],
            java: [[`AwsBasicCredentials creds = AwsBasicCredentials.create("${id}", "${key}");`]],
            shell: [
              [`export AWS_ACCESS_KEY_ID=${id}`, `export AWS_SECRET_ACCESS_KEY=${key}`],
              [`aws configure set aws_access_key_id ${id}`, `aws configure set aws_secret_access_key ${key}`],
            ],
            php: [[`'credentials' => [`, `    'key'    => '${id}',`, `    'secret' => '${key}',`, `],`]],
          },
        },
      );
    },
  },
  {
    family: 'gcp',
    type: 'gcp/api-key',
    weight: 2,
    make(rng) {
      const key = `AIza${rng.chars('base64url', 35)}`;
      const [name, short] = rng.pick([
        ['GOOGLE_API_KEY', 'API_KEY'],
        ['GCP_API_KEY', 'API_KEY'],
        ['MAPS_API_KEY', 'MAPS_API_KEY'],
        ['YOUTUBE_API_KEY', 'YOUTUBE_API_KEY'],
      ] as const);
      return secret('gcp', this.type, [field(name, key, short)], {
        section: 'google',
        snippets: { shell: [[`curl "https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=${key}"`]] },
      });
    },
  },
  {
    family: 'gcp',
    type: 'gcp/oauth-client-secret',
    weight: 1,
    make(rng) {
      const value = `GOCSPX-${rng.chars('base64url', 28)}`;
      return secret(
        'gcp',
        this.type,
        [
          field(
            'GOOGLE_CLIENT_ID',
            `${rng.chars('digits', 12)}-${rng.chars('lower', 32)}.apps.googleusercontent.com`,
            'CLIENT_ID',
          ),
          field('GOOGLE_CLIENT_SECRET', value, 'CLIENT_SECRET'),
        ],
        { section: 'google_oauth' },
      );
    },
  },
  {
    family: 'azure',
    type: 'azure/storage-connection-string',
    weight: 2,
    make(rng) {
      const key = `${rng.bytes(64).toString('base64')}`;
      const account = `${rng.pick(['prod', 'app', 'media', 'logs'])}${rng.chars('lowerAlpha', 6)}`;
      const value = `DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${key};EndpointSuffix=core.windows.net`;
      return secret('azure', this.type, [field('AZURE_STORAGE_CONNECTION_STRING', value, 'CONNECTION_STRING')], {
        section: 'azure',
        targets: [key],
      });
    },
  },
  {
    family: 'azure',
    type: 'azure/entra-client-secret',
    weight: 1,
    make(rng) {
      const value = `${rng.chars('base62', 3)}${rng.int(7, 8)}Q~${rng.chars('base62', 20)}${rng.pick(['.', '_', '-', '~'])}${rng.chars('base62', 13)}`;
      return secret(
        'azure',
        this.type,
        [field('AZURE_CLIENT_ID', uuid(rng), 'CLIENT_ID'), field('AZURE_CLIENT_SECRET', value, 'CLIENT_SECRET')],
        { section: 'azure_ad' },
      );
    },
  },
  {
    family: 'azure',
    type: 'azure/sas-token',
    weight: 1,
    make(rng) {
      const sig = encodeURIComponent(rng.bytes(32).toString('base64'));
      const url = `https://${rng.chars('lowerAlpha', 10)}.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-12-31T23:59:59Z&st=2024-01-01T00:00:00Z&spr=https&sig=${sig}`;
      return secret('azure', this.type, [field('AZURE_BLOB_SAS_URL', url, 'SAS_URL')], {
        section: 'azure',
        targets: [sig],
      });
    },
  },
  {
    family: 'github',
    type: 'github/classic',
    weight: 3,
    make(rng) {
      const token = checksummedToken(
        rng,
        rng.weighted([
          [6, 'ghp'],
          [1, 'gho'],
          [1, 'ghs'],
          [1, 'ghu'],
          [1, 'ghr'],
        ] as const),
      );
      const [name, short] = rng.pick([
        ['GITHUB_TOKEN', 'TOKEN'],
        ['GH_TOKEN', 'TOKEN'],
        ['GITHUB_PAT', 'PAT'],
        ['GH_ACCESS_TOKEN', 'ACCESS_TOKEN'],
      ] as const);
      return secret('github', this.type, [field(name, token, short)], {
        section: 'github',
        snippets: {
          shell: [
            [`git clone https://x-access-token:${token}@github.com/acme/infra.git`],
            [`curl -H "Authorization: token ${token}" https://api.github.com/user/repos`],
          ],
          js: [[`const octokit = new Octokit({ auth: '${token}' });`]],
          python: [[`g = Github("${token}")`]],
        },
      });
    },
  },
  {
    family: 'github',
    type: 'github/fine-grained',
    weight: 1,
    make(rng) {
      const token = `github_pat_11${rng.chars('upper', 20)}_${rng.chars('base62', 59)}`;
      return secret('github', this.type, [field('GITHUB_TOKEN', token, 'TOKEN')], { section: 'github' });
    },
  },
  {
    family: 'gitlab',
    type: 'gitlab/token',
    weight: 2,
    make(rng) {
      const token = rng.weighted([
        [3, () => `glpat-${rng.chars('base64url', 20)}`],
        [2, () => `glpat-${rng.chars('base64url', 27)}.01.${rng.chars('lower', 9)}`],
        [1, () => `gldt-${rng.chars('base64url', 20)}`],
        [1, () => `glrt-${rng.chars('base64url', 20)}`],
      ] as const)();
      const [name, short] = rng.pick([
        ['GITLAB_TOKEN', 'TOKEN'],
        ['GITLAB_PRIVATE_TOKEN', 'PRIVATE_TOKEN'],
        ['CI_DEPLOY_TOKEN', 'DEPLOY_TOKEN'],
        ['GL_TOKEN', 'TOKEN'],
      ] as const);
      return secret('gitlab', this.type, [field(name, token, short)], {
        section: 'gitlab',
        snippets: { shell: [[`curl --header "PRIVATE-TOKEN: ${token}" "https://gitlab.com/api/v4/projects"`]] },
      });
    },
  },
  {
    family: 'slack',
    type: 'slack/token',
    weight: 2,
    make(rng) {
      const token = rng.weighted([
        [
          3,
          () =>
            `xoxb-${rng.chars('digits', rng.int(10, 13))}-${rng.chars('digits', rng.int(10, 13))}-${rng.chars('base62', 24)}`,
        ],
        [
          1,
          () =>
            `xoxp-${rng.chars('digits', 11)}-${rng.chars('digits', 11)}-${rng.chars('digits', 13)}-${rng.chars('hex', 32)}`,
        ],
        [1, () => `xapp-1-A${rng.chars('upper', 10)}-${rng.chars('digits', 13)}-${rng.chars('hex', 64)}`],
      ] as const)();
      const [name, short] = rng.pick([
        ['SLACK_BOT_TOKEN', 'BOT_TOKEN'],
        ['SLACK_TOKEN', 'TOKEN'],
        ['SLACK_APP_TOKEN', 'APP_TOKEN'],
      ] as const);
      return secret('slack', this.type, [field(name, token, short)], {
        section: 'slack',
        snippets: {
          js: [[`const app = new App({ token: '${token}', signingSecret: process.env.SLACK_SIGNING_SECRET });`]],
          python: [[`client = WebClient(token="${token}")`]],
        },
      });
    },
  },
  {
    family: 'slack',
    type: 'slack/webhook',
    weight: 1,
    make(rng) {
      const path = `T${rng.chars('upper', 10)}/B${rng.chars('upper', 10)}/${rng.chars('base62', 24)}`;
      const url = `https://hooks.slack.com/services/${path}`;
      return secret('slack', this.type, [field('SLACK_WEBHOOK_URL', url, 'WEBHOOK_URL')], {
        section: 'slack',
        targets: [path.slice(-24)],
        snippets: {
          shell: [[`curl -X POST -H 'Content-type: application/json' --data '{"text":"Deploy finished"}' ${url}`]],
        },
      });
    },
  },
  {
    family: 'openai',
    type: 'openai/key',
    weight: 2,
    make(rng) {
      const token = rng.weighted([
        [3, () => `sk-proj-${rng.chars('base64url', 74)}T3BlbkFJ${rng.chars('base64url', 74)}`],
        [1, () => `sk-${rng.chars('base62', 20)}T3BlbkFJ${rng.chars('base62', 20)}`],
        [1, () => `sk-svcacct-${rng.chars('base64url', 74)}T3BlbkFJ${rng.chars('base64url', 74)}`],
      ] as const)();
      return secret('openai', this.type, [field('OPENAI_API_KEY', token, 'API_KEY')], {
        section: 'openai',
        snippets: {
          python: [[`client = OpenAI(api_key="${token}")`]],
          js: [[`const openai = new OpenAI({ apiKey: '${token}' });`]],
        },
      });
    },
  },
  {
    family: 'anthropic',
    type: 'anthropic/key',
    weight: 2,
    make(rng) {
      const token = `sk-ant-api03-${rng.chars('base64url', 93)}AA`;
      return secret('anthropic', this.type, [field('ANTHROPIC_API_KEY', token, 'API_KEY')], {
        section: 'anthropic',
        snippets: {
          python: [[`client = anthropic.Anthropic(api_key="${token}")`]],
          js: [[`const anthropic = new Anthropic({ apiKey: '${token}' });`]],
        },
      });
    },
  },
  {
    family: 'twilio',
    type: 'twilio/auth-token',
    weight: 2,
    make(rng) {
      const sid = `AC${rng.chars('hex', 32)}`;
      const token = rng.chars('hex', 32);
      const Q = q(rng);
      return secret(
        'twilio',
        this.type,
        [field('TWILIO_ACCOUNT_SID', sid, 'ACCOUNT_SID'), field('TWILIO_AUTH_TOKEN', token, 'AUTH_TOKEN')],
        {
          section: 'twilio',
          tolerated: [sid],
          snippets: {
            js: [[`const client = require('twilio')(${Q}${sid}${Q}, ${Q}${token}${Q});`]],
            python: [[`client = Client(${Q}${sid}${Q}, ${Q}${token}${Q})  # twilio.rest`]],
            shell: [
              [
                `curl -X POST https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json \\`,
                `  -u ${sid}:${token}`,
              ],
            ],
          },
        },
      );
    },
  },
  {
    family: 'sendgrid',
    type: 'sendgrid/key',
    weight: 2,
    make(rng) {
      const token = `SG.${rng.chars('base64url', 22)}.${rng.chars('base64url', 43)}`;
      return secret(
        'sendgrid',
        this.type,
        [field(rng.pick(['SENDGRID_API_KEY', 'SMTP_PASSWORD', 'MAIL_API_KEY']), token, 'API_KEY')],
        {
          section: 'sendgrid',
          snippets: { js: [[`sgMail.setApiKey('${token}');`]], python: [[`sg = SendGridAPIClient("${token}")`]] },
        },
      );
    },
  },
  {
    family: 'npm',
    type: 'npm/token',
    weight: 2,
    make(rng) {
      const token = checksummedToken(rng, 'npm');
      return secret('npm', this.type, [field('NPM_TOKEN', token, 'TOKEN')], {
        section: 'npm',
        snippets: { shell: [[`echo "//registry.npmjs.org/:_authToken=${token}" > ~/.npmrc`]] },
      });
    },
  },
  {
    family: 'private-key',
    type: 'private-key/pem',
    weight: 3,
    make(rng) {
      const kind = rng.weighted([
        [3, 'RSA PRIVATE KEY'],
        [3, 'PRIVATE KEY'],
        [2, 'OPENSSH PRIVATE KEY'],
        [1, 'EC PRIVATE KEY'],
      ] as const);
      const { block, body } = pem(rng, kind);
      return secret(
        'private-key',
        `private-key/${kind.toLowerCase().replace(/ /g, '-')}`,
        [field(rng.pick(['PRIVATE_KEY', 'SSH_PRIVATE_KEY', 'TLS_KEY', 'JWT_SIGNING_KEY']), block, 'PRIVATE_KEY')],
        {
          targets: [body],
          multiline: true,
        },
      );
    },
  },
  {
    family: 'jwt',
    type: 'jwt/bearer',
    weight: 2,
    make(rng) {
      const token = jwt(rng);
      const [name, short] = rng.pick([
        ['API_TOKEN', 'TOKEN'],
        ['AUTH_TOKEN', 'TOKEN'],
        ['SERVICE_JWT', 'JWT'],
        ['ACCESS_TOKEN', 'ACCESS_TOKEN'],
      ] as const);
      return secret('jwt', this.type, [field(name, token, short)], {
        section: 'auth',
        snippets: {
          shell: [[`curl -H "Authorization: Bearer ${token}" https://api.internal.acme.io/v2/orders`]],
          js: [[`axios.defaults.headers.common.Authorization = 'Bearer ${token}';`]],
          python: [[`headers = {"Authorization": f"Bearer ${token}"}`]],
        },
      });
    },
  },
  {
    family: 'database-url',
    type: 'database-url/url',
    weight: 3,
    make(rng) {
      const pw = urlPassword(rng);
      const user = rng.pick(['app', 'app_user', 'postgres', 'admin', 'root', 'svc_orders']);
      const [name, url] = rng.pick([
        ['DATABASE_URL', `postgres://${user}:${pw}@db.internal:5432/app_production`],
        [
          'DATABASE_URL',
          `postgresql://${user}:${pw}@${rng.chars('lower', 8)}.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=require`,
        ],
        ['MYSQL_URL', `mysql://${user}:${pw}@mysql.${rng.pick(['prod', 'internal', 'shop'])}.acme.io:3306/shop`],
        [
          'MONGODB_URI',
          `mongodb+srv://${user}:${pw}@cluster0.${rng.chars('lower', 5)}.mongodb.net/prod?retryWrites=true&w=majority`,
        ],
        [
          'REDIS_URL',
          `redis://default:${pw}@redis-${rng.chars('digits', 5)}.c1.us-east-1-2.ec2.cloud.redislabs.com:${rng.chars('digits', 5)}`,
        ],
        ['AMQP_URL', `amqps://${user}:${pw}@rabbit.internal:5671/%2F`],
      ] as const);
      return secret('database-url', this.type, [field(name, url, 'URL')], { section: 'database', targets: [pw] });
    },
  },
  {
    family: 'generic-password',
    type: 'generic-password/assignment',
    weight: 4,
    make(rng) {
      const pw = password(rng);
      const [name, short] = rng.pick([
        ['DB_PASSWORD', 'PASSWORD'],
        ['POSTGRES_PASSWORD', 'PASSWORD'],
        ['SMTP_PASSWORD', 'PASSWORD'],
        ['ADMIN_PASSWORD', 'ADMIN_PASSWORD'],
        ['REDIS_PASSWORD', 'PASSWORD'],
        ['LDAP_BIND_PASSWORD', 'BIND_PASSWORD'],
        ['KEYSTORE_PASSWORD', 'KEYSTORE_PASSWORD'],
        ['CLIENT_SECRET', 'CLIENT_SECRET'],
        ['API_SECRET', 'API_SECRET'],
        ['PARTNER_API_KEY', 'API_KEY'],
      ] as const);
      return secret('generic-password', this.type, [field(name, pw, short)], {
        section: rng.pick(['database', 'mail', 'auth', 'partner', 'ldap']),
      });
    },
  },
  {
    family: 'generic-password',
    type: 'generic-password/framework-secret',
    weight: 1,
    make(rng) {
      const [name, value] = rng.pick([
        ['SECRET_KEY_BASE', rng.chars('hex', 128)],
        ['DJANGO_SECRET_KEY', rng.chars('password', 50)],
        ['APP_KEY', `base64:${rng.bytes(32).toString('base64')}`],
        ['SESSION_SECRET', rng.chars('base62', 48)],
        ['JWT_SECRET', rng.bytes(48).toString('base64')],
      ] as const);
      return secret('generic-password', this.type, [field(name, value)], {
        section: 'app',
        targets: [value.replace(/^base64:/, '')],
      });
    },
  },
  {
    family: 'mailchimp',
    type: 'mailchimp/key',
    weight: 1,
    make(rng) {
      return secret(
        'mailchimp',
        this.type,
        [field('MAILCHIMP_API_KEY', `${rng.chars('hex', 32)}-us${rng.int(1, 21)}`, 'API_KEY')],
        { section: 'mailchimp' },
      );
    },
  },
  {
    family: 'shopify',
    type: 'shopify/token',
    weight: 1,
    make(rng) {
      return secret(
        'shopify',
        this.type,
        [
          field(
            'SHOPIFY_ACCESS_TOKEN',
            `${rng.pick(['shpat', 'shpca', 'shppa'])}_${rng.chars('hex', 32)}`,
            'ACCESS_TOKEN',
          ),
        ],
        { section: 'shopify' },
      );
    },
  },
  {
    family: 'huggingface',
    type: 'huggingface/token',
    weight: 1,
    make(rng) {
      const token = `hf_${rng.chars('alpha', 34)}`;
      return secret(
        'huggingface',
        this.type,
        [field(rng.pick(['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN']), token, 'TOKEN')],
        {
          section: 'huggingface',
          snippets: { python: [[`login(token="${token}")`]] },
        },
      );
    },
  },
  {
    family: 'digitalocean',
    type: 'digitalocean/token',
    weight: 1,
    make(rng) {
      return secret(
        'digitalocean',
        this.type,
        [field('DIGITALOCEAN_TOKEN', `dop_v1_${rng.chars('hex', 64)}`, 'TOKEN')],
        { section: 'digitalocean' },
      );
    },
  },
  {
    family: 'datadog',
    type: 'datadog/api-key',
    weight: 1,
    make(rng) {
      return secret(
        'datadog',
        this.type,
        [field(rng.pick(['DD_API_KEY', 'DATADOG_API_KEY']), rng.chars('hex', 32), 'API_KEY')],
        { section: 'datadog' },
      );
    },
  },
  {
    family: 'supabase',
    type: 'supabase/service-role',
    weight: 1,
    make(rng) {
      const ref = rng.chars('lowerAlpha', 20);
      const iat = 1_690_000_000 + rng.int(0, 30_000_000);
      const token = jwt(rng, { iss: 'supabase', ref, role: 'service_role', iat, exp: iat + 315_360_000 });
      return secret('supabase', this.type, [field('SUPABASE_SERVICE_ROLE_KEY', token, 'SERVICE_ROLE_KEY')], {
        section: 'supabase',
      });
    },
  },
];

export const secretGenerators: readonly Generator[] = [
  ...stripeGenerators,
  ...klaviyoGenerators,
  ...intercomGenerators,
  ...customerioGenerators,
  ...otherGenerators,
  ...tokens2026Secrets,
];

/** The providers whose every miss is a release blocker. */
export const CRITICAL_FAMILIES: readonly string[] = ['stripe', 'klaviyo', 'intercom', 'customerio'];
