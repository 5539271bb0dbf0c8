// What `secret-hook rules` prints: the catalog, and which generated files quiet which rules.
import type { Rule } from '../../../rules/schema.js';
import { ours } from './our-command.js';

export function rulesList(
  rules: readonly Rule[],
  generated: readonly {
    names: readonly string[];
    suffixes: readonly string[];
    directories?: readonly string[];
    reason: string;
  }[],
): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map(
    (r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}${r.testKey ? ' (warns, does not block)' : ''}`,
  );
  lines.push(
    '',
    `${rules.length} rules. ${ours('explain <rule-id>')} prints what a key grants and how to rotate it.`,
    '',
    'Generated files and vendored code: on these, rules without a prefix of their own (generic-… and prefix-less rules) stay quiet,',
    'because their random-looking content is not a secret; rules for prefixed keys still run, so a real key is found.',
  );
  for (const group of generated) {
    const matched = [
      ...group.names,
      ...group.suffixes.map((suffix) => `*${suffix}`),
      ...(group.directories ?? []).map((directory) => `${directory}/`),
    ].join(', ');
    lines.push(`  ${group.reason}: ${matched}`);
  }
  lines.push('Add paths of your own to ignorePaths in secret-hook.config.json.');
  return lines.join('\n');
}
