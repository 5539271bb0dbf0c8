// Supabase API keys: https://supabase.com/docs/guides/api/api-keys
// Secret keys are `sb_secret_` + base64url; the legacy service_role key is an HS256 JWT whose payload says
// "role":"service_role". Publishable keys (`sb_publishable_…`) and the legacy anon JWT are public by design.
// The Supabase CLI's local stack ships fixed, published demo keys ("iss":"supabase-demo"); those are not findings.
import type { Rule } from '../schema.js';

// base64url of `service_role` at the three possible byte alignments inside a JWT payload.
const SERVICE_ROLE_B64 = ['c2VydmljZV9yb2xl', 'NlcnZpY2Vfcm9s', 'ZXJ2aWNlX3JvbG'];
const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
// {"iss":"supabase","ref":"abcdefghijklmnopqrst","role":"service_role","iat":1700000000,"exp":2015576000}
const SERVICE_PAYLOAD =
  'eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ';
// The same with "role":"anon".
const ANON_PAYLOAD =
  'eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTU3NjAwMH0';
// {"iss":"supabase-demo","role":"service_role","exp":1983812996}: the CLI's local demo key.
const DEMO_PAYLOAD = 'eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0';
const DEMO_PAYLOAD_START = 'eyJpc3MiOiJzdXBhYmFzZS1kZW1vIi';
// The CLI's local default secret key, kept in two pieces so this file holds no whole key.
const LOCAL_SECRET_START = 'N7UND0UgjKTVK';
const LOCAL_SECRET = LOCAL_SECRET_START + '-Uodkm0Hg_xSvEMPvz';

const fix = {
  env: 'SUPABASE_SECRET_KEY',
  provider: 'Supabase',
  rotate: [
    'In the Supabase dashboard open Project Settings → API Keys and create a new secret key (for a legacy service_role key, migrate to secret keys first).',
    'Deploy the new key to your servers and functions only; never ship it to a browser or mobile app.',
    'Delete the leaked secret key, or for a legacy key roll the JWT secret (which also invalidates the anon key and user sessions).',
    "Review the project's API and Postgres logs for requests made with the service role since the leak.",
  ],
  docs: 'https://supabase.com/docs/guides/api/api-keys',
};
const guide = {
  grants:
    "A secret or service_role key calls your project's Data, Storage, Auth admin and Edge Function APIs as the service role, which bypasses every Row Level Security policy.",
  risks:
    'An attacker can read, change or delete every row in every exposed table, download all Storage files and create, delete or impersonate users.',
  checkMisuse:
    'Dashboard → Logs (API Gateway / PostgREST, Storage, Auth) shows requests with role service_role; look for unfamiliar IP addresses, bulk reads or deletes.',
};

export const supabaseRules: Rule[] = [
  {
    id: 'supabase-secret-key',
    title: 'Supabase secret API key',
    severity: 'critical',
    keywords: ['sb_secret_'],
    // Length: Supabase documents the prefix, not the length: 28–80 is the observed range.
    pattern: `(?<![A-Za-z0-9_])(?<secret>sb_secret_(?!${LOCAL_SECRET_START})[A-Za-z0-9_-]{28,80})(?![A-Za-z0-9_-])`,
    entropy: 3.8,
    examples: [
      'SUPABASE_SECRET_KEY=sb_secret_{{base64url:22}}_{{base62:8}}',
      'const supabase = createClient(url, "sb_secret_{{base64url:22}}_{{base62:8}}");',
      'supabase = create_client(SUPABASE_URL, "sb_secret_{{base64url:31}}")',
    ],
    negativeExamples: [
      'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=sb_publishable_{{base64url:22}}_{{base62:8}}',
      'SUPABASE_SECRET_KEY=sb_secret_' + LOCAL_SECRET,
      'SUPABASE_SECRET_KEY=sb_secret_...',
      'SUPABASE_SECRET_KEY=sb_secret_{{base62:10}}',
    ],
    fix,
    guide,
  },
  {
    id: 'supabase-service-role-key',
    title: 'Supabase service_role key (legacy JWT)',
    severity: 'critical',
    keywords: SERVICE_ROLE_B64.map((s) => s.toLowerCase()),
    // Length: a JWT's header, payload and HMAC-SHA256 signature (43 characters); RFC 7519 sets no length, so
    // each part's bound is the observed range with room.
    pattern: `(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,300}\\.(?!${DEMO_PAYLOAD_START})eyJ[A-Za-z0-9_-]{0,600}(?:${SERVICE_ROLE_B64.join('|')})[A-Za-z0-9_-]{0,600}\\.[A-Za-z0-9_-]{20,600})(?![A-Za-z0-9_-])`,
    verify: 'jwt-signed',
    examples: [
      `SUPABASE_SERVICE_ROLE_KEY=${HEADER}.${SERVICE_PAYLOAD}.{{base64url:43}}`,
      `const admin = createClient(process.env.SUPABASE_URL!, "${HEADER}.${SERVICE_PAYLOAD}.{{base64url:43}}");`,
      `Authorization: Bearer ${HEADER}.${SERVICE_PAYLOAD}.{{base64url:43}}`,
    ],
    negativeExamples: [
      `NEXT_PUBLIC_SUPABASE_ANON_KEY=${HEADER}.${ANON_PAYLOAD}.{{base64url:43}}`,
      `SUPABASE_SERVICE_ROLE_KEY=${HEADER}.${DEMO_PAYLOAD}.{{base64url:43}}`,
      'SUPABASE_SERVICE_ROLE_KEY={{jwt}}',
      `SUPABASE_SERVICE_ROLE_KEY=${HEADER}.${SERVICE_PAYLOAD}.`,
    ],
    fix: { ...fix, env: 'SUPABASE_SERVICE_ROLE_KEY' },
    guide,
  },
];
