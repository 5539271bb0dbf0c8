// The "move it out" part of a fix hint, in the file's own language.

export interface EnvSnippet {
  language: string;
  /** One line that reads the secret from the environment. */
  code: string;
  /** Extra advice specific to this kind of file, or empty. */
  note: string;
}

export function envSnippet(path: string, env: string): EnvSnippet {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
  const variable = camelCase(env);
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) {
    return {
      language: '.env',
      code: `${env}=`,
      note: `Keep real values in an untracked .env (add it to .gitignore) and commit a .env.example with an empty ${env}=.`,
    };
  }
  if (name === 'dockerfile' || name.endsWith('.dockerfile')) {
    return {
      language: 'Dockerfile',
      code: `RUN --mount=type=secret,id=${env.toLowerCase()},env=${env} <command that needs it>`,
      note:
        'Pass it at build time with `docker build --secret id=...` or at run time with `docker run -e ' +
        env +
        '`; never bake it into a layer.',
    };
  }
  switch (extension) {
    case '.js':
    case '.mjs':
    case '.cjs':
    case '.jsx':
    case '.ts':
    case '.mts':
    case '.cts':
    case '.tsx':
    case '.vue':
    case '.svelte':
      return { language: 'JavaScript/TypeScript', code: `const ${variable} = process.env.${env};`, note: '' };
    case '.py':
      return { language: 'Python', code: `${env.toLowerCase()} = os.environ["${env}"]`, note: '' };
    case '.rb':
    case '.rake':
      return { language: 'Ruby', code: `${env.toLowerCase()} = ENV.fetch("${env}")`, note: '' };
    case '.go':
      return { language: 'Go', code: `${variable} := os.Getenv("${env}")`, note: '' };
    case '.java':
    case '.kt':
    case '.kts':
    case '.scala':
    case '.groovy':
      return { language: 'Java/Kotlin', code: `String ${variable} = System.getenv("${env}");`, note: '' };
    case '.php':
      return { language: 'PHP', code: `$${variable} = getenv('${env}');`, note: '' };
    case '.cs':
      return { language: 'C#', code: `var ${variable} = Environment.GetEnvironmentVariable("${env}");`, note: '' };
    case '.rs':
      return { language: 'Rust', code: `let ${env.toLowerCase()} = std::env::var("${env}")?;`, note: '' };
    case '.sh':
    case '.bash':
    case '.zsh':
    case '.ksh':
      return {
        language: 'shell',
        code: `: "\${${env}:?set ${env} in the environment}"`,
        note: 'Export it from your shell profile or CI secrets, not from a committed script.',
      };
    case '.yml':
    case '.yaml':
    case '.json':
    case '.toml':
    case '.ini':
    case '.cfg':
    case '.conf':
    case '.properties':
    case '.xml':
      return {
        language: 'configuration',
        code: `${env}  (inject it at deploy time, e.g. "\${${env}}" where your tool expands variables)`,
        note: 'Configuration files are committed: keep only a reference to the variable in them.',
      };
  }
  return { language: 'any', code: `read ${env} from the environment at run time`, note: '' };
}

function camelCase(env: string): string {
  return env.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
