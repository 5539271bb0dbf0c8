// The commits at a shallow clone's boundary (<git dir>/shallow): their parents are not in the repository.
import * as path from 'node:path';
import { readOnlyFs } from './read-only-fs.js';
import type { Repository } from './repo.js';

export function readShallowCommits(repo: Repository): Set<string> {
  try {
    const text = readOnlyFs.readFileSync(path.join(repo.commonDir, 'shallow'), 'utf8');
    return new Set(text.split('\n').filter((line) => line.length === 40));
  } catch {
    return new Set(); // not a shallow clone
  }
}
