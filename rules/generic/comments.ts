// A secret written into comment prose: `// previous token Tl+5pbRW…`, `# TODO remove before merge: staging
// password q8Zt…`. A credential word in a comment, followed within a few words by one random-looking word. The
// word must pass the `generic-value` verifier (random for its alphabet, not a name, hash, path, version or
// placeholder), so comments that explain tokens (`// the token is refreshed by getAccessToken()`) stay quiet.
import type { Rule } from '../schema.js';

// A comment's opening: `//`, `#`, `/*`, ` * `, `--`, `<!--`, not inside a URL (`https://`) or a word (`page#x`).
const COMMENT = String.raw`(?:^|[^A-Za-z0-9:/*#-])(?://|#|/\*|\*|--|<!--)`;
const WORD = String.raw`(?:token|password|passwd|secret|api[ _-]?key|access[ _-]?key)`;

export const genericCommentRules: Rule[] = [
  {
    id: 'generic-comment-secret',
    title: 'Secret in a comment',
    severity: 'high',
    generic: true,
    // Not `key` alone: it is on most lines of code; the names that say a key is a credential.
    keywords: [
      'token',
      'password',
      'passwd',
      'secret',
      'api key',
      'api_key',
      'api-key',
      'apikey',
      'access key',
      'access_key',
      'access-key',
      'accesskey',
    ],
    flags: 'im',
    // The comment, up to 60 characters of prose, the word (then `:`, `is`, `was`, `=`), then the value standing
    // alone: at the end of the line, before a `,;)"'` or the comment's close, or before more prose after a blank
    // (`// previous token … (rotated in March)`, `# the password is … for the staging box`). The verifier, not what
    // follows, tells a value from a word of the prose.
    pattern: String.raw`${COMMENT}[ \t][^\r\n"'\x60=]{0,60}(?<![A-Za-z])${WORD}s?(?![A-Za-z])(?:[ \t]{1,3}(?:is|was|were|=|->|→))?[ \t:]{1,3}(?<secret>[A-Za-z0-9+/_~.-]{16,200}={0,2})(?=[ \t]|$|[,;)"'\x60\\]|\*/|-->)`,
    verify: 'generic-value',
    examples: [
      '// previous token {{base62:32}}',
      '# TODO remove before merge: staging password {{base64:24}}',
      '    /* old api key was {{base62:40}} */',
      '// previous token {{base64:40}} (rotated in March)',
      '# the password is {{base62:16}} for the staging box',
      '// previous token {{base62:40}} - do not use',
    ],
    negativeExamples: [
      '// the token is refreshed by getAccessToken() every hour',
      '# password rotation happens in RotateDatabaseCredentialsJob',
      '// secret key: see https://vault.corp.io/ui/vault/secrets/kv',
      '// token format: ghp_ followed by 36 characters',
      "const token = '{{base62:32}}'; // token used by tests",
      '// the token is refreshed every 10 minutes by the worker',
      '# password is hashed with bcrypt before storage',
      '// TODO: rotate the api key in production config',
      '// the token comes from getInstallationAccessToken and is cached for an hour',
      '# secret: RAILS_MASTER_KEY_PRODUCTION is read from the environment at boot',
      '// access key lookup uses the AWS_SHARED_CREDENTIALS_FILE variable when set',
      // A device's configuration shown with its password encrypted (openssl enc's `Salted__` header in base64).
      '#  neighbor 192.0.2.1 password U2FsdGVkX1{{base64:32}} encrypted',
    ],
    fix: {
      env: 'SECRET',
      provider: 'the service the comment names',
      rotate: [
        'Find the service the value belongs to (the comment usually says) and revoke or change it there.',
        'Delete the comment; keep notes about credentials in your secrets manager, not in the code.',
        "Check the service's access log for use of the value since it was committed.",
      ],
      docs: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
    },
    guide: {
      grants: 'Whatever the credential the comment names grants: often an old or a staging key that still works.',
      risks:
        'Comments outlive the code they were next to; an attacker reading the history finds the value and tries it.',
      checkMisuse: "Identify the service from the comment and review its access log for the value's use.",
    },
  },
];
