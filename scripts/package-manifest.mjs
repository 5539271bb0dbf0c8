// The package.json a user installs has no `prepare` script. Here, `prepare` builds dist/ and installs this
// repository's own hooks on `npm install`; in the published package it would name a build from sources the package
// does not ship, and npm lists it as an install script to approve (npm 11: "install scripts not yet covered by
// allowScripts"). So `prepack` (after the build) takes it out of package.json for the pack, and it is put back
// after: by `postpack` for `npm pack`, by `postpublish` for `npm publish` (which reads package.json again after
// packing, for the registry's copy).
//   node scripts/package-manifest.mjs strip | restore-after-pack | restore
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const saved = new URL('../package.json.before-pack', import.meta.url);

const step = process.argv[2];
if (step === 'strip') {
  const text = readFileSync(manifest, 'utf8');
  // A copy left by a pack that stopped half-way is the one to keep: it still has the script.
  if (!existsSync(saved)) writeFileSync(saved, text);
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (step === 'restore-after-pack') {
  if (process.env['npm_command'] !== 'publish') restore();
} else if (step === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/package-manifest.mjs strip | restore-after-pack | restore');
  process.exit(2);
}

function restore() {
  if (existsSync(saved)) renameSync(saved, manifest);
}
