import { problemFindings, quoteList, type ProblemSentence } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

/** Which heading the table is under, and the config key that gives it a meaning. */
export const planSectionSentence: ProblemSentence<'plan-section'> = (problem, settings) => {
  const { heading, line } = problem;
  const { active, delivered } = settings.config.sections;
  return `the task table at line ${line} is under ${heading === '' ? 'no heading' : `the heading "${heading}"`}, which is neither an active section (${quoteList(active)}) nor a delivered one (${quoteList(delivered)}), so its rows count as neither done nor in progress; add the heading to sections.delivered or sections.active in ${settings.configFile}`;
};

export default defineRule({
  id: 'plan-section-unknown',
  description: 'A plan task table sits under a heading that is neither an active nor a delivered section.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['plan-section'], planSectionSentence),
});
