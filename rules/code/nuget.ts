// NuGet.org API keys: `oy2` + 43 lowercase alphanumerics. The prefix is short and could occur by chance, so a
// match counts only next to NuGet names. https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys
import type { Rule } from '../schema.js';

export const nugetRules: Rule[] = [
  {
    id: 'nuget-api-key',
    title: 'NuGet.org API key',
    severity: 'critical',
    keywords: ['oy2'],
    near: { words: ['nuget'], lines: 2 },
    pattern: '(?<![A-Za-z0-9])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9])',
    entropy: 3.8,
    examples: [
      'NUGET_API_KEY=oy2{{lower:43}}',
      'dotnet nuget push bin/Release/*.nupkg --api-key oy2{{lower:43}} --source https://api.nuget.org/v3/index.json',
      '<add key="ClearTextPassword" value="oy2{{lower:43}}" /> <!-- nuget.org -->',
    ],
    negativeExamples: ['token = "oy2{{lower:43}}"', 'NUGET_API_KEY=oy2{{lower:20}}', 'NUGET_API_KEY=${NUGET_API_KEY}'],
    fix: {
      env: 'NUGET_API_KEY',
      provider: 'NuGet.org',
      rotate: [
        'On nuget.org open your account → API Keys and regenerate or delete the leaked key.',
        'Create a key limited to "Push new package versions" for a glob of your package ids, with a short expiry, or use trusted publishing.',
        'Store it as a CI secret and redeploy the release pipeline.',
        "Check your packages' version history for versions you did not push and unlist them.",
      ],
      docs: 'https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys',
    },
    guide: {
      grants: 'A NuGet API key pushes and unlists package versions for the package ids and scopes chosen at creation.',
      risks:
        'An attacker can publish a malicious version of your package that .NET projects restore automatically, a supply-chain attack.',
      checkMisuse:
        "Each package's page on nuget.org lists versions and publish dates; compare with your releases and check the key's last-used date.",
    },
  },
];
