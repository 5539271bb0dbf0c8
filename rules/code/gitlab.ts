// GitLab tokens: https://docs.gitlab.com/security/tokens/ (the "Token prefixes" table).
// Classic bodies are 20 base64url characters (longer for some types). GitLab 17.x+ also issues "routable" tokens:
// prefix + base64url payload + `.` + (optional 2-character version + `.`) + 2-character length + 7-character CRC,
// e.g. `glpat-….01.0z1xxxxxx`. Runner authentication tokens add a `t1_`/`t2_`/`t3_` runner-type marker.
import type { Rule } from '../schema.js';

// Length: GitLab documents the routable layout (payload, version, length, CRC) but not the payload's length:
// 27–300 is the observed range with room.
const ROUTABLE = '[0-9A-Za-z_-]{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9}';
const BODY20 = `(?:${ROUTABLE}|[0-9A-Za-z_-]{20})`;
const BEFORE = '(?<![A-Za-z0-9_-])';
const AFTER = '(?![A-Za-z0-9_.-])';
const DOCS = 'https://docs.gitlab.com/security/tokens/';

const checkMisuse =
  'Admin area or group → Secure → Audit events (and the instance\'s API/Git logs) show what was done with a token; the token\'s "Last used" time and IP on its settings page tell you whether it was used.';

export const gitlabRules: Rule[] = [
  {
    id: 'gitlab-personal-access-token',
    title: 'GitLab personal, project or group access token',
    severity: 'critical',
    keywords: ['glpat-'],
    pattern: `${BEFORE}(?<secret>glpat-${BODY20})${AFTER}`,
    entropy: 3.5,
    examples: [
      'GITLAB_TOKEN=glpat-{{base64url:20}}',
      'git clone https://oauth2:glpat-{{base64url:38}}.01.{{lower:9}}@gitlab.com/acme/api.git',
      'curl --header "PRIVATE-TOKEN: glpat-{{base64url:31}}.{{lower:9}}" https://gitlab.example.com/api/v4/projects',
    ],
    negativeExamples: [
      'GITLAB_TOKEN=glpat-{{base64url:12}}',
      'GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx',
      'GITLAB_TOKEN=glpat-<your-token>',
      'Create a token starting with glpat- under User settings.',
    ],
    fix: {
      env: 'GITLAB_TOKEN',
      provider: 'GitLab',
      rotate: [
        'In GitLab open User settings (or the project/group) → Access tokens and rotate the leaked token (Rotate), or revoke it and create a new one with the fewest scopes and an expiry.',
        'Deploy the new token to CI variables and tools that used the old one.',
        'Revoke the old token if it still exists.',
        "Review audit events and the token's last-used information for activity since the leak.",
      ],
      docs: DOCS,
    },
    guide: {
      grants:
        'An access token authenticates to the GitLab API, Git over HTTPS and the registries as its user, project bot or group bot, with its scopes (`api` means full API access).',
      risks:
        'An attacker can clone private code, push commits, change CI/CD configuration and variables, publish packages and container images, or with admin scopes take over the instance.',
      checkMisuse,
    },
  },
  {
    id: 'gitlab-deploy-token',
    title: 'GitLab deploy token',
    severity: 'high',
    keywords: ['gldt-'],
    pattern: `${BEFORE}(?<secret>gldt-${BODY20})${AFTER}`,
    entropy: 3.5,
    examples: [
      'CI_DEPLOY_PASSWORD=gldt-{{base64url:20}}',
      'docker login registry.gitlab.com -u gitlab+deploy-token-12 -p gldt-{{base64url:20}}',
      'https://gitlab+deploy-token-7:gldt-{{base64url:20}}@gitlab.com/acme/charts.git',
    ],
    negativeExamples: [
      'CI_DEPLOY_PASSWORD=gldt-{{base64url:8}}',
      'CI_DEPLOY_PASSWORD=$CI_DEPLOY_PASSWORD',
      'password: gldt-<token>',
    ],
    fix: {
      env: 'CI_DEPLOY_PASSWORD',
      provider: 'GitLab',
      rotate: [
        'In the project or group open Settings → Repository → Deploy tokens and revoke the leaked token.',
        'Create a new deploy token with only the scopes needed (read_repository, read_registry…) and an expiry.',
        'Update the systems that pull with it (Kubernetes image pull secrets, package managers).',
      ],
      docs: 'https://docs.gitlab.com/user/project/deploy_tokens/',
    },
    guide: {
      grants:
        'A deploy token reads (and with write scopes pushes to) the repository, container registry or package registry of its project or every project in its group.',
      risks:
        'An attacker can download private source code, images and packages, or push poisoned images and packages if write scopes were granted.',
      checkMisuse,
    },
  },
  {
    id: 'gitlab-runner-authentication-token',
    title: 'GitLab runner authentication token',
    severity: 'high',
    keywords: ['glrt-', 'glrtr-'],
    pattern: `${BEFORE}(?<secret>glrtr?-(?:t[0-9]_)?${BODY20})${AFTER}`,
    entropy: 3.5,
    examples: [
      'token = "glrt-{{base64url:20}}"',
      'gitlab-runner register --non-interactive --url https://gitlab.com --token glrt-t1_{{base64url:27}}.{{lower:9}}',
      'RUNNER_TOKEN=glrt-t3_{{base64url:40}}.0w{{lower:7}}',
    ],
    negativeExamples: [
      'token = "glrt-{{base64url:10}}"',
      'RUNNER_TOKEN=glrt-REPLACE_ME',
      'token = "glrt-${RUNNER_TOKEN}"',
    ],
    fix: {
      env: 'CI_SERVER_TOKEN',
      provider: 'GitLab',
      rotate: [
        'In the project, group or Admin area open CI/CD → Runners, select the runner and reset its authentication token (or delete the runner).',
        "Put the new token in the runner's config.toml (or Helm values) and restart it.",
        "Check the runner's job history for jobs it should not have picked up.",
      ],
      docs: 'https://docs.gitlab.com/ci/runners/runners_scope/',
    },
    guide: {
      grants:
        'The runner authentication token lets a machine act as that runner and pick up CI/CD jobs, receiving their scripts, job tokens and CI/CD variables.',
      risks:
        'A rogue runner with the token can steal secrets from every job routed to it, tamper with build artifacts, or make pipelines fail.',
      checkMisuse:
        "The runner's page lists its IP address, version and recent jobs; jobs run from an unknown address or at odd times suggest a cloned runner.",
    },
  },
  {
    id: 'gitlab-runner-registration-token',
    title: 'GitLab runner registration token (legacy)',
    severity: 'high',
    keywords: ['gr1348941'],
    pattern: `${BEFORE}(?<secret>GR1348941[0-9A-Za-z_-]{20})${AFTER}`,
    entropy: 3.5,
    examples: [
      'REGISTRATION_TOKEN=GR1348941{{base64url:20}}',
      'gitlab-runner register --url https://gitlab.com --registration-token GR1348941{{base64url:20}}',
      'runnerRegistrationToken: "GR1348941{{base64url:20}}"',
    ],
    negativeExamples: [
      'REGISTRATION_TOKEN=GR1348941{{base64url:8}}',
      'REGISTRATION_TOKEN=GR1348941xxxxxxxxxxxxxxxxxxxx',
      'build id GR1348941',
    ],
    fix: {
      env: 'REGISTRATION_TOKEN',
      provider: 'GitLab',
      rotate: [
        'In the project or group open Settings → CI/CD → Runners and reset the registration token.',
        'Move to the runner creation workflow (glrt- authentication tokens); registration tokens are deprecated.',
        'Remove runners registered by anyone you do not know from the runner list.',
      ],
      docs: 'https://docs.gitlab.com/ci/runners/new_creation_workflow/',
    },
    guide: {
      grants: 'A registration token lets anyone register new runners for the project, group or instance.',
      risks:
        'An attacker can register a runner that picks up your CI/CD jobs and steals their variables, job tokens and source code.',
      checkMisuse:
        'Review the runner list for runners you did not register (name, IP address, registration time) and their job history.',
    },
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    title: 'GitLab pipeline trigger token',
    severity: 'medium',
    keywords: ['glptt-'],
    pattern: `${BEFORE}(?<secret>glptt-(?:[0-9a-f]{40}|${BODY20}))${AFTER}`,
    entropy: 3,
    examples: [
      'TRIGGER_TOKEN=glptt-{{hex:40}}',
      'curl -X POST --form token=glptt-{{hex:40}} --form ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline',
      'trigger_token: glptt-{{base64url:20}}',
    ],
    negativeExamples: [
      'TRIGGER_TOKEN=glptt-{{hex:10}}',
      'curl --form token=glptt-TOKEN https://gitlab.com/api/v4/projects/42/trigger/pipeline',
      'TRIGGER_TOKEN=$TRIGGER_TOKEN',
    ],
    fix: {
      env: 'TRIGGER_TOKEN',
      provider: 'GitLab',
      rotate: [
        'In the project open Settings → CI/CD → Pipeline trigger tokens and revoke the leaked token.',
        'Add a new trigger token and update the system that triggers pipelines.',
        'Check CI/CD → Pipelines for pipelines with source "trigger" that you did not start.',
      ],
      docs: 'https://docs.gitlab.com/ci/triggers/',
    },
    guide: {
      grants:
        'A trigger token starts pipelines for any branch or tag of its project, with the permissions of the user who owns it, and can pass variables.',
      risks:
        'An attacker can run pipelines with chosen variables, which may deploy code, burn CI minutes or expose secrets through variable injection.',
      checkMisuse:
        'Filter the project\'s pipelines by source "trigger" and compare with what your integrations started.',
    },
  },
  {
    id: 'gitlab-ci-job-token',
    title: 'GitLab CI/CD job token',
    severity: 'medium',
    keywords: ['glcbt-'],
    // Length: a partition id of 1–5 hex digits and a 20-character body, or a JWT: the observed range.
    pattern: `${BEFORE}(?<secret>glcbt-(?:[0-9a-f]{1,5}_[0-9A-Za-z_-]{20}|eyJ[A-Za-z0-9_-]{10,500}\\.eyJ[A-Za-z0-9_-]{10,2000}\\.[A-Za-z0-9_-]{20,1000}|${BODY20}))${AFTER}`,
    entropy: 3.5,
    examples: [
      'CI_JOB_TOKEN=glcbt-64_{{base64url:20}}',
      'curl --header "JOB-TOKEN: glcbt-{{jwt}}" https://gitlab.com/api/v4/projects/42/packages',
      'https://gitlab-ci-token:glcbt-{{base64url:20}}@gitlab.com/acme/lib.git',
    ],
    negativeExamples: ['CI_JOB_TOKEN=$CI_JOB_TOKEN', 'CI_JOB_TOKEN=glcbt-64_{{base64url:6}}', 'header: glcbt-<token>'],
    fix: {
      env: 'CI_JOB_TOKEN',
      provider: 'GitLab',
      rotate: [
        'A job token stops working when its job ends: cancel the job if it is still running.',
        'Remove the value from the committed file and from job logs or artifacts (use the predefined CI_JOB_TOKEN variable instead).',
        "Review the project's job token allowlist (Settings → CI/CD → Job token permissions) so a leak reaches as little as possible.",
      ],
      docs: 'https://docs.gitlab.com/ci/jobs/ci_job_token/',
    },
    guide: {
      grants:
        'A job token authenticates the running job to the API, repositories and registries of its project and of projects that allow it, with the permissions of the user who started the job.',
      risks: 'While the job runs an attacker can pull private code and packages, or publish packages, as that job.',
      checkMisuse,
    },
  },
  {
    id: 'gitlab-oauth-application-secret',
    title: 'GitLab OAuth application secret',
    severity: 'high',
    keywords: ['gloas-'],
    pattern: `${BEFORE}(?<secret>gloas-[0-9A-Za-z_-]{64})${AFTER}`,
    entropy: 3.5,
    examples: [
      'GITLAB_CLIENT_SECRET=gloas-{{hex:64}}',
      'gitlab_oauth: { app_id: "{{hex:64}}", app_secret: "gloas-{{hex:64}}" }',
      'OAUTH2_PROXY_CLIENT_SECRET=gloas-{{base64url:64}}',
    ],
    negativeExamples: [
      'GITLAB_CLIENT_SECRET=gloas-{{hex:20}}',
      'GITLAB_CLIENT_ID={{hex:64}}',
      'app_secret: gloas-<secret>',
    ],
    fix: {
      env: 'GITLAB_CLIENT_SECRET',
      provider: 'GitLab',
      rotate: [
        'In GitLab open the OAuth application (User settings, group, or Admin area → Applications) and renew its secret.',
        'Deploy the new secret to the service that signs in with GitLab.',
        "Review the application's authorized users and revoke tokens issued since the leak if you suspect misuse.",
      ],
      docs: 'https://docs.gitlab.com/integration/oauth_provider/',
    },
    guide: {
      grants:
        'The secret lets a server act as your OAuth application when exchanging authorization codes and refresh tokens for GitLab tokens.',
      risks:
        "An attacker can impersonate your application in phishing flows and redeem intercepted codes or refresh tokens for users' GitLab access.",
      checkMisuse,
    },
  },
  {
    id: 'gitlab-agent-token',
    title: 'GitLab agent for Kubernetes token',
    severity: 'high',
    keywords: ['glagent-'],
    pattern: `${BEFORE}(?<secret>glagent-(?:${ROUTABLE}|[0-9A-Za-z_-]{50}))${AFTER}`,
    entropy: 3.5,
    examples: [
      'helm upgrade --install agent gitlab/gitlab-agent --set config.token=glagent-{{base64url:50}} --set config.kasAddress=wss://kas.gitlab.com',
      'AGENT_TOKEN=glagent-{{base64url:50}}',
      '  token: "glagent-{{base64url:50}}"',
    ],
    negativeExamples: [
      'AGENT_TOKEN=glagent-{{base64url:20}}',
      "Clusters::AgentToken.find_by_token('glagent-xxx')",
      'AGENT_TOKEN=glagent-<token>',
    ],
    fix: {
      env: 'GITLAB_AGENT_TOKEN',
      provider: 'GitLab',
      rotate: [
        'In the project open Operate → Kubernetes clusters, select the agent and create a new token.',
        "Update the agent's Kubernetes secret (or Helm value config.token) and restart it.",
        "Revoke the leaked token on the agent's Access tokens tab.",
      ],
      docs: 'https://docs.gitlab.com/user/clusters/agent/work_with_agent/',
    },
    guide: {
      grants:
        "The agent token lets a process connect to GitLab as your cluster's agent and receive its configuration, GitOps manifests and CI/CD tunnel traffic.",
      risks:
        'An attacker can impersonate the agent, receive manifests and CI tunnel requests meant for your cluster, and disrupt deployments.',
      checkMisuse:
        "The agent's page lists connected agent instances and token last-used times; an unknown connection means the token is in use elsewhere.",
    },
  },
  {
    id: 'gitlab-feed-token',
    title: 'GitLab feed token',
    severity: 'medium',
    keywords: ['glft-', 'feed_token=', 'rss_token='],
    // Three forms: `glft-` + 20 characters (the user's feed token); the path-dependent token that feed links carry
    // since GitLab 16.x, `glft-` + 64 hex (an HMAC of the path) + `-` + the user id (gitlab-org/gitlab!122636);
    // and feed tokens made before the `glft-` prefix (gitlab-org/gitlab#376749 added it for new tokens only): 20
    // characters with no prefix, recognisable only as a `feed_token=` (earlier `rss_token=`) URL parameter.
    // Length: 20 characters in classic feed tokens (docs.gitlab.com); the path-dependent form is 64 + 1 + the user
    // id's digits: 20–100 covers both.
    pattern: `(?:${BEFORE}(?=glft-)|(?<![A-Za-z0-9_])(?:feed|rss)_token=)(?<secret>glft-[0-9A-Za-z_-]{20,100}|(?!glft-)[0-9A-Za-z_-]{20})${AFTER}`,
    entropy: 3.5,
    examples: [
      'https://gitlab.com/acme/api/-/issues.atom?feed_token=glft-{{base64url:20}}&state=opened',
      'GITLAB_FEED_TOKEN=glft-{{base64url:20}}',
      'calendar: "https://gitlab.com/dashboard/issues.ics?feed_token=glft-{{base64url:20}}"',
      'rss: https://gitlab.com/acme/api.atom?feed_token=glft-{{hex:64}}-{{digits:7}}',
      'https://gitlab.acme.io/groups/platform/-/issues.atom?feed_token={{base64url:20}}&state=opened',
    ],
    negativeExamples: [
      'GITLAB_FEED_TOKEN=glft-{{base64url:8}}',
      'feed_token=glft-<token>',
      'GITLAB_FEED_TOKEN=glft-xxxxxxxxxxxxxxxxxxxx',
      // An unprefixed value counts only as the feed URL parameter, and only at the legacy length.
      'GITLAB_FEED_TOKEN={{base64url:20}}',
      'https://gitlab.com/acme/api.atom?feed_token={{base64url:12}}',
      'https://gitlab.com/sbondorf/rsstestsvienna.atom?feed_token=ANON',
    ],
    fix: {
      env: 'GITLAB_FEED_TOKEN',
      provider: 'GitLab',
      rotate: [
        'In GitLab open User settings → Access tokens → Feed token and reset it.',
        'Update RSS readers and calendar subscriptions with the new URL.',
      ],
      docs: DOCS,
    },
    guide: {
      grants:
        "A feed token reads the user's RSS/Atom feeds and calendar exports: issue, merge request and activity titles and details, including private projects.",
      risks: 'An attacker can follow private project activity, issue titles and descriptions without logging in.',
      checkMisuse:
        'GitLab does not log feed reads per token in the UI; check web server or proxy logs for feed URLs requested from unknown addresses.',
    },
  },
  {
    id: 'gitlab-incoming-email-token',
    title: 'GitLab incoming email token',
    severity: 'medium',
    keywords: ['glimt-'],
    // Embedded in an address such as incoming+group-project-7-glimt-<token>-issue@…, so `-` may surround it.
    pattern: '(?<![A-Za-z0-9_])(?<secret>glimt-[a-z0-9]{25})(?![A-Za-z0-9_])',
    entropy: 3.5,
    examples: [
      'ISSUE_EMAIL=gitlab-incoming+acme-api-42-glimt-{{lower:25}}-issue@gitlab.com',
      'GITLAB_INCOMING_EMAIL_TOKEN=glimt-{{lower:25}}',
      'to: "incoming+group-project-7-glimt-{{lower:25}}-issue@mail.example.com"',
    ],
    negativeExamples: [
      'GITLAB_INCOMING_EMAIL_TOKEN=glimt-{{lower:10}}',
      'glimt-<token>',
      'GITLAB_INCOMING_EMAIL_TOKEN=glimt-{{lower:40}}',
    ],
    fix: {
      env: 'GITLAB_INCOMING_EMAIL_TOKEN',
      provider: 'GitLab',
      rotate: [
        'In GitLab open User settings → Access tokens → Incoming email token and reset it.',
        'Update any mail rules or scripts that send to the old address.',
      ],
      docs: DOCS,
    },
    guide: {
      grants:
        'The incoming email token, part of a personal email address, lets anyone who mails that address create issues and merge requests as you.',
      risks:
        'An attacker can file issues or merge requests in your name, for spam or social engineering inside your projects.',
      checkMisuse:
        'Look for issues or merge requests you did not author that were created by email (they show "via email").',
    },
  },
  {
    id: 'gitlab-scim-token',
    title: 'GitLab SCIM OAuth token',
    severity: 'high',
    keywords: ['glsoat-'],
    pattern: `${BEFORE}(?<secret>glsoat-${BODY20})${AFTER}`,
    entropy: 3.5,
    examples: [
      'SCIM_TOKEN=glsoat-{{base64url:20}}',
      'Authorization: Bearer glsoat-{{base64url:20}}',
      '  "scimToken": "glsoat-{{base64url:20}}"',
    ],
    negativeExamples: ['SCIM_TOKEN=glsoat-{{base64url:6}}', 'SCIM_TOKEN=glsoat-<token>', 'SCIM_TOKEN=${SCIM_TOKEN}'],
    fix: {
      env: 'GITLAB_SCIM_TOKEN',
      provider: 'GitLab',
      rotate: [
        'In the top-level group open Settings → SAML SSO and reset the SCIM token.',
        "Enter the new token in your identity provider's SCIM provisioning settings.",
        "Review the group's members and audit events for provisioning changes you did not expect.",
      ],
      docs: 'https://docs.gitlab.com/user/group/saml_sso/scim_setup/',
    },
    guide: {
      grants: 'The SCIM token lets an identity provider create, update and deprovision members of the GitLab group.',
      risks:
        'An attacker can add identities to your group or remove real members, gaining access or locking people out.',
      checkMisuse,
    },
  },
];
