// What a push asks a server to change, from the lines git's receive-pack writes to the pre-receive hook's standard
// input: `<old-value> SP <new-value> SP <ref-name> LF`, one per ref; the null id as old value creates the ref, as
// new value deletes it. https://git-scm.com/docs/githooks#pre-receive
// While the hook runs, every ref still holds its old value and the pushed objects wait in quarantine
// (object-environment.ts): what the push makes newly reachable is what its new values reach and no existing ref
// does, which git itself walks with `--not --all` (scan-push.ts).
import { isObjectId, isZeroId, type ObjectFormat } from './object-id.js';

export interface ReceivedRef {
  ref: string;
  oldOid: string;
  newOid: string;
}

/** The ref lines, or the first line that is not one: a hook that cannot read what is pushed must refuse it. */
export function parseReceivedRefs(
  stdin: string,
  format: ObjectFormat,
): { refs: ReceivedRef[] } | { unreadable: string } {
  const refs: ReceivedRef[] = [];
  for (const line of stdin.split('\n')) {
    if (line.trim() === '') continue;
    const [oldOid = '', newOid = '', ref = '', ...rest] = line.replace(/\r$/, '').split(' ');
    if (rest.length > 0 || !isObjectId(oldOid, format) || !isObjectId(newOid, format) || ref === '') {
      return { unreadable: line };
    }
    refs.push({ ref, oldOid, newOid });
  }
  return { refs };
}

export function isDeletion(ref: ReceivedRef, format: ObjectFormat): boolean {
  return isZeroId(ref.newOid, format);
}
