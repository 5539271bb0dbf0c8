// The findings `secret-hook fix` works on. After a blocked commit: the staged changes, scanned by the very scope
// the pre-commit hook runs (scan-staged.ts), with the staged copy of each file to find its lines in the working
// tree. With paths: the working-tree files themselves, whole, through the same engine and policy.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../errors.js';
import { classifyBlob } from '../../git/blob-content.js';
import { wholeIndex } from '../../git/staged-changes.js';
import { pathNotInWorkTree } from '../../report/messages/fix.js';
import type { ReportedFinding } from '../../result.js';
import { scanAdded } from '../scan-changes.js';
import { scanStaged } from '../scan-staged.js';
import type { ScopeOptions } from '../scope.js';
import type { Session } from '../session.js';
import type { FileFindings } from './plan.js';

/** The staged findings, grouped by file, each with its staged copy. */
export async function stagedFindings(
  session: Session,
  options: Pick<ScopeOptions, 'cwd' | 'progress'>,
): Promise<FileFindings[]> {
  const result = await scanStaged(session, { scope: { kind: 'staged' }, paths: [], ...options });
  const entries = new Map(
    wholeIndex(session.repo)
      .entries.filter((e) => e.stage === 0)
      .map((e) => [e.path, e]),
  );
  return [...groupByPath(result.findings)].map(([file, findings]) => {
    const entry = entries.get(file);
    return { path: file, findings, staged: entry ? session.store.read(entry.oid).data : Buffer.alloc(0) };
  });
}

/** The findings of the working-tree files named (a directory: the tracked files under it). */
export function workingTreeFindings(session: Session, paths: readonly string[], cwd: string): FileFindings[] {
  const workTree = session.repo.workTree!;
  const files: string[] = [];
  let tracked: string[] | null = null;
  for (const given of paths) {
    const relative = path.relative(workTree, path.resolve(cwd, given)).split(path.sep).join('/');
    if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) {
      throw new UsageError(pathNotInWorkTree(given, 'outside'));
    }
    const stat = fs.statSync(path.join(workTree, relative), { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      tracked ??= wholeIndex(session.repo).entries.map((e) => e.path);
      const under = tracked.filter((p) => relative === '' || p.startsWith(`${relative}/`));
      if (under.length === 0) throw new UsageError(pathNotInWorkTree(given, 'empty'));
      files.push(...under);
    } else if (stat) files.push(relative);
    else throw new UsageError(pathNotInWorkTree(given, 'missing'));
  }
  return [...new Set(files)].flatMap((file) => {
    const findings = scanWorkingFile(session, file);
    return findings.length > 0 ? [{ path: file, findings, staged: null }] : [];
  });
}

/** One working-tree file, whole, as the engine and the policy see it; none when it cannot be read as a file. */
export function scanWorkingFile(session: Session, file: string): ReportedFinding[] {
  const context = session.scanContext;
  if (context.isIgnored(file)) return [];
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(session.repo.workTree!, ...file.split('/')));
  } catch {
    return [];
  }
  const content = classifyBlob(bytes, context.maxFileBytes);
  if (content.kind !== 'text') return [];
  return scanAdded(context, { path: file, text: content.text }, undefined, content.utf8AsLatin1 === true);
}

function groupByPath(findings: readonly ReportedFinding[]): Map<string, ReportedFinding[]> {
  const groups = new Map<string, ReportedFinding[]>();
  for (const f of findings) {
    const list = groups.get(f.path);
    if (list) list.push(f);
    else groups.set(f.path, [f]);
  }
  return groups;
}
