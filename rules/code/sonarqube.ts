// SonarQube tokens: https://docs.sonarsource.com/sonarqube-server/2026.1/user-guide/managing-tokens describes the
// three kinds (user, project analysis, global analysis). Since SonarQube 9.5 their values carry a type prefix —
// `squ_` user, `sqp_` project analysis, `sqa_` global analysis — then 20 random bytes as 40 hex (SonarSource on its
// community forum, "Tiny feature request: use a different token prefix for tokens generated for badge URLs", and
// SonarQube's source, TokenType and TokenGeneratorImpl). Badge tokens (`sqb_`) only read a project's badge and are
// meant to sit in README image URLs: not a finding. SonarQube Cloud tokens are 40 hex with no prefix: not covered.
import type { Rule } from '../schema.js';

export const sonarqubeRules: Rule[] = [
  {
    id: 'sonarqube-token',
    title: 'SonarQube token (user, project or global analysis)',
    severity: 'high',
    keywords: ['squ_', 'sqp_', 'sqa_'],
    // Length: 40 hex, as SonarQube generates them.
    pattern: '(?<![A-Za-z0-9_])(?<secret>sq[uap]_[0-9a-f]{40})(?![A-Za-z0-9_])',
    entropy: 3,
    examples: [
      'SONAR_TOKEN=squ_{{hex:40}}',
      'mvn verify sonar:sonar -Dsonar.host.url=https://sonar.acme.io -Dsonar.token=sqp_{{hex:40}}',
      "      sonar.login: 'sqa_{{hex:40}}'",
    ],
    negativeExamples: [
      // A badge token, made to be published in a README image URL.
      '![Quality Gate](https://sonar.acme.io/api/project_badges/measure?project=shop&metric=alert_status&token=sqb_{{hex:40}})',
      'SONAR_TOKEN=squ_{{hex:20}}',
      'SONAR_TOKEN=squ_<your-token>',
      'SONAR_TOKEN=sqp_0000000000000000000000000000000000000000',
    ],
    fix: {
      env: 'SONAR_TOKEN',
      provider: 'SonarQube',
      rotate: [
        'In SonarQube open My Account → Security (or Administration → Security → Users for a service account) and revoke the leaked token.',
        'Generate a project analysis token for CI where one project is enough, with an expiry, rather than a user or global token.',
        'Store it as SONAR_TOKEN in your CI secrets and rerun the analysis.',
        "Check the token's last-used date and the projects' analysis history for runs you did not start.",
      ],
      docs: 'https://docs.sonarsource.com/sonarqube-server/2026.1/user-guide/managing-tokens',
    },
    guide: {
      grants:
        'A user token can do through the Web API whatever its user can do in the UI (for an admin: the whole instance); an analysis token runs analyses on one project (sqp_) or every project (sqa_).',
      risks:
        'An attacker can read source code and security findings through the API, change quality gates or settings with a user token, or push fake analyses that hide real issues.',
      checkMisuse:
        "The token list shows each token's last use; check the projects' activity and the instance's audit logs (Enterprise) for analyses and changes you did not make.",
    },
  },
];
