// Docker Hub access tokens: `dckr_pat_` (personal, 27 base64url characters in current tokens) and `dckr_oat_`
// (organization, 32). https://docs.docker.com/security/for-developers/access-tokens/ and
// https://docs.docker.com/security/for-admins/access-tokens/
import type { Rule } from '../schema.js';

const checkMisuse =
  "Docker Hub → Account settings → Personal access tokens (or the organization's Access tokens page) shows each token's last use and IP; repository tags and the organization activity log show pushes and changes.";

export const dockerRules: Rule[] = [
  {
    id: 'docker-hub-personal-access-token',
    title: 'Docker Hub personal access token',
    severity: 'high',
    keywords: ['dckr_pat_'],
    // Length: 27 characters after the prefix in current tokens, up to 40 for older or future ones: observed range
    // (Docker documents the prefix only).
    pattern: '(?<![A-Za-z0-9_])(?<secret>dckr_pat_[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'DOCKERHUB_TOKEN=dckr_pat_{{base64url:27}}',
      'echo dckr_pat_{{base64url:27}} | docker login -u acmebot --password-stdin',
      '{"auths": {"https://index.docker.io/v1/": {"username": "acmebot", "password": "dckr_pat_{{base64url:27}}"}}}',
    ],
    negativeExamples: [
      'DOCKERHUB_TOKEN=dckr_pat_{{base64url:10}}',
      'DOCKERHUB_TOKEN=dckr_pat_...',
      'DOCKERHUB_TOKEN=${{ secrets.DOCKERHUB_TOKEN }}',
    ],
    fix: {
      env: 'DOCKERHUB_TOKEN',
      provider: 'Docker Hub',
      rotate: [
        'In Docker Hub open Account settings → Personal access tokens and deactivate, then delete, the leaked token.',
        'Generate a new token with the narrowest access (Read-only or Read & Write) and an expiry.',
        'Update CI secrets and `docker login` configurations that used the old one.',
        "Review your repositories' tags for images you did not push.",
      ],
      docs: 'https://docs.docker.com/security/for-developers/access-tokens/',
    },
    guide: {
      grants:
        'A personal access token logs in to Docker Hub as the user with its access level: pull private images, and with write access push and delete them.',
      risks:
        'An attacker can pull private images (often containing code and secrets) or push poisoned images under your tags that your deployments then run.',
      checkMisuse,
    },
  },
  {
    id: 'docker-hub-organization-access-token',
    title: 'Docker Hub organization access token',
    severity: 'high',
    keywords: ['dckr_oat_'],
    // Length: 32 after the prefix in current tokens, up to 40: observed range (Docker documents the prefix only).
    pattern: '(?<![A-Za-z0-9_])(?<secret>dckr_oat_[A-Za-z0-9_-]{32,40})(?![A-Za-z0-9_-])',
    entropy: 3.5,
    examples: [
      'DOCKER_ORG_TOKEN=dckr_oat_{{base64url:32}}',
      'docker login -u acme-org -p dckr_oat_{{base64url:32}}',
      '  password: "dckr_oat_{{base64url:32}}"',
    ],
    negativeExamples: [
      'DOCKER_ORG_TOKEN=dckr_oat_{{base64url:12}}',
      'DOCKER_ORG_TOKEN=dckr_oat_<token>',
      'DOCKER_ORG_TOKEN=dckr_pat_x',
    ],
    fix: {
      env: 'DOCKER_ORG_TOKEN',
      provider: 'Docker Hub',
      rotate: [
        'As an organization owner open Admin Console → Access tokens and deactivate, then delete, the leaked token.',
        'Create a new organization access token limited to the repositories and scopes needed, with an expiry.',
        'Update the CI systems that log in with the organization name and the old token.',
        "Review the organization's repositories and activity log for pushes you did not make.",
      ],
      docs: 'https://docs.docker.com/security/for-admins/access-tokens/',
    },
    guide: {
      grants:
        'An organization access token logs in as the organization (not a person) with the repository scopes chosen at creation, such as image pull or push.',
      risks:
        "An attacker can pull the organization's private images or push malicious images into repositories your deployments trust.",
      checkMisuse,
    },
  },
];
