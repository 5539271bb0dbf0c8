// Everything one run shares: the repository, one object store (and its caches), the compiled catalog, the
// policy. Opened once per process so that no step pays for opening the repository twice.
import * as path from 'node:path';
import { builtinRules } from '../../rules/index.js';
import type { Rule } from '../../rules/schema.js';
import { compileCatalog, type CompiledCatalog } from '../engine/compile.js';
import { DEFAULT_MAX_FILE_BYTES } from '../git/blob-content.js';
import { openObjectStore, type ObjectStore } from '../git/object-store.js';
import { TreeReader } from '../git/objects.js';
import { findRepository, type Repository } from '../git/repo.js';
import { DEFAULT_POLICY, type Policy } from '../config/policy.js';
import type { ScanContext } from './scan-changes.js';

export interface Session {
  repo: Repository;
  store: ObjectStore;
  trees: TreeReader;
  rules: readonly Rule[];
  rulesById: ReadonlyMap<string, Rule>;
  scanContext: ScanContext;
  close(): void;
}

export interface SessionOptions {
  cwd: string;
  env: Record<string, string | undefined>;
}

export function openSession(options: SessionOptions): Session {
  const repo = findRepository(options.cwd, options.env);
  const store = openObjectStore(path.join(repo.commonDir, 'objects'));
  const rules = builtinRules;
  const catalog: CompiledCatalog = compileCatalog(rules);
  const policy: Policy = DEFAULT_POLICY;
  return {
    repo,
    store,
    trees: new TreeReader(store),
    rules,
    rulesById: new Map(rules.map((r) => [r.id, r])),
    scanContext: { store, catalog, policy, maxFileBytes: DEFAULT_MAX_FILE_BYTES, isIgnored: () => false },
    close: () => store.close(),
  };
}
