// Finds and loads the configuration the way JavaScript tools are found: secret-hook.config.json,
// secret-hook.config.yaml / .yml at the repository root, or a "secret-hook" key in package.json.
// The YAML parser and the validator are loaded only when a configuration exists.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../errors.js';
import { DEFAULT_CONFIG, type Config } from './types.js';

export const CONFIG_FILES = ['secret-hook.config.json', 'secret-hook.config.yaml', 'secret-hook.config.yml'] as const;

/**
 * The configuration: `file` when given (--config FILE, relative to `cwd`; it must exist), else the repository's own
 * at `root`, else the defaults.
 */
export async function loadConfig(
  root: string | null,
  builtinIds: ReadonlySet<string>,
  file?: { path: string; cwd: string },
): Promise<Config> {
  if (file !== undefined) return loadConfigFile(path.resolve(file.cwd, file.path), file.path, builtinIds);
  if (root === null) return DEFAULT_CONFIG;
  for (const name of CONFIG_FILES) {
    const file = path.join(root, name);
    const text = readIfExists(file);
    if (text === null) continue;
    const raw = name.endsWith('.json') ? parseJson(text, name) : await parseYaml(text, name);
    return (await import('./validate.js')).validateConfig(raw, name, builtinIds);
  }
  const pkgText = readIfExists(path.join(root, 'package.json'));
  if (pkgText !== null) {
    let pkg: unknown;
    try {
      pkg = JSON.parse(pkgText);
    } catch {
      return DEFAULT_CONFIG; // not ours to judge; npm will complain about it
    }
    if (typeof pkg === 'object' && pkg !== null && 'secret-hook' in pkg) {
      const { validateConfig } = await import('./validate.js');
      return validateConfig(
        (pkg as Record<string, unknown>)['secret-hook'],
        'package.json ("secret-hook")',
        builtinIds,
      );
    }
  }
  return DEFAULT_CONFIG;
}

async function loadConfigFile(file: string, shown: string, builtinIds: ReadonlySet<string>): Promise<Config> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError({ kind: 'unreadable', file: shown, detail: (error as Error).message }, { cause: error });
  }
  const raw = /\.ya?ml$/i.test(file) ? await parseYaml(text, shown) : parseJson(text, shown);
  return (await import('./validate.js')).validateConfig(raw, shown, builtinIds);
}

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError({ kind: 'unreadable', file, detail: (error as Error).message }, { cause: error });
  }
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError({ kind: 'syntax', file: name, language: 'JSON', detail: (error as Error).message });
  }
}

async function parseYaml(text: string, name: string): Promise<unknown> {
  const { parse } = await import('yaml');
  try {
    return parse(text) ?? {};
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0] ?? '';
    throw new ConfigError({ kind: 'syntax', file: name, language: 'YAML', detail });
  }
}
