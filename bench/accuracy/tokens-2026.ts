// The token formats of 2026 (issue 13) for the accuracy corpus: planted secrets and look-alikes written from each
// provider's documentation (or, where the provider publishes no shape, from what its keys look like in the wild,
// said so below), independently of the rules in rules/. Spread into secretGenerators (secrets.ts) and
// lookalikeGenerators (lookalikes.ts).
import type { Rng } from './rng.js';
import type { Field, Generator, Item } from './secrets.js';

const field = (name: string, value: string, short?: string): Field =>
  short ? { name, short, value } : { name, value };

function secret(family: string, type: string, fields: Field[], rest: Partial<Item> = {}): Item {
  return { role: 'secret', family, type, fields, targets: rest.targets ?? [fields[fields.length - 1]!.value], ...rest };
}

function lookalike(family: string, type: string, fields: Field[], rest: Partial<Item> = {}): Item {
  return { role: 'lookalike', family, type, fields, targets: rest.targets ?? fields.map((f) => f.value), ...rest };
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

// ---------------------------------------------------------------------------------------------------------------
// Encodings the providers document.

/**
 * GitHub's stateless installation token (docs.github.com, 2026-04-27): `ghs_<APPID>_<JWT>`, about 520 characters.
 * GitHub does not publish the claims (clients must not read them): these are plausible ones of that size.
 */
function statelessGhs(rng: Rng): string {
  const appId = rng.int(10_000, 3_999_999);
  const iat = 1_777_000_000 + rng.int(0, 9_000_000);
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: rng.chars('hex', 16) }));
  const payload = b64url(
    JSON.stringify({
      iss: 'https://api.github.com',
      sub: `installation:${rng.int(1_000_000, 99_999_999)}`,
      app: appId,
      iat,
      exp: iat + 3600,
      ...(rng.chance(0.6) ? { repos: [rng.int(1e6, 9e8), rng.int(1e6, 9e8)] } : {}),
      perms: rng.pick(['contents:write,metadata:read', 'issues:write,pull_requests:write,metadata:read', 'all']),
    }),
  );
  return `ghs_${appId}_${header}.${payload}.${b64url(rng.bytes(256))}`;
}

/** RFC 4648 base32 without padding, as NATS nkeys encode. */
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** CRC-16/XMODEM, the checksum nkeys append (little-endian). */
function crc16(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** A NATS nkey (github.com/nats-io/nkeys): a seed (`S` + type) or the public key of that type. */
function nkey(rng: Rng, kind: 'seed' | 'public', type: 'U' | 'A' | 'O'): string {
  const typeByte = { U: 20 << 3, A: 0, O: 14 << 3 }[type];
  const raw = rng.bytes(32);
  const prefix =
    kind === 'seed' ? Buffer.from([(18 << 3) | (typeByte >> 5), (typeByte & 31) << 3]) : Buffer.from([typeByte]);
  const body = Buffer.concat([prefix, raw]);
  const crc = crc16(body);
  return base32(Buffer.concat([body, Buffer.from([crc & 0xff, crc >> 8])]));
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets.

export const tokens2026Secrets: readonly Generator[] = [
  {
    family: 'github',
    type: 'github/ghs-stateless',
    weight: 2,
    make(rng) {
      const token = statelessGhs(rng);
      const [name, short] = rng.pick([
        ['GITHUB_TOKEN', 'TOKEN'],
        ['GH_TOKEN', 'TOKEN'],
        ['GITHUB_APP_INSTALLATION_TOKEN', 'INSTALLATION_TOKEN'],
      ] as const);
      return secret('github', this.type, [field(name, token, short)], {
        section: 'github',
        snippets: {
          shell: [
            [`git push https://x-access-token:${token}@github.com/acme/site.git HEAD:main`],
            [`curl -H "Authorization: Bearer ${token}" https://api.github.com/repos/acme/site/issues`],
          ],
          js: [[`const octokit = new Octokit({ auth: '${token}' });`]],
        },
      });
    },
  },
  {
    family: 'stripe',
    type: 'stripe/sk_org',
    weight: 1,
    make(rng) {
      // docs.stripe.com/keys/organization-api-keys: one `sk_org` prefix; the body's length is not published.
      const key = `sk_org_${rng.chars('base62', rng.int(90, 128))}`;
      const [name, short] = rng.pick([
        ['STRIPE_ORG_API_KEY', 'ORG_API_KEY'],
        ['STRIPE_ORGANIZATION_KEY', 'ORGANIZATION_KEY'],
      ] as const);
      return secret('stripe', this.type, [field(name, key, short)], {
        section: 'stripe',
        snippets: {
          shell: [
            [
              `curl https://api.stripe.com/v1/customers -u ${key}: -H "Stripe-Context: acct_${rng.chars('base62', 16)}"`,
            ],
          ],
          js: [[`const stripe = new Stripe('${key}', { stripeContext: 'acct_${rng.chars('base62', 16)}' });`]],
        },
      });
    },
  },
  {
    family: 'customerio',
    type: 'customerio/private-sk',
    weight: 2,
    make(rng) {
      // docs.customer.io release note 2026-10-30: private keys start `sk_`; the body is not published.
      const key = `sk_${rng.chars(rng.pick(['base62', 'base64url'] as const), rng.int(40, 64))}`;
      const [name, short] = rng.pick([
        ['CUSTOMERIO_API_KEY', 'API_KEY'],
        ['CUSTOMERIO_PRIVATE_KEY', 'PRIVATE_KEY'],
        ['CIO_SECRET_KEY', 'SECRET_KEY'],
      ] as const);
      return secret('customerio', this.type, [field(name, key, short)], {
        section: rng.pick(['customerio', 'customer_io']),
        snippets: {
          js: [[`const cio = new CustomerIO({ apiKey: '${key}' }); // customerio-node`]],
          python: [[`cio = CustomerIO(api_key="${key}")  # customerio`]],
        },
      });
    },
  },
  {
    family: 'customerio',
    type: 'customerio/webhook-signing-key',
    weight: 1,
    make(rng) {
      // docs.customer.io/api/webhooks: an HMAC-SHA256 signing key; its shape is not published (hex assumed).
      const key = rng.chars('hex', 64);
      const [name, short] = rng.pick([
        ['CUSTOMERIO_WEBHOOK_SIGNING_KEY', 'WEBHOOK_SIGNING_KEY'],
        ['CIO_WEBHOOK_SECRET', 'WEBHOOK_SECRET'],
      ] as const);
      return secret('customerio', this.type, [field(name, key, short)], { section: 'customerio' });
    },
  },
  {
    family: 'aws',
    type: 'aws/bedrock-api-key',
    weight: 1,
    make(rng) {
      // IAM service-specific credential for bedrock.amazonaws.com: `ABSK` + base64(<alias>:<secret>).
      const user = rng.chance(0.7) ? `BedrockAPIKey-${rng.chars('lowerAlpha', 4)}` : rng.pick(['ci-bedrock', 'svc-ml']);
      const alias = `${user}-at-${rng.chars('digits', 12)}`;
      const key = `ABSK${Buffer.from(`${alias}:${rng.bytes(45).toString('base64')}`).toString('base64')}`;
      return secret(
        'aws',
        this.type,
        [field(rng.pick(['AWS_BEARER_TOKEN_BEDROCK', 'BEDROCK_API_KEY']), key, 'API_KEY')],
        {
          section: 'bedrock',
          snippets: { python: [[`os.environ["AWS_BEARER_TOKEN_BEDROCK"] = "${key}"`]] },
        },
      );
    },
  },
  {
    family: 'anthropic',
    type: 'anthropic/oauth-token',
    weight: 1,
    make(rng) {
      // `claude setup-token` prints a one-year `sk-ant-oat01-…` token (shape observed, not documented).
      const token = `sk-ant-oat01-${rng.chars('base64url', 93)}AA`;
      return secret('anthropic', this.type, [field('CLAUDE_CODE_OAUTH_TOKEN', token, 'OAUTH_TOKEN')], {
        section: 'claude',
      });
    },
  },
  {
    family: 'gcp',
    type: 'gcp/gemini-auth-key',
    weight: 1,
    make(rng) {
      // ai.google.dev/gemini-api/docs/api-key: auth keys; `AQ.` + 50 observed.
      const key = `AQ.Ab${rng.chars('base64url', 48)}`;
      return secret('gcp', this.type, [field(rng.pick(['GEMINI_API_KEY', 'GOOGLE_API_KEY']), key, 'API_KEY')], {
        section: 'gemini',
        snippets: { python: [[`client = genai.Client(api_key="${key}")`]] },
      });
    },
  },
  {
    family: 'dynatrace',
    type: 'dynatrace/dt0s',
    weight: 1,
    make(rng) {
      const prefix = rng.pick(['dt0s16', 'dt0s16', 'dt0s02', 'dt0s01']);
      const token = `${prefix}.${rng.chars('upper', 24)}.${rng.chars('upper', 64)}`;
      return secret(
        'dynatrace',
        this.type,
        [field(rng.pick(['DT_PLATFORM_TOKEN', 'DT_CLIENT_SECRET']), token, 'TOKEN')],
        {
          section: 'dynatrace',
        },
      );
    },
  },
  {
    family: 'sourcegraph',
    type: 'sourcegraph/sgp',
    weight: 1,
    make(rng) {
      const id = rng.weighted([
        [3, () => `${rng.chars('hex', 16)}_`],
        [1, () => 'local_'],
        [1, () => ''],
      ] as const)();
      const token = `sgp_${id}${rng.chars('hex', 40)}`;
      return secret('sourcegraph', this.type, [field('SRC_ACCESS_TOKEN', token, 'ACCESS_TOKEN')], {
        section: 'sourcegraph',
      });
    },
  },
  {
    family: 'segment',
    type: 'segment/sgp',
    weight: 1,
    make(rng) {
      const token = `sgp_${rng.chars('base62', 64)}`;
      return secret('segment', this.type, [field('SEGMENT_PUBLIC_API_TOKEN', token, 'PUBLIC_API_TOKEN')], {
        section: 'segment',
      });
    },
  },
  {
    family: 'sonarqube',
    type: 'sonarqube/token',
    weight: 1,
    make(rng) {
      const token = `${rng.pick(['squ', 'sqp', 'sqa'])}_${rng.chars('hex', 40)}`;
      return secret('sonarqube', this.type, [field('SONAR_TOKEN', token, 'TOKEN')], {
        section: 'sonar',
        snippets: { shell: [[`mvn verify sonar:sonar -Dsonar.host.url=https://sonar.acme.io -Dsonar.token=${token}`]] },
      });
    },
  },
  {
    family: 'azure',
    type: 'azure/devops-pat',
    weight: 1,
    make(rng) {
      // learn.microsoft.com (Purview): 84 characters, `AZDO` at 77–80; older PATs: 52 lowercase base32.
      const legacy = rng.chance(0.3);
      const pat = legacy
        ? Array.from({ length: 52 }, () => 'abcdefghijklmnopqrstuvwxyz234567'[rng.int(0, 31)]).join('')
        : `${rng.chars('base62', 76)}AZDO${rng.chars('base62', 4)}`;
      const [name, short] = rng.pick([
        ['AZURE_DEVOPS_PAT', 'PAT'],
        ['AZURE_DEVOPS_EXT_PAT', 'EXT_PAT'],
        ['AZDO_PERSONAL_ACCESS_TOKEN', 'PERSONAL_ACCESS_TOKEN'],
      ] as const);
      return secret('azure', this.type, [field(name, pat, short)], {
        section: 'azure_devops',
        snippets: { shell: [[`git clone https://build:${pat}@dev.azure.com/contoso/shop/_git/shop`]] },
      });
    },
  },
  {
    family: 'nats',
    type: 'nats/seed',
    weight: 1,
    make(rng) {
      const seed = nkey(rng, 'seed', rng.pick(['U', 'U', 'A', 'O'] as const));
      return secret('nats', this.type, [field(rng.pick(['NATS_NKEY_SEED', 'NATS_SEED']), seed, 'SEED')], {
        section: 'nats',
      });
    },
  },
  {
    family: 'openshift',
    type: 'openshift/oauth-token',
    weight: 1,
    make(rng) {
      const token = `sha256~${b64url(rng.bytes(32))}`;
      return secret('openshift', this.type, [field(rng.pick(['OPENSHIFT_TOKEN', 'OC_TOKEN']), token, 'TOKEN')], {
        section: 'openshift',
        snippets: { shell: [[`oc login --token=${token} --server=https://api.ocp.acme.io:6443`]] },
      });
    },
  },
  {
    family: 'tines',
    type: 'tines/webhook-url',
    weight: 1,
    make(rng) {
      const secretPart = rng.chars('hex', 32);
      const url = `https://${rng.pick(['acme', 'acme-secops', 'soc'])}.tines.com/webhook/${rng.chars('hex', 32)}/${secretPart}`;
      return secret('tines', this.type, [field('TINES_WEBHOOK_URL', url, 'WEBHOOK_URL')], {
        section: 'tines',
        targets: [secretPart],
      });
    },
  },
  {
    family: 'gitlab',
    type: 'gitlab/feed-token',
    weight: 1,
    make(rng) {
      const token = rng.weighted([
        [2, () => `glft-${rng.chars('base64url', 20)}`],
        [1, () => `glft-${rng.chars('hex', 64)}-${rng.int(1000, 9_999_999)}`],
      ] as const)();
      const url = `https://gitlab.com/acme/api/-/issues.atom?feed_token=${token}&state=opened`;
      return secret('gitlab', this.type, [field(rng.pick(['GITLAB_FEED_URL', 'RSS_FEED_URL']), url, 'FEED_URL')], {
        section: 'gitlab',
        targets: [token],
      });
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Look-alikes: the public halves, placeholders and same-prefix values of the formats above.

export const tokens2026Lookalikes: readonly Generator[] = [
  {
    family: 'customerio',
    type: 'customerio/public-pk',
    weight: 2,
    make(rng) {
      // Customer.io's public key ships in apps and browsers; where its unpublished body happens to fit Klaviyo's
      // `pk_` shapes, the line that names Customer.io must still keep Klaviyo's rule quiet.
      const key = rng.pick([
        () => `pk_${rng.chars('hex', 34)}`,
        () => `pk_${rng.pick(['us', 'eu'])}_${rng.chars('hex', 32)}`,
        () => `pk_${rng.chars('base62', 40)}`,
      ])();
      const name = rng.pick(['CUSTOMERIO_PUBLIC_KEY', 'NEXT_PUBLIC_CUSTOMERIO_KEY', 'CUSTOMERIO_CDP_API_KEY']);
      return lookalike('customerio', this.type, [field(name, key)], {
        nameRequired: true,
        snippets: { js: [[`CustomerIO.initialize({ cdpApiKey: '${key}' }); // customer.io public key`]] },
      });
    },
  },
  {
    family: 'github',
    type: 'github/ghs-placeholder',
    weight: 1,
    make(rng) {
      const value = rng.pick([
        'ghs_APPID_JWT',
        `ghs_${rng.int(10_000, 999_999)}_eyJ${rng.chars('base64url', 30)}`,
        `ghs_${rng.int(10_000, 999_999)}_eyJhbGciOiJSUzI1NiJ9.eyJ...`,
      ]);
      return lookalike('github', this.type, [field('GITHUB_TOKEN_FORMAT', value)]);
    },
  },
  {
    family: 'dynatrace',
    type: 'dynatrace/client-id',
    weight: 1,
    make(rng) {
      return lookalike('dynatrace', this.type, [field('DT_CLIENT_ID', `dt0s02.${rng.chars('upper', 24)}`)]);
    },
  },
  {
    family: 'sonarqube',
    type: 'sonarqube/badge-url',
    weight: 1,
    make(rng) {
      const token = `sqb_${rng.chars('hex', 40)}`;
      const url = `https://sonar.acme.io/api/project_badges/measure?project=shop&metric=coverage&token=${token}`;
      return lookalike('sonarqube', this.type, [field('SONAR_BADGE_URL', url)], { targets: [token] });
    },
  },
  {
    family: 'nats',
    type: 'nats/public-key',
    weight: 1,
    make(rng) {
      return lookalike('nats', this.type, [field('NATS_USER_PUBLIC_KEY', nkey(rng, 'public', 'U'))]);
    },
  },
  {
    family: 'openshift',
    type: 'openshift/token-name',
    weight: 1,
    make(rng) {
      const name = `sha256~${b64url(rng.bytes(32))}`;
      return lookalike('openshift', this.type, [field('OAUTH_TOKEN_NAME', name)], {
        snippets: {
          shell: [[`oc delete oauthaccesstoken ${name}`]],
          yaml: [['apiVersion: oauth.openshift.io/v1', 'kind: OAuthAccessToken', 'metadata:', `  name: ${name}`]],
        },
        snippetOnly: true,
      });
    },
  },
  {
    family: 'tines',
    type: 'tines/url-without-secret',
    weight: 1,
    make(rng) {
      const url = `https://acme.tines.com/webhook/${rng.chars('hex', 32)}`;
      return lookalike('tines', this.type, [field('TINES_WEBHOOK_URL', url)]);
    },
  },
];
