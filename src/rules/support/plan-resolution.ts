import type { DocModel, PlanDoc } from '../../model/model.js';
import { rowsOf } from '../../model/model.js';
import type { RuleContext } from '../../core/rule.js';

export interface PlanLookup {
  /** Plan paths named (they may not exist). */
  paths: string[];
  /** Those that exist at this revision. */
  plans: PlanDoc[];
}

/** The plan(s) a board task belongs to: its CSV PlanLink, else its Markdown link, else the plans of its letter. */
export function lookUpPlan(context: RuleContext<unknown>, model: DocModel, id: string): PlanLookup {
  const csvLinks = rowsOf(model.csv, id).flatMap((row) => row.planLinks);
  const mdLinks = rowsOf(model.board, id).flatMap((row) => row.planLinks);
  for (const paths of [csvLinks, mdLinks]) {
    const existing = paths.map((path) => model.plans.get(path)).filter((plan): plan is PlanDoc => !!plan);
    if (existing.length > 0) return { paths, plans: existing };
  }
  const letter = context.settings.planOfId(id);
  const plans = [...model.plans.values()].filter((plan) => letter !== null && plan.plan === letter);
  return { paths: [...new Set([...csvLinks, ...mdLinks])], plans };
}
