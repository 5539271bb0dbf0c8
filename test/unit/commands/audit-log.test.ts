// The audit record of a push let in without a clean scan: who, when, where, what, why; never the secret.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAuditRecords, auditRecord } from '../../../src/commands/audit-log.js';
import type { CommitInfo } from '../../../src/result.js';
import { FakeKeys } from '../../helpers/examples.js';
import { scannedFindings } from '../../helpers/reports.js';

const secret = `sk_live_${new FakeKeys(99).chars('base62', 40)}`;
const commit: CommitInfo = { oid: 'c'.repeat(40), subject: `uses ${secret}`, author: 'A', time: 1 };
const refs = [{ ref: 'refs/heads/main', old: 'a'.repeat(40), new: 'c'.repeat(40) }];

describe('auditRecord', () => {
  it('names the pusher from the first identity variable set, and keeps every one', () => {
    const findings = scannedFindings({ 'pay.js': `const k = "${secret}";\n` }, commit);
    const env = {
      GITEA_PUSHER_NAME: 'bob',
      GITEA_PUSHER_EMAIL: 'bob@example.invalid',
      REMOTE_USER: 'b0b',
      GITEA_REPO_NAME: 'app',
    };
    const record = auditRecord(
      { env, repository: '/srv/app.git', refs },
      'push-option-bypass',
      findings,
      'fixture',
      new Date(0),
    );
    expect(record).toMatchObject({
      time: '1970-01-01T00:00:00.000Z',
      event: 'push-option-bypass',
      pusher: 'bob',
      identity: { GITEA_PUSHER_NAME: 'bob', GITEA_PUSHER_EMAIL: 'bob@example.invalid', REMOTE_USER: 'b0b' },
      repository: { gitDir: '/srv/app.git', GITEA_REPO_NAME: 'app' },
      refs,
      commits: [commit.oid],
      ruleIds: ['stripe-live-secret-key'],
      fingerprints: [findings[0]!.fingerprint],
      findings: [
        {
          ruleId: 'stripe-live-secret-key',
          fingerprint: findings[0]!.fingerprint,
          path: 'pay.js',
          line: 1,
          commit: commit.oid,
        },
      ],
      reason: 'fixture',
    });
    // Neither the secret nor the line holding it, nor the commit's subject (which may hold it too).
    const line = JSON.stringify(record);
    expect(line).not.toContain(secret);
    expect(line).not.toContain(secret.slice(8, 24));
    expect(line).not.toContain('uses ');
  });

  it('writes one JSON line per record, appended; and says why when it cannot', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-audit-'));
    try {
      const file = path.join(dir, 'audit.jsonl');
      const record = auditRecord({ env: {}, repository: '/r', refs }, 'over-budget', [], null);
      expect(appendAuditRecords(file, [record])).toBeNull();
      expect(appendAuditRecords(file, [record, record])).toBeNull();
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      expect(lines).toHaveLength(4);
      expect(lines.slice(0, 3).map((l) => JSON.parse(l).event)).toEqual(['over-budget', 'over-budget', 'over-budget']);
      expect(record.pusher).toBeNull();
      expect(appendAuditRecords(path.join(dir, 'missing', 'audit.jsonl'), [record])).toBe('ENOENT');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
