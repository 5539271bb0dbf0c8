// `secret-hook rules` lists the catalog; `secret-hook explain <rule-id>` prints a rule's offline guide.
import { generatedFiles } from '../engine/generated-files.js';
import { builtinRules } from '../../rules/index.js';
import { explainText } from '../report/messages/explain.js';
import { rulesList } from '../report/messages/rules.js';
import { explainNeedsId, unknownRule } from '../report/messages/usage.js';
import type { Rule } from '../../rules/schema.js';
import { nearest } from './suggest.js';
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

export function runExplain(id: string | undefined, width: number): CommandOutcome {
  if (id === undefined) return outcome(2, '', `${explainNeedsId()}\n`);
  const rule = builtinRules.find((r) => r.id === id);
  if (!rule) return outcome(2, '', `${unknownRule(id, rulesMeant(id))}\n`);
  return outcome(0, `${explainText(rule, width)}\n`);
}

/**
 * The rules an unknown id could mean: a provider's name or part of an id (`stripe`, `aws`) gives every rule it
 * names; a near miss (`stripe-live-secret`, `stirpe-live-secret-key`) the nearest ids.
 */
function rulesMeant(typed: string): { id: string; title: string }[] {
  const word = typed.toLowerCase();
  const named =
    word.length >= 3
      ? builtinRules.filter((r) => r.id.includes(word) || r.fix.provider.toLowerCase().includes(word))
      : [];
  const chosen = named.length > 0 ? named : nearestRules(word);
  return chosen.map((r) => ({ id: r.id, title: r.title }));
}

function nearestRules(word: string): Rule[] {
  const ids = nearest(
    word,
    builtinRules.map((r) => r.id),
    5,
  );
  // A prefix of an id is a near miss too (`stripe-live-secret` → stripe-live-secret-key).
  const prefixed = builtinRules.filter((r) => r.id.startsWith(word)).map((r) => r.id);
  const wanted = new Set([...ids, ...prefixed]);
  return builtinRules.filter((r) => wanted.has(r.id));
}
