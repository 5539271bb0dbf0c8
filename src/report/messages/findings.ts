// What a finding says: the headline, the steps of the fix hint in their fixed order (move the secret out, decide on
// rotation, retry — and only then the deliberate bypass), and the offline guide of `secret-hook explain`.
import type { Rule } from '../../../rules/schema.js';
import type { Scope } from '../../result.js';
import { visible } from '../visible.js';

export const SECRET_MANAGERS = 'AWS Secrets Manager, HashiCorp Vault, CyberArk Conjur or GCP Secret Manager';

export function headline(scope: Scope, blocking: number): string {
  const what = blocking === 1 ? '1 secret' : `${blocking} secrets`;
  switch (scope) {
    case 'staged':
      return `secret-hook: ${what} found in the staged changes. The commit was stopped.`;
    case 'push':
      return `secret-hook: ${what} found in the commits being pushed. The push was stopped; nothing was sent.`;
    case 'all':
      return `secret-hook: ${what} found in the tracked files.`;
    case 'history':
      return `secret-hook: ${what} found in the git history.`;
  }
}

export function warningsHeadline(warnings: number, blocking: number): string {
  const what = warnings === 1 ? '1 test-mode or sandbox key' : `${warnings} test-mode or sandbox keys`;
  return blocking > 0
    ? `Also found ${what} (reported, not blocking):`
    : `secret-hook: found ${what}. Test keys are reported but do not block by default; move them out of the code all the same.`;
}

export function moveOutStep(env: string, snippet: { language: string; code: string; note: string }): string[] {
  const lines = [`Move it out of the code: read it from the environment variable ${env}.`];
  lines.push(snippet.language === 'any' ? `    ${snippet.code}` : `    ${snippet.code}    (${snippet.language})`);
  if (snippet.note) lines.push(snippet.note);
  lines.push(`In production keep it in a secrets manager (${SECRET_MANAGERS}) and inject it at deploy time.`);
  return lines;
}

export function rotationStep(scope: Scope, provider: string): string {
  switch (scope) {
    case 'staged':
      return `Rotate it only if it was ever committed, pushed or shared elsewhere: this commit was stopped, so the key has not entered git history. To rotate at ${provider}:`;
    case 'push':
      return `Rotate it only if these commits were pushed or shared elsewhere before (another remote, a patch, a CI run): this push was stopped, so nothing reached the remote. To rotate at ${provider}:`;
    case 'all':
      return `Rotate it if this file was ever committed and pushed: anyone with a clone may have it. To rotate at ${provider}:`;
    case 'history':
      return `Rotate it first: it is in a commit, and if that commit was ever pushed, every clone holds the key — removing it from the history does not take it back. At ${provider}:`;
  }
}

export function retryStep(scope: Scope, paths: readonly string[], lastCommit: boolean): string[] {
  const files = paths.map(visible).join(' ');
  switch (scope) {
    case 'staged':
      if (paths.every(isEnvFile)) {
        return [
          `Take the file out of the commit: git restore --staged ${files}, add it to .gitignore, and run git commit again.`,
        ];
      }
      return [`Stage the fixed file${paths.length > 1 ? 's' : ''} (git add ${files}) and run git commit again.`];
    case 'push':
      return [
        lastCommit
          ? `Rewrite the commit before pushing: fix ${files}, git add it, then git commit --amend; then git push again.`
          : 'Rewrite the commit before pushing: git rebase -i <commit>^, mark it "edit", fix the file, git add it, git commit --amend, git rebase --continue — or git reset --soft <commit>^ and commit again. Then git push again.',
      ];
    case 'all':
      return [`Fix ${files}, commit the change, and check the history too: secret-hook check --history.`];
    case 'history':
      return [
        'After rotating, remove it from the history if the repository is shared: git filter-repo --replace-text <file> (or BFG Repo-Cleaner), then force-push and ask collaborators to re-clone.',
        'If the key is rotated and the history cannot be rewritten, record the finding in .secret-hook-ignore (secret-hook baseline) so it stops being reported.',
      ];
  }
}

/** `.env`, `.env.production`, `app.env`: files that hold settings and should not be committed at all. */
function isEnvFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

export function bypassLine(scope: Scope): string {
  const allow =
    'A false positive? Add a `secret-hook:allow` comment on that line (or `secret-hook:allow-next-line` on the line before).';
  if (scope === 'all' || scope === 'history') return allow;
  const command = scope === 'push' ? 'git push --no-verify' : 'git commit --no-verify';
  return `${allow} Only as a last resort, skip every hook once with ${command}.`;
}

export function explainPointer(rule: Rule): string {
  return `More: secret-hook explain ${rule.id} · ${rule.fix.docs}`;
}

export function testKeyNote(): string {
  return 'test-mode key: reported, not blocking';
}

/** The offline guide: `secret-hook explain <rule-id>`. */
export function explainText(rule: Rule): string {
  const steps = rule.fix.rotate.map((step, i) => `  ${i + 1}. ${step}`).join('\n');
  return [
    `${rule.title}  [${rule.id}]  severity: ${rule.severity}${rule.testKey ? ' (test-mode key: does not block by default)' : ''}`,
    '',
    'What it grants',
    `  ${rule.guide.grants}`,
    '',
    'Risks if it leaks',
    `  ${rule.guide.risks}`,
    '',
    'How to store it',
    `  Never in the code or in committed configuration. Read it from the environment variable ${rule.fix.env} and keep`,
    `  the value in an untracked .env locally (add .env to .gitignore) and in a secrets manager in production:`,
    '  AWS Secrets Manager, HashiCorp Vault, CyberArk Conjur or GCP Secret Manager, injected at deploy time.',
    '',
    `How to rotate it at ${rule.fix.provider} without downtime`,
    '  The order matters: create the new key, update every service that uses it, then deactivate the old key, then',
    '  watch the logs for anything still using the old one.',
    steps,
    '',
    'How to check whether it was misused',
    `  ${rule.guide.checkMisuse}`,
    '',
    `Provider documentation: ${rule.fix.docs}`,
  ].join('\n');
}
