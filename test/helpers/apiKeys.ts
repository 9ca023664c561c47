import { createApiKey, type CreatedApiKey } from '../../src/auth/apiKeys';
import { createPrisma } from '../../src/db/prisma';

/** A key made as `npm run apikey -- create` makes it, on a test app's database; ends local mode there. */
export async function createTestKey(databaseUrl: string, name: string, ownerId?: string): Promise<CreatedApiKey> {
  const prisma = createPrisma(databaseUrl, 1);
  try {
    return await createApiKey(prisma, { name, ownerId });
  } finally {
    await prisma.$disconnect();
  }
}
