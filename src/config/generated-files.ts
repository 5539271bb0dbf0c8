// Is a path a generated file (lockfile, minified bundle, source map) on which generic rules stay quiet?
// Plain name checks rather than globs: this runs for every changed file of every commit.
import { generatedFiles } from '../../rules/generated-files.js';

const names = new Set(generatedFiles.flatMap((g) => g.names));
const suffixes = generatedFiles.flatMap((g) => g.suffixes);

export function isGeneratedFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return names.has(name) || suffixes.some((s) => name.endsWith(s));
}
