// `secret-hook rules` lists the catalog; `secret-hook explain <rule-id>` prints a rule's offline guide.
import { generatedFiles } from '../engine/generated-files.js';
import { builtinRules } from '../../rules/index.js';
import { explainText } from '../report/messages/findings.js';
import { rulesList } from '../report/messages/rules.js';
import { unknownRule } from '../report/messages/usage.js';
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
  return outcome(0, `${rulesList(builtinRules, generatedFiles)}\n`);
}

export function runExplain(id: string | undefined): CommandOutcome {
  const rule = builtinRules.find((r) => r.id === id);
  if (!rule) return outcome(2, '', `${unknownRule(id ?? '')}\n`);
  return outcome(0, `${explainText(rule)}\n`);
}
