import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Logger } from '../logger';
import { PrismaClient, type Prisma } from './generated/client/client';

export type { Prisma } from './generated/client/client';
export { PrismaClient };

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
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection that breaks (PostgreSQL restarting) is dropped and replaced when next
  // needed; unheard, its error would end the process.
  pool.on('error', (error) => log.warn({ err: error }, 'an idle database connection failed'));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Prisma on a pool of its own, for the command-line tools. */
export function createPrisma(connectionString: string, poolSize: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}
