// Any URL with a password in its userinfo (`scheme://user:password@host`, RFC 3986 §3.2.1): package indexes,
// proxies, FTP, artifact stores… Databases and brokers have their own rules (rules/credentials/connection-strings.ts),
// which win on the same text. Same exclusions: references, placeholders, defaults and localhost.
import type { Rule } from '../schema.js';

const USER = String.raw`[^\s:@/?#"'\x60\\<>{}\[\]]{0,128}`;
const PASSWORD_CHAR = String.raw`[^\s@/?#"'\x60\\<>{}\[\]]`;
const DEFAULTS = String.raw`(?:(?:my|your|the|some|super|db|test|dev|default|admin|root|app|secret)[_-]?)?(?:pass(?:word|wd)?|passw0rd|p@ssw0rd|p@ssword|pw|pwd|secret|s3cr3t|changeme|change_me|admin|root|toor|guest|user(?:name)?|test(?:ing)?|demo|default|example|sample|dev|local|letmein|qwerty|welcome|foobar|foo|bar|x-oauth-basic|anonymous|none|null|x{3,16})?[0-9!.]{0,6}`;
const LOCAL_HOST = String.raw`(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?![A-Za-z0-9.-])`;

export const genericUrlCredentialRules: Rule[] = [
  {
    id: 'generic-url-credentials',
    title: 'URL with a user name and password',
    severity: 'high',
    generic: true,
    keywords: ['://'],
    flags: 'i',
    // Length: a user-chosen password: 6 keeps out defaults and placeholders, 256 bounds the read (a design bound).
    pattern: String.raw`://(?<=[A-Za-z0-9]://)${USER}:(?![$%])(?!${DEFAULTS}@)(?<secret>${PASSWORD_CHAR}{6,256})@(?!${LOCAL_HOST})`,
    // Percent-decoded, a default or placeholder password is not a finding (`p%40ss`, `key_1234`).
    verify: 'url-password',
    examples: [
      'https://deploy:{{base62:24}}@nexus.corp.io/repository/npm-private/',
      'PIP_INDEX_URL=https://build:{{base62:20}}@pypi.corp.io/simple/',
      'ftp://backup:{{base62:16}}@ftp.corp.io/dumps/',
      'export https_proxy=http://svc-proxy:{{base64url:20}}@proxy.corp.io:3128',
    ],
    negativeExamples: [
      // A word standing for the password.
      '    @conn.proxy = "http://user:proxy_password@proxy.local:4242"',
      'http://example.com',
      'ssh://git@github.com/org/repo.git',
      'https://user:password@example.com/',
      'https://${REPO_USER}:${REPO_PASSWORD}@nexus.corp.io/',
      'https://user:<password>@nexus.corp.io/',
      'https://user:****@nexus.corp.io/',
      'http://admin:{{base62:20}}@localhost:8080/manager',
      'http://proxy.corp.io:3128',
      'https://token:x-oauth-basic@github.com/org/repo.git',
      'See https://example.com:8443/login@v2 for details.',
      'ftp://anonymous:anonymous@ftp.debian.org/',
      'https_proxy=http://user:pass@proxy.corp.io:3128',
      'ssh deploy@build-01.corp.io',
      'https://deploy:${NEXUS_PASSWORD}@nexus.corp.io/repository/',
      // Documentation: an encoded default password, a numbered sample key.
      'credentials in a URL (like `https://user:p%40ssw0rd@host`) are decoded first',
      'DOTENV_KEY="dotenv://:key_9876@vault.example.org/.env.vault?environment=prod"',
    ],
    fix: {
      env: 'REPOSITORY_URL',
      provider: 'the service in the URL',
      rotate: [
        'Change the password (or revoke the token) of the account in the URL at the service it points to.',
        "Keep the credential out of the URL: store it in your secrets manager or environment, or in the tool's own credential store (.netrc outside the repository, pip/npm config in the home directory).",
        'Redeploy the configuration or scripts that used the URL.',
        "Check the service's access log for the account since the URL was committed.",
      ],
      docs: 'https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1',
    },
    guide: {
      grants: "The user name and password in the URL log in to the service it points to, with that account's access.",
      risks:
        'URLs are copied into logs, error messages and browser histories; anyone who has the URL logs in as the account (package repositories and proxies are common targets).',
      checkMisuse:
        "Review the service's authentication log for this account, and search logs and CI output for other copies of the URL.",
    },
  },
];
