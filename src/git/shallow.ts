// The commits at a shallow clone's boundary (<common git dir>/shallow): their parents are not in the repository.
import * as path from 'node:path';
import { isObjectId } from './object-id.js';
import { readOnlyFs } from './read-only-fs.js';
import type { Repository } from './repo.js';

export function readShallowCommits(repo: Repository): Set<string> {
  try {
    const text = readOnlyFs.readFileSync(path.join(repo.commonDir, 'shallow'), 'utf8');
    return new Set(text.split('\n').filter((line) => isObjectId(line, repo.objectFormat)));
  } catch {
    return new Set(); // not a shallow clone
  }
}
