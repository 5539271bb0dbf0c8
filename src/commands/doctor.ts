// `secret-hook doctor`: for the current repository, which hooks git will run and whether anything keeps
// secret-hook from running (a repository-level core.hooksPath, husky, lefthook, the pre-commit framework, a global
// core.hooksPath). Exit 0 when secret-hook checks commits, commit messages and pushes here; 1 when not.
import * as path from 'node:path';
import { findRepository } from '../git/repo.js';
import { originFile } from '../git/config-entries.js';
import * as say from '../report/messages/doctor.js';
import { surveyHooks, type HookRoute, type HookSurvey } from './hook-survey.js';
import { wrap } from '../report/wrap.js';
import { outcome, type CommandOutcome } from './outcome.js';

export interface DoctorOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Terminal columns: lines are broken at spaces to fit. */
  width: number;
}

export function runDoctor(options: DoctorOptions): CommandOutcome {
  const repo = findRepository(options.cwd, options.env);
  const survey = surveyHooks(repo, options.env);
  const base = repo.workTree ?? repo.gitDir;
  const shown = (file: string) => {
    const relative = path.relative(base, file);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const width = Math.max(40, options.width);
  const out: string[] = [];
  const say_ = (text: string, first = '', rest = first) => out.push(...wrap(text, width, first, rest));
  say_(say.title(base));
  out.push('');
  say_(say.hooksDirLine(shown(survey.hooksDir)));
  say_(
    say.hooksDirSource(
      survey.setting && { scope: survey.setting.scope, file: originFile(survey.setting) },
      survey.global,
    ),
    '  ',
    '    ',
  );
  out.push('');
  for (const route of survey.routes) {
    const line = say.routeLine({
      ...route,
      own: { ...route.own, shown: shown(route.own.file), script: route.own.script && shown(route.own.script) },
    });
    say_(line, '  ', ' '.repeat(14));
  }
  if (survey.otherHooks.length > 0) say_(say.otherHooksLine(survey.otherHooks), '  ', '    ');
  const advice = problems(survey, shown);
  out.push('');
  if (advice.length === 0) {
    say_(say.allCovered());
    return outcome(0, `${out.join('\n')}\n`);
  }
  say_(say.problemsHeading(advice.length));
  for (const a of advice) {
    say_(a.problem, '  ✗ ', '    ');
    say_(a.fix, '    → ', '      ');
  }
  const covered = survey.routes.every((r) => r.covered) && !survey.skipped;
  return outcome(covered ? 0 : 1, `${out.join('\n')}\n`);
}

/** What keeps secret-hook from running, most general first. */
function problems(survey: HookSurvey, shown: (file: string) => string): say.Advice[] {
  const advice: say.Advice[] = [];
  if (survey.skipped) advice.push(say.skipSet());
  if (survey.setting !== null && survey.hooksDirMissing) advice.push(say.hooksDirMissing(survey.setting.value ?? ''));
  if (survey.shadowedGlobal && survey.setting) {
    const covered = survey.routes.every((r) => r.covered);
    if (!covered || !survey.husky)
      advice.push(
        say.shadowedGlobal(
          survey.setting.value ?? '',
          originFile(survey.setting),
          survey.husky?.version === 9 && survey.huskyStartup,
        ),
      );
  }
  if (survey.foreignGlobal && survey.foreignGlobal.value !== null) {
    const uncovered = survey.routes.some((r) => !r.covered);
    if (uncovered || survey.ignoredDefaultHooks.length > 0)
      advice.push(
        say.foreignGlobal(
          survey.foreignGlobal.value,
          originFile(survey.foreignGlobal),
          survey.foreignGlobal.scope,
          survey.ignoredDefaultHooks,
        ),
      );
  }
  if (survey.huskyDisabled && survey.husky) advice.push(say.huskyDisabled());
  if (survey.hooksDirMissing && survey.setting !== null) return advice;
  for (const route of survey.routes) {
    if (route.covered) continue;
    advice.push(routeAdvice(route, survey, shown));
  }
  return advice;
}

function routeAdvice(route: HookRoute, survey: HookSurvey, shown: (file: string) => string): say.Advice {
  const own = route.own;
  if (own.state === 'not-executable') return say.notExecutable(route.hook, shown(own.file));
  if (own.state === 'missing') {
    // A manager configured for this hook but not installed for it.
    if (survey.preCommitListed.includes(route.hook))
      return say.notCovered(route.hook, { kind: 'pre-commit-not-installed' });
    if (survey.lefthookListed.includes(route.hook))
      return say.notCovered(route.hook, { kind: 'lefthook-not-installed' });
    return say.notCovered(route.hook, { kind: 'missing', file: shown(own.file) });
  }
  switch (own.manager) {
    case 'husky':
      return say.notCovered(route.hook, {
        kind: 'husky',
        script: shown(own.script ?? own.file),
        exists: own.scriptExists,
      });
    case 'husky-8':
      return say.notCovered(route.hook, { kind: 'husky-8', file: shown(own.file) });
    case 'lefthook':
      return say.notCovered(route.hook, { kind: 'lefthook', config: shown(survey.lefthookConfig ?? 'lefthook.yml') });
    case 'pre-commit':
      return say.notCovered(route.hook, {
        kind: 'pre-commit',
        config: shown(survey.preCommitConfig ?? '.pre-commit-config.yaml'),
      });
    default:
      return say.notCovered(route.hook, { kind: 'other', file: shown(own.file) });
  }
}
