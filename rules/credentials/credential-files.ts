// Credential files: files whose format says that a value is a password, so that the value counts whatever its
// strength (`hunter22` in a .netrc is a password someone uses). Each rule runs only on its files (`files`); the
// `credential-file-value` verifier drops placeholders, references, templates and masks and nothing else. The same
// lines anywhere else are judged by the content rules (rules/credentials/dotfiles.ts, the generic rules), which
// keep their strength filters; where both find a value, this file's rule is the one finding.
// - .netrc: its file rule sits beside the .netrc line rule in dotfiles.ts, which it shares a guide with.
// - .pgpass: its file rule sits beside the .pgpass line rule in dotfiles.ts, which it shares a fix with.
// - .git-credentials (https://git-scm.com/docs/git-credential-store): `https://user:password@host`, where the
//   user may hold an `@` (an e-mail address).
// - Editor and client connection files: Sublime SFTP's sftp-config.json, Atom remote-ftp's .ftpconfig,
//   remote-sync's .remote-sync.json, DBeaver's data-sources.json, Robo 3T's robo3t.json / robomongo.json.
// - FileZilla's sitemanager.xml / recentservers.xml: `<Pass>…</Pass>`, or `<Pass encoding="base64">…</Pass>`.
// - WordPress wp-config.php (https://developer.wordpress.org/advanced-administration/wordpress/wp-config/):
//   DB_PASSWORD and the eight authentication keys and salts, whatever the alignment.
// - Rails config/master.key (https://guides.rubyonrails.org/security.html#custom-credentials): 32 hex characters.
// - Django settings.py SECRET_KEY (https://docs.djangoproject.com/en/stable/ref/settings/#secret-key); the
//   `django-insecure-` key that startproject writes is reported as a test key (it warns).
import type { Guide, Rule } from '../schema.js';

const rotateAt = (where: string, store: string) => [
  `Change the password (or revoke the token) at ${where}.`,
  `Keep the file out of the repository (${store}) and add it to .gitignore.`,
  'Update the machines and jobs that used the old credential.',
  "Check the host's access log for logins with the credential since the file was committed.",
];

const clientGuide = (what: string): Guide => ({
  grants: `${what} logs in to the server it names, as the user it names, with everything that account may do.`,
  risks:
    'Anyone with the file logs in as that user: reads and changes files or data, or deploys code, and saved passwords are often reused elsewhere.',
  checkMisuse: "Review the server's authentication log for logins by the account since the file was committed.",
});

export const credentialFileRules: Rule[] = [
  {
    id: 'git-credentials-file-password',
    title: 'Password or token in a .git-credentials file',
    severity: 'high',
    keywords: ['://'],
    files: ['.git-credentials'],
    // A token of a known format there (a GitLab PAT, an Azure DevOps PAT) is reported by its own rule alone.
    byPlace: true,
    // The user may hold `@` (an e-mail address); the password ends at the last `@` before the host.
    pattern: String.raw`[a-z][a-z0-9+.-]{0,20}://[^\s:/]{1,128}:(?<secret>[^\s/@]{1,256})@[^\s@/:]{1,253}(?=[:/]|\s|$)`,
    verify: 'credential-file-value',
    examples: [
      'https://deploy:hunter{{digits:2}}@git.corp.io',
      'https://jane.doe@corp.io:{{base62:24}}@bitbucket.org',
      'https://ci-bot:{{base64url:32}}@gitlab.corp.io:8443',
    ],
    negativeExamples: [
      'https://git.corp.io/acme/app.git',
      'https://deploy:${GIT_TOKEN}@git.corp.io',
      'https://deploy@git.corp.io',
    ],
    fix: {
      env: 'GIT_TOKEN',
      provider: 'the Git host',
      rotate: rotateAt(
        'the Git host (revoke the token or app password)',
        'git-credential-store writes it to the home directory',
      ),
      docs: 'https://git-scm.com/docs/git-credential-store',
    },
    guide: clientGuide('A stored Git credential'),
  },
  {
    id: 'client-config-password',
    title: "Password saved in a client's connection file (SFTP, FTP, DBeaver, Robo 3T)",
    severity: 'high',
    keywords: ['pass'],
    files: [
      'sftp-config.json',
      '.ftpconfig',
      '.remote-sync.json',
      'data-sources.json',
      'robo3t.json',
      'robomongo.json',
    ],
    flags: 'i',
    pattern: String.raw`"(?:password|pass|passwd|userPassword|sshPassword|sshUserPassword|auth-password)"[ \t]{0,8}:[ \t]{0,8}"(?<secret>[^"\r\n]{1,256})"`,
    verify: 'credential-file-value',
    examples: [
      '{ "type": "sftp", "host": "web1.corp.io", "user": "deploy", "password": "hunter{{digits:2}}", "remote_path": "/var/www" }',
      '{"protocol": "ftp", "host": "ftp.corp.io", "user": "site", "pass": "{{base62:16}}"}',
      '{"credentials": [{"databaseName": "admin", "userName": "ops", "userPassword": "Mongo-{{base62:8}}"}]}',
    ],
    negativeExamples: [
      '{ "type": "sftp", "host": "web1.corp.io", "user": "deploy", "password": "" }',
      '{ "type": "sftp", "host": "web1.corp.io", "user": "deploy", "password": "${SFTP_PASSWORD}" }',
      '{"protocol": "sftp", "host": "ftp.corp.io", "user": "site", "privatekey": "~/.ssh/id_ed25519"}',
    ],
    fix: {
      env: 'SFTP_PASSWORD',
      provider: 'the server in the connection file',
      rotate: rotateAt('the server the file connects to', 'editors and clients keep these files per user'),
      docs: 'https://owasp.org/www-project-top-ten/2017/A3_2017-Sensitive_Data_Exposure',
    },
    guide: clientGuide("A client's saved connection"),
  },
  {
    id: 'filezilla-password',
    title: 'Password saved by FileZilla',
    severity: 'high',
    keywords: ['<pass'],
    files: ['sitemanager.xml', 'recentservers.xml', 'filezilla.xml'],
    // Plain, or base64 (`encoding="base64"`): judged decoded.
    pattern: String.raw`<Pass(?:[ \t]{1,4}encoding="base64")?>(?<secret>[^<\r\n]{1,512})</Pass>`,
    verify: 'credential-file-value',
    examples: [
      '<Server><Host>ftp.corp.io</Host><User>site</User><Pass>hunter{{digits:2}}</Pass></Server>',
      '<Server><Host>ftp.corp.io</Host><User>site</User><Pass encoding="base64">{{base64text:12}}</Pass></Server>',
    ],
    negativeExamples: [
      '<Server><Host>ftp.corp.io</Host><User>anonymous</User><Logontype>0</Logontype></Server>',
      '<Server><Host>ftp.corp.io</Host><User>site</User><Pass encoding="base64">cGFzc3dvcmQ=</Pass></Server>',
    ],
    fix: {
      env: 'FTP_PASSWORD',
      provider: 'the FTP or SFTP server',
      rotate: rotateAt('the FTP or SFTP server', 'FileZilla keeps sitemanager.xml in the user profile'),
      docs: 'https://wiki.filezilla-project.org/FileZilla_Client_Site_Manager',
    },
    guide: clientGuide('A FileZilla site entry'),
  },
  {
    id: 'wordpress-config-secret',
    title: 'WordPress database password or authentication key in wp-config.php',
    severity: 'high',
    keywords: ['define'],
    files: ['wp-config.php'],
    // DB_PASSWORD and the eight keys and salts, with any alignment between the name and the value.
    pattern: String.raw`define\([ \t]{0,8}['"](?<name>DB_PASSWORD|(?:SECURE_AUTH|LOGGED_IN|AUTH|NONCE)_(?:KEY|SALT))['"][ \t]{0,8},[ \t]{0,60}(?:'|"(?!\{?\$[A-Za-z_][\w]{0,80}\}?"))(?<secret>[^'"\r\n]{1,512})['"]`,
    // In double quotes PHP reads `"$name"` as a variable: that value is elsewhere. In single quotes `$` is a character.
    // The salts come from wp_generate_password(64, true, true), whose alphabet holds `{{`, `<%`, `${`, `%s`: a
    // verifier of their own keeps them whatever marks they hold (src/engine/generic-value.ts).
    verify: 'wordpress-config-value',
    examples: [
      "define( 'DB_PASSWORD', 'hunter{{digits:2}}' );",
      "define('AUTH_KEY',         '{{base62:20}}#{{base62:20}}');",
      "define( 'NONCE_SALT',       '{{base62:64}}' );",
      // Salts whose random characters spell a template's or a variable's marks are salts all the same.
      "define( 'NONCE_SALT',       '{{base62:30}}{{-{{base62:28}}' );",
      "define('AUTH_SALT',        '{{base62:20}}<%{{base62:20}}%>{{base62:20}}');",
      "define( 'LOGGED_IN_KEY',    '{{base62:24}}#{{{base62:6}}}{{base62:30}}' );",
      "define( 'SECURE_AUTH_KEY',  '$({{base62:30}}$[{{base62:28}}' );",
      "define( 'SECURE_AUTH_SALT', '{{base62:30}}${ {{base62:28}}' );",
      "define( 'NONCE_KEY',        '{{base62:28}}%} $0{{base62:28}}' );",
      "define( 'LOGGED_IN_SALT',   '{{base62:20}}...-%s-****{{base62:20}}' );",
      "define( 'DB_PASSWORD', '$ecret{{base62:8}}' );",
    ],
    negativeExamples: [
      "define( 'DB_PASSWORD', 'password_here' );",
      "define( 'AUTH_KEY',         'put your unique phrase here' );",
      "define( 'DB_USER', 'wordpress' );",
      "define( 'SECURE_AUTH_SALT', ' ' );",
      "define( 'DB_PASSWORD', '********' );",
      "define( 'DB_PASSWORD', '<your database password>' );",
      // A template's or PHP's variable that is the whole value: the secret is elsewhere.
      "define( 'AUTH_KEY',         '{{ wordpress_auth_key }}' );",
      "define( 'DB_PASSWORD', '<%= @db_password %>' );",
      'define( \'DB_PASSWORD\', "$db_password" );',
      "define( 'NONCE_SALT',       '${WORDPRESS_NONCE_SALT}' );",
    ],
    fix: {
      env: 'WORDPRESS_DB_PASSWORD',
      provider: 'WordPress',
      rotate: [
        "Change the database user's password and the keys and salts (https://api.wordpress.org/secret-key/1.1/salt/ gives new ones): new salts log every user out.",
        'Read them from the environment in wp-config.php (`getenv(…)`) and keep the real values out of the repository.',
        'Deploy the new configuration.',
        'Check the database and WordPress logs for logins and changes you cannot account for.',
      ],
      docs: 'https://developer.wordpress.org/advanced-administration/wordpress/wp-config/',
    },
    guide: {
      grants:
        "DB_PASSWORD logs in to the site's database; the keys and salts sign the login cookies of every user, administrators included.",
      risks:
        'With the database password an attacker reads or changes all content and users; with the salts they forge login cookies and act as any user.',
      checkMisuse: "Review the database's connection log and WordPress's users, sessions and recent changes.",
    },
  },
  {
    id: 'rails-master-key',
    title: 'Rails master key (config/master.key)',
    severity: 'critical',
    keywords: [],
    files: [
      'config/master.key',
      'config/credentials/production.key',
      'config/credentials/staging.key',
      'config/credentials/development.key',
      'config/credentials/test.key',
    ],
    // The whole file: 32 hex characters and a newline.
    pattern: String.raw`^[ \t]{0,4}(?<secret>[0-9a-f]{32})[ \t]{0,4}(?:\r?\n)?$`,
    entropy: 3,
    examples: ['{{hex:32}}', '{{hex:32}}\n'],
    negativeExamples: ['{{hex:40}}', '00000000000000000000000000000000'],
    fix: {
      env: 'RAILS_MASTER_KEY',
      provider: 'Rails',
      rotate: [
        'Create new credentials with a new key (`bin/rails credentials:edit` after moving the old key and credentials file aside), copying the values over.',
        'Rotate every secret the old credentials file held: whoever has the key can decrypt it from the history.',
        'Give the new key to deployments through RAILS_MASTER_KEY, never in the repository (config/master.key is in Rails’ default .gitignore).',
        "Check each rotated service's logs for use of the old secrets.",
      ],
      docs: 'https://guides.rubyonrails.org/security.html#custom-credentials',
    },
    guide: {
      grants: 'The master key decrypts config/credentials.yml.enc: every secret of the application in one file.',
      risks:
        'With the key and the encrypted file (which is committed) an attacker reads all the credentials: databases, APIs, secret_key_base.',
      checkMisuse:
        'Treat every secret in the credentials file as leaked and check the logs of the services they belong to.',
    },
  },
  {
    id: 'django-secret-key',
    title: 'Django SECRET_KEY in settings',
    severity: 'high',
    keywords: ['secret_key'],
    files: ['settings.py', 'settings/base.py', 'settings/production.py', 'settings/prod.py', 'settings/common.py'],
    pattern: String.raw`(?<![A-Za-z0-9_])SECRET_KEY[ \t]{0,40}=[ \t]{0,8}[rbu]?["'](?!django-insecure-)(?<secret>[^"'\r\n]{1,512})["']`,
    verify: 'credential-file-value',
    examples: ["SECRET_KEY = '{{base62:50}}'", 'SECRET_KEY = "hunter{{digits:2}}-but-longer"'],
    negativeExamples: [
      "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
      "SECRET_KEY = env('SECRET_KEY')",
      "SECRET_KEY = 'django-insecure-{{lower:50}}'",
    ],
    fix: {
      env: 'DJANGO_SECRET_KEY',
      provider: 'Django',
      rotate: [
        "Generate a new key (`python -c 'from django.core.management.utils import get_random_secret_key; print(get_random_secret_key())'`).",
        'Read it from the environment in settings.py and deploy it there; SECRET_KEY_FALLBACKS keeps old sessions valid during the change if you need that.',
        'Remove the old key from SECRET_KEY_FALLBACKS once sessions and reset links have expired.',
        'Check for sessions, password-reset links or signed values you did not issue.',
      ],
      docs: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
    },
    guide: {
      grants: 'SECRET_KEY signs sessions, password-reset tokens, messages and everything django.core.signing produces.',
      risks: 'An attacker forges sessions (logging in as anyone), password-reset links and signed cookies.',
      checkMisuse: 'Look for sessions and password resets you cannot account for; rotate and invalidate all sessions.',
    },
  },
  {
    id: 'django-insecure-secret-key',
    title: 'Django development SECRET_KEY (django-insecure-) in settings',
    severity: 'low',
    testKey: true,
    keywords: ['django-insecure-'],
    files: ['settings.py', 'settings/base.py', 'settings/production.py', 'settings/prod.py', 'settings/common.py'],
    pattern: String.raw`(?<![A-Za-z0-9_])SECRET_KEY[ \t]{0,40}=[ \t]{0,8}[rbu]?["'](?<secret>django-insecure-[^"'\r\n]{8,512})["']`,
    examples: ["SECRET_KEY = 'django-insecure-{{lower:50}}'", 'SECRET_KEY = "django-insecure-{{base62:40}}"'],
    negativeExamples: ["SECRET_KEY = '{{base62:50}}'", "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']"],
    fix: {
      env: 'DJANGO_SECRET_KEY',
      provider: 'Django',
      rotate: [
        'Before any deployment, generate a real key and read it from the environment in settings.py.',
        'If a deployment ran with this key, rotate it as a leaked key: sessions and reset links signed with it can be forged.',
      ],
      docs: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key',
    },
    guide: {
      grants: 'The key startproject writes signs sessions and tokens like any SECRET_KEY, for as long as it is used.',
      risks: 'Harmless in development; a deployment that kept it can have its sessions and reset links forged.',
      checkMisuse: 'Make sure no deployed environment uses this key; if one did, look for sessions you did not issue.',
    },
  },
];
