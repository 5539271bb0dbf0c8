// Everything one run shares: the repository, one object store (and its caches), the compiled catalog, the
// policy. Opened once per process so that no step pays for opening the repository twice.
import { detectionCatalog, detectionRules } from '../catalog/builtin-detection.js';
import type { Rule } from '../../rules/schema.js';
import { compileCatalog, type CompiledCatalog } from '../engine/compile.js';
import { SearchBudget, SHORT_PROCESS_SEARCH } from '../engine/prefilter.js';
import { BlobTexts } from '../git/blob-texts.js';
import { openObjectStore, type ObjectStore } from '../git/object-store/store.js';
import { objectDatabase, withAbsoluteObjectPaths } from '../git/object-store/object-environment.js';
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
  /**
   * A server's hook: nothing is read from a work tree (a pushed configuration or ignore file must not switch off
   * the scan of its own push); the configuration is `configFile` or the defaults.
   */
  serverSide?: boolean;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  // GIT_OBJECT_DIRECTORY and its kin, as git reads them (a pre-receive hook's quarantine), for our reader and for
  // the git processes we start in another directory.
  const repo = findRepository(options.cwd, withAbsoluteObjectPaths(options.env, options.cwd));
  const scan = await configuredScan(options.serverSide ? null : repo.workTree, options, () => {
    const objects = objectDatabase(repo.commonDir, repo.env, options.cwd);
    return openObjectStore(objects.objectsDir, repo.objectFormat, { alternates: objects.alternates });
  });
  const store = scan.scanContext.store;
  return { repo, ...scan, store, trees: new TreeReader(store), close: () => store.close() };
}

/** What scanning needs besides the objects: the configuration and its catalog, policy and rules. */
export interface ConfiguredScan {
  config: Config;
  loadRules(): Promise<ReadonlyMap<string, Rule>>;
  scanContext: ScanContext;
}

/**
 * The configuration found in `dir` (a work tree, the current directory outside a repository; null for none: a
 * server's hook) or named by --config, with its ignore file, compiled for scanning over the store `openStore` opens.
 * Configuration first: an invalid one stops the run before anything is opened or scanned.
 */
export async function configuredScan(
  dir: string | null,
  options: Pick<SessionOptions, 'cwd' | 'configFile'>,
  openStore: () => ObjectStore,
): Promise<ConfiguredScan> {
  const config = await loadConfig(
    dir,
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
  const ignored = dir ? readIgnoreFile(dir) : new Set<string>();
  const store = openStore();
  return {
    config,
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
  };
}
