// File formats for the accuracy corpus: each renders planted items (secrets and look-alikes) inside realistic
// surrounding content — filler code, config keys, comments — with varied quoting, indentation, CRLF line endings
// and Unicode next to the value. Some formats also plant their own look-alikes (lockfile checksums, CSS data
// URIs, source-map mappings, image digests, trace ids in logs): those come back as `natives`.
import { configPairs, fillerChunk, imports, logLine, UNICODE_COMMENTS, words, type FillerLang } from './filler.js';
import { dataUri, goSumHash, sha, sriHash, traceId, vlqMappings, type Native } from './lookalikes.js';
import type { Rng } from './rng.js';
import { pem, type Field, type Item, type SnippetLang } from './secrets.js';

export interface Rendered {
  path: string;
  content: string;
  /** Look-alikes the format planted itself. */
  natives?: Native[];
  /** Secrets the format planted itself (a service-account JSON key). */
  nativeSecrets?: Native[];
  /** A target written differently from its raw value (base64 in a Kubernetes Secret, XML-escaped): raw → as written. */
  written?: Map<string, string>;
}

export interface Format {
  id: string;
  /** Whether this format can hold the item realistically. */
  accepts(item: Item): boolean;
  /** At most this many planted items per file (0: the format plants only its own look-alikes or secrets). */
  maxItems: number;
  /** Relative frequency in the corpus. */
  weight: number;
  render(rng: Rng, items: Item[]): Rendered;
}

// ---------------------------------------------------------------------------------------------------------------
// Names, quoting, layout.

type NameStyle = 'screaming' | 'snake' | 'camel' | 'pascal' | 'kebab' | 'dotted';

function styled(name: string, style: NameStyle): string {
  const parts = name.toLowerCase().split('_').filter(Boolean);
  switch (style) {
    case 'screaming':
      return parts.join('_').toUpperCase();
    case 'snake':
      return parts.join('_');
    case 'camel':
      return parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('');
    case 'pascal':
      return parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
    case 'kebab':
      return parts.join('-');
    case 'dotted':
      return parts.join('.');
  }
}

const isMultiline = (item: Item) => item.multiline === true;

/** A value that says what it is without a name next to it (a prefix, a scheme, PEM armour). */
const SELF_EVIDENT =
  /^(sk_(?:live|test|org)_|rk_|whsec_|pk_|dG9rO|AKIA|ASIA|AIza|GOCSPX-|gh[pousr]_|github_pat_|gl[a-z]+-|xox[a-z]-|xapp-|sk-|SG\.|npm_|-----BEGIN|eyJ|hf_|dop_v1_|shp[a-z]{2}_|https?:|postgres|mysql|mongodb|redis|amqps?:|DefaultEndpoints)/;
const selfEvident = (item: Item) => !item.nameRequired && item.fields.every((f) => SELF_EVIDENT.test(f.value));
/**
 * A dict/hash entry under the field's short name belongs inside the block named after its provider (`section`):
 * `"ext_pat": '…'` alone, with no `AZURE_DEVOPS = {` around it, names nothing. Without a section, the full name.
 */
function sectionEntry(
  item: Item,
  f: Field,
  entry: (key: string) => string,
  open: (section: string) => string,
  close: string,
): string[] {
  if (!f.short || !item.section) return [entry(f.name)];
  return [open(item.section), entry(f.short), close];
}
/** In `.npmrc`/`.netrc`, a placeholder is an environment reference (`${NPM_TOKEN}`), which npm expands. */
const envReference = (item: Item) => item.fields.every((f) => /^\$\{?[A-Z_]+\}?$/.test(f.value));
const singleLine = (item: Item) => !item.multiline && !item.snippetOnly;
const anyOrSnippet = (lang: SnippetLang) => (item: Item) =>
  !item.snippetOnly || (item.snippets?.[lang]?.length ?? 0) > 0;

function finish(
  rng: Rng,
  lines: string[],
  opts: { crlf?: number; bom?: number; trailingNewline?: boolean } = {},
): string {
  const eol = rng.chance(opts.crlf ?? 0.1) ? '\r\n' : '\n';
  const body = lines.join(eol) + (opts.trailingNewline === false ? '' : eol);
  return (rng.chance(opts.bom ?? 0) ? '\uFEFF' : '') + body;
}

function indentOf(rng: Rng): string {
  return rng.weighted([
    [5, '  '],
    [3, '    '],
    [1, '\t'],
  ] as const);
}

function quote(rng: Rng, value: string, quotes: readonly string[] = ['"', "'"]): string {
  const q = rng.pick(quotes);
  return `${q}${value}${q}`;
}

/** A comment above a planted item: sometimes naming the provider (not for bare items), sometimes Unicode. */
function leadComment(rng: Rng, item: Item, prefix: string): string[] {
  if (rng.chance(0.2)) return [`${prefix} ${rng.pick(UNICODE_COMMENTS)}`];
  if (!item.bare && item.section && rng.chance(0.25)) return [`${prefix} ${item.section} settings`];
  return [];
}

/** Inserts blocks of lines among filler chunks at random places. */
function weave(rng: Rng, filler: string[][], blocks: string[][], separator = ''): string[] {
  const slots: string[][] = [...filler];
  for (const block of blocks) slots.splice(rng.int(0, slots.length), 0, block);
  const out: string[] = [];
  slots.forEach((block, i) => {
    if (i > 0 && separator !== null) out.push(separator);
    out.push(...block);
  });
  return out;
}

function pickSnippet(rng: Rng, item: Item, lang: SnippetLang, probability: number): string[] | null {
  const alternatives = item.snippets?.[lang];
  if (!alternatives || alternatives.length === 0) return null;
  if (!item.snippetOnly && !rng.chance(probability)) return null;
  return rng.pick(alternatives);
}

function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function yamlScalar(rng: Rng, value: string): string {
  const plainOk =
    /^[A-Za-z0-9][^\s:#]*$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(value) &&
    !/^[0-9.e+-]+$/i.test(value);
  if (plainOk && rng.chance(0.6)) return value;
  return rng.chance(0.5) || value.includes("'")
    ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
    : `'${value}'`;
}

function envValue(rng: Rng, value: string): string {
  const needsQuotes = /[\s#"'`$\\]/.test(value);
  if (!needsQuotes && rng.chance(0.6)) return value;
  return needsQuotes && value.includes('"') ? `'${value}'` : quote(rng, value);
}

function pemAsEscaped(value: string): string {
  return value.replace(/\n/g, '\\n');
}

// A config model shared by the key/value formats (YAML, TOML, INI, JSON, properties).
interface Pair {
  key: string;
  value: string | number | boolean;
  multiline?: boolean;
}
interface Block {
  section?: string;
  pairs: Pair[];
}

/** Puts items into a config model: under their provider's section (with other keys first), or at top level. */
function configModel(rng: Rng, items: Item[], style: NameStyle, extraSections = 2): Block[] {
  const blocks: Block[] = [];
  const top: Pair[] = configPairs(rng, rng.int(1, 3)).map(([key, value]) => ({ key: styled(key, style), value }));
  blocks.push({ pairs: top });
  for (let i = 0; i < rng.int(0, extraSections); i++) {
    const w = words(rng);
    blocks.push({
      section: styled(w.domain + 's', style),
      pairs: configPairs(rng, rng.int(1, 3)).map(([key, value]) => ({ key: styled(key, style), value })),
    });
  }
  for (const item of items) {
    if (item.section && rng.chance(0.6)) {
      const padding = rng.weighted([
        [5, 0],
        [3, 1],
        [2, 2],
      ] as const);
      const pairs: Pair[] = configPairs(rng, padding).map(([key, value]) => ({ key: styled(key, style), value }));
      for (const f of item.fields)
        pairs.push({ key: styled(f.short ?? f.name, style), value: f.value, multiline: item.multiline });
      blocks.splice(rng.int(1, blocks.length), 0, { section: styled(item.section, style), pairs });
    } else {
      const pairs = item.fields.map((f) => ({ key: styled(f.name, style), value: f.value, multiline: item.multiline }));
      blocks[0]!.pairs.splice(rng.int(0, blocks[0]!.pairs.length), 0, ...pairs);
    }
  }
  // Two items may want the same key (`api_key` under two `[support]` sections): keep every value.
  const used = new Map<string, Set<string>>();
  for (const block of blocks) {
    const keys = used.get(block.section ?? '') ?? new Set<string>();
    used.set(block.section ?? '', keys);
    for (const pair of block.pairs) {
      let key = pair.key;
      for (let n = 2; keys.has(key); n++) key = `${pair.key}${style === 'camel' || style === 'pascal' ? n : `_${n}`}`;
      keys.add(key);
      pair.key = key;
    }
  }
  return blocks;
}

function toObject(blocks: Block[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const block of blocks) {
    const target = block.section ? ((out[block.section] as Record<string, unknown>) ?? (out[block.section] = {})) : out;
    for (const pair of block.pairs) (target as Record<string, unknown>)[pair.key] = pair.value;
  }
  return out;
}

function path(rng: Rng, options: readonly string[]): string {
  const w = words(rng);
  return rng
    .pick(options)
    .replace(/\{domain\}/g, w.domain)
    .replace(/\{team\}/g, w.team)
    .replace(/\{verb\}/g, w.verb);
}

// ---------------------------------------------------------------------------------------------------------------
// Code formats.

interface CodeLang {
  filler: FillerLang;
  snippet: SnippetLang;
  comment: string;
  /** Assignment lines for one field. */
  assign(rng: Rng, f: Field, item: Item): string[];
  multiline?(rng: Rng, f: Field): string[];
  /** Wraps top-level blocks into a file. */
  wrap(rng: Rng, body: string[], importLines: string[]): string[];
  /** Body-level indentation for snippets (e.g. inside a method). */
  snippetIndent?: string;
}

function codeFormat(id: string, weight: number, paths: readonly string[], lang: CodeLang): Format {
  return {
    id,
    weight,
    maxItems: 3,
    accepts: (item) => anyOrSnippet(lang.snippet)(item) && (!item.multiline || lang.multiline !== undefined),
    render(rng, items) {
      const filler = Array.from({ length: rng.int(2, 6) }, () => fillerChunk(rng, lang.filler));
      const blocks = items.map((item) => {
        const indent = lang.snippetIndent ?? '';
        const snippet = pickSnippet(rng, item, lang.snippet, 0.55);
        const lines = snippet
          ? snippet.map((l) => indent + l)
          : item.fields.flatMap((f) =>
              (item.multiline && lang.multiline ? lang.multiline(rng, f) : lang.assign(rng, f, item)).map(
                (l) => indent + l,
              ),
            );
        return [...leadComment(rng, item, indent + lang.comment), ...lines];
      });
      const body = weave(rng, filler, blocks);
      return {
        path: path(rng, paths),
        content: finish(rng, lang.wrap(rng, body, imports(rng, lang.filler)), { bom: 0.02 }),
      };
    },
  };
}

const jsLang = (ts: boolean): CodeLang => ({
  filler: ts ? 'ts' : 'js',
  snippet: 'js',
  comment: '//',
  assign(rng, f, item) {
    const q = rng.weighted([
      [4, "'"],
      [3, '"'],
      [1, '`'],
    ] as const);
    const v = `${q}${f.value}${q}`;
    return [
      rng.pick([
        `const ${styled(f.name, 'camel')}${ts && rng.chance(0.3) ? ': string' : ''} = ${v};`,
        `export const ${f.name} = ${v};`,
        `process.env.${f.name} ??= ${v};`,
        `const ${styled(f.name, 'camel')} = process.env.${f.name} || ${v};`,
        sectionEntry(
          item,
          f,
          (key) => `  ${styled(key, 'camel')}: ${v},`,
          (s) => `const ${styled(s, 'camel')} = {`,
          '};',
        ),
      ]),
    ].flat();
  },
  multiline(rng, f) {
    return rng.chance(0.5)
      ? [`const ${styled(f.name, 'camel')} = \`${f.value}\`;`]
      : [`const ${styled(f.name, 'camel')} = "${pemAsEscaped(f.value)}";`];
  },
  wrap(rng, body, importLines) {
    return [...(rng.chance(0.3) ? ["'use strict';", ''] : []), ...importLines, '', ...body, ''];
  },
});

const pythonLang: CodeLang = {
  filler: 'python',
  snippet: 'python',
  comment: '#',
  assign(rng, f, item) {
    const v = quote(rng, f.value);
    return [
      rng.pick([
        `${f.name} = ${v}`,
        `${styled(f.name, 'snake')} = ${v}`,
        `os.environ.setdefault("${f.name}", ${v})`,
        `${f.name} = os.getenv("${f.name}", ${v})`,
        sectionEntry(
          item,
          f,
          (key) => `    "${styled(key, 'snake')}": ${v},`,
          (s) => `${styled(s, 'screaming')} = {`,
          '}',
        ),
      ]),
    ].flat();
  },
  multiline(rng, f) {
    return rng.chance(0.6) ? [`${f.name} = """${f.value}"""`] : [`${f.name} = "${pemAsEscaped(f.value)}"`];
  },
  wrap(rng, body, importLines) {
    return [
      ...(rng.chance(0.4) ? ['"""Service configuration and helpers."""', ''] : []),
      ...importLines,
      '',
      'logger = logging.getLogger(__name__)',
      '',
      ...body,
      '',
    ];
  },
};

const rubyLang: CodeLang = {
  filler: 'ruby',
  snippet: 'ruby',
  comment: '#',
  assign(rng, f, item) {
    const v = quote(rng, f.value);
    return [
      rng.pick([
        `${f.name} = ${v}`,
        `ENV['${f.name}'] ||= ${v}`,
        `config.x.${styled(f.name, 'snake')} = ${v}`,
        sectionEntry(
          item,
          f,
          (key) => `  ${styled(key, 'snake')}: ${v},`,
          (s) => `${styled(s, 'screaming')} = {`,
          '}.freeze',
        ),
      ]),
    ].flat();
  },
  multiline(_rng, f) {
    return [`${f.name} = <<~PEM`, ...f.value.split('\n').map((l) => `  ${l}`), 'PEM'];
  },
  wrap(rng, body, importLines) {
    return [...(rng.chance(0.5) ? ['# frozen_string_literal: true', ''] : []), ...importLines, '', ...body, ''];
  },
};

const goLang: CodeLang = {
  filler: 'go',
  snippet: 'go',
  comment: '//',
  assign(rng, f) {
    return [
      rng.pick([
        `const ${styled(f.name, 'camel')} = "${f.value}"`,
        `var ${styled(f.name, 'pascal')} = "${f.value}"`,
        `os.Setenv("${f.name}", "${f.value}")`,
      ]),
    ];
  },
  multiline(_rng, f) {
    return [`const ${styled(f.name, 'camel')} = \`${f.value}\``];
  },
  wrap(_rng, body, importLines) {
    return ['package main', '', ...importLines, '', ...body, ''];
  },
};

const javaLang: CodeLang = {
  filler: 'java',
  snippet: 'java',
  comment: '//',
  snippetIndent: '    ',
  assign(rng, f) {
    return [
      rng.pick([
        `private static final String ${f.name} = "${f.value}";`,
        `@Value("\${${styled(f.name, 'dotted')}:${f.value}}")`,
        `static final String ${styled(f.name, 'camel')} = "${f.value}";`,
      ]),
    ];
  },
  multiline(_rng, f) {
    return [`private static final String ${f.name} = """`, ...f.value.split('\n'), '""";'];
  },
  wrap(rng, body, importLines) {
    const w = words(rng);
    return [
      `package com.acme.${w.team};`,
      '',
      ...importLines,
      '',
      '@Service',
      `public class ${w.Domain}Service {`,
      '',
      ...body,
      '}',
      '',
    ];
  },
};

const csharpLang: CodeLang = {
  filler: 'csharp',
  snippet: 'csharp',
  comment: '//',
  snippetIndent: '        ',
  assign(rng, f) {
    return [
      rng.pick([
        `private const string ${styled(f.name, 'pascal')} = "${f.value}";`,
        `public static readonly string ${styled(f.name, 'pascal')} = @"${f.value}";`,
      ]),
    ];
  },
  multiline(_rng, f) {
    return [`private const string ${styled(f.name, 'pascal')} = @"${f.value}";`];
  },
  wrap(rng, body, importLines) {
    const w = words(rng);
    return [
      ...importLines,
      '',
      `namespace Acme.${w.Domain}`,
      '{',
      `    public class ${w.Domain}Client`,
      '    {',
      ...body,
      '    }',
      '}',
      '',
    ];
  },
};

const phpLang: CodeLang = {
  filler: 'php',
  snippet: 'php',
  comment: '//',
  assign(rng, f, item) {
    const v = quote(rng, f.value);
    return [
      rng.pick([
        `define('${f.name}', ${v});`,
        `$${styled(f.name, 'camel')} = ${v};`,
        sectionEntry(
          item,
          f,
          (key) => `    '${styled(key, 'snake')}' => ${v},`,
          (s) => `$${styled(s, 'camel')} = [`,
          '];',
        ),
        `putenv('${f.name}=${f.value}');`,
      ]),
    ].flat();
  },
  multiline(_rng, f) {
    return [`$${styled(f.name, 'camel')} = <<<'PEM'`, ...f.value.split('\n'), 'PEM;'];
  },
  wrap(rng, body, importLines) {
    return ['<?php', '', ...(rng.chance(0.5) ? ['declare(strict_types=1);', ''] : []), ...importLines, '', ...body, ''];
  },
};

const shellLang: CodeLang = {
  filler: 'shell',
  snippet: 'shell',
  comment: '#',
  assign(rng, f) {
    const v = /[!]/.test(f.value) ? `'${f.value}'` : quote(rng, f.value);
    return [
      rng.pick([
        `export ${f.name}=${v}`,
        `${f.name}=${v}`,
        `docker run --rm -e ${f.name}=${v} ghcr.io/acme/worker:latest`,
        `heroku config:set ${f.name}=${v} --app acme-prod`,
        `gh secret set ${f.name} --body ${v}`,
      ]),
    ];
  },
  multiline(_rng, f) {
    return [
      `cat > /tmp/${styled(f.name, 'kebab')}.pem <<'EOF'`,
      ...f.value.split('\n'),
      'EOF',
      `chmod 600 /tmp/${styled(f.name, 'kebab')}.pem`,
    ];
  },
  wrap(rng, body) {
    return [rng.pick(['#!/usr/bin/env bash', '#!/bin/bash', '#!/bin/sh']), 'set -euo pipefail', '', ...body, ''];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The formats.

export const formats: readonly Format[] = [
  // .env files
  {
    id: 'env',
    weight: 8,
    maxItems: 3,
    accepts: (item) => !item.snippetOnly,
    render(rng, items) {
      const lines: string[] = [];
      const filler = [
        'NODE_ENV=production',
        `PORT=${rng.pick([3000, 8080, 4000])}`,
        `LOG_LEVEL=${rng.pick(['info', 'debug'])}`,
        `APP_URL=https://${words(rng).host}`,
        'DATABASE_POOL_SIZE=10',
        'FEATURE_NEW_CHECKOUT=true',
        'TZ=UTC',
      ];
      const blocks: string[][] = rng
        .shuffle(filler)
        .slice(0, rng.int(2, 6))
        .map((l) => [l]);
      if (rng.chance(0.5))
        blocks.unshift([
          `# ${rng.pick(['Production', 'Staging', 'Local'])} environment — generated ${rng.int(2021, 2025)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
        ]);
      for (const item of items) {
        const block = [...leadComment(rng, item, '#')];
        for (const f of item.fields) {
          const exp = rng.chance(0.15) ? 'export ' : '';
          if (item.multiline)
            block.push(rng.chance(0.5) ? `${exp}${f.name}="${f.value}"` : `${exp}${f.name}="${pemAsEscaped(f.value)}"`);
          else
            block.push(
              `${exp}${f.name}${rng.chance(0.05) ? ' = ' : '='}${envValue(rng, f.value)}${rng.chance(0.1) ? `  # ${rng.pick(['prod', 'rotated 2024-03', 'do not commit', 'voir 1Password'])}` : ''}`,
            );
        }
        blocks.splice(rng.int(0, blocks.length), 0, block);
      }
      lines.push(...blocks.flat());
      return {
        path: path(rng, [
          '.env',
          '.env.production',
          '.env.local',
          'deploy/.env.staging',
          'services/{domain}/.env',
          '.env.development',
        ]),
        content: finish(rng, lines, { crlf: 0.15 }),
      };
    },
  },

  // JSON config (config/production.json, appsettings.json)
  {
    id: 'json-config',
    weight: 5,
    maxItems: 3,
    accepts: (item) => !item.snippetOnly,
    render(rng, items) {
      const dotnet = rng.chance(0.3);
      const model = configModel(rng, items, dotnet ? 'pascal' : 'camel');
      const obj = dotnet
        ? { Logging: { LogLevel: { Default: 'Information' } }, AllowedHosts: '*', ...toObject(model) }
        : toObject(model);
      const indent = rng.pick([2, 4, '\t'] as const);
      return {
        path: dotnet
          ? rng.pick(['appsettings.json', 'appsettings.Production.json', 'src/Api/appsettings.Development.json'])
          : path(rng, [
              'config/production.json',
              'config/default.json',
              'src/config/{team}.json',
              '.secrets.json',
              'firebase.config.json',
            ]),
        content: finish(rng, JSON.stringify(obj, null, indent).split('\n'), { crlf: 0.1, bom: dotnet ? 0.2 : 0 }),
      };
    },
  },

  // package.json with env in scripts and a config block
  {
    id: 'package-json',
    weight: 3,
    maxItems: 2,
    accepts: singleLine,
    render(rng, items) {
      const w = words(rng);
      const scripts: Record<string, string> = {
        start: 'node dist/server.js',
        build: 'tsc -p tsconfig.build.json',
        test: 'vitest run',
        lint: 'eslint .',
      };
      const config: Record<string, string> = {};
      for (const item of items) {
        if (rng.chance(0.6)) {
          const script = rng.pick(['deploy:prod', `sync:${w.domain}s`, 'seed', 'dev:webhooks']);
          const env = item.fields.map((f) => `${f.name}=${f.value}`).join(' ');
          scripts[script] = scripts[script]
            ? `${env} ${scripts[script]}`
            : `${env} node scripts/${w.verb}-${w.domain}s.js`;
        } else {
          // Two items may share a field name (a key and a look-alike reference to it): the later one must not
          // overwrite the earlier, whose label would then name a value the file no longer holds.
          for (const f of item.fields) {
            const key = styled(f.name, 'camel');
            let unique = key;
            for (let n = 2; unique in config; n++) unique = `${key}${n}`;
            config[unique] = f.value;
          }
        }
      }
      const pkg = {
        name: `@acme/${w.domain}-service`,
        version: `${rng.int(0, 4)}.${rng.int(0, 30)}.${rng.int(0, 20)}`,
        private: true,
        type: 'module',
        scripts,
        ...(Object.keys(config).length ? { config } : {}),
        dependencies: { express: '^4.19.2', stripe: '^16.2.0', zod: '^3.23.8', pino: '^9.3.1' },
        devDependencies: { typescript: '^5.5.4', vitest: '^2.0.5' },
      };
      return {
        path: path(rng, ['package.json', 'services/{domain}/package.json', 'apps/{team}/package.json']),
        content: finish(rng, JSON.stringify(pkg, null, 2).split('\n'), { crlf: 0.05 }),
      };
    },
  },

  // YAML application config (application.yml, config/settings.yml) — with the provider's yaml snippets too
  {
    id: 'yaml-config',
    weight: 5,
    maxItems: 3,
    accepts: (item) => !item.snippetOnly || !!item.snippets?.yaml,
    render(rng, items) {
      const ind = rng.pick(['  ', '    ']);
      const lines: string[] = [`# ${rng.pick(['Application settings', 'Service configuration', '設定ファイル'])}`];
      const snippetBlocks: string[][] = [];
      const normal: Item[] = [];
      for (const item of items) {
        const snippet = pickSnippet(rng, item, 'yaml', 0.7);
        if (snippet) snippetBlocks.push(snippet.map((l) => l.replace(/^( +)/, (m) => ind.repeat(m.length / 2))));
        else normal.push(item);
      }
      const model = configModel(rng, normal, rng.chance(0.7) ? 'snake' : 'camel');
      const out: string[][] = model.map((block) => {
        const pairLines = (prefix: string) =>
          block.pairs.flatMap((p) =>
            p.multiline && typeof p.value === 'string'
              ? [`${prefix}${p.key}: |`, ...p.value.split('\n').map((l) => `${prefix}${ind}${l}`)]
              : [`${prefix}${p.key}: ${typeof p.value === 'string' ? yamlScalar(rng, p.value) : p.value}`],
          );
        return block.section ? [`${block.section}:`, ...pairLines(ind)] : pairLines('');
      });
      for (const s of snippetBlocks) out.splice(rng.int(1, out.length), 0, s);
      lines.push(...out.flatMap((b, i) => (i > 0 && rng.chance(0.5) ? ['', ...b] : b)));
      return {
        path: path(rng, [
          'config/settings.yml',
          'src/main/resources/application.yml',
          'config/{team}.yaml',
          'app.yaml',
          'config/credentials.yml',
        ]),
        content: finish(rng, lines, { crlf: 0.08 }),
      };
    },
  },

  // Kubernetes manifests: Deployment env, Secret stringData / base64 data
  {
    id: 'yaml-k8s',
    weight: 4,
    maxItems: 2,
    accepts: (item) => !item.snippetOnly,
    render(rng, items) {
      const w = words(rng);
      const name = `${w.domain}-api`;
      const digest = rng.chars('hex', 64);
      const natives: Native[] = [{ family: 'hash', type: 'hash/image-digest', value: digest }];
      const written = new Map<string, string>();
      const asSecret = rng.chance(0.45);
      const lines: string[] = [];
      if (asSecret) {
        const encoded = rng.chance(0.5);
        lines.push(
          'apiVersion: v1',
          'kind: Secret',
          'metadata:',
          `  name: ${name}-secrets`,
          `  namespace: ${w.team}`,
          'type: Opaque',
          encoded ? 'data:' : 'stringData:',
        );
        for (const item of items.filter((i) => i.role === 'secret')) {
          for (const f of item.fields) {
            if (encoded) {
              const b64 = Buffer.from(f.value).toString('base64');
              lines.push(`  ${f.name}: ${b64}`);
              // A multi-line value (a PEM key) holds its target with other line breaks: the encoded whole is it.
              for (const t of [...item.targets, ...(item.tolerated ?? [])])
                if (f.value.includes(t) || item.multiline) written.set(t, b64);
            } else if (item.multiline) {
              lines.push(`  ${styled(f.name, 'snake')}.pem: |`, ...f.value.split('\n').map((l) => `    ${l}`));
            } else {
              lines.push(`  ${f.name}: ${yamlScalar(rng, f.value)}`);
            }
          }
        }
        lines.push('---');
      }
      lines.push(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        '  labels:',
        `    app.kubernetes.io/name: ${name}`,
        '  annotations:',
        `    checksum/config: ${rng.chars('hex', 64)}`,
        'spec:',
        `  replicas: ${rng.int(1, 6)}`,
        '  template:',
        '    spec:',
        '      containers:',
        `        - name: ${name}`,
        `          image: ghcr.io/acme/${name}@sha256:${digest}`,
        '          ports:',
        '            - containerPort: 8080',
        '          env:',
        '            - name: NODE_ENV',
        '              value: production',
      );
      {
        for (const item of asSecret ? items.filter((i) => i.role !== 'secret') : items) {
          for (const f of item.fields) {
            if (item.multiline)
              lines.push(
                `            - name: ${f.name}`,
                '              value: |',
                ...f.value.split('\n').map((l) => `                ${l}`),
              );
            else lines.push(`            - name: ${f.name}`, `              value: ${yamlScalar(rng, f.value)}`);
          }
        }
      }
      if (asSecret)
        lines.push('          envFrom:', '            - secretRef:', `                name: ${name}-secrets`);
      natives.push({
        family: 'hash',
        type: 'hash/helm-checksum',
        value: lines.find((l) => l.includes('checksum/config'))!.split(': ')[1]!,
      });
      return {
        path: path(rng, ['k8s/{domain}-deployment.yaml', 'deploy/k8s/{team}/{domain}.yaml', 'manifests/{domain}.yml']),
        content: finish(rng, lines, { crlf: 0.03 }),
        natives,
        written,
      };
    },
  },

  // GitHub Actions workflow
  {
    id: 'yaml-gha',
    weight: 3,
    maxItems: 2,
    accepts: (item) => !item.multiline && (!item.snippetOnly || !!item.snippets?.shell || !!item.snippets?.yaml),
    render(rng, items) {
      const checkout = sha(rng);
      const setupNode = sha(rng);
      const envLines: string[] = [];
      const runLines: string[] = [];
      for (const item of items) {
        const shell = pickSnippet(rng, item, 'shell', 0.4);
        const yaml = !shell && item.snippetOnly ? pickSnippet(rng, item, 'yaml', 1) : null;
        if (shell) runLines.push(...shell);
        else if (yaml) runLines.push(`echo "${yaml.join(' ').replace(/"/g, '')}"`);
        else for (const f of item.fields) envLines.push(`      ${f.name}: ${yamlScalar(rng, f.value)}`);
      }
      const lines = [
        `name: ${rng.pick(['Deploy', 'CI', 'Release', 'Nightly sync'])}`,
        'on:',
        '  push:',
        '    branches: [main]',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        ...(envLines.length ? ['    env:', ...envLines] : []),
        '    steps:',
        `      - uses: actions/checkout@${checkout} # v4.1.7`,
        `      - uses: actions/setup-node@${setupNode} # v4.0.3`,
        '        with:',
        "          node-version: '20'",
        '      - run: npm ci',
        '      - name: Deploy',
        '        run: |',
        ...['npm run build', ...runLines, 'npm run deploy'].map((l) => `          ${l}`),
        '        env:',
        '          STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}',
      ];
      return {
        path: path(rng, [
          '.github/workflows/deploy.yml',
          '.github/workflows/ci.yaml',
          '.github/workflows/{domain}-sync.yml',
        ]),
        content: finish(rng, lines, { crlf: 0.02 }),
        natives: [
          { family: 'git', type: 'git/pinned-action-sha', value: checkout },
          { family: 'git', type: 'git/pinned-action-sha', value: setupNode },
        ],
      };
    },
  },

  // docker-compose
  {
    id: 'yaml-compose',
    weight: 3,
    maxItems: 3,
    accepts: singleLine,
    render(rng, items) {
      const asList = rng.chance(0.5);
      const env: string[] = ['      NODE_ENV: production'];
      const envList: string[] = ['      - NODE_ENV=production'];
      for (const item of items) {
        for (const f of item.fields) {
          env.push(`      ${f.name}: ${yamlScalar(rng, f.value)}`);
          envList.push(`      - ${f.name}=${f.value}`);
        }
      }
      const lines = [
        "version: '3.8'",
        'services:',
        '  api:',
        '    build: .',
        '    ports:',
        "      - '8080:8080'",
        '    environment:',
        ...(asList ? envList : env),
        '    depends_on: [db, redis]',
        '  db:',
        '    image: postgres:16-alpine',
        '    environment:',
        '      POSTGRES_USER: app',
        '      POSTGRES_DB: app',
        '  redis:',
        '    image: redis:7',
      ];
      return {
        path: path(rng, ['docker-compose.yml', 'docker-compose.prod.yml', 'compose.yaml']),
        content: finish(rng, lines, { crlf: 0.05 }),
      };
    },
  },

  // TOML
  {
    id: 'toml',
    weight: 3,
    maxItems: 3,
    accepts: (item) => !item.snippetOnly,
    render(rng, items) {
      const model = configModel(rng, items, 'snake');
      const lines: string[] = [];
      for (const block of model) {
        if (block.section) lines.push('', `[${block.section}]`);
        for (const p of block.pairs) {
          if (p.multiline && typeof p.value === 'string') lines.push(`${p.key} = """`, ...p.value.split('\n'), '"""');
          else
            lines.push(
              `${p.key} = ${typeof p.value === 'string' ? `"${p.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : p.value}`,
            );
        }
      }
      return {
        path: path(rng, [
          'config.toml',
          'netlify.toml',
          'settings/{team}.toml',
          '.streamlit/secrets.toml',
          'wrangler.toml',
        ]),
        content: finish(rng, lines, { crlf: 0.08 }),
      };
    },
  },

  // INI (and ~/.aws/credentials)
  {
    id: 'ini',
    weight: 3,
    maxItems: 2,
    accepts: singleLine,
    render(rng, items) {
      const awsOnly = items.length > 0 && items.every((i) => i.family === 'aws');
      if (awsOnly && rng.chance(0.7)) {
        const lines = items.flatMap((item, i) => [
          `[${i === 0 ? 'default' : rng.pick(['prod', 'deploy', 'ci'])}]`,
          ...item.fields.map((f) => `${styled(f.name, 'snake')} = ${f.value}`),
          'region = eu-west-1',
          '',
        ]);
        return {
          path: path(rng, ['.aws/credentials', 'deploy/aws-credentials', 'ci/aws.ini']),
          content: finish(rng, lines, { crlf: 0.1 }),
        };
      }
      const model = configModel(rng, items, 'snake');
      const sep = rng.pick([' = ', '=', ': ']);
      const lines: string[] = [];
      for (const block of model) {
        lines.push(`[${block.section ?? 'main'}]`);
        for (const p of block.pairs) lines.push(`${p.key}${sep}${p.value}`);
        lines.push('');
      }
      return {
        path: path(rng, ['config.ini', 'setup.cfg', 'conf/{team}.ini', 'php.ini.d/{domain}.ini', 'tox.ini']),
        content: finish(rng, lines, { crlf: 0.2 }),
      };
    },
  },

  // Maven settings.xml
  {
    id: 'xml-maven',
    weight: 2,
    maxItems: 2,
    accepts: singleLine,
    render(rng, items) {
      const written = new Map<string, string>();
      const servers: string[] = [];
      const props: string[] = [];
      for (const item of items) {
        for (const t of item.targets) if (xmlEscape(t) !== t) written.set(t, xmlEscape(t));
        const passwordLike =
          item.fields.length === 1 &&
          ['github', 'gitlab', 'generic-password', 'npm', 'placeholder'].includes(item.family);
        if (passwordLike && rng.chance(0.8)) {
          servers.push(
            '    <server>',
            `      <id>${rng.pick(['github', 'nexus-releases', 'gitlab-maven', 'artifactory'])}</id>`,
            '      <username>ci-bot</username>',
            `      <password>${xmlEscape(item.fields[0]!.value)}</password>`,
            '    </server>',
          );
        } else {
          for (const f of item.fields)
            props.push(`        <${styled(f.name, 'dotted')}>${xmlEscape(f.value)}</${styled(f.name, 'dotted')}>`);
        }
      }
      const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"',
        '          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        '  <servers>',
        ...servers,
        '  </servers>',
        '  <profiles>',
        '    <profile>',
        '      <id>release</id>',
        '      <properties>',
        '        <maven.compiler.release>21</maven.compiler.release>',
        ...props,
        '      </properties>',
        '    </profile>',
        '  </profiles>',
        '</settings>',
      ];
      return {
        path: path(rng, ['.mvn/settings.xml', 'settings.xml', 'ci/maven-settings.xml']),
        content: finish(rng, lines, { crlf: 0.15 }),
        written,
      };
    },
  },

  // .NET app.config / web.config
  {
    id: 'xml-dotnet',
    weight: 2,
    maxItems: 3,
    accepts: singleLine,
    render(rng, items) {
      const written = new Map<string, string>();
      const settings: string[] = [];
      const connections: string[] = [];
      for (const item of items) {
        for (const t of item.targets) if (xmlEscape(t) !== t) written.set(t, xmlEscape(t));
        if (item.family === 'generic-password' && rng.chance(0.5)) {
          connections.push(
            `    <add name="Default" connectionString="Server=sql.internal;Database=Shop;User Id=shop_app;Password=${xmlEscape(item.fields[0]!.value)};" providerName="System.Data.SqlClient" />`,
          );
        } else {
          for (const f of item.fields)
            settings.push(
              `    <add key="${styled(f.name, rng.pick(['pascal', 'screaming', 'dotted'] as const))}" value="${xmlEscape(f.value)}" />`,
            );
        }
      }
      const lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<configuration>',
        '  <appSettings>',
        '    <add key="Environment" value="Production" />',
        ...settings,
        '  </appSettings>',
        '  <connectionStrings>',
        ...connections,
        '  </connectionStrings>',
        '  <system.web>',
        '    <compilation debug="false" targetFramework="4.8" />',
        '  </system.web>',
        '</configuration>',
      ];
      return {
        path: path(rng, ['App.config', 'Web.config', 'src/Acme.{domain}/app.config']),
        content: finish(rng, lines, { crlf: 0.6, bom: 0.3 }),
        written,
      };
    },
  },

  codeFormat(
    'javascript',
    6,
    [
      'src/{domain}/{verb}.js',
      'lib/{team}.js',
      'config/{domain}.js',
      'scripts/{verb}-{domain}s.mjs',
      'server/index.js',
    ],
    jsLang(false),
  ),
  codeFormat(
    'typescript',
    6,
    ['src/{domain}/{verb}.ts', 'src/services/{team}.ts', 'src/config.ts', 'apps/api/src/{domain}.service.ts'],
    jsLang(true),
  ),
  codeFormat(
    'python',
    6,
    ['app/{domain}.py', '{team}/settings.py', 'scripts/{verb}_{domain}s.py', 'src/{team}/client.py'],
    pythonLang,
  ),
  codeFormat(
    'ruby',
    4,
    ['config/initializers/{team}.rb', 'app/jobs/{domain}_job.rb', 'lib/{team}/client.rb'],
    rubyLang,
  ),
  codeFormat('go', 4, ['cmd/{domain}/main.go', 'internal/{team}/client.go', 'pkg/{domain}/{verb}.go'], goLang),
  codeFormat(
    'java',
    3,
    ['src/main/java/com/acme/{team}/{domain}Service.java', 'src/main/java/com/acme/Config.java'],
    javaLang,
  ),
  codeFormat('csharp', 2, ['src/Acme.Api/Services/{domain}Client.cs', 'Program.cs'], csharpLang),
  codeFormat(
    'php',
    3,
    ['config/services.php', 'app/Services/{domain}Service.php', 'wp-config.php', 'src/{team}.php'],
    phpLang,
  ),
  codeFormat(
    'shell',
    4,
    ['scripts/deploy.sh', 'bin/{verb}-{domain}s', 'ops/{team}/bootstrap.sh', 'setup.sh'],
    shellLang,
  ),

  // Java .properties
  {
    id: 'properties',
    weight: 3,
    maxItems: 3,
    accepts: singleLine,
    render(rng, items) {
      const lines = [
        '# Spring Boot configuration',
        'server.port=8080',
        'spring.application.name=orders',
        'management.endpoints.web.exposure.include=health,info',
      ];
      for (const item of items) {
        lines.splice(
          rng.int(1, lines.length),
          0,
          ...leadComment(rng, item, '#'),
          ...item.fields.map(
            (f) =>
              `${rng.chance(0.5) ? styled(f.name, 'dotted') : item.section ? `${item.section}.${styled(f.short ?? f.name, 'kebab')}` : styled(f.name, 'dotted')}${rng.pick(['=', ' = ', ': '])}${f.value}`,
          ),
        );
      }
      return {
        path: path(rng, [
          'src/main/resources/application.properties',
          'src/main/resources/application-prod.properties',
          'gradle.properties',
          'config/{team}.properties',
        ]),
        content: finish(rng, lines, { crlf: 0.2 }),
      };
    },
  },

  // Dockerfile
  {
    id: 'dockerfile',
    weight: 3,
    maxItems: 2,
    accepts: (item) => !item.multiline && (!item.snippetOnly || !!item.snippets?.shell),
    render(rng, items) {
      const digest = rng.chars('hex', 64);
      const lines = [
        `FROM node:20-alpine@sha256:${digest} AS build`,
        'WORKDIR /app',
        'COPY package*.json ./',
        'RUN npm ci --omit=dev',
        'COPY . .',
      ];
      for (const item of items) {
        const shell = pickSnippet(rng, item, 'shell', 0.3);
        if (shell) lines.push(`RUN ${shell.join(' ').replace(/\\ /g, '')}`);
        else
          for (const f of item.fields)
            lines.push(
              rng.pick([
                `ENV ${f.name}=${envValue(rng, f.value)}`,
                `ENV ${f.name} ${f.value}`,
                `ARG ${f.name}=${f.value}`,
              ]),
            );
      }
      lines.push(
        'RUN npm run build',
        '',
        'FROM gcr.io/distroless/nodejs20-debian12',
        'COPY --from=build /app/dist /app',
        'USER nonroot',
        'CMD ["/app/server.js"]',
      );
      return {
        path: path(rng, ['Dockerfile', 'docker/{domain}.Dockerfile', 'services/{domain}/Dockerfile']),
        content: finish(rng, lines, { crlf: 0.05 }),
        natives: [{ family: 'hash', type: 'hash/image-digest', value: digest }],
      };
    },
  },

  // Terraform .tf
  {
    id: 'terraform',
    weight: 3,
    maxItems: 2,
    accepts: (item) => !item.snippetOnly,
    render(rng, items) {
      const lines = [
        'terraform {',
        '  required_version = ">= 1.6"',
        '  required_providers {',
        '    aws = { source = "hashicorp/aws", version = "~> 5.0" }',
        '  }',
        '}',
        '',
      ];
      for (const item of items) {
        if (item.family === 'aws' && rng.chance(0.6)) {
          lines.push(
            'provider "aws" {',
            '  region     = "eu-west-1"',
            ...item.fields.map((f) => `  ${f.name.includes('SECRET') ? 'secret_key' : 'access_key'} = "${f.value}"`),
            '}',
            '',
          );
          continue;
        }
        for (const f of item.fields) {
          const value = item.multiline
            ? `<<-EOT\n${f.value
                .split('\n')
                .map((l) => `    ${l}`)
                .join('\n')}\n  EOT`
            : `"${f.value}"`;
          lines.push(
            ...rng.pick([
              [
                `variable "${styled(f.name, 'snake')}" {`,
                '  type      = string',
                `  default   = ${value}`,
                '  sensitive = true',
                '}',
                '',
              ],
              [
                `resource "kubernetes_secret" "${styled(f.short ?? f.name, 'snake')}" {`,
                '  metadata { name = "app-secrets" }',
                '  data = {',
                `    ${f.name} = ${value}`,
                '  }',
                '}',
                '',
              ],
              [`locals {`, `  ${styled(f.name, 'snake')} = ${value}`, '}', ''],
            ]),
          );
        }
      }
      return {
        path: path(rng, ['main.tf', 'infra/{team}/main.tf', 'modules/{domain}/variables.tf']),
        content: finish(rng, lines.join('\n').split('\n'), { crlf: 0.05 }),
      };
    },
  },

  // Terraform .tfvars
  {
    id: 'tfvars',
    weight: 2,
    maxItems: 3,
    accepts: singleLine,
    render(rng, items) {
      const lines = ['environment = "production"', `instance_count = ${rng.int(1, 9)}`, 'tags = { team = "platform" }'];
      for (const item of items)
        lines.splice(
          rng.int(0, lines.length),
          0,
          ...item.fields.map((f) => `${styled(f.name, 'snake')} = "${f.value}"`),
        );
      return {
        path: path(rng, ['terraform.tfvars', 'env/prod.tfvars', 'infra/{team}/prod.auto.tfvars']),
        content: finish(rng, lines, { crlf: 0.05 }),
      };
    },
  },

  // Markdown docs
  {
    id: 'markdown',
    weight: 4,
    maxItems: 2,
    accepts: (item) => !item.snippetOnly || !!item.snippets?.shell || !!item.snippets?.js,
    render(rng, items) {
      const filler = Array.from({ length: rng.int(2, 4) }, () => fillerChunk(rng, 'markdown'));
      const blocks = items.map((item) => {
        const shell = pickSnippet(rng, item, 'shell', 0.35);
        if (shell) return ['Try it:', '', '```bash', ...shell, '```'];
        const js = item.snippetOnly ? pickSnippet(rng, item, 'js', 1) : null;
        if (js) return ['```js', ...js, '```'];
        if (item.multiline) return ['Use this key for the staging box:', '', '```', item.fields[0]!.value, '```'];
        return rng.pick([
          () => ['Add this to your `.env`:', '', '```', ...item.fields.map((f) => `${f.name}=${f.value}`), '```'],
          () => [
            '| variable | value |',
            '| --- | --- |',
            ...item.fields.map((f) => `| \`${f.name}\` | \`${f.value}\` |`),
          ],
          () =>
            selfEvident(item)
              ? item.fields.map((f) =>
                  rng.chance(0.3)
                    ? `${rng.pick(['本番キー：', '密钥：', 'Schlüssel→', '«clé»'])}${f.value}${rng.pick(['（本番）', '。', '»', ' ✅'])}`
                    : `${rng.pick(['Schlüssel', 'The key', 'Clé', 'キー', 'Use'])}: \`${f.value}\` ${rng.pick(['(prod)', '— rotate quarterly', '', '✅'])}`,
                )
              : item.fields.map((f) => `- \`${f.name}\`: \`${f.value}\``),
        ])();
      });
      const lines = [`# ${words(rng).Domain} service`, '', 'Internal notes. 🚧', '', ...weave(rng, filler, blocks, '')];
      return {
        path: path(rng, [
          'README.md',
          'docs/{domain}.md',
          'docs/setup.md',
          'CONTRIBUTING.md',
          'docs/runbooks/{team}.md',
        ]),
        content: finish(rng, lines, { crlf: 0.05 }),
      };
    },
  },

  // Jupyter notebook
  {
    id: 'jupyter',
    weight: 2,
    maxItems: 2,
    // A multi-line value (PEM) would be cut into one JSON string per line, `","` between them, which no label can
    // match: notebooks hold single-line values only.
    accepts: (item) => !isMultiline(item) && anyOrSnippet('python')(item),
    render(rng, items) {
      const code = (src: string[]) => ({
        cell_type: 'code',
        execution_count: rng.int(1, 40),
        metadata: {},
        outputs: [] as unknown[],
        source: src.map((l, i) => (i < src.length - 1 ? `${l}\n` : l)),
      });
      const cells: unknown[] = [
        {
          cell_type: 'markdown',
          metadata: {},
          source: [`# ${words(rng).Domain} analysis\n`, '\n', 'Exploration of last quarter\u2019s data.'],
        },
        code(['import pandas as pd', 'import requests', 'import os']),
      ];
      for (const item of items) {
        const snippet = pickSnippet(rng, item, 'python', 0.5);
        const lines =
          snippet ??
          item.fields.flatMap((f) =>
            item.multiline ? pythonLang.multiline!(rng, f) : pythonLang.assign(rng, f, item),
          );
        const cell = code(lines.flatMap((l) => l.split('\n')));
        // A value only its name tells from a secret is not printed alone.
        if (rng.chance(0.3) && !item.multiline && !item.nameRequired)
          cell.outputs.push({
            name: 'stdout',
            output_type: 'stream',
            text: [`${item.fields[item.fields.length - 1]!.value}\n`],
          });
        cells.splice(rng.int(2, cells.length), 0, cell);
      }
      cells.push(code(['df = pd.read_csv("orders.csv")', 'df.groupby("status").size()']));
      const nb = {
        cells,
        metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      return {
        path: path(rng, ['notebooks/{domain}-analysis.ipynb', 'analysis/{team}.ipynb']),
        content: finish(rng, JSON.stringify(nb, null, 1).split('\n'), { crlf: 0 }),
      };
    },
  },

  // SQL migrations and seeds
  {
    id: 'sql',
    weight: 3,
    maxItems: 2,
    accepts: (item) => !item.multiline && (!item.snippetOnly || !!item.snippets?.sql),
    render(rng, items) {
      const filler = Array.from({ length: rng.int(1, 4) }, () => fillerChunk(rng, 'sql'));
      const blocks = items.map((item) => {
        const snippet = pickSnippet(rng, item, 'sql', 0.6);
        if (snippet) return snippet;
        return item.fields.map((f) => {
          const v = f.value.replace(/'/g, "''");
          const forms = [`INSERT INTO app_settings (name, value) VALUES ('${styled(f.name, 'snake')}', '${v}');`];
          if (item.role === 'secret' && (selfEvident(item) || item.section))
            forms.push(`UPDATE integrations SET credentials = '${v}' WHERE provider = '${item.section ?? 'partner'}';`);
          if (item.family === 'generic-password')
            forms.push(`CREATE USER ${rng.pick(['reporting', 'app_rw', 'etl'])} WITH PASSWORD '${v}';`);
          return rng.pick(forms);
        });
      });
      return {
        path: path(rng, ['db/migrations/2024{domain}_seed.sql', 'migrations/V{team}__init.sql', 'db/seeds.sql']),
        content: finish(rng, weave(rng, filler, blocks, ''), { crlf: 0.1 }),
      };
    },
  },

  // CSV exports
  {
    id: 'csv',
    weight: 2,
    maxItems: 2,
    accepts: singleLine,
    render(rng, items) {
      const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const rows = ['name,value,owner,updated_at'];
      for (let i = 0; i < rng.int(3, 12); i++) {
        const w = words(rng);
        rows.push(`${w.domain}.${w.verb}_limit,${w.n},${w.team},2024-0${rng.int(1, 9)}-1${rng.int(0, 9)}`);
      }
      for (const item of items)
        for (const f of item.fields)
          rows.splice(
            rng.int(1, rows.length),
            0,
            `${styled(f.name, 'snake')},${cell(f.value)},${words(rng).team},2024-0${rng.int(1, 9)}-2${rng.int(0, 8)}`,
          );
      return {
        path: path(rng, ['exports/integrations.csv', 'data/{team}-settings.csv', 'ops/secrets-inventory.csv']),
        content: finish(rng, rows, { crlf: 0.5 }),
      };
    },
  },

  // Application logs, with OpenTelemetry trace ids next to provider names (look-alikes for context-gated rules)
  {
    id: 'log',
    weight: 2,
    maxItems: 2,
    accepts: singleLine,
    render(rng, items) {
      const lines = Array.from({ length: rng.int(6, 20) }, () => logLine(rng));
      const natives: Native[] = [];
      for (let i = 0; i < rng.int(1, 3); i++) {
        const trace = traceId(rng);
        const span = rng.chars('hex', 16);
        // Half the traced calls go to a third-party provider whose name a context-gated rule looks for.
        const provider = rng.chance(0.5)
          ? rng.pick(['twilio', 'customerio', 'datadog', 'sentry', 'segment', 'algolia', 'mailgun', 'stripe'])
          : rng.pick(['orders', 'checkout', 'inventory', 'auth', 'search']);
        natives.push({ family: 'trace', type: `trace/otel-trace-id-near-${provider}`, value: trace });
        lines.splice(
          rng.int(0, lines.length),
          0,
          rng.pick([
            `${new Date(1_714_000_000_000 + rng.int(0, 1e9)).toISOString()} INFO  [${provider}] request ok trace_id=${trace} span_id=${span}`,
            `{"level":"info","msg":"${provider} webhook delivered","trace_id":"${trace}","span_id":"${span}"}`,
            `${new Date(1_714_000_000_000 + rng.int(0, 1e9)).toISOString()} ERROR ${provider}.client timeout traceparent=00-${trace}-${span}-01`,
          ]),
        );
      }
      for (const item of items)
        for (const f of item.fields) {
          lines.splice(
            rng.int(0, lines.length),
            0,
            rng.pick([
              ...(item.role === 'secret' && item.fields.length === 1
                ? [
                    `${new Date(1_714_000_000_000 + rng.int(0, 1e9)).toISOString()} DEBUG outgoing request headers={"Authorization":"Bearer ${f.value}","User-Agent":"acme/1.4"}`,
                  ]
                : []),
              `${new Date(1_714_000_000_000 + rng.int(0, 1e9)).toISOString()} INFO  config loaded: ${f.name}=${f.value}`,
              `{"level":"debug","msg":"env","${styled(f.name, 'camel')}":"${f.value}"}`,
            ]),
          );
        }
      return {
        path: path(rng, ['logs/app.log', 'logs/{domain}-worker.log', 'tmp/debug.log']),
        content: finish(rng, lines, { crlf: 0.1 }),
        natives,
      };
    },
  },

  // Minified bundle: one long line, webpack chunk hashes
  {
    id: 'minified-js',
    weight: 2,
    maxItems: 2,
    // Only what a bundle can hold: a look-alike whose only realistic form is a snippet (an `oc` command line) has
    // no place here unless it has a JavaScript one.
    accepts: (item) => !item.multiline && anyOrSnippet('js')(item),
    render(rng, items) {
      const natives: Native[] = [];
      const chunkMap = Array.from({ length: rng.int(4, 12) }, () => {
        const h = rng.chars('hex', rng.pick([8, 20]));
        natives.push({ family: 'bundle', type: 'bundle/content-hash', value: h });
        return `${rng.int(10, 999)}:"${h}"`;
      }).join(',');
      const parts = [
        `!function(){"use strict";var e={},t={};function n(r){var o=t[r];if(void 0!==o)return o.exports;var i=t[r]={exports:{}};return e[r](i,i.exports,n),i.exports}`,
        `n.u=function(e){return"static/js/"+e+"."+{${chunkMap}}[e]+".chunk.js"}`,
      ];
      for (const item of items) {
        const js = pickSnippet(rng, item, 'js', 0.5);
        if (js) parts.push(js.map((l) => l.trim()).join(''));
        else
          for (const f of item.fields) {
            // A minifier renames variables but keeps property names. A secret that says what it is (a prefix) is
            // written as a renamed variable; one that does not (bare hex, a password) keeps its name as a property
            // of a config object: as a lone string in a renamed variable it is a hash or a word to any reader, and
            // no scanner could claim it without flagging every hash in every bundle. Look-alikes stay unnamed
            // (there is nothing to claim), except those only their name tells from a secret (`nameRequired`).
            const variable = `${rng.chars('lowerAlpha', 1)}${rng.int(0, 9)}`;
            const unnamed = item.role === 'lookalike' ? !item.nameRequired : SELF_EVIDENT.test(f.value);
            parts.push(
              unnamed ? `var ${variable}="${f.value}"` : `var ${variable}={${styled(f.name, 'camel')}:"${f.value}"}`,
            );
          }
      }
      parts.push(`function r(e){return fetch("/api/"+e).then(function(e){return e.json()})}`, '}();');
      const mapName = `main.${rng.chars('hex', 8)}.js.map`;
      return {
        path: `dist/static/js/${mapName.replace('.map', '').replace('main', rng.pick(['main', 'vendor', 'app']))}`,
        content: parts.join(';') + `\n//# sourceMappingURL=${mapName}\n`,
        natives,
      };
    },
  },

  // package-lock.json
  {
    id: 'package-lock',
    weight: 2,
    maxItems: 0,
    accepts: () => false,
    render(rng) {
      const natives: Native[] = [];
      const packages: Record<string, unknown> = {
        '': { name: 'acme-web', version: '1.0.0', dependencies: { stripe: '^16.2.0' } },
      };
      const names = rng
        .shuffle([
          'stripe',
          'twilio',
          'customerio-node',
          'intercom-client',
          'klaviyo-api',
          '@sentry/node',
          'express',
          'debug',
          'ms',
          'qs',
          'lodash',
          'aws-sdk',
          '@segment/analytics-node',
          'algoliasearch',
          'jsonwebtoken',
          'semver',
        ])
        .slice(0, rng.int(6, 16));
      for (const name of names) {
        const version = `${rng.int(0, 20)}.${rng.int(0, 30)}.${rng.int(0, 9)}`;
        const integrity = sriHash(rng);
        natives.push({ family: 'lockfile', type: 'lockfile/npm-integrity', value: integrity.slice(7) });
        packages[`node_modules/${name}`] = {
          version,
          resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`,
          integrity,
          license: 'MIT',
        };
      }
      const lock = { name: 'acme-web', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
      return {
        path: path(rng, ['package-lock.json', 'apps/{team}/package-lock.json']),
        content: JSON.stringify(lock, null, 2) + '\n',
        natives,
      };
    },
  },

  // yarn.lock
  {
    id: 'yarn-lock',
    weight: 2,
    maxItems: 0,
    accepts: () => false,
    render(rng) {
      const natives: Native[] = [];
      const lines = ['# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', ''];
      for (const name of rng
        .shuffle([
          'stripe',
          'twilio',
          'customerio-node',
          'intercom-client',
          'debug',
          'ms',
          'qs',
          'klaviyo-api',
          'aws-sdk',
          'semver',
        ])
        .slice(0, rng.int(4, 10))) {
        const version = `${rng.int(0, 20)}.${rng.int(0, 30)}.${rng.int(0, 9)}`;
        const sha1 = sha(rng);
        const integrity = sriHash(rng);
        natives.push(
          { family: 'lockfile', type: 'lockfile/yarn-sha1', value: sha1 },
          { family: 'lockfile', type: 'lockfile/yarn-integrity', value: integrity.slice(7) },
        );
        lines.push(
          `${name}@^${version}:`,
          `  version "${version}"`,
          `  resolved "https://registry.yarnpkg.com/${name}/-/${name}-${version}.tgz#${sha1}"`,
          `  integrity ${integrity}`,
          '',
        );
      }
      return { path: 'yarn.lock', content: finish(rng, lines, { crlf: 0 }), natives };
    },
  },

  // go.sum
  {
    id: 'go-sum',
    weight: 1,
    maxItems: 0,
    accepts: () => false,
    render(rng) {
      const natives: Native[] = [];
      const lines: string[] = [];
      for (const mod of rng
        .shuffle([
          'github.com/stripe/stripe-go/v79',
          'github.com/customerio/go-customerio/v3',
          'github.com/twilio/twilio-go',
          'github.com/aws/aws-sdk-go-v2',
          'golang.org/x/crypto',
          'github.com/google/uuid',
        ])
        .slice(0, rng.int(3, 6))) {
        const v = `v${rng.int(0, 80)}.${rng.int(0, 20)}.${rng.int(0, 9)}`;
        const h1 = goSumHash(rng);
        const h2 = goSumHash(rng);
        natives.push(
          { family: 'lockfile', type: 'lockfile/go-sum', value: h1.slice(3) },
          { family: 'lockfile', type: 'lockfile/go-sum', value: h2.slice(3) },
        );
        lines.push(`${mod} ${v} ${h1}`, `${mod} ${v}/go.mod ${h2}`);
      }
      return { path: 'go.sum', content: finish(rng, lines, { crlf: 0 }), natives };
    },
  },

  // Cargo.lock
  {
    id: 'cargo-lock',
    weight: 1,
    maxItems: 0,
    accepts: () => false,
    render(rng) {
      const natives: Native[] = [];
      const lines = [
        '# This file is automatically @generated by Cargo.',
        '# It is not intended for manual editing.',
        'version = 3',
        '',
      ];
      for (const name of rng
        .shuffle(['serde', 'tokio', 'reqwest', 'async-stripe', 'aws-sdk-s3', 'ring', 'base64'])
        .slice(0, rng.int(3, 7))) {
        const checksum = rng.chars('hex', 64);
        natives.push({ family: 'lockfile', type: 'lockfile/cargo-checksum', value: checksum });
        lines.push(
          '[[package]]',
          `name = "${name}"`,
          `version = "${rng.int(0, 3)}.${rng.int(0, 40)}.${rng.int(0, 9)}"`,
          'source = "registry+https://github.com/rust-lang/crates.io-index"',
          `checksum = "${checksum}"`,
          '',
        );
      }
      return { path: 'Cargo.lock', content: finish(rng, lines, { crlf: 0 }), natives };
    },
  },

  // .terraform.lock.hcl
  {
    id: 'tf-lock',
    weight: 1,
    maxItems: 0,
    accepts: () => false,
    render(rng) {
      const natives: Native[] = [];
      const lines = [
        '# This file is maintained automatically by "terraform init".',
        '# Manual edits may be lost in future updates.',
        '',
      ];
      for (const provider of rng
        .shuffle(['hashicorp/aws', 'hashicorp/google', 'cloudflare/cloudflare', 'hashicorp/random'])
        .slice(0, rng.int(1, 3))) {
        const h1 = `h1:${rng.bytes(32).toString('base64')}`;
        const zh = Array.from({ length: rng.int(3, 8) }, () => rng.chars('hex', 64));
        natives.push(
          { family: 'lockfile', type: 'lockfile/terraform-h1', value: h1.slice(3) },
          ...zh.map((z) => ({ family: 'lockfile', type: 'lockfile/terraform-zh', value: z })),
        );
        lines.push(
          `provider "registry.terraform.io/${provider}" {`,
          `  version     = "${rng.int(1, 5)}.${rng.int(0, 60)}.${rng.int(0, 9)}"`,
          '  hashes = [',
          `    "${h1}",`,
          ...zh.map((z) => `    "zh:${z}",`),
          '  ]',
          '}',
          '',
        );
      }
      return { path: '.terraform.lock.hcl', content: finish(rng, lines, { crlf: 0 }), natives };
    },
  },

  // .npmrc
  {
    id: 'npmrc',
    weight: 2,
    maxItems: 2,
    accepts: (item) =>
      singleLine(item) &&
      item.fields.length === 1 &&
      (['npm', 'github', 'gitlab', 'generic-password'].includes(item.family) ||
        (item.family === 'placeholder' && envReference(item))),
    render(rng, items) {
      const written = new Map<string, string>();
      const lines = ['registry=https://registry.npmjs.org/', 'save-exact=true', 'engine-strict=true'];
      for (const item of items) {
        const value = item.fields[0]!.value;
        if (item.family === 'github')
          lines.push('@acme:registry=https://npm.pkg.github.com', `//npm.pkg.github.com/:_authToken=${value}`);
        else if (item.family === 'gitlab')
          lines.push(
            `@acme:registry=https://gitlab.com/api/v4/projects/${rng.chars('digits', 8)}/packages/npm/`,
            `//gitlab.com/api/v4/projects/${rng.chars('digits', 8)}/packages/npm/:_authToken=${value}`,
          );
        else if (item.family === 'generic-password') {
          const b64 = Buffer.from(value).toString('base64');
          for (const t of item.targets) written.set(t, b64);
          lines.push(
            '//nexus.acme.io/repository/npm-private/:username=ci-bot',
            `//nexus.acme.io/repository/npm-private/:_password=${b64}`,
            '//nexus.acme.io/repository/npm-private:always-auth=true',
          );
        } else lines.push(`//registry.npmjs.org/:_authToken=${value}`);
      }
      return {
        path: path(rng, ['.npmrc', 'apps/{team}/.npmrc']),
        content: finish(rng, lines, { crlf: 0.05 }),
        written,
      };
    },
  },

  // .netrc
  {
    id: 'netrc',
    weight: 1,
    maxItems: 2,
    accepts: (item) =>
      singleLine(item) &&
      (['github', 'gitlab', 'generic-password', 'npm', 'jwt'].includes(item.family) ||
        (item.family === 'placeholder' && envReference(item))),
    render(rng, items) {
      const lines: string[] = [];
      for (const item of items) {
        const host =
          item.family === 'github'
            ? 'github.com'
            : item.family === 'gitlab'
              ? 'gitlab.com'
              : rng.pick(['api.heroku.com', 'nexus.acme.io', 'ftp.partner.example']);
        const value = item.fields[item.fields.length - 1]!.value;
        if (rng.chance(0.5)) lines.push(`machine ${host} login ci-bot password ${value}`);
        else lines.push(`machine ${host}`, '  login ci-bot@acme.io', `  password ${value}`);
      }
      return { path: rng.pick(['.netrc', 'ci/netrc', '_netrc']), content: finish(rng, lines, { crlf: 0.05 }) };
    },
  },

  // Source maps (sourcesContent carries the original source: secrets and all)
  {
    id: 'sourcemap',
    weight: 2,
    maxItems: 2,
    accepts: (item) => anyOrSnippet('js')(item),
    render(rng, items) {
      const mappings = vlqMappings(rng, rng.int(20, 80));
      const body = items.flatMap(
        (item) =>
          pickSnippet(rng, item, 'js', 0.5) ??
          item.fields.flatMap((f) =>
            item.multiline ? jsLang(false).multiline!(rng, f) : jsLang(false).assign(rng, f, item),
          ),
      );
      const source = [
        ...imports(rng, 'js'),
        '',
        ...weave(rng, [fillerChunk(rng, 'js'), fillerChunk(rng, 'js')], [body]),
      ].join('\n');
      const w = words(rng);
      const map = {
        version: 3,
        file: `${w.domain}.js`,
        sources: [`webpack://acme/./src/${w.domain}.js`],
        sourcesContent: [source],
        names: ['e', 't', 'n', 'r', w.domain],
        mappings,
      };
      return {
        path: `dist/assets/${w.domain}-${rng.chars('hex', 8)}.js.map`,
        content: JSON.stringify(map),
        natives: [{ family: 'bundle', type: 'bundle/sourcemap-mappings', value: mappings.slice(0, 200) }],
      };
    },
  },

  // CSS: colours, class hashes, data: URIs
  {
    id: 'css',
    weight: 2,
    maxItems: 0,
    accepts: () => false,
    render(rng) {
      const natives: Native[] = [];
      const lines: string[] = [];
      for (let i = 0; i < rng.int(3, 8); i++) {
        const cls = rng.pick([
          `css-${rng.chars('lower', 7)}`,
          `_${words(rng).domain}_${rng.chars('base62', 5)}_${rng.int(1, 99)}`,
          `sc-${rng.chars('alpha', 6)}`,
        ]);
        natives.push({ family: 'css', type: 'css/class-hash', value: cls });
        lines.push(
          `.${cls} {`,
          `  color: #${rng.chars('hex', 6)};`,
          `  background: #${rng.chars('hex', rng.pick([3, 6, 8]))};`,
          `  padding: ${rng.int(0, 24)}px ${rng.int(0, 24)}px;`,
          '}',
          '',
        );
      }
      for (let i = 0; i < rng.int(1, 2); i++) {
        const { uri, value } = dataUri(rng);
        natives.push({ family: 'css', type: 'css/data-uri', value: value.slice(0, 200) });
        lines.push(
          uri.startsWith('data:font')
            ? `@font-face { font-family: "Inter"; src: url(${uri}) format("woff2"); }`
            : `.logo { background-image: url("${uri}"); }`,
          '',
        );
      }
      return {
        path: path(rng, ['src/styles/{domain}.css', 'public/css/app.css', 'dist/assets/index-{team}.css']),
        content: finish(rng, lines, { crlf: 0.05 }),
        natives,
      };
    },
  },

  // HTML pages with public browser keys, SRI hashes and inline scripts
  {
    id: 'html',
    weight: 2,
    maxItems: 2,
    accepts: (item) => !item.multiline && (!item.snippetOnly || !!item.snippets?.js),
    render(rng, items) {
      const sri = sriHash(rng, 384);
      const scripts = items.map((item) => {
        const js = pickSnippet(rng, item, 'js', 0.6);
        return js ?? item.fields.map((f) => `window.${styled(f.name, 'camel')} = "${f.value}";`);
      });
      const lines = [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '  <meta charset="utf-8" />',
        `  <title>${words(rng).Domain} — Acme</title>`,
        `  <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="${sri}" crossorigin="anonymous"></script>`,
        ...scripts.flatMap((s) => ['  <script>', ...s.map((l) => `    ${l}`), '  </script>']),
        '</head>',
        '<body>',
        '  <main id="app">Chargement… / Loading…</main>',
        '</body>',
        '</html>',
      ];
      return {
        path: path(rng, ['public/index.html', 'templates/{domain}.html', 'site/checkout.html']),
        content: finish(rng, lines, { crlf: 0.1 }),
        natives: [{ family: 'hash', type: 'hash/sri', value: sri.slice(7) }],
      };
    },
  },

  // Private key files
  {
    id: 'pem-file',
    weight: 1,
    maxItems: 1,
    accepts: (item) => isMultiline(item),
    render(rng, items) {
      const own =
        items.length === 0
          ? pem(rng, rng.pick(['RSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'EC PRIVATE KEY'] as const))
          : null;
      const block = own ? own.block : items[0]!.fields[0]!.value;
      return {
        path: rng.pick([
          'deploy/id_rsa',
          'certs/server.key',
          'secrets/signing.pem',
          '.ssh/id_ed25519',
          'config/jwt/private.pem',
        ]),
        content: finish(rng, block.split('\n'), { crlf: 0.05 }),
        nativeSecrets: own ? [{ family: 'private-key', type: 'private-key/key-file', value: own.body }] : [],
      };
    },
  },

  // GCP service-account key JSON (plants its own secret)
  {
    id: 'gcp-service-account',
    weight: 1,
    maxItems: 0,
    accepts: () => false,
    render(rng) {
      const { block, body } = pem(rng, 'PRIVATE KEY');
      const project = `${words(rng).team}-${rng.chars('lower', 6)}`;
      const key = {
        type: 'service_account',
        project_id: project,
        private_key_id: rng.chars('hex', 40),
        private_key: `${block}\n`,
        client_email: `deployer@${project}.iam.gserviceaccount.com`,
        client_id: rng.chars('digits', 21),
        auth_uri: 'https://accounts.google.com/o/oauth2/auth',
        token_uri: 'https://oauth2.googleapis.com/token',
        auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
        client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/deployer%40${project}.iam.gserviceaccount.com`,
        universe_domain: 'googleapis.com',
      };
      return {
        path: rng.pick(['gcp-key.json', 'secrets/service-account.json', `${project}-${rng.chars('hex', 12)}.json`]),
        content: JSON.stringify(key, null, 2) + '\n',
        nativeSecrets: [{ family: 'gcp', type: 'gcp/service-account-json', value: body }],
      };
    },
  },

  // Locale files: "password": "Password"
  {
    id: 'locale',
    weight: 2,
    maxItems: 1,
    accepts: (item) => item.family === 'i18n',
    render(rng, items) {
      const lang = rng.pick(['en', 'de', 'fr', 'ja']);
      const strings: Record<string, string> = {
        'auth.password': { en: 'Password', de: 'Passwort', fr: 'Mot de passe', ja: 'パスワード' }[lang]!,
        'auth.password_placeholder': {
          en: 'Enter your password',
          de: 'Passwort eingeben',
          fr: 'Saisissez votre mot de passe',
          ja: 'パスワードを入力',
        }[lang]!,
        'settings.api_key': { en: 'API key', de: 'API-Schlüssel', fr: 'Clé API', ja: 'APIキー' }[lang]!,
        'settings.api_key_help': {
          en: 'Paste your secret key (starts with sk_live_)',
          de: 'Geheimen Schlüssel einfügen (beginnt mit sk_live_)',
          fr: 'Collez votre clé secrète (commence par sk_live_)',
          ja: 'シークレットキーを貼り付け（sk_live_で始まる）',
        }[lang]!,
        'settings.token_expired': {
          en: 'Your access token has expired',
          de: 'Ihr Zugriffstoken ist abgelaufen',
          fr: 'Votre jeton a expiré',
          ja: 'アクセストークンの有効期限が切れました',
        }[lang]!,
      };
      for (const item of items) for (const f of item.fields) strings[`custom.${styled(f.name, 'snake')}`] = f.value;
      const natives: Native[] = Object.values(strings).map((value) => ({ family: 'i18n', type: 'i18n/string', value }));
      const asYaml = rng.chance(0.4);
      const content = asYaml
        ? finish(rng, [`${lang}:`, ...Object.entries(strings).map(([k, v]) => `  ${k.replace('.', '_')}: "${v}"`)], {
            crlf: 0,
          })
        : JSON.stringify(
            Object.fromEntries(Object.entries(strings).map(([k, v]) => [k.split('.').pop()!, v])),
            null,
            2,
          ) + '\n';
      return { path: asYaml ? `config/locales/${lang}.yml` : `src/locales/${lang}.json`, content, natives };
    },
  },
];
