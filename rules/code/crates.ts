// crates.io API tokens: `cio` + 32 alphanumerics. The prefix is short, so a match counts only next to Cargo or
// crates.io names. https://doc.rust-lang.org/cargo/reference/publishing.html
import type { Rule } from '../schema.js';

export const cratesRules: Rule[] = [
  {
    id: 'crates-io-api-token',
    title: 'crates.io API token',
    severity: 'critical',
    keywords: ['cio'],
    near: { words: ['cargo', 'crates'], lines: 2 },
    pattern: '(?<![A-Za-z0-9])(?<secret>cio[A-Za-z0-9]{32})(?![A-Za-z0-9])',
    entropy: 3.8,
    examples: [
      'CARGO_REGISTRY_TOKEN=cio{{base62:32}}',
      'cargo publish --token cio{{base62:32}}',
      '[registry] token = "cio{{base62:32}}"  # ~/.cargo/credentials.toml',
    ],
    negativeExamples: [
      'session = "cio{{base62:32}}"',
      'CARGO_REGISTRY_TOKEN=cio{{base62:16}}',
      'CARGO_REGISTRY_TOKEN=${{ secrets.CARGO_REGISTRY_TOKEN }}',
    ],
    fix: {
      env: 'CARGO_REGISTRY_TOKEN',
      provider: 'crates.io',
      rotate: [
        'On crates.io open Account Settings → API Tokens and revoke the leaked token.',
        'Create a token with only the publish-update scope for the crates you release and an expiry, or use trusted publishing from CI.',
        'Store it as CARGO_REGISTRY_TOKEN in your CI secrets, not in a committed credentials.toml.',
        "Check your crates' version lists for releases you did not publish and yank them.",
      ],
      docs: 'https://doc.rust-lang.org/cargo/reference/publishing.html',
    },
    guide: {
      grants:
        "A crates.io token publishes new versions, yanks versions and manages owners for the crates its scopes allow (all of the user's crates if unscoped).",
      risks:
        "An attacker can publish a malicious version of your crate that builds into your users' programs, or add an owner to keep control.",
      checkMisuse:
        'crates.io emails owners on every publish; check each crate\'s versions page and your token list\'s "last used" dates.',
    },
  },
];
