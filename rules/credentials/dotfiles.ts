// Credential files that tools read from the home directory and that end up committed:
// - .netrc (https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html):
//   `machine HOST login USER password SECRET`, on one line or several.
// - .pgpass (https://www.postgresql.org/docs/current/libpq-pgpass.html): `host:port:database:user:password`.
// - .git-credentials (https://git-scm.com/docs/git-credential-store): `https://user:token@host`, for Git hosts.
// - Docker's config.json (https://docs.docker.com/reference/cli/docker/login/): `"auths": {"host": {"auth":
//   base64(user:password)}}` and `identitytoken`.
// Defaults, placeholders and references are not findings; neither is anything that points at localhost.
import type { Rule } from '../schema.js';

const DEFAULTS = String.raw`(?:(?:my|your|the|super|db|test|dev|default|admin|root|app|secret)[_-]?)?(?:pass(?:word|wd)?|passw0rd|p@ssw0rd|pw|pwd|secret|changeme|admin|root|toor|postgres|guest|user(?:name)?|test(?:ing)?|demo|default|example|sample|anonymous|x-oauth-basic|none|x{3,16})?[0-9!.]{0,6}`;
const VALUE_END = String.raw`(?=[\s"'\x60\\]|$)`;

// One fix and guide for both Docker config.json rules: the `auth` pair and the identity/registry token.
const dockerFix = {
  env: 'DOCKER_AUTH_CONFIG',
  provider: 'the container registry',
  rotate: [
    'Decode the `auth` value (`echo … | base64 -d`) to see the account, then revoke its token or change its password at the registry.',
    'Create a new, narrowly scoped registry token (pull-only where possible).',
    'Log in with a credential helper (`credsStore`) or inject the config from CI secrets instead of committing config.json.',
    "Check the registry's audit log for pulls and pushes made with the old credential.",
  ],
  docs: 'https://docs.docker.com/reference/cli/docker/login/',
};

// Look-alikes for both: references, well-known demo credentials, empty auths, and an auth outside "auths".
const dockerNegatives = [
  '{"auths":{"ghcr.io":{"auth":"${DOCKER_AUTH}"}}}',
  '{"auths":{"ghcr.io":{"auth":"dXNlcjpwYXNzd29yZA=="}}}',
  '{"auths":{"ghcr.io":{"auth":"bXl1c2VyOm15cGFzc3dvcmQ="}}}',
  '{"credsStore":"desktop","auths":{"https://index.docker.io/v1/":{}}}',
  '{"auth": "{{basicauth}}"}',
];

const dockerGuide = {
  grants:
    'The auth entry logs in to the container registry as that account: pull private images and, usually, push new ones.',
  risks:
    'An attacker pulls your private images (and the secrets baked into them) or pushes a backdoored image under a tag your deployments trust.',
  checkMisuse:
    "Check the registry's audit or access log and image push history for activity by the account that you did not start.",
};

// One guide for both .netrc rules: a line anywhere, and any password in a .netrc file.
const netrcGuide = {
  grants: 'curl, git, ftp, pip and other tools send this login and password to the named host automatically.',
  risks:
    'Anyone with the file logs in to the host as that user; API tokens stored this way (Heroku, GitHub) grant full API access.',
  checkMisuse: "Review the host's authentication or API audit log for the login named in the file.",
};

// One fix and guide for both .pgpass rules: a line anywhere, and any password in a .pgpass file.
const pgpassFix = {
  env: 'PGPASSWORD',
  provider: 'PostgreSQL',
  rotate: [
    "Set a new password for the role (`ALTER ROLE … WITH PASSWORD '…';` or your cloud console).",
    'Keep .pgpass in the home directory with mode 0600, outside any repository, or use PGPASSWORD / a secrets manager in CI.',
    'Update every client that used the old password.',
    'Check the server log (log_connections) for connections by the role since the file was committed.',
  ],
  docs: 'https://www.postgresql.org/docs/current/libpq-pgpass.html',
};

const pgpassGuide = {
  grants:
    'libpq clients (psql, pg_dump, drivers) log in to the matching server and database as that role with this password.',
  risks:
    "An attacker who can reach the server reads, changes or deletes the role's data; replication roles can stream the whole cluster.",
  checkMisuse: 'Look for sessions of the role in pg_stat_activity and in the server log with log_connections enabled.',
};

export const dotfileRules: Rule[] = [
  {
    id: 'netrc-password',
    title: 'Password in a .netrc file',
    severity: 'high',
    keywords: ['password'],
    near: { words: ['machine'], lines: 4 },
    flags: 'm',
    pattern:
      String.raw`(?:^[ \t]{0,16}|[ \t]login[ \t]{1,8}(?!anonymous[ \t])[^\s]{1,128}[ \t]{1,8})password[ \t]{1,8}` +
      // Length: a user-chosen password (a design bound: 6 keeps out defaults, 256 bounds the read).
      // A GitHub-prefixed value is the GitHub rules' to judge: what they do not take is a placeholder (`ghs_APPID_JWT`).
      String.raw`(?![$%{<])(?!(?:gh[pousr]|github_pat)_)(?!${DEFAULTS}${VALUE_END})(?<secret>[^\s"'\x60\\]{6,256})${VALUE_END}`,
    examples: [
      'machine api.heroku.com login ops@corp.io password {{hex:8}}-{{hex:4}}-4{{hex:3}}-8{{hex:3}}-{{hex:12}}',
      'machine github.com login ci-bot password {{base62:40}}',
      'machine nexus.corp.io login deploy password {{base62:20}}',
    ],
    negativeExamples: [
      'machine ftp.corp.io login anonymous password guest@corp.io',
      'machine api.corp.io login deploy password ${NETRC_PASSWORD}',
      'machine api.corp.io login user password password',
      'machine api.corp.io login user password <password>',
      'The state machine resets the login form when the password field is cleared.',
      'login deploy password {{base62:20}}',
      'machine github.com login ci-bot password ghs_APPID_JWT',
    ],
    fix: {
      env: 'NETRC_PASSWORD',
      provider: 'the host named by `machine`',
      rotate: [
        'Change the password or revoke the token for that login at the host named by `machine`.',
        'Keep .netrc in the home directory with mode 600 (never in a repository), or pass the credential through the environment in CI.',
        'Update the machines and CI jobs that used the old credential.',
        "Check the host's access log for the login since the file was committed.",
      ],
      docs: 'https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html',
    },
    guide: netrcGuide,
  },
  {
    id: 'netrc-file-password',
    title: 'Password in a .netrc file',
    severity: 'high',
    keywords: ['password', 'passwd'],
    files: ['.netrc', '_netrc'],
    pattern: String.raw`(?<![^\s])(?:password|passwd)[ \t]{1,8}(?<secret>[^\s]{1,4096})`,
    // Any password in the file itself, whatever its strength (see rules/credentials/credential-files.ts).
    verify: 'credential-file-value',
    examples: [
      'machine ftp.corp.io login deploy password hunter{{digits:2}}',
      'machine api.corp.io\n  login ci\n  password {{base62:12}}',
      'default login anonymous password Str0ng-{{base62:6}}',
    ],
    negativeExamples: [
      // A GitHub prefix that the GitHub rules did not take: a placeholder, not a password.
      'machine github.com login ci-bot password ghs_APPID_JWT',
      'machine api.corp.io login deploy password ${NETRC_PASSWORD}',
      'machine api.corp.io login deploy password <password>',
      'machine api.corp.io login deploy password changeme',
    ],
    fix: {
      env: 'NETRC_PASSWORD',
      provider: 'the host named by `machine`',
      rotate: [
        'Change the password (or revoke the token) at the host named by `machine`.',
        'Keep the file out of the repository (.netrc belongs in the home directory, mode 600) and add it to .gitignore.',
        'Update the machines and jobs that used the old credential.',
        "Check the host's access log for logins with the credential since the file was committed.",
      ],
      docs: 'https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html',
    },
    guide: netrcGuide,
  },
  {
    id: 'pgpass-password',
    title: 'Password in a PostgreSQL .pgpass line',
    severity: 'high',
    keywords: [':5432:', ':*:'],
    flags: 'm',
    // host:port:database:user:password, anchored on the port field; the host (not localhost) is checked behind.
    pattern:
      String.raw`:(?:[0-9]{2,5}|\*):(?<=(?:^|[\s"'\x60=])(?!localhost:|127\.0\.0\.1:|::1:)(?:[A-Za-z0-9._-]{1,253}|\*):(?:[0-9]{2,5}|\*):)` +
      String.raw`(?:[A-Za-z0-9_.$-]{1,63}|\*):(?:[A-Za-z0-9_.@$-]{1,63}|\*):` +
      // Length: a user-chosen password (a design bound, as for .netrc).
      String.raw`(?![$%{<])(?!${DEFAULTS}${VALUE_END})(?<secret>[^\s:"'\x60\\<>{}]{6,256})${VALUE_END}`,
    examples: [
      'db.prod.internal:5432:app:app_user:{{base62:24}}',
      '*:5432:*:replicator:{{base62:20}}',
      'PGPASS_LINE="pg-analytics.corp.io:*:warehouse:etl:{{base64url:24}}"',
    ],
    negativeExamples: [
      'localhost:5432:*:postgres:postgres',
      'localhost:5432:app:app:{{base62:24}}',
      'db:5432:app:app:password',
      'db.prod.internal:5432:app:app_user:${PGPASSWORD}',
      'hostname:port:database:username:password',
      'listen: 0.0.0.0:5432',
    ],
    fix: pgpassFix,
    guide: pgpassGuide,
  },
  {
    id: 'pgpass-file-password',
    title: 'Password in a PostgreSQL .pgpass file',
    severity: 'high',
    keywords: [],
    files: ['.pgpass', 'pgpass.conf'],
    flags: 'm',
    // host:port:database:user:password, one entry a line; `#` starts a comment.
    pattern: String.raw`^(?![ \t]{0,8}#)[^:\r\n]{1,253}:[^:\r\n]{1,16}:[^:\r\n]{1,63}:[^:\r\n]{1,63}:(?<secret>[^\r\n]{1,256})`,
    // Any password in the file itself, whatever its strength (see rules/credentials/credential-files.ts).
    verify: 'credential-file-value',
    examples: ['localhost:5432:app:app:hunter{{digits:2}}', 'db.prod.internal:5432:*:etl:{{base62:20}}'],
    negativeExamples: [
      '# hostname:port:database:username:password',
      'localhost:5432:*:postgres:postgres',
      'db.prod.internal:5432:app:app:${PGPASSWORD}',
      'db.prod.internal:5432:app:app:password',
    ],
    fix: pgpassFix,
    guide: pgpassGuide,
  },
  {
    id: 'git-credentials-url',
    title: 'Git host credentials in a URL (.git-credentials)',
    severity: 'high',
    // The password is known by its place: a token of a known format there (an Azure DevOps PAT, a Bitbucket app
    // password) is reported by its own rule alone.
    byPlace: true,
    keywords: [
      '@github.com',
      '@gitlab',
      '@bitbucket.org',
      '@dev.azure.com',
      '@ssh.dev.azure.com',
      '.visualstudio.com',
      '@codeberg.org',
      '@gitea.',
      '@git.',
    ],
    flags: 'i',
    pattern:
      String.raw`https?://[^\s:@/?#"'\x60\\<>{}\[\]]{1,128}:(?!gh[pousr]_|github_pat_|glpat-)(?![$%])(?!${DEFAULTS}@)` +
      // Length: a password or token in a URL: a design bound (8 keeps out short defaults, 256 bounds the read).
      String.raw`(?<secret>[^\s@/?#"'\x60\\<>{}\[\]]{8,256})@` +
      String.raw`(?:github\.com|gitlab\.[a-z0-9.-]{2,60}|bitbucket\.org|(?:ssh\.)?dev\.azure\.com|[a-z0-9-]{1,63}\.visualstudio\.com|codeberg\.org|gitea\.[a-z0-9.-]{2,60}|git\.[a-z0-9.-]{2,60})(?![A-Za-z0-9-])`,
    examples: [
      'https://ci-bot:{{base62:40}}@github.com',
      'git clone https://oauth2:{{base62:20}}@gitlab.corp.io/platform/infra.git',
      'https://deploy:{{base62:32}}@bitbucket.org/corp/app.git',
      'https://build:{{lower:52}}@dev.azure.com/corp/project/_git/app',
    ],
    negativeExamples: [
      'https://github.com/org/repo.git',
      'https://x-access-token:${GITHUB_TOKEN}@github.com/org/repo.git',
      'https://user:password@github.com/org/repo.git',
      'https://{{hex:40}}:x-oauth-basic@github.com/org/repo.git',
      'git@github.com:org/repo.git',
      'https://oauth2:<token>@gitlab.com/group/project.git',
    ],
    fix: {
      env: 'GIT_TOKEN',
      provider: 'your Git host',
      rotate: [
        'Revoke the token or app password at the Git host (GitHub/GitLab/Bitbucket/Azure DevOps → personal access tokens or app passwords).',
        'Create a new token with only the repositories and scopes needed, and keep it in a credential helper or CI secret, not in a URL in the repository.',
        'Update the CI jobs and machines that used the old token.',
        "Check the Git host's audit or security log for clones, pushes and API calls made with it.",
      ],
      docs: 'https://git-scm.com/docs/git-credential-store',
    },
    guide: {
      grants:
        'The token or password in the URL authenticates Git over HTTPS: clone, and often push, to every repository the account can reach.',
      risks:
        "An attacker clones private repositories (and the secrets in them), pushes malicious commits, or uses the token's API scopes on the Git host.",
      checkMisuse:
        "Review the Git host's audit log (organisation audit log, personal security log) for clones, pushes and token use from unfamiliar IPs.",
    },
  },
  {
    id: 'docker-config-auth',
    title: 'Docker registry credentials (config.json auths)',
    severity: 'high',
    keywords: ['"auth'],
    near: { words: ['auths'], lines: 8 },
    // "auth": base64(user:password) is decoded: a provider token inside is reported as itself.
    // Length: base64 of `user:password` or a token: 8–4096 is a design bound (registries document none).
    pattern:
      String.raw`auth(?<="auth)\\{0,3}"[ \t]{0,4}:[ \t]{0,4}\\{0,3}"` +
      String.raw`(?<secret>[A-Za-z0-9+/_-]{8,4096}={0,2})\\{0,3}"`,
    decode: 'base64',
    verify: 'generic-value',
    examples: [
      '{"auths":{"registry.gitlab.com":{"auth":"{{basicauth}}"}}}',
      '{ "auths": { "https://index.docker.io/v1/": { "auth": "{{basicauth}}", "email": "ci@corp.io" } } }',
      '{"auths": {"ghcr.io": {"auth": "{{basicauth}}"}}, "credsStore": ""}',
    ],
    negativeExamples: dockerNegatives,
    fix: dockerFix,
    guide: dockerGuide,
  },
  {
    id: 'docker-config-identity-token',
    title: 'Docker registry identity token (config.json auths)',
    severity: 'high',
    keywords: ['identitytoken', 'registrytoken'],
    near: { words: ['auths'], lines: 8 },
    // An identity or registry token is an opaque OAuth token, not base64 of text: it is not decoded.
    // Length: an OAuth refresh or registry token: 8–4096 is the observed range with room.
    pattern:
      String.raw`(?:identitytoken|registrytoken)(?<="(?:identitytoken|registrytoken))\\{0,3}"[ \t]{0,4}:[ \t]{0,4}\\{0,3}"` +
      String.raw`(?<secret>[A-Za-z0-9+/_-]{8,4096}={0,2})\\{0,3}"`,
    verify: 'generic-value',
    examples: [
      '{"auths": {"corpregistry.azurecr.io": {"auth": "", "identitytoken": "{{base64url:96}}"}}}',
      '{"auths":{"myregistry.azurecr.io":{"registrytoken":"{{base64url:120}}"}}}',
      '{"auths": {"corpregistry.azurecr.io": {"identitytoken": "{{base64url:120}}"}}}',
    ],
    negativeExamples: dockerNegatives,
    fix: dockerFix,
    guide: dockerGuide,
  },
];
