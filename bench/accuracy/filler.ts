// Seeded filler so planted values sit inside files that look like real files: imports, functions, comments,
// config keys, log lines. Filler never contains a random-looking value: anything a scanner reports in it is a
// false positive of the scanner.
import type { Rng } from './rng.js';

export const DOMAINS = [
  'order',
  'invoice',
  'customer',
  'cart',
  'shipment',
  'webhook',
  'report',
  'session',
  'product',
  'notification',
  'refund',
  'subscription',
  'account',
  'coupon',
  'payout',
];
const VERBS = [
  'load',
  'fetch',
  'build',
  'parse',
  'render',
  'sync',
  'validate',
  'update',
  'compute',
  'format',
  'resolve',
  'archive',
  'enqueue',
  'normalize',
];
const ADJECTIVES = ['pending', 'active', 'recent', 'expired', 'failed', 'paid', 'draft', 'visible', 'archived'];
const TEAMS = ['payments', 'growth', 'platform', 'checkout', 'lifecycle', 'billing', 'infra', 'support'];
const HOSTS = ['api.acme.io', 'internal.acme.io', 'shop.acme.dev', 'orders.svc.cluster.local', 'localhost:3000'];

/** Comments next to a secret, in several languages and scripts (a scanner must not choke on Unicode). */
export const UNICODE_COMMENTS = [
  'Produktionsschlüssel — nicht teilen',
  '本番環境の設定（変更しないでください）',
  'Настройки платежей для продакшена',
  'clé API de production (ne pas committer)',
  '🔐 credentials for the nightly sync',
  'configuración de pagos — región UE',
  '결제 설정 · 운영 환경',
  'מפתח הייצור',
  'ключ → 生产环境 → clé ✓',
  'TODO: move to Vault ⚠️',
];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const third = (verb: string) => (/(ch|sh|s|x)$/.test(verb) ? `${verb}es` : `${verb}s`);
const gerund = (verb: string) => (verb.endsWith('e') && !verb.endsWith('ee') ? verb.slice(0, -1) : verb) + 'ing';

export function words(rng: Rng) {
  const domain = rng.pick(DOMAINS);
  const verb = rng.pick(VERBS);
  const adjective = rng.pick(ADJECTIVES);
  return {
    domain,
    Domain: cap(domain),
    verb,
    adjective,
    Adjective: cap(adjective),
    team: rng.pick(TEAMS),
    host: rng.pick(HOSTS),
    n: rng.int(2, 500),
  };
}

/** Filler chunks per language: each a list of lines at top level. */
export type FillerLang =
  'js' | 'ts' | 'python' | 'ruby' | 'go' | 'java' | 'php' | 'shell' | 'csharp' | 'sql' | 'markdown';

export function fillerChunk(rng: Rng, lang: FillerLang): string[] {
  const w = words(rng);
  switch (lang) {
    case 'js':
    case 'ts': {
      const t = lang === 'ts';
      return rng.pick([
        () => [
          '/**',
          ` * ${cap(third(w.verb))} the ${w.adjective} ${w.domain}s for an account, newest first.`,
          ' */',
          `export async function ${w.verb}${w.Domain}s(accountId${t ? ': string' : ''}, { limit = ${w.n} } = {})${t ? `: Promise<${w.Domain}[]>` : ''} {`,
          `  const rows = await db.${w.domain}s.findMany({ where: { accountId, status: '${w.adjective}' }, take: limit });`,
          `  return rows.map((row) => ({ ...row, total: Number(row.total) }));`,
          '}',
        ],
        () => [
          `const ${w.domain}Cache = new Map${t ? `<string, ${w.Domain}>` : ''}();`,
          '',
          `function cached${w.Domain}(id${t ? ': string' : ''}) {`,
          `  if (!${w.domain}Cache.has(id)) ${w.domain}Cache.set(id, ${w.verb}${w.Domain}(id));`,
          `  return ${w.domain}Cache.get(id);`,
          '}',
        ],
        () => [
          `// ${cap(w.team)} team: retry ${w.domain} requests at most ${(w.n % 5) + 1} times.`,
          `export const ${w.domain.toUpperCase()}_RETRY = { attempts: ${(w.n % 5) + 1}, backoffMs: ${w.n * 10} };`,
        ],
        () => [
          `router.post('/${w.domain}s/:id/${w.verb}', async (req, res) => {`,
          `  const ${w.domain} = await ${w.verb}${w.Domain}(req.params.id);`,
          `  if (!${w.domain}) return res.status(404).json({ error: '${w.domain} not found' });`,
          `  logger.info({ id: ${w.domain}.id }, '${w.domain} ${w.adjective}');`,
          `  res.json(${w.domain});`,
          '});',
        ],
        () => [
          ...(t
            ? [
                `export interface ${w.Domain} {`,
                '  id: string;',
                `  status: '${w.adjective}' | 'done';`,
                '  createdAt: Date;',
                '}',
              ]
            : [`/** @typedef {{ id: string, status: string }} ${w.Domain} */`]),
        ],
      ])();
    }
    case 'python':
      return rng.pick([
        () => [
          `def ${w.verb}_${w.domain}s(account_id, limit=${w.n}):`,
          `    """${cap(w.verb)} the ${w.adjective} ${w.domain}s of an account."""`,
          `    rows = db.session.query(${w.Domain}).filter_by(account_id=account_id, status="${w.adjective}")`,
          `    return [row.to_dict() for row in rows.limit(limit)]`,
        ],
        () => [
          `class ${w.Domain}Service:`,
          `    def __init__(self, client, retries=${(w.n % 5) + 1}):`,
          '        self.client = client',
          '        self.retries = retries',
          '',
          `    def ${w.verb}(self, ${w.domain}_id):`,
          `        logger.info("${w.verb} %s", ${w.domain}_id)`,
          `        return self.client.get(f"/${w.domain}s/{${w.domain}_id}")`,
        ],
        () => [
          `# ${cap(w.team)}: keep ${w.domain}s for ${w.n} days`,
          `${w.domain.toUpperCase()}_RETENTION_DAYS = ${w.n}`,
        ],
      ])();
    case 'ruby':
      return rng.pick([
        () => [
          `class ${w.Domain}Job < ApplicationJob`,
          `  queue_as :${w.team}`,
          '',
          `  def perform(${w.domain}_id)`,
          `    ${w.domain} = ${w.Domain}.find(${w.domain}_id)`,
          `    ${w.domain}.update!(status: :${w.adjective})`,
          '  end',
          'end',
        ],
        () => [`# ${cap(w.verb)} ${w.domain}s nightly`, `${w.domain.toUpperCase()}_BATCH_SIZE = ${w.n}`],
      ])();
    case 'go':
      return rng.pick([
        () => [
          `// ${cap(w.verb)}${w.Domain} ${third(w.verb)} one ${w.domain} by id.`,
          `func ${cap(w.verb)}${w.Domain}(ctx context.Context, id string) (*${w.Domain}, error) {`,
          `\trow := db.QueryRowContext(ctx, "SELECT id, status FROM ${w.domain}s WHERE id = $1", id)`,
          `\tvar out ${w.Domain}`,
          '\tif err := row.Scan(&out.ID, &out.Status); err != nil {',
          `\t\treturn nil, fmt.Errorf("${w.verb} ${w.domain}: %w", err)`,
          '\t}',
          '\treturn &out, nil',
          '}',
        ],
        () => [`type ${w.Domain} struct {`, '\tID     string `json:"id"`', '\tStatus string `json:"status"`', '}'],
      ])();
    case 'java':
      return rng.pick([
        () => [
          `    public List<${w.Domain}> ${w.verb}${w.Domain}s(String accountId) {`,
          `        return repository.findByAccountIdAndStatus(accountId, "${w.adjective}");`,
          '    }',
        ],
        () => [
          `    // ${cap(w.team)} owns this`,
          `    private static final int ${w.domain.toUpperCase()}_LIMIT = ${w.n};`,
        ],
      ])();
    case 'csharp':
      return rng.pick([
        () => [
          `        public async Task<${w.Domain}> ${cap(w.verb)}${w.Domain}Async(string id)`,
          '        {',
          `            return await _db.${w.Domain}s.FirstOrDefaultAsync(x => x.Id == id);`,
          '        }',
        ],
        () => [`        private const int ${w.Domain}Limit = ${w.n};`],
      ])();
    case 'php':
      return rng.pick([
        () => [
          `function ${w.verb}_${w.domain}s(int $accountId): array`,
          '{',
          `    return DB::table('${w.domain}s')->where('account_id', $accountId)->where('status', '${w.adjective}')->get()->all();`,
          '}',
        ],
        () => [`// ${cap(w.team)}: ${w.domain} limits`, `const ${w.domain.toUpperCase()}_LIMIT = ${w.n};`],
      ])();
    case 'shell':
      return rng.pick([
        () => [`log() { printf '[%s] %s\\n' "$(date -u +%FT%TZ)" "$*" >&2; }`],
        () => [
          `if [[ ! -d "./${w.domain}s" ]]; then`,
          `  mkdir -p "./${w.domain}s"`,
          `  log "created ./${w.domain}s"`,
          'fi',
        ],
        () => [
          `# ${cap(w.verb)} ${w.domain}s for the ${w.team} team`,
          `${w.verb}_${w.domain}s() {`,
          `  curl -fsS "https://${w.host}/v1/${w.domain}s?status=${w.adjective}" | jq '.data[] | .id'`,
          '}',
        ],
      ])();
    case 'sql':
      return rng.pick([
        () => [
          `CREATE TABLE IF NOT EXISTS ${w.domain}s (`,
          '  id          BIGSERIAL PRIMARY KEY,',
          '  account_id  BIGINT NOT NULL REFERENCES accounts (id),',
          `  status      TEXT NOT NULL DEFAULT '${w.adjective}',`,
          '  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()',
          ');',
        ],
        () => [`CREATE INDEX IF NOT EXISTS idx_${w.domain}s_status ON ${w.domain}s (status);`],
        () => [
          `-- ${cap(w.team)}: backfill ${w.domain}s`,
          `UPDATE ${w.domain}s SET status = '${w.adjective}' WHERE created_at < now() - interval '${w.n} days';`,
        ],
      ])();
    case 'markdown':
      return rng.pick([
        () => [
          `## ${cap(gerund(w.verb))} ${w.domain}s`,
          '',
          `The ${w.team} service ${third(w.verb)} ${w.adjective} ${w.domain}s every ${w.n} minutes. Run it locally with:`,
          '',
          '```sh',
          `npm run ${w.verb}:${w.domain}s -- --limit ${w.n}`,
          '```',
        ],
        () => [
          `### Troubleshooting`,
          '',
          `- If ${w.domain}s stay \`${w.adjective}\`, check the worker logs.`,
          `- Ask in #${w.team} before changing the retry policy.`,
        ],
        () => [
          `| setting | default | meaning |`,
          '| --- | --- | --- |',
          `| \`${w.domain}.limit\` | ${w.n} | how many ${w.domain}s per page |`,
        ],
      ])();
  }
}

/** A few harmless config keys (used to pad sections in YAML, TOML, INI, JSON). */
export function configPairs(rng: Rng, count: number): [string, string | number | boolean][] {
  const pool: [string, () => string | number | boolean][] = [
    ['region', () => rng.pick(['us', 'eu', 'us-east-1', 'eu-west-1'])],
    ['enabled', () => rng.chance(0.8)],
    ['timeout_ms', () => rng.int(1, 30) * 1000],
    ['retries', () => rng.int(1, 5)],
    ['base_url', () => `https://${rng.pick(HOSTS)}`],
    ['log_level', () => rng.pick(['info', 'debug', 'warn'])],
    ['batch_size', () => rng.int(10, 500)],
    ['environment', () => rng.pick(['production', 'staging'])],
  ];
  return rng
    .shuffle(pool)
    .slice(0, count)
    .map(([k, v]) => [k, v()]);
}

export function imports(rng: Rng, lang: FillerLang): string[] {
  switch (lang) {
    case 'js':
      return rng
        .shuffle([
          `import express from 'express';`,
          `import { logger } from './logger.js';`,
          `import { db } from '../db/index.js';`,
          `import pRetry from 'p-retry';`,
        ])
        .slice(0, rng.int(2, 4));
    case 'ts':
      return rng
        .shuffle([
          `import type { Request, Response } from 'express';`,
          `import { z } from 'zod';`,
          `import { db } from '../db/index.js';`,
          `import { logger } from '../logger.js';`,
        ])
        .slice(0, rng.int(2, 4));
    case 'python':
      return rng
        .shuffle([
          'import logging',
          'import os',
          'from datetime import datetime, timedelta',
          'from .db import db',
          'import requests',
        ])
        .slice(0, rng.int(2, 5));
    case 'ruby':
      return rng
        .shuffle(["require 'json'", "require 'net/http'", "require_relative '../lib/retry'"])
        .slice(0, rng.int(1, 3));
    case 'go':
      return ['import (', '\t"context"', '\t"fmt"', '\t"net/http"', '\t"os"', ')'];
    case 'java':
      return [
        'import java.util.List;',
        'import org.springframework.stereotype.Service;',
        'import org.springframework.beans.factory.annotation.Value;',
      ];
    case 'csharp':
      return ['using System;', 'using System.Threading.Tasks;', 'using Microsoft.EntityFrameworkCore;'];
    case 'php':
      return ['use Illuminate\\Support\\Facades\\DB;', 'use Illuminate\\Support\\Facades\\Log;'];
    default:
      return [];
  }
}

export function logLine(rng: Rng): string {
  const w = words(rng);
  const ts = `2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}T${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.${rng.int(100, 999)}Z`;
  return rng.pick([
    () =>
      `${ts} INFO  [${w.team}] ${w.verb} ${w.domain} id=${rng.int(1000, 99999)} status=${w.adjective} duration_ms=${rng.int(2, 900)}`,
    () => `${ts} WARN  [${w.team}] retrying ${w.domain} ${w.verb} attempt=${rng.int(1, 5)}`,
    () => `${ts} DEBUG http GET /v1/${w.domain}s?status=${w.adjective} 200 ${rng.int(1, 300)}ms`,
  ])();
}
