// Is a path a generated file (lockfile, minified bundle, source map), and which rules stay quiet on it?
// rules/generated-files.ts says why. Plain name checks rather than globs: this runs for every file.
import { generatedFiles, type GeneratedFiles } from '../../rules/generated-files.js';

export function generatedFileQuiets(path: string): GeneratedFiles['quiets'] | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const group of generatedFiles) {
    if (group.names.includes(name) || group.suffixes.some((s) => name.endsWith(s))) return group.quiets;
  }
  return null;
}
