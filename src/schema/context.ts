import type { PgBoss } from 'pg-boss';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Events } from '../events';
import type { Logger } from '../logger';

/** What every resolver may use; built once per process, shared by HTTP and WebSocket requests. */
export interface Services {
  prisma: PrismaClient;
  boss: PgBoss;
  pubsub: Events;
  config: Config;
  log: Logger;
}

export type Context = Services;
