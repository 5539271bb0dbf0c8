// Everything one run shares: the repository, one object store (and its caches), the compiled catalog, the
// policy. Opened once per process so that no step pays for opening the repository twice.
import * as path from 'node:path';
import { detectionCatalog, detectionRules } from '../catalog/builtin-detection.js';
import type { Rule } from '../../rules/schema.js';
import { compileCatalog, type CompiledCatalog } from '../engine/compile.js';
import { SearchBudget, SHORT_PROCESS_SEARCH } from '../engine/prefilter.js';
import { BlobTexts } from '../git/blob-texts.js';
import { openObjectStore, type ObjectStore } from '../git/object-store/store.js';
import { TreeReader } from '../git/tree.js';
import { findRepository, type Repository } from '../git/repo.js';
import { loadConfig } from '../config/load.js';
import { checkConfiguredRules } from './configured-rules.js';
import { customRuleAdvice } from '../report/messages/config.js';
import { readIgnoreFile } from '../config/ignore-file.js';
import { compilePathMatcher } from '../config/path-matcher.js';
import { policyFrom } from '../config/policy.js';
import type { Config } from '../config/types.js';
import type { ScanContext } from './scan-changes.js';

export interface Session {
  repo: Repository;
  config: Config;
  store: ObjectStore;
  trees: TreeReader;
  /** The full rules (advice, guides), built-in and custom; loaded only when a finding is printed. */
  loadRules(): Promise<ReadonlyMap<string, Rule>>;
  scanContext: ScanContext;
  close(): void;
}

export interface SessionOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** --config FILE (relative to cwd): used instead of the repository's own configuration. */
  configFile?: string;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const repo = findRepository(options.cwd, options.env);
  // Configuration first: an invalid one must stop the run before anything is scanned.
  const config = await loadConfig(
    repo.workTree,
    new Set(detectionRules.map((r) => r.id)),
    options.configFile === undefined ? undefined : { path: options.configFile, cwd: options.cwd },
  );
  if (config.customRules.length > 0 || config.allowPatterns.length > 0) checkConfiguredRules(config);
  const rules = [...detectionRules, ...config.customRules];
  // Rules turned off are left out of the catalog: they cost nothing.
  const active = rules.filter((r) => (config.rules.get(r.id) ?? (r.testKey ? config.testKeys : 'block')) !== 'off');
  // The build's precomputed automata fit when the configuration neither adds nor turns off rules. One process, one
  // search budget: a commit's few kilobytes are searched keyword by keyword (prefilter.ts).
  const catalog: CompiledCatalog = compileCatalog(active, {
    precomputed: detectionCatalog,
    searchBudget: new SearchBudget(SHORT_PROCESS_SEARCH),
  });
  const ignored = repo.workTree ? readIgnoreFile(repo.workTree) : new Set<string>();
  const store = openObjectStore(path.join(repo.commonDir, 'objects'), repo.objectFormat);
  return {
    repo,
    config,
    store,
    trees: new TreeReader(store),
    loadRules: async () => {
      const { builtinRules } = await import('../../rules/index.js');
      return new Map([...builtinRules, ...config.customRules.map(customRuleAdvice)].map((r) => [r.id, r]));
    },
    scanContext: {
      store,
      texts: new BlobTexts(store, config.maxFileSize),
      catalog,
      policy: policyFrom(config, ignored),
      maxFileBytes: config.maxFileSize,
      isIgnored: await compilePathMatcher(config.ignorePaths),
    },
    close: () => store.close(),
  };
}
