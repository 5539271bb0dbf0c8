// WordPress's keys and salts through the whole engine. WordPress draws each from wp_generate_password(64, true,
// true) (wp-includes/pluggable.php), whose alphabet holds `{{`, `<%`, `${`, `%s`, `...` and every other mark that
// elsewhere says "template", "variable" or "mask": in wp-config.php every one of them must be found all the same.
// The salts are drawn at run time from a seeded generator (no key is committed) and written in the two layouts
// WordPress writes: wp-config-sample.php's `define( 'NAME', … );` and the salt service's `define('NAME', …);`, with
// their alignment blanks.
import { describe, expect, it } from 'vitest';
import { detectionRules } from '../../src/catalog/builtin-detection.js';
import { compileCatalog } from '../../src/engine/compile.js';
import { scan } from '../../src/engine/scan.js';
import { seededRandom } from '../helpers/examples.js';

const catalog = compileCatalog(detectionRules);
// wp_generate_password's characters: letters and digits, `$special_chars`, `$extra_special_chars` (with its blank).
const WORDPRESS_ALPHABET =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' + '!@#$%^&*()' + '-_ []{}<>~`+=,.;:/?|';
const NAMES = [
  'AUTH_KEY',
  'SECURE_AUTH_KEY',
  'LOGGED_IN_KEY',
  'NONCE_KEY',
  'AUTH_SALT',
  'SECURE_AUTH_SALT',
  'LOGGED_IN_SALT',
  'NONCE_SALT',
];
const random = seededRandom(20261207);

function salt(): string {
  let out = '';
  for (let i = 0; i < 64; i++) out += WORDPRESS_ALPHABET[Math.floor(random() * WORDPRESS_ALPHABET.length)];
  return out;
}

// `define( 'AUTH_KEY',         '…' );` (the sample) or `define('AUTH_KEY',         '…');` (the salt service).
function line(name: string, value: string, sample: boolean): string {
  const pad = ' '.repeat(17 - name.length);
  return sample ? `define( '${name}',${pad}'${value}' );` : `define('${name}',${pad}'${value}');`;
}

function wpConfig(salts: readonly string[], sample: boolean): string {
  return [
    '<?php',
    "define( 'DB_NAME', 'wordpress' );",
    "define( 'DB_USER', 'wordpress' );",
    "define( 'DB_HOST', 'localhost' );",
    '',
    '/**#@+',
    ' * Authentication unique keys and salts.',
    ' */',
    ...NAMES.map((name, i) => line(name, salts[i]!, sample)),
    '/**#@-*/',
    '',
    "$table_prefix = 'wp_';",
  ].join('\n');
}

describe('wp-config.php keys and salts drawn from WordPress alphabet', () => {
  const files = Array.from({ length: 38 }, (_, i) => ({
    sample: i % 2 === 0,
    salts: NAMES.map(() => salt()),
  }));

  it('holds the marks that once hid a salt (the test would prove nothing without them)', () => {
    const all = files.flatMap((f) => f.salts);
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const mark of ['{{', '<%', '#{', '$(', '${', '%}']) expect(all.some((s) => s.includes(mark))).toBe(true);
  });

  it('finds every one of the 304 salts, each as wordpress-config-secret on its own line', () => {
    const missed: string[] = [];
    for (const file of files) {
      const text = wpConfig(file.salts, file.sample);
      const found = scan(catalog, { path: 'wp-config.php', text }).filter(
        (f) => f.ruleId === 'wordpress-config-secret',
      );
      file.salts.forEach((value, i) => {
        if (!found.some((f) => f.secret === value && f.line === 9 + i))
          missed.push(line(NAMES[i]!, value, file.sample));
      });
    }
    expect(missed).toEqual([]);
  });

  it('stays quiet on the sample file as WordPress ships it', () => {
    const text = [
      "define( 'DB_PASSWORD', 'password_here' );",
      ...NAMES.map((name) => line(name, 'put your unique phrase here', true)),
    ].join('\n');
    expect(text).toContain("define( 'NONCE_SALT',       'put your unique phrase here' );");
    expect(scan(catalog, { path: 'wp-config.php', text })).toEqual([]);
  });
});
