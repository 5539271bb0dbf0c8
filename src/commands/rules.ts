// `secret-hook rules` lists the catalog; `secret-hook explain <rule-id>` prints a rule's offline guide.
import { generatedFiles } from '../engine/generated-files.js';
import { builtinRules } from '../../rules/index.js';
import { explainText, unknownRule } from '../report/messages.js';
import { outcome, type CommandOutcome } from './outcome.js';

export function runRules(format: 'text' | 'json'): CommandOutcome {
  if (format === 'json') {
    const list = builtinRules.map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      testKey: r.testKey === true,
      provider: r.fix.provider,
      docs: r.fix.docs,
    }));
    return outcome(0, `${JSON.stringify({ rules: list, generatedFiles }, null, 2)}\n`);
  }
  const width = Math.max(...builtinRules.map((r) => r.id.length));
  const lines = builtinRules.map(
    (r) =>
      `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}${r.testKey ? ' (test key: warns, does not block)' : ''}`,
  );
  lines.push(
    '',
    `${builtinRules.length} rules. secret-hook explain <rule-id> prints what a key grants and how to rotate it.`,
    '',
    'Generated files: on these, rules without a prefix of their own (generic-… and prefix-less rules) stay quiet,',
    'because their random-looking content is not a secret; rules for prefixed keys still run, so a real key is found.',
  );
  for (const group of generatedFiles) {
    const matched = [...group.names, ...group.suffixes.map((suffix) => `*${suffix}`)].join(', ');
    lines.push(`  ${group.reason}: ${matched}`);
  }
  lines.push('Add paths of your own to ignorePaths in secret-hook.config.json.');
  return outcome(0, `${lines.join('\n')}\n`);
}

export function runExplain(id: string | undefined): CommandOutcome {
  const rule = builtinRules.find((r) => r.id === id);
  if (!rule) return outcome(2, '', `${unknownRule(id ?? '')}\n`);
  return outcome(0, `${explainText(rule)}\n`);
}
