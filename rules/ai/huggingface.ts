// Hugging Face tokens: https://huggingface.co/docs/hub/security-tokens
// User access tokens are `hf_` + 34 letters; legacy organisation API tokens are `api_org_` + 34 letters.
import type { Rule } from '../schema.js';

const rotate = [
  'On huggingface.co open Settings → Access Tokens and create a new fine-grained token with only the repositories and permissions needed.',
  'Store it in your secrets manager or environment (HF_TOKEN) and redeploy.',
  'Invalidate / delete the leaked token on the same page.',
  "Review your and your organisations' repositories (commits, settings, collaborators) for changes you did not make.",
];

export const huggingfaceRules: Rule[] = [
  {
    id: 'huggingface-access-token',
    title: 'Hugging Face user access token',
    severity: 'high',
    keywords: ['hf_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9_])',
    entropy: 3.8,
    examples: [
      'HF_TOKEN=hf_{{alpha:34}}',
      'login(token="hf_{{alpha:34}}")',
      "headers: { Authorization: 'Bearer hf_{{alpha:34}}' }",
    ],
    negativeExamples: [
      'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'from huggingface_hub import hf_hub_download, hf_hub_url',
      'HF_TOKEN=hf_{{alpha:20}}',
      'HF_TOKEN=hf_{{base62:34}}1',
    ],
    fix: { env: 'HF_TOKEN', provider: 'Hugging Face', rotate, docs: 'https://huggingface.co/docs/hub/security-tokens' },
    guide: {
      grants:
        'A user access token acts as you on the Hugging Face Hub with its role (read, write or fine-grained): private models, datasets and Spaces, and Inference billed to you.',
      risks:
        'With write access an attacker can push malicious model files or code to your repositories (a supply-chain attack), download private models and data, and run inference at your cost.',
      checkMisuse:
        'Review the commit history and settings of your repositories and Spaces, the token\'s "last used" date under Access Tokens, and your billing usage.',
    },
  },
  {
    id: 'huggingface-org-api-token',
    title: 'Hugging Face organization API token (legacy)',
    severity: 'high',
    keywords: ['api_org_'],
    pattern: '(?<![A-Za-z0-9_])(?<secret>api_org_[A-Za-z]{34})(?![A-Za-z0-9_])',
    entropy: 3.8,
    examples: [
      'HF_ORG_TOKEN=api_org_{{alpha:34}}',
      'HfApi(token="api_org_{{alpha:34}}")',
      "huggingface_token: 'api_org_{{alpha:34}}'",
    ],
    negativeExamples: [
      'HF_ORG_TOKEN=api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'HF_ORG_TOKEN=api_org_{{alpha:12}}',
      'GET /api/organizations/{org}/members  # api_org_members_list',
    ],
    fix: {
      env: 'HF_TOKEN',
      provider: 'Hugging Face',
      rotate: [
        'Organisation API tokens are deprecated: create a fine-grained user or organisation token scoped to the needed repositories.',
        'Deploy it from your secrets manager in place of the api_org_ token.',
        'Invalidate the organisation API token in the organisation settings.',
        "Review the organisation's repositories for commits and setting changes you did not make.",
      ],
      docs: 'https://huggingface.co/docs/hub/security-tokens',
    },
    guide: {
      grants:
        'A legacy organisation API token acts on behalf of the organisation: its private models, datasets and Spaces, and inference billed to it.',
      risks:
        "An attacker can download the organisation's private models and data, and with write access push tampered model files to repositories others depend on.",
      checkMisuse:
        "Review the organisation's repositories' commit history and its audit log (Enterprise) for activity you did not perform.",
    },
  },
];
