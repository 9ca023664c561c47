import { createAdvisorySlots } from '../db/advisorySlots';
import type { Logger } from '../logger';

/**
 * The advisory-lock namespace of the jobs workers have in hand. vantage_mark_interrupted_targets
 * (src/batches/sql) looks for these locks under it, keyed as createAdvisorySlots keys slot 0.
 */
export const JOB_CLAIMS_NAMESPACE = 0x56_4a_4f_42;

export interface JobClaims {
  /** Runs `work` holding the job's claim, which the worker's session gives up at once if the process dies. */
  during<T>(jobId: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A worker holds each analysis job it runs as a session-level advisory lock, so that a worker
 * starting later can tell the pages left RUNNING by a worker that is gone (a crash, a kill) from
 * the pages of workers still at them: pg-boss would tell only after the job's heartbeat stopped.
 */
export function createJobClaims(connectionString: string, log: Logger): JobClaims {
  const claims = createAdvisorySlots(connectionString, { name: 'job-claims', namespace: JOB_CLAIMS_NAMESPACE, maxPerKey: 1 }, log);
  return {
    async during(jobId, work) {
      // Null when another session holds it (pg-boss gave the job to two runs): the work goes on.
      const claim = await claims.take(jobId).catch((error: unknown) => {
        log.warn({ err: error, jobId }, 'could not claim the job; a restarted worker may take its pages for interrupted');
        return null;
      });
      try {
        return await work();
      } finally {
        if (claim) await claims.release(claim);
      }
    },
    close: () => claims.close(),
  };
}
