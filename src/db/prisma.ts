import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/client/client';

export type { Prisma } from './generated/client/client';
export { PrismaClient };

/** What an interactive transaction's callback gets. */
export type Transaction = Prisma.TransactionClient;

export function createPrisma(connectionString: string, poolSize: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}
