// Which files a file-scoped rule (`files` in rules/schema.ts) runs on: credential files whose format alone says
// what a value is. Entries are file names (`.netrc`), path endings (`config/master.key`), `*.ext` endings and
// `name.*` beginnings (`.env.*`), matched on the repository-relative path with plain string checks: this runs for
// every scanned file that holds one of their keywords.

export function matchesFiles(files: readonly string[], path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const entry of files) {
    if (entry.startsWith('*')) {
      if (name.endsWith(entry.slice(1)) && name.length > entry.length - 1) return true;
    } else if (entry.endsWith('*')) {
      if (name.startsWith(entry.slice(0, -1)) && name.length > entry.length - 1) return true;
    } else if (entry.includes('/')) {
      if (path === entry || path.endsWith(`/${entry}`)) return true;
    } else if (name === entry) {
      return true;
    }
  }
  return false;
}

/** The path a file-scoped rule's examples are proved at: its first entry, a `*` made `example`. */
export function examplePathOf(files: readonly string[]): string {
  const first = files[0]!.replace('*', 'example');
  return first.includes('/') ? first : `project/${first}`;
}

// Configuration whose structure names a value on other lines (a Terraform block, a Kubernetes manifest, a task
// definition): HCL, YAML, JSON and their templates, and documentation pages, where such configuration is pasted whole.
const STRUCTURED_CONFIG =
  /\.(?:tf|hcl|ya?ml|json|jsonnet|libsonnet|template|tpl|gotmpl|j2|jinja2?|md|mdx|markdown|rst|adoc)$/i;

/**
 * Whether a file is configuration whose structure may name a value far from it: where added-lines scans look past
 * their context for a structure's name (spanning.ts, scan.ts). Elsewhere a value's name stands beside it.
 */
export function isStructuredConfig(path: string): boolean {
  return STRUCTURED_CONFIG.test(path);
}
