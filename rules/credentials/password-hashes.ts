// Password hashes in credential files: Apache htpasswd (https://httpd.apache.org/docs/2.4/misc/password_encryptions.html)
// and /etc/shadow (crypt(5): $5$ SHA-256-crypt with a 43-character hash, $6$ SHA-512-crypt with 86, $y$ yescrypt).
// A hash is not the password, but it can be cracked offline: fast, unsalted or MD5-based formats quickly, slow ones
// (bcrypt, yescrypt) for weak passwords. Each match requires the `user:` in front that these files have.
import type { Guide, Rule } from '../schema.js';

const CRYPT = '[./0-9A-Za-z]';
// `user:` is not a user when it is a property placeholder's name and the hash its default: Spring's
// `@Value("${password.hash:$2b$12$…}")` (`${name:default}`), a fixture's hash, not an htpasswd line.
const notPlaceholderDefault = (marker: string) => String.raw`(?<!\$\{[A-Za-z0-9._-]{1,100}:${marker})`;

const htpasswdFix = {
  env: 'HTPASSWD_FILE',
  provider: 'Apache / nginx basic auth',
  rotate: [
    'Set a new password for each user in the file (`htpasswd -B /etc/apache2/.htpasswd USER`), using bcrypt.',
    'Keep the htpasswd file outside the repository (mounted from a secret or generated at deploy time).',
    'Reload the web server so the new file is used.',
    'Check the access log for successful logins of those users from unknown addresses.',
  ],
  docs: 'https://httpd.apache.org/docs/2.4/programs/htpasswd.html',
};

const htpasswdGuide = (format: string): Guide => ({
  grants: `The file protects a site or endpoint with HTTP basic auth; ${format}`,
  risks:
    'An attacker cracks the hashes offline and logs in to the protected area, or tries the recovered passwords on other accounts of the same users.',
  checkMisuse:
    'Look in the web server access log for requests authenticated as these users (the user name appears in the log line) from unfamiliar addresses.',
});

export const passwordHashRules: Rule[] = [
  {
    id: 'htpasswd-apr1-hash',
    title: 'htpasswd password hash (Apache MD5, $apr1$)',
    severity: 'high',
    keywords: ['$apr1$'],
    // Length: APR1 salts are at most 8 characters and the hash 22 (Apache's htpasswd documentation).
    pattern: String.raw`(?<secret>\$apr1\$(?<=[A-Za-z0-9._@-]:\$apr1\$)${notPlaceholderDefault(String.raw`\$apr1\$`)}${CRYPT}{1,8}\$${CRYPT}{22})(?!${CRYPT})`,
    examples: [
      'admin:$apr1${{base62:8}}${{base62:22}}',
      'ops-team:$apr1${{base62:8}}${{base62:22}}',
      'HTPASSWD="monitoring:$apr1${{base62:6}}${{base62:22}}"',
    ],
    negativeExamples: [
      'admin:$apr1$',
      'htpasswd -m /etc/nginx/.htpasswd admin',
      '$apr1${{base62:8}}${{base62:10}}',
      'basic-auth.hash=${BASIC_AUTH_HASH:$apr1${{base62:8}}${{base62:22}}}',
    ],
    fix: htpasswdFix,
    guide: htpasswdGuide('the Apache MD5 ($apr1$) format is 1000 rounds of MD5 and is cracked quickly on a GPU.'),
  },
  {
    id: 'htpasswd-sha1-hash',
    title: 'htpasswd password hash (unsalted SHA-1, {SHA})',
    severity: 'high',
    keywords: ['{sha}'],
    pattern: String.raw`(?<secret>\{SHA\}(?<=[A-Za-z0-9._@-]:\{SHA\})[A-Za-z0-9+/]{27}=)`,
    examples: [
      'admin:{SHA}{{base64:27}}=',
      'deploy:{SHA}{{base64:27}}=',
      'HTPASSWD_USERS="metrics:{SHA}{{base64:27}}="',
    ],
    negativeExamples: ['admin:{SHA}', 'htpasswd -s /etc/nginx/.htpasswd admin', 'password_scheme = "{SHA}"'],
    fix: htpasswdFix,
    guide: htpasswdGuide(
      'the {SHA} format is a single unsalted SHA-1, so common passwords are found by lookup tables instantly.',
    ),
  },
  {
    id: 'htpasswd-bcrypt-hash',
    title: 'htpasswd password hash (bcrypt)',
    severity: 'medium',
    keywords: ['$2y$', '$2a$', '$2b$'],
    pattern: String.raw`(?<secret>\$2[aby]\$(?<=[A-Za-z0-9._@-]:\$2[aby]\$)${notPlaceholderDefault(String.raw`\$2[aby]\$`)}[0-9]{2}\$${CRYPT}{53})(?!${CRYPT})`,
    examples: [
      'admin:$2y$10${{base62:53}}',
      'traefik-admin:$2b$12${{base62:53}}',
      'basicAuth: "grafana:$2a$10${{base62:53}}"',
    ],
    negativeExamples: [
      'password_hash: "$2b$12${{base62:53}}"',
      'admin:$2y$10$',
      'admin:$2y$10${{base62:20}}',
      // A Spring property placeholder's default value: a fixture's hash in code, not an htpasswd line.
      '@Value("${password.hash:$2b$12${{base62:53}}}")',
    ],
    fix: htpasswdFix,
    guide: htpasswdGuide('bcrypt is slow to crack, but weak or reused passwords still fall to a dictionary attack.'),
  },
  {
    id: 'shadow-password-hash',
    title: 'Unix shadow password hash (SHA-crypt / yescrypt)',
    severity: 'medium',
    keywords: ['$6$', '$5$', '$y$'],
    // user:$6$[rounds=N$]salt$hash:lastchange:… — the `user:` and the following `:field:` are checked.
    // Length: SHA-crypt salts are at most 16 characters and the hashes 43 or 86 (crypt(5), Drepper's
    // SHA-crypt specification); yescrypt's parameters (1–32) and salt (1–86) are the observed range (crypt(5)).
    pattern:
      String.raw`(?<secret>\$(?:[56]\$(?:rounds=[0-9]{1,9}\$)?${CRYPT}{1,16}\$${CRYPT}{43}(?:${CRYPT}{43})?|y\$${CRYPT}{1,32}\$${CRYPT}{1,86}\$${CRYPT}{43}))` +
      String.raw`(?<=[a-z_][a-z0-9_.-]{0,31}:\$[./0-9A-Za-z$=]{40,220})(?=:[0-9]{0,10}:)`,
    examples: [
      'root:$6${{base62:16}}${{base62:86}}:19700:0:99999:7:::',
      'deploy:$y$j9T${{base62:22}}${{base62:43}}:19800:0:99999:7:::',
      'svc-backup:$5$rounds=10000${{base62:16}}${{base62:43}}:19650::::::',
    ],
    negativeExamples: [
      'root:*:19700:0:99999:7:::',
      'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
      'root:$6$salt$hash:19700:0:99999:7:::',
      'hashed = "$6${{base62:16}}${{base62:86}}"',
    ],
    fix: {
      env: 'USER_PASSWORD_HASH',
      provider: 'the Unix hosts with these accounts',
      rotate: [
        'Change the password of each listed account on every host that uses it (`passwd USER`), or lock the account if it should not have one.',
        'Build images and hosts with users created at provisioning time (cloud-init, configuration management with secrets), not with a committed shadow file.',
        'Prefer SSH keys or SSO for logins and disable password authentication where you can.',
        'Check authentication logs (/var/log/auth.log, journalctl) for logins of these accounts.',
      ],
      docs: 'https://man7.org/linux/man-pages/man5/shadow.5.html',
    },
    guide: {
      grants:
        'The hashes are the login passwords of Unix accounts (often root) on the hosts or images built from this file.',
      risks: 'An attacker cracks weak passwords offline and logs in over SSH or the console, possibly as root.',
      checkMisuse:
        'Review sshd and login records (auth.log, `last`, journalctl) on the affected hosts for these accounts.',
    },
  },
];
