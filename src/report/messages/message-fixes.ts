// The fix of a secret found in a commit's or a tag's message (scan-message.ts): not a line of code to change, but a
// message to reword, since the message is published with the commit or the tag. Shared by every report.
import { visible } from '../visible.js';
import { keepTogether as keep } from '../wrap.js';

/** `tip`: the commit is the last one of what is pushed (or committed), so --amend reaches it. */
export function commitMessageFix(tip: boolean): string {
  return tip
    ? `the message is published with the commit: reword it (${keep('git commit --amend')}).`
    : 'the message is published with the commit: reword it (git rebase -i, mark the commit "reword").';
}

export function tagMessageFix(name: string): string {
  const tag = visible(name);
  return `the message is published with the tag: tag again with a clean one (${keep(`git tag -d ${tag}`)}, ${keep(`git tag -a ${tag}`)}), then push the tag.`;
}

/** The heading of the findings in a tag's message. */
export function tagLine(name: string, oid: string): string {
  return `tag ${visible(name)} (${oid.slice(0, 10)})`;
}
