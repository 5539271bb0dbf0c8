// The syntaxes a positive example is wrapped in: a secret must be found however the file quotes it.
export interface Wrapper {
  name: string;
  extension: string;
  wrap(line: string): string;
}

export const WRAPPERS: readonly Wrapper[] = [
  { name: '.env', extension: '.env', wrap: (line) => `# settings\nVALUE=${line}\n` },
  { name: 'JSON', extension: '.json', wrap: (line) => `{\n  "value": ${JSON.stringify(line)}\n}\n` },
  { name: 'YAML', extension: '.yaml', wrap: (line) => `settings:\n  value: '${line.replace(/'/g, "''")}'\n` },
  { name: 'TypeScript', extension: '.ts', wrap: (line) => `export const value = ${JSON.stringify(line)};\n` },
  { name: 'Python', extension: '.py', wrap: (line) => `VALUE = '''${line}'''\n` },
  { name: 'shell export', extension: '.sh', wrap: (line) => `export VALUE='${line.replace(/'/g, `'"'"'`)}'\n` },
];
