import type { PrismaClient, Transaction } from '../db/prisma';
import { ACCESS_CHANNEL, type AccessChange } from '../events/channel';
import { recordAudit } from './audit';
import { generateKey, hashKey, visiblePrefix } from './keys';

export interface CreatedApiKey {
  id: string;
  ownerId: string;
  name: string;
  prefix: string;
  /** The key itself: shown once, never stored. */
  key: string;
}

/** Tells every api process, once the transaction commits, to close the sockets the change ends. */
async function announce(tx: Transaction, change: AccessChange): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify(change)})`;
}

/**
 * Creates a key for an existing owner, or for a new owner of the same name when none is given.
 * Only the key's hash and visible prefix are stored; the audit row is written with it.
 */
export async function createApiKey(
  prisma: PrismaClient,
  options: { name: string; ownerId?: string },
): Promise<CreatedApiKey> {
  const name = options.name.trim();
  if (!name) throw new Error('A key needs a name.');
  const key = generateKey();
  return prisma.$transaction(async (tx) => {
    const owner = options.ownerId
      ? await tx.owner.findUnique({ where: { id: options.ownerId } })
      : await tx.owner.create({ data: { name } });
    if (!owner) throw new Error(`No owner with id ${options.ownerId}.`);
    const row = await tx.apiKey.create({
      data: { ownerId: owner.id, name, prefix: visiblePrefix(key), hash: hashKey(key) },
    });
    await recordAudit(tx, { ownerId: owner.id, apiKeyId: null }, 'API_KEY_CREATED', { apiKeyId: row.id });
    await announce(tx, { change: 'created', apiKeyId: row.id }); // ends local mode
    return { id: row.id, ownerId: owner.id, name, prefix: row.prefix, key };
  });
}

/** Every key, newest first, without anything secret. */
export function listApiKeys(prisma: PrismaClient) {
  return prisma.apiKey.findMany({
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      owner: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/**
 * Revokes a key at once: the next request that presents it is refused, and every api process
 * closes the sockets opened with it.
 * Revoking a revoked key changes nothing; an unknown id gives null.
 */
export async function revokeApiKey(prisma: PrismaClient, id: string) {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; ownerId: string; revokedAt: Date | null }[]>`
      SELECT id, "ownerId", "revokedAt" FROM "ApiKey" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!row) return null;
    if (row.revokedAt) return { id: row.id, revokedAt: row.revokedAt, alreadyRevoked: true };
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { ownerId: row.ownerId, apiKeyId: null }, 'API_KEY_REVOKED', { apiKeyId: id });
    await announce(tx, { change: 'revoked', apiKeyId: id });
    return { id, revokedAt: revoked.revokedAt!, alreadyRevoked: false };
  });
}
