// Generated files whose random-looking content (integrity hashes, embedded digests, encoded mappings) is not a
// secret. On these paths only the rules without a prefix of their own are silenced (generic rules, and rules that
// rely on context words, such as a 32-hex key next to "twilio"): a provider-prefixed key in a lockfile or bundle
// is still found. Matched on the file name, at any depth.

export interface GeneratedFiles {
  /** Exact file names. */
  names: readonly string[];
  /** File name endings. */
  suffixes: readonly string[];
  /** Why, as `secret-hook rules` explains it. */
  reason: string;
}

export const generatedFiles: readonly GeneratedFiles[] = [
  {
    names: [
      'package-lock.json',
      'npm-shrinkwrap.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'bun.lock',
      'composer.lock',
      'Gemfile.lock',
      'Cargo.lock',
      'poetry.lock',
      'Pipfile.lock',
      'uv.lock',
      'go.sum',
      'mix.lock',
      'pubspec.lock',
      'packages.lock.json',
      'flake.lock',
      'Package.resolved',
      'gradle.lockfile',
    ],
    suffixes: [],
    reason: 'lockfiles: integrity hashes and checksums of packages',
  },
  {
    names: [],
    suffixes: ['.min.js', '.min.mjs', '.min.css', '.bundle.js', '.chunk.js'],
    reason: 'minified bundles: embedded content hashes and encoded assets',
  },
  {
    names: [],
    suffixes: ['.js.map', '.css.map', '.mjs.map', '.cjs.map', '.ts.map'],
    reason: 'source maps: base64 VLQ mappings and embedded sources',
  },
];
