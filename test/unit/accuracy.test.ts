// The accuracy corpus (bench/accuracy): deterministic, varied, correctly labelled — and, as a regression gate, the
// built-in catalog misses no Stripe, Klaviyo, Intercom or Customer.io key in a small corpus. Overall precision and
// recall are not asserted here: the catalog is still growing (run `npm run bench:accuracy` for the numbers).
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalog } from '../../src/engine/compile.js';
import type { Finding } from '../../src/engine/scan.js';
import { assertLabelled, buildCorpus, formatIds, normalize } from '../../bench/accuracy/corpus.js';
import { findingMatches, scoreCorpus } from '../../bench/accuracy/score.js';
import { CRITICAL_FAMILIES, crc32, toBase62 } from '../../bench/accuracy/secrets.js';
import { hasValidBase62Checksum } from '../../src/engine/checksum.js';

describe('accuracy corpus', () => {
  it('is deterministic for a seed, and file i does not depend on the corpus size', () => {
    const a = buildCorpus({ files: 80, seed: 7 });
    const b = buildCorpus({ files: 80, seed: 7 });
    expect(b).toEqual(a);
    expect(buildCorpus({ files: 40, seed: 7 })).toEqual(a.slice(0, 40));
    const other = buildCorpus({ files: 80, seed: 8 });
    expect(other.map((f) => f.content)).not.toEqual(a.map((f) => f.content));
  });

  it('covers at least 15 file formats', () => {
    expect(formatIds.length).toBeGreaterThanOrEqual(15);
    const corpus = buildCorpus({ files: formatIds.length, seed: 3 });
    const formats = new Set(corpus.map((f) => f.format));
    expect(formats.size).toBe(formatIds.length);
    expect(formats.size).toBeGreaterThanOrEqual(15);
  });

  it('labels every planted secret with its family, and every label is in its file', () => {
    const corpus = buildCorpus({ files: 300, seed: 11 });
    const families = new Set<string>();
    let secrets = 0;
    for (const file of corpus) {
      expect(() => assertLabelled(file)).not.toThrow();
      for (const label of file.secrets) {
        expect(label.family).toMatch(/^[a-z][a-z0-9-]+$/);
        expect(label.type.startsWith(`${label.family}/`), label.type).toBe(true);
        expect(label.value.length).toBeGreaterThanOrEqual(8);
        expect(normalize(file.content)).toContain(normalize(label.written ?? label.value));
        families.add(label.family);
        secrets++;
      }
    }
    expect(secrets).toBeGreaterThan(150);
    for (const family of [...CRITICAL_FAMILIES, 'aws', 'github', 'private-key', 'generic-password'])
      expect(families).toContain(family);
  });

  it('writes GitHub/npm tokens with a valid base62 CRC32, and the scorer counts a perfect oracle as perfect', () => {
    expect(toBase62(crc32('hello'), 6)).toHaveLength(6);
    const corpus = buildCorpus({ files: 120, seed: 5 });
    // The classic formats: the stateless `ghs_<APPID>_<JWT>` installation token carries no CRC32.
    const tokens = corpus
      .flatMap((f) => f.secrets)
      .filter((s) => /^(ghp|gho|ghs|ghu|ghr|npm)_[A-Za-z0-9]+$/.test(s.value));
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(hasValidBase62Checksum(t.value.slice(4)), t.value).toBe(true);

    // One finding per planted secret, exactly its value: recall and precision 100%.
    const oracle = (secret: string, testKey = false): Finding => ({
      ruleId: 'oracle',
      title: 'oracle',
      severity: 'high',
      testKey,
      path: '',
      line: 1,
      column: 1,
      secret,
      lineText: '',
      fingerprint: '',
    });
    for (const file of corpus) {
      for (const label of file.secrets) expect(findingMatches(oracle(label.value), label)).toBe(true);
    }
  });

  it('misses no Stripe, Klaviyo, Intercom or Customer.io key on a 400-file corpus (regression gate)', () => {
    const corpus = buildCorpus({ files: 400 });
    const score = scoreCorpus(compileCatalog(builtinRules), corpus);
    const critical = score.families.filter((f) => CRITICAL_FAMILIES.includes(f.family));
    expect(critical.map((f) => f.family).sort()).toEqual([...CRITICAL_FAMILIES].sort());
    for (const f of critical) expect(f.planted, f.family).toBeGreaterThan(5);
    const misses = score.misses
      .filter((m) => CRITICAL_FAMILIES.includes(m.family))
      .map((m) => `${m.path}:${m.line} ${m.type} (${m.format})`);
    expect(misses).toEqual([]);
    expect(score.liveReportedNonBlocking).toEqual([]);
  });
});
