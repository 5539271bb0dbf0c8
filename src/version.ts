// The package version, replaced at build time from package.json (scripts/build.mjs).
declare const __SECRET_HOOK_VERSION__: string | undefined;

export const VERSION: string =
  typeof __SECRET_HOOK_VERSION__ === 'string' ? __SECRET_HOOK_VERSION__ : '0.0.0-development';
