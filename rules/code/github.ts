// GitHub tokens: https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
// `ghp_` (classic PAT), `gho_` (OAuth app), `ghu_` (GitHub App user-to-server), `ghs_` (GitHub App installation /
// server-to-server, also Actions' GITHUB_TOKEN), `ghr_` (refresh): prefix + 30 base62 + a 6-character base62 CRC32
// of those 30, which the `github-crc32` verifier checks. Fine-grained PATs are `github_pat_` + 22 + `_` + 59.
// From 2026-04-27 GitHub App installation tokens (Actions' GITHUB_TOKEN included) are issued in a stateless format,
// `ghs_<APPID>_<JWT>`, about 520 characters and of varying length, with `.`, `_` and `-` in it:
// https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app
// and https://github.blog/changelog/2026-04-24-notice-about-upcoming-new-format-for-github-app-installation-tokens/
// It has no CRC32 (GitHub tells clients not to read the JWT), so it is its own rule, found by its structure.
import type { Rule } from '../schema.js';

const DOCS_PAT =
  'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens';
const DOCS_APPS =
  'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/about-authentication-with-a-github-app';
const DOCS_OAUTH = 'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/modifying-an-oauth-app';

const checkMisuse =
  "Organization settings → Audit log (search for the token's hashed_token or the user) and the security log of the user show API and git activity; also check for new SSH keys, deploy keys, webhooks, workflow runs and repositories you did not create.";

const patRotate = [
  'Open GitHub → Settings → Developer settings → Personal access tokens and delete (or regenerate) the leaked token.',
  'Create a fine-grained token limited to the repositories and permissions needed, with an expiry, or use a GitHub App instead.',
  'Store the new token in your CI or secrets manager and redeploy.',
  "Review the account's security log and your organizations' audit logs for actions made with the old token.",
];

const installationFix = {
  env: 'GITHUB_TOKEN',
  provider: 'GitHub',
  rotate: [
    "Revoke the token with `DELETE /installation/token` authenticated by the token itself (Actions' GITHUB_TOKEN expires when the job ends).",
    "If the app's private key leaked too, generate a new private key in the app settings and delete the old one.",
    "Mint installation tokens at run time from the app's key instead of storing them.",
    'Check the organization audit log for actions by the app (actor `app-name[bot]`).',
  ],
  docs: DOCS_APPS,
};

const installationGuide = {
  grants:
    "An installation token acts as the GitHub App on the repositories it is installed on, with the app's permissions, for up to one hour.",
  risks:
    'Within the hour an attacker can read or push code, open pull requests or change settings as the app; repeated leaks from CI logs can give ongoing access.',
  checkMisuse,
};

// Length: 36 characters after the prefix today; GitHub tells integrators to allow tokens of up to 255
// characters (github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available),
// so 36–251 after the 4-character prefix.
const classic = (prefix: string): string => `(?<![A-Za-z0-9_])(?<secret>${prefix}_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])`;

export const githubRules: Rule[] = [
  {
    id: 'github-personal-access-token',
    title: 'GitHub personal access token (classic)',
    severity: 'critical',
    keywords: ['ghp_'],
    pattern: classic('ghp'),
    verify: 'github-crc32',
    examples: [
      'GITHUB_TOKEN={{github:ghp}}',
      'git clone https://{{github:ghp}}@github.com/acme/billing.git',
      'const octokit = new Octokit({ auth: "{{github:ghp}}" });',
    ],
    negativeExamples: [
      'GITHUB_TOKEN=ghp_{{base62:36}}',
      'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GITHUB_TOKEN=ghp_{{base62:20}}',
      'See https://github.com/settings/tokens to create a ghp_ token.',
    ],
    fix: { env: 'GITHUB_TOKEN', provider: 'GitHub', rotate: patRotate, docs: DOCS_PAT },
    guide: {
      grants:
        'A classic personal access token acts as the user with the scopes it was given (often `repo`, i.e. every repository the user can reach, including organizations).',
      risks:
        'An attacker can clone private code, push malicious commits or workflow changes, read Actions secrets through workflows, and publish packages as you.',
      checkMisuse,
    },
  },
  {
    id: 'github-fine-grained-token',
    title: 'GitHub fine-grained personal access token',
    severity: 'critical',
    keywords: ['github_pat_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])',
    entropy: 4,
    examples: [
      'GITHUB_TOKEN=github_pat_{{base62:22}}_{{base62:59}}',
      'gh auth login --with-token <<< "github_pat_{{base62:22}}_{{base62:59}}"',
      '  token: github_pat_11{{base62:20}}_{{base62:59}}',
    ],
    negativeExamples: [
      'GITHUB_TOKEN=github_pat_{{base62:22}}_{{base62:20}}',
      'GITHUB_TOKEN=github_pat_<your-token>',
      'GITHUB_TOKEN=github_pat_11AAAAAAAAAAAAAAAAAAAA_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
    fix: { env: 'GITHUB_TOKEN', provider: 'GitHub', rotate: patRotate, docs: DOCS_PAT },
    guide: {
      grants:
        'A fine-grained token acts as the user on the repositories and with the permissions selected at creation (contents, issues, actions, administration…), until it expires.',
      risks:
        'Within its permissions an attacker can read private code, push commits, change workflows or settings, and read or trigger Actions.',
      checkMisuse,
    },
  },
  {
    id: 'github-oauth-token',
    title: 'GitHub OAuth access token',
    severity: 'high',
    keywords: ['gho_'],
    pattern: classic('gho'),
    verify: 'github-crc32',
    examples: ['GH_TOKEN={{github:gho}}', '    oauth_token: {{github:gho}}', 'Authorization: token {{github:gho}}'],
    negativeExamples: ['GH_TOKEN=gho_{{base62:36}}', 'GH_TOKEN=gho_{{base62:12}}', 'oauth_token: gho_<token>'],
    fix: {
      env: 'GH_TOKEN',
      provider: 'GitHub',
      rotate: [
        'Revoke the token: the user removes the app under Settings → Applications → Authorized OAuth Apps, or the app owner calls `DELETE /applications/{client_id}/token`.',
        'For the GitHub CLI, run `gh auth logout` and `gh auth login` to get a new token kept in the system keyring.',
        "Review the user's security log for activity with the token.",
      ],
      docs: DOCS_OAUTH,
    },
    guide: {
      grants:
        'An OAuth token acts as the user who authorised the OAuth app (for example the GitHub CLI), with the scopes granted.',
      risks:
        'An attacker can use the granted scopes, often `repo` and `workflow`, to read and push code or change CI as that user.',
      checkMisuse,
    },
  },
  {
    id: 'github-app-user-token',
    title: 'GitHub App user access token',
    severity: 'high',
    keywords: ['ghu_'],
    pattern: classic('ghu'),
    verify: 'github-crc32',
    examples: [
      'GITHUB_USER_TOKEN={{github:ghu}}',
      '{"access_token": "{{github:ghu}}", "expires_in": 28800}',
      'octokit = Octokit(auth="{{github:ghu}}")',
    ],
    negativeExamples: [
      'GITHUB_USER_TOKEN=ghu_{{base62:36}}',
      'GITHUB_USER_TOKEN=ghu_{{base62:8}}',
      'access_token: ghu_...',
    ],
    fix: {
      env: 'GITHUB_USER_TOKEN',
      provider: 'GitHub',
      rotate: [
        "Revoke it with `DELETE /applications/{client_id}/token` using the app's client credentials, or have the user revoke the app's authorization.",
        'Let the app obtain a new token through its user authorization flow and store it encrypted.',
        "Review the user's security log and the affected repositories for actions taken since the leak.",
      ],
      docs: DOCS_APPS,
    },
    guide: {
      grants:
        "A user access token lets a GitHub App act on behalf of a user, limited to both the app's permissions and the user's access; it usually expires after 8 hours.",
      risks:
        "Until it expires an attacker can act as the user within the app's permissions, for example reading or writing repository contents.",
      checkMisuse,
    },
  },
  {
    id: 'github-app-installation-token',
    title: 'GitHub App installation (server-to-server) token',
    severity: 'high',
    keywords: ['ghs_'],
    pattern: classic('ghs'),
    verify: 'github-crc32',
    examples: [
      'GITHUB_TOKEN={{github:ghs}}',
      'git push https://x-access-token:{{github:ghs}}@github.com/acme/site.git main',
      '{"token": "{{github:ghs}}", "expires_at": "2025-01-01T01:00:00Z"}',
    ],
    negativeExamples: [
      'GITHUB_TOKEN=ghs_{{base62:36}}',
      'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}',
      'token = "ghs_{{base62:16}}"',
      // The stateless format is the other rule's: this one needs the CRC32 of the classic format.
      'GITHUB_TOKEN=ghs_{{digits:7}}_{{jwt}}',
    ],
    fix: installationFix,
    guide: installationGuide,
  },
  {
    id: 'github-app-installation-token-stateless',
    title: 'GitHub App installation token (stateless ghs_APPID_JWT format)',
    severity: 'high',
    keywords: ['ghs_'],
    // `ghs_` + the app's numeric id + `_` + a compact JWT (base64url header `eyJ…` . payload `eyJ…` . signature).
    // Length: GitHub gives about 520 characters in all, varying with the claims, and one integrator saw about 383;
    // the app id is an integer (1–20 digits); a JWT header is a few dozen characters (8–512), the payload a few
    // hundred (8–2048, four times what GitHub announces), the signature 43 (HS256) to 683 (RS4096) (16–1024). One
    // match is at most about 3,600 characters. The pattern cannot cross a line, so the engine runs it only on the
    // lines that hold `ghs_`, however long the token.
    pattern: `(?<![A-Za-z0-9_])(?<secret>ghs_[0-9]{1,20}_eyJ[A-Za-z0-9_-]{8,512}\\.eyJ[A-Za-z0-9_-]{8,2048}\\.[A-Za-z0-9_-]{16,1024})(?![A-Za-z0-9_.-])`,
    entropy: 4,
    examples: [
      'GITHUB_TOKEN=ghs_{{digits:7}}_{{jwt}}',
      'git push https://x-access-token:ghs_{{digits:6}}_{{jwt}}@github.com/acme/site.git main',
      '{"token": "ghs_{{digits:7}}_{{jwt}}", "expires_at": "2026-05-01T01:00:00Z"}',
      "export GH_TOKEN='ghs_{{digits:8}}_eyJ{{base64url:60}}.eyJ{{base64url:380}}.{{base64url:86}}'",
    ],
    negativeExamples: [
      // The classic format with a checksum that does not hold: the classic rule's verifier turns it down.
      'GITHUB_TOKEN=ghs_{{base62:36}}',
      // GitHub's own placeholder for the layout, and a truncated token that stops inside the payload.
      'Installation tokens now look like ghs_APPID_JWT (about 520 characters).',
      'token = "ghs_{{digits:7}}_eyJ{{base64url:40}}"',
      'GITHUB_TOKEN=ghs_{{digits:7}}_eyJxxxxxxxxxxxxxxxxxxxxxxxx.eyJxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}',
    ],
    fix: installationFix,
    guide: installationGuide,
  },
  {
    id: 'github-refresh-token',
    title: 'GitHub App refresh token',
    severity: 'high',
    keywords: ['ghr_'],
    pattern: classic('ghr'),
    verify: 'github-crc32',
    examples: [
      'GITHUB_REFRESH_TOKEN={{github:ghr}}',
      '{"refresh_token": "{{github:ghr}}", "refresh_token_expires_in": 15811200}',
      "refresh_token = '{{github:ghr}}'",
    ],
    negativeExamples: [
      'GITHUB_REFRESH_TOKEN=ghr_{{base62:36}}',
      'refresh_token = "ghr_{{base62:10}}"',
      'refresh_token: ghr_<token>',
    ],
    fix: {
      env: 'GITHUB_REFRESH_TOKEN',
      provider: 'GitHub',
      rotate: [
        "Revoke the user's authorization of the app (`DELETE /applications/{client_id}/grant`) or have the user revoke it in Settings → Applications.",
        'Have the user authorise again to obtain a new token pair and store it encrypted.',
        "Review the user's security log for tokens refreshed since the leak.",
      ],
      docs: DOCS_APPS,
    },
    guide: {
      grants:
        'A refresh token (valid about six months) mints new user access tokens for a GitHub App, so it carries the same access for much longer.',
      risks:
        "An attacker with the app's client id can keep minting user tokens and act as the user within the app's permissions.",
      checkMisuse,
    },
  },
];
