// Azure DevOps personal access tokens: https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate
// Since Sprint 241 (2024) new PATs are 84 characters, 52 of them random, in the format Microsoft recommends for
// all its identifiable keys (https://learn.microsoft.com/en-us/azure/devops/release-notes/2024/sprint-241-update);
// Microsoft Purview's definition of the token (https://learn.microsoft.com/en-us/purview/sit-defn-azure-devops-personal-access-token)
// gives its shape: 84 letters and digits with the fixed signature `AZDO` at positions 77–80.
// Older PATs are 52 characters of lowercase base32 (a 256-bit key): no prefix, so they count only next to Azure
// DevOps words (dev.azure.com, visualstudio.com, "azure devops", azdo).
import type { Rule } from '../schema.js';

const fix = {
  env: 'AZURE_DEVOPS_PAT',
  provider: 'Azure DevOps',
  rotate: [
    "In Azure DevOps open User settings → Personal access tokens and revoke the leaked token (an organization admin can revoke any user's PAT through the PAT lifecycle API).",
    'Create a replacement scoped to one organization, with only the scopes needed and a short expiry, or use a Microsoft Entra token or a managed identity instead.',
    'Store it in your pipeline variables or secrets manager (marked secret) and redeploy.',
    "Review the organization's auditing log for actions made with the old token.",
  ],
  docs: 'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
};

const guide = {
  grants:
    'A PAT acts as its user in the organizations it was created for, with the scopes chosen at creation: code, work items, builds, releases, packages, or full access.',
  risks:
    'An attacker can clone and push code, change pipelines to run their own steps with your service connections, publish packages, or read work items and wikis.',
  checkMisuse:
    'Organization settings → Auditing (and the auditing stream) records PAT use and changes; also check new service connections, pipeline edits and repositories you did not expect.',
};

export const azureDevopsRules: Rule[] = [
  {
    id: 'azure-devops-personal-access-token',
    title: 'Azure DevOps personal access token',
    severity: 'critical',
    keywords: ['azdo'],
    // Length: 84 characters, the signature at positions 77–80 (Microsoft Purview's definition): 76 + AZDO + 4.
    pattern: '(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])',
    entropy: 4,
    examples: [
      'AZURE_DEVOPS_PAT={{base62:76}}AZDO{{base62:4}}',
      'git clone https://pat:{{base62:76}}AZDO{{base62:4}}@dev.azure.com/contoso/shop/_git/shop',
      '  azure_devops_token: "{{base62:76}}AZDO{{base62:4}}"',
    ],
    negativeExamples: [
      // Microsoft's own documentation example: an alphabet walk, no entropy.
      'PAT = "abcdefghijklmnopqrstuvwxyz012345679ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnoAZDOabcd"',
      'AZURE_DEVOPS_PAT={{base62:60}}AZDO{{base62:4}}',
      'AZDO_ORG_URL=https://dev.azure.com/contoso',
    ],
    fix,
    guide,
  },
  {
    id: 'azure-devops-legacy-personal-access-token',
    title: 'Azure DevOps personal access token (legacy 52-character format)',
    severity: 'critical',
    keywords: [],
    near: {
      words: [
        'dev.azure.com',
        'visualstudio.com',
        'azure devops',
        'azure_devops',
        'azure-devops',
        // Dotted setting names: `<add key="azure.devops.pat" …/>`, `azure.devops.token=` in .properties.
        'azure.devops',
        'azuredevops',
        'azdo',
        'vsts',
      ],
      lines: 3,
    },
    // Length: 52 characters of base32 (RFC 4648 alphabet, lowercase), the length the Sprint 241 notes give for the
    // old format; 52 base32 characters hold a 256-bit key.
    // Not a piece of a longer hyphenated name: a list of punycode domains (`xn--…--`) runs words together into
    // 52-character pieces between hyphens.
    pattern: '(?<![A-Za-z0-9-])(?<secret>[a-z2-7]{52})(?![A-Za-z0-9-])',
    entropy: 4,
    // Same-shaped lowercase runs that are not tokens: hashes written in base32, and package integrity fields.
    notOnLineWith: ['sha1', 'sha256', 'sha512', 'integrity', 'checksum', 'digest', 'nix/store', 'onion'],
    examples: [
      'AZURE_DEVOPS_PAT={{base32lower:52}}',
      'git clone https://build:{{base32lower:52}}@dev.azure.com/contoso/shop/_git/shop',
      'az devops login --organization https://dev.azure.com/contoso <<< "{{base32lower:52}}"',
      '<add key="azure.devops.pat" value="{{base32lower:52}}" />',
    ],
    negativeExamples: [
      // A piece of a domain list between hyphens (a public-suffix trie beside an azdo domain).
      'const suffixes = "azdo.io xn--{{base32lower:52}}--vermgensberatung";',
      // No Azure DevOps word near it: any 52 lowercase letters would otherwise count.
      'AUTH_TOKEN={{base32lower:52}}',
      'AZURE_DEVOPS_PAT={{base32lower:40}}',
      'AZURE_DEVOPS_PAT=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      // A store path names a hash of the same alphabet.
      'azure-devops-cli = /nix/store/{{base32lower:52}}-azure-cli',
    ],
    fix,
    guide,
  },
];
