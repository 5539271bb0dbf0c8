// The refs that hold annotated tag objects (under refs/tags/ usually, but any ref may), listed by git itself:
// `check --history` scans their messages as it scans the commits every ref reaches.
import type { GitTask } from '../errors.js';
import { runGit } from './git-process.js';
import { isObjectId } from './object-id.js';
import type { Repository } from './repo.js';

export function annotatedTagRefs(repo: Repository): { ref: string; oid: string }[] {
  const task: GitTask = { kind: 'list-refs' };
  const output = runGit(repo, ['for-each-ref', '--format=%(objecttype) %(objectname) %(refname)'], { task });
  const refs: { ref: string; oid: string }[] = [];
  for (const line of output.toString('utf8').split('\n')) {
    const [type, oid = '', ...name] = line.split(' ');
    if (type === 'tag' && isObjectId(oid, repo.objectFormat)) refs.push({ ref: name.join(' '), oid });
  }
  return refs;
}
