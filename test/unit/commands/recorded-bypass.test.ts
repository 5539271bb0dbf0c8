// A commit's Secret-Hook-Bypass trailers acknowledge only its own findings, and only those they list.
import { describe, expect, it } from 'vitest';
import { parseBypassTrailers, formatBypassTrailers } from '../../../src/commands/bypass-trailer.js';
import { weighRecordedBypasses } from '../../../src/commands/recorded-bypass.js';
import type { CommitInfo } from '../../../src/result.js';
import { FakeKeys } from '../../helpers/examples.js';
import { scannedFindings } from '../../helpers/reports.js';

const keys = new FakeKeys(4242);
const commit = (oid: string): CommitInfo => ({ oid: oid.repeat(40), subject: 's', author: 'A', time: 1 });

describe('weighRecordedBypasses', () => {
  it('lets through the listed findings of the recording commit, and nothing else', () => {
    const [listed] = scannedFindings({ 'fixtures/a.js': `k = "sk_live_${keys.chars('base62', 40)}"\n` }, commit('a'));
    const [unlisted] = scannedFindings({ 'src/b.js': `k = "sk_live_${keys.chars('base62', 40)}"\n` }, commit('a'));
    // The same fingerprint, but in another commit that records nothing.
    const elsewhere = { ...listed!, commit: commit('b') };
    const message = `Add fixture\n\n${formatBypassTrailers('fixture, key revoked', [listed!.fingerprint]).join('\n')}\n`;
    const recorded = new Map([[commit('a').oid, parseBypassTrailers(message)!]]);
    const weighed = weighRecordedBypasses([listed!, unlisted!, elsewhere], recorded);
    expect(weighed.remaining).toEqual([unlisted, elsewhere]);
    expect(weighed.acknowledged).toEqual([{ commit: commit('a'), reason: 'fixture, key revoked', findings: [listed] }]);
  });

  it('changes nothing without recorded bypasses', () => {
    const findings = scannedFindings({ 'a.js': `k = "sk_live_${keys.chars('base62', 40)}"\n` }, commit('c'));
    expect(weighRecordedBypasses(findings, new Map())).toEqual({ remaining: findings, acknowledged: [] });
  });
});
