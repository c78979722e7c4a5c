export interface GeneratedTask {
  id: string;
  plan: string;
  title: string;
  status: string;
  owner: string;
  deliverable: string;
  planFile: string;
}
export function generateTasks(count: number, seed?: number): GeneratedTask[];
export function planningTree(tasks: readonly GeneratedTask[]): Record<string, string>;
export function writeBoardRepo(dir: string, count: number, seed?: number): { dir: string; tasks: number; moved: string };
