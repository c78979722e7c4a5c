import type { RunPlan } from './event.js';
import type { Checked, CheckPlan, Session } from './pipeline.js';
import type { Report } from '../report/report.js';

export async function runCommand(session: Session, plan: Extract<RunPlan, { kind: 'command' }>): Promise<Report | null> {
  void session;
  void plan;
  return null;
}

export async function autoOpenBacklog(session: Session, plan: CheckPlan, checked: Checked): Promise<string[]> {
  void session;
  void plan;
  void checked;
  return [];
}
