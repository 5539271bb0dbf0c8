// Rules whose matches go in pairs (rules/schema.ts `Pairing`): a match and its partner within a few lines become one
// finding whose secret is both, joined with `:` in text order; a match without a partner is dropped or reported
// alone, as the rule says. The partner is another rule's finding, or the next finding of the same rule.
import type { Pairing } from '../../rules/schema.js';
import { fingerprint } from './fingerprint.js';
import type { Finding } from './scan.js';
import { firstAtOrAfter } from '../sorted-search.js';

/**
 * The findings of one rule after pairing. `own` are the rule's findings, `partners` those of the rule its pairing
 * names (ignored when that is the rule itself). Partners are found by binary search, so a file with thousands of
 * matches costs little more than sorting them. `namedAbove` says which findings stand alone on their line under an
 * entry whose name says they are the harmless half (`dropWhenLineNames` on the lines above, scan.ts works it out).
 */
export function pairFindings(
  ruleId: string,
  pairing: Pairing,
  own: readonly Finding[],
  partners: readonly Finding[],
  namedAbove: (finding: Finding) => boolean = () => false,
): Finding[] {
  const namesHarmlessHalf = (finding: Finding, p: Pairing) => namedAbove(finding) || namedOnLine(finding, p);
  const keptAlone = (finding: Finding, p: Pairing) => {
    const { unpaired } = p;
    if (unpaired === 'drop') return false;
    if (unpaired === 'report') return true;
    return !namesHarmlessHalf(finding, p);
  };
  const sorted = [...own].sort(inTextOrder);
  const out: Finding[] = [];
  if (pairing.with === ruleId) {
    // Two matches of one shape: each pairs with the next one, if it is near and not the same value.
    for (let i = 0; i < sorted.length; i++) {
      const first = sorted[i]!;
      const second = sorted[i + 1];
      // Two halves on lines of their own that both say they are the harmless one (two Site IDs) are no pair.
      const bothHarmless =
        second !== undefined &&
        second.line !== first.line &&
        namesHarmlessHalf(first, pairing) &&
        namesHarmlessHalf(second, pairing);
      if (
        second &&
        !bothHarmless &&
        second.secret !== first.secret &&
        second.line - first.line <= pairing.withinLines
      ) {
        // On the key's line: the half whose line does not name it as the harmless one (a Site ID), else the later.
        const at = namesHarmlessHalf(second, pairing) && !namesHarmlessHalf(first, pairing) ? first : second;
        out.push(paired(ruleId, at, first, second));
        i++;
      } else if (keptAlone(first, pairing)) {
        out.push(first);
      }
    }
    return out;
  }
  const others = [...partners].sort(inTextOrder);
  for (const finding of sorted) {
    const partner = nearest(others, finding, pairing.withinLines);
    if (partner) {
      const [first, second] = inTextOrder(partner, finding) < 0 ? [partner, finding] : [finding, partner];
      out.push(paired(ruleId, finding, first, second));
    } else if (keptAlone(finding, pairing)) {
      out.push(finding);
    }
  }
  return out;
}

/** One finding for a pair: at `at` (this rule's match), holding both secrets in text order. */
function paired(ruleId: string, at: Finding, first: Finding, second: Finding): Finding {
  const secret = `${first.secret}:${second.secret}`;
  const alone = { secret: at.secret, fingerprint: at.fingerprint };
  return { ...at, secret, fingerprint: fingerprint(ruleId, at.path, secret), alone };
}

/** Whether the finding's line names it as the half that is harmless alone (`dropWhenLineNames`). */
function namedOnLine(finding: Finding, pairing: Pairing): boolean {
  const { unpaired } = pairing;
  if (typeof unpaired !== 'object') return false;
  const line = finding.lineText.toLowerCase();
  return unpaired.dropWhenLineNames.some((word) => line.includes(word));
}

// How many partners holding the very same value as a match are stepped over, each way, looking for one that does
// not: enough for real text, and a bound on the work when a hostile line repeats one value thousands of times.
const MAX_SKIPPED = 8;

/**
 * The partner closest in lines to `finding` (the earlier one on a tie), within `within` lines and holding another
 * value; `partners` are in text order. A binary search and a few steps each way.
 */
function nearest(partners: readonly Finding[], finding: Finding, within: number): Finding | undefined {
  const split = firstAtOrAfter(partners, finding.line, (f) => f.line);
  let before: Finding | undefined;
  for (let i = split - 1, skipped = 0; i >= 0 && skipped <= MAX_SKIPPED; i--, skipped++) {
    if (partners[i]!.secret !== finding.secret) {
      before = partners[i];
      break;
    }
  }
  let after: Finding | undefined;
  for (let i = split, skipped = 0; i < partners.length && skipped <= MAX_SKIPPED; i++, skipped++) {
    if (partners[i]!.secret !== finding.secret) {
      after = partners[i];
      break;
    }
  }
  const near = (p: Finding | undefined) => (p && Math.abs(p.line - finding.line) <= within ? p : undefined);
  const [b, a] = [near(before), near(after)];
  if (!b || !a) return b ?? a;
  return finding.line - b.line <= a.line - finding.line ? b : a;
}

function inTextOrder(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column;
}
