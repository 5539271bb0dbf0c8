// code and package-registry rules: one file per provider beside this one.
import type { Rule } from '../schema.js';
import { azureDevopsRules } from './azure-devops.js';
import { bitbucketRules } from './bitbucket.js';
import { cratesRules } from './crates.js';
import { dockerRules } from './docker.js';
import { githubRules } from './github.js';
import { gitlabRules } from './gitlab.js';
import { jfrogRules } from './jfrog.js';
import { npmRules } from './npm.js';
import { nugetRules } from './nuget.js';
import { pypiRules } from './pypi.js';
import { rubygemsRules } from './rubygems.js';
import { sonarqubeRules } from './sonarqube.js';
import { sourcegraphRules } from './sourcegraph.js';
import { terraformRules } from './terraform.js';
import { vaultRules } from './vault.js';

export const codeRules: Rule[] = [
  ...githubRules,
  ...gitlabRules,
  ...bitbucketRules,
  ...azureDevopsRules,
  ...npmRules,
  ...pypiRules,
  ...rubygemsRules,
  ...nugetRules,
  ...dockerRules,
  ...cratesRules,
  ...jfrogRules,
  ...vaultRules,
  ...terraformRules,
  ...sourcegraphRules,
  ...sonarqubeRules,
];
