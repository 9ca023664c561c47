import type { Job } from 'pg-boss';
import { z } from 'zod';
import { startDueRuns, type SchedulerDeps, type ScheduledTurn } from '../projects/scheduler';

// pg-boss's cron sends no data; nothing else sends this job.
const payloadSchema = z.union([z.null(), z.object({}).strict()]);
export function assertScheduleRunsPayload(data: unknown): z.infer<typeof payloadSchema> {
  return payloadSchema.parse(data ?? null);
}

/** Starts the runs of the projects whose schedule is due now (src/projects/scheduler.ts). */
export async function scheduleRuns(deps: SchedulerDeps, job: Job<unknown>): Promise<ScheduledTurn[]> {
  assertScheduleRunsPayload(job.data);
  return startDueRuns(deps, new Date());
}
