import type { DocModel, PlanDoc } from '../../model/model.js';
import { rowsOf } from '../../model/model.js';
import type { RuleContext } from '../rule.js';

export interface PlanLookup {
  /** Where the plan came from, for messages. */
  via: 'csv-planlink' | 'markdown-link' | 'plan-letter';
  /** Plan paths named (they may not exist). */
  paths: string[];
  /** Those that exist at this revision. */
  plans: PlanDoc[];
}

/** The plan(s) a board task belongs to: its CSV PlanLink, else its Markdown link, else the plans of its letter. */
export function lookUpPlan(context: RuleContext<unknown>, model: DocModel, id: string): PlanLookup {
  const csvLinks = rowsOf(model.csv, id).flatMap((row) => row.planLinks);
  const mdLinks = rowsOf(model.board, id).flatMap((row) => row.planLinks);
  for (const [via, paths] of [
    ['csv-planlink', csvLinks],
    ['markdown-link', mdLinks],
  ] as const) {
    const existing = paths.map((path) => model.plans.get(path)).filter((plan): plan is PlanDoc => !!plan);
    if (existing.length > 0) return { via, paths: [...paths], plans: existing };
  }
  const letter = context.settings.planOfId(id);
  const plans = [...model.plans.values()].filter((plan) => letter !== null && plan.plan === letter);
  return { via: 'plan-letter', paths: [...new Set([...csvLinks, ...mdLinks])], plans };
}
