// The words beside each finding's fix (fix-hint.ts finds the kind of file and the code): what to do in this kind of
// file, in one short sentence, after the line of code when there is one.
import type { FileFix } from '../fix-hint.js';
import { visible } from '../visible.js';

export interface FixText {
  /** One line of code, or null. */
  code: string | null;
  /** What goes with it, or ''. */
  note: string;
}

/** The fix of one finding, as the report prints it after `→`. */
export function fixText(fix: FileFix, path: string, secretPrefix: string): FixText {
  const file = visible(path);
  const env = visible(fix.env);
  const code = fix.code === null ? null : visible(fix.code);
  if (fix.wholeFile) {
    const what =
      fix.kind === 'key-file'
        ? 'a key file'
        : fix.kind === 'credentials-file'
          ? 'a credentials file'
          : 'a settings file';
    const browser = fix.publicVariable
      ? ` ${env} would also ship to the browser: a secret key belongs on a server.`
      : '';
    return { code: null, note: `${what}: take ${file} out of the commit and out of git (below).${browser}` };
  }
  if (fix.kind === 'frontend') {
    return {
      code: null,
      note: `never in browser code, not even from an environment variable: the bundler inlines it into what ships. Call a server endpoint that reads ${env}.`,
    };
  }
  if (fix.kind === 'docs') {
    return { code: null, note: `replace it with a placeholder such as ${visible(secretPrefix)}...` };
  }
  if (fix.privateKey) {
    const by = `keep the key in a file outside the repository (or in a secrets manager) and read it by path from ${env}`;
    return { code, note: code === null ? `${by}.` : '' };
  }
  if (code === null) {
    return {
      code: null,
      note:
        fix.kind === 'config' || fix.kind === 'properties' || fix.kind === 'xml' || fix.kind === 'npmrc'
          ? `keep only a reference to ${env} in committed configuration, and inject the value at deploy time.`
          : `read ${env} from the environment at run time.`,
    };
  }
  return { code, note: NOTES[fix.kind]?.(env, fix) ?? '' };
}

const NOTES: Partial<Record<FileFix['kind'], (env: string, fix: FileFix) => string>> = {
  'env-example': () => 'a committed template keeps the name with an empty value.',
  notebook: () => 'and clear the cell outputs: jupyter nbconvert --clear-output --inplace <notebook>',
  swift: () => 'a key inside an app you ship can be extracted: keep it on your server.',
  shell: (env, fix) =>
    fix.rewrite.ok
      ? `the caller's environment (or CI's secrets) sets ${env}.`
      : `and delete the line that sets it: the caller's environment (or CI's secrets) sets ${env}.`,
  'docker-compose': () => 'compose reads it from your shell or an untracked .env.',
  dockerfile: (env, fix) =>
    fix.buildTime
      ? `with docker build --secret id=${env.toLowerCase()},env=${env}: never an ARG or ENV, which stay in the image.`
      : `ENV bakes it into the image: delete it, and pass it when the container starts (docker run -e, compose environment:, or a secret mount).`,
  'github-actions': (env) => `add ${env} under Settings → Secrets and variables → Actions.`,
  'gitlab-ci': (env) => `add ${env} under Settings → CI/CD → Variables, masked and protected.`,
  kubernetes: (_env, fix) =>
    fix.code?.startsWith('kubectl')
      ? 'a Secret with its data is not committed: create it with kubectl, or commit a SealedSecret or an ExternalSecret.'
      : 'with the Secret created outside git (kubectl create secret, Sealed Secrets or External Secrets).',
  'helm-values': () => 'most charts take an existingSecret: create the Secret with kubectl create secret, outside git.',
  terraform: (env) => {
    const variable = env.toLowerCase();
    return `then use var.${variable}, set by TF_VAR_${variable}; or read it with a secrets-manager data source (aws_secretsmanager_secret_version).`;
  },
  tfvars: () => 'in the environment (or CI secrets), not in a committed .tfvars file.',
  npmrc: () => 'npm reads the variable from the environment.',
  properties: () => 'Spring and most frameworks resolve ${NAME} from the environment.',
  xml: (env) => `or your framework's own way (Maven: \${env.${env}}).`,
  config: () => 'where your tool expands variables; otherwise inject the value at deploy time.',
  'dotnet-settings': (env) => `locally; in production the environment variable <Section>__${env}.`,
};
