// HCP Terraform / Terraform Enterprise API tokens: 14 alphanumerics + `.atlasv1.` + about 67 base64url characters.
// https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
import type { Rule } from '../schema.js';

export const terraformRules: Rule[] = [
  {
    id: 'terraform-cloud-api-token',
    title: 'HCP Terraform (Terraform Cloud) API token',
    severity: 'critical',
    keywords: ['atlasv1'],
    // Length: about 67 characters after `.atlasv1.` in the tokens seen (HashiCorp documents no length):
    // observed range 60–90.
    pattern: '(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,90})(?![A-Za-z0-9_=-])',
    entropy: 4,
    examples: [
      'TF_TOKEN_app_terraform_io={{base62:14}}.atlasv1.{{base64url:67}}',
      '{"credentials": {"app.terraform.io": {"token": "{{base62:14}}.atlasv1.{{base64url:67}}"}}}',
      'credentials "app.terraform.io" { token = "{{base62:14}}.atlasv1.{{base64url:67}}" }',
    ],
    negativeExamples: [
      'TF_TOKEN_app_terraform_io={{base62:14}}.atlasv1.{{base64url:20}}',
      'TF_API_TOKEN=xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TF_TOKEN_app_terraform_io=${TFC_TOKEN}',
    ],
    fix: {
      env: 'TF_API_TOKEN',
      provider: 'HCP Terraform',
      rotate: [
        "In HCP Terraform open User settings → Tokens (or the team's / organization's API token page) and delete the leaked token.",
        'Create a team or organization token with the least access and an expiry, instead of a user token, for automation.',
        'Store it as a CI secret or TF_TOKEN_<host> environment variable and redeploy.',
        "Review the organization's audit trail and workspace runs for activity since the leak.",
      ],
      docs: 'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens',
    },
    guide: {
      grants:
        'An API token acts on HCP Terraform as its user, team or organization: start runs and applies, read state files and workspace variables, and manage workspaces.',
      risks:
        'An attacker can read state (which holds resource secrets and often cloud credentials), read sensitive variables through runs, or apply infrastructure changes in your cloud accounts.',
      checkMisuse:
        "Organization settings → Audit trails (Plus/Enterprise) and each workspace's Runs and State versions show who triggered runs or downloaded state; the token page shows last use.",
    },
  },
];
