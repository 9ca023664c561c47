import type { PgBoss } from 'pg-boss';
import type { Caller } from '../auth/caller';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Events } from '../events';
import type { Logger } from '../logger';
import type { AnalyzeJobPlan } from '../queue';

/** What every resolver may use; built once per process, shared by HTTP and WebSocket requests. */
export interface Services {
  prisma: PrismaClient;
  boss: PgBoss;
  /** How a new or retried batch's pages are shared out into jobs (worked out from the config once). */
  jobPlan: AnalyzeJobPlan;
  events: Events;
  config: Config;
  log: Logger;
}

/** The services and who is asking: every read and write is scoped to `caller.ownerId`. */
export type Context = Services & { caller: Caller };
