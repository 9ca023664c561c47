import type { PgBoss, WorkOptions } from 'pg-boss';
import { loadConfig } from '../../src/config';
import { analyzeWorkOptions, createBoss } from '../../src/queue';
import type { Logger } from '../../src/logger';

export const NOOP_QUEUE = 'bench-noop';

/**
 * The reference the benches compare Vantage with: pg-boss exactly as Vantage sets it up
 * (`createBoss`, a queue with NOTIFY, Vantage's own analyze-target work options), running a
 * handler that does nothing but `onJob`.
 */
export async function startNoopBoss(
  databaseUrl: string,
  concurrency: number,
  log: Logger,
  onJob: (data: unknown) => void = () => {},
  /** Replaces Vantage's work options, for a reference that is not Vantage's set-up. */
  workOptions: WorkOptions = analyzeWorkOptions(loadConfig({ WORKER_CONCURRENCY: String(concurrency) })),
): Promise<PgBoss> {
  const boss = createBoss(databaseUrl);
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  await boss.start();
  await boss.createQueue(NOOP_QUEUE, { notify: true });
  await boss.work(NOOP_QUEUE, workOptions, async (jobs) => {
    jobs.forEach((job) => onJob(job.data));
    return jobs.map((job) => ({ id: job.id, status: 'completed' as const }));
  });
  return boss;
}
