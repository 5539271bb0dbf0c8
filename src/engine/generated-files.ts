// Generated files (lockfiles, minified bundles), vendored trees and translation catalogs, and which rules stay quiet on
// them. Source maps are scanned like source: their `sourcesContent` is the project's own code, published with the
// bundle, so a `JWT_SECRET = '…'` there is a leak like the original file's.
// Their random-looking content (integrity hashes, embedded digests, encoded mappings) is not a secret, vendored code is
// someone else's (its API models and tests name providers on every line), and a translation catalog's values are a
// language's words for "password" (`"yourpassword": "Cyfrinair:"`). On these paths only rules without a prefix of
// their own are silenced (see `quiets`): a provider-prefixed key in a lockfile, bundle, vendored file or catalog is
// still found. Where prefix-less rules are quiet, a keyword rule's match counts only when its keyword is in the match
// or names it just before it (scan.ts, `carriesOwnPrefix`): `VERCEL_TOKEN=…`, not a 24-character run with "vercel"
// somewhere on a long line. Matched on the file name or a directory of the path, at any depth, with plain string
// checks rather than globs: this runs for every file. `secret-hook rules` lists them.

export interface GeneratedFiles {
  /**
   * Which rules stay quiet: `generic` (password = …), or `prefixless` (generic ones and the prefix-less rules,
   * found only through their near words). Bundles embed real source code, so only the generic rules are quieted there.
   */
  quiets: 'generic' | 'prefixless';
  /** Exact file names. */
  names: readonly string[];
  /** File name endings. */
  suffixes: readonly string[];
  /** Directory names: every file below one of them, at any depth. */
  directories?: readonly string[];
  /** Why, as `secret-hook rules` explains it. */
  reason: string;
}

export const generatedFiles: readonly GeneratedFiles[] = [
  {
    quiets: 'prefixless',
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
    quiets: 'generic',
    names: [],
    suffixes: ['.min.js', '.min.mjs', '.min.css', '.bundle.js', '.chunk.js'],
    reason: 'minified bundles: embedded content hashes and encoded assets',
  },
  {
    quiets: 'prefixless',
    names: [],
    suffixes: [],
    // `_vendor`: Python packages' vendored copies (pip, setuptools); `Godeps`: Go's vendoring before modules.
    directories: ['vendor', 'third_party', 'third-party', 'node_modules', 'bower_components', '_vendor', 'Godeps'],
    reason: "vendored code (committed dependencies): other projects' SDKs, API models and test fixtures",
  },
  {
    quiets: 'generic',
    names: [],
    suffixes: ['.po', '.pot', '.xlf', '.xliff', '.strings', '.arb'],
    directories: ['i18n', 'l10n', 'locales', 'translations'],
    reason: 'translation catalogs: the words for "password" and "token" in every language, as labels',
  },
];

export function generatedFileQuiets(path: string): GeneratedFiles['quiets'] | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const group of generatedFiles) {
    if (group.names.includes(name) || group.suffixes.some((s) => name.endsWith(s))) return group.quiets;
    if (group.directories?.some((d) => path.startsWith(`${d}/`) || path.includes(`/${d}/`))) return group.quiets;
  }
  return null;
}
