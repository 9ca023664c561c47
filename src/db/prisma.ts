import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Logger } from '../logger';
import { PrismaClient, type Prisma } from './generated/client/client';

export { Prisma } from './generated/client/client';
export { PrismaClient };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a uuid, checked before it reaches a query whose `::uuid` cast would fail on it. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** What an interactive transaction's callback gets. */
export type Transaction = Prisma.TransactionClient;

/** What the statements that bypass Prisma need of a pool (see batches/targets.ts). */
export type Queryable = Pick<pg.Pool, 'query' | 'connect'>;

export interface DatabaseClients {
  prisma: PrismaClient;
  /** The pool under `prisma`, for the hot path's statements that bypass it. */
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Prisma and the pool it runs on; a Vantage process's one set of database connections. */
export function connectDatabase(connectionString: string, poolSize: number, log: Logger): DatabaseClients {
  const pool = new pg.Pool({ connectionString, max: poolSize, application_name: 'vantage-app' });
  let closing = false;
  // An idle connection that breaks (PostgreSQL restarting) is dropped and replaced when next
  // needed; unheard, its error would end the process. pool.end() does not wait for its
  // connections' sessions to end, so one may still hear PostgreSQL stopping after it.
  pool.on('error', (error) => (closing ? log.debug : log.warn).call(log, { err: error }, 'an idle database connection failed'));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      closing = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Prisma on a pool of its own, for the command-line tools. */
export function createPrisma(connectionString: string, poolSize: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}
