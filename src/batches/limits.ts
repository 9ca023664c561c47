import { Prisma, type PrismaClient, type Transaction } from '../db/prisma';
import { UserError } from '../errors';

export interface OwnerLimits {
  maxRunningBatches: number;
  /** URLs submitted in the last 24 hours. */
  maxUrlsPerDay: number;
}

/** Advisory-lock class of the per-owner quota; the second key is the owner's id hashed. */
const OWNER_QUOTA_LOCK = 0x5661_6e01;
/** A batch takes a while; this is when asking again starts to make sense, not a promise. */
const RUNNING_BATCH_RETRY_SECONDS = 30;

/** Longer than any quota transaction takes; past it the caller is told to come back. */
const QUOTA_TRANSACTION_LIMITS = { maxWait: 5_000, timeout: 15_000 };

/** The tail of each owner's queue of quota transactions in this process. */
const ownerTurns = new Map<string, Promise<unknown>>();

/**
 * Runs `write` in a transaction that holds the owner's quota lock, so two concurrent requests
 * cannot both pass `assertOwnerCapacity` on the same spare capacity. The lock serialises them
 * across processes; within one, they wait their turn before taking a connection, so a burst
 * of one owner's requests holds one connection per process instead of the whole pool, each
 * waiting on the lock until Prisma's transaction timeout. Should a transaction still not start
 * or finish in time, the caller is told to retry (RATE_LIMITED), not given an internal error.
 */
export async function ownerQuotaTransaction<T>(prisma: PrismaClient, ownerId: string, write: (tx: Transaction) => Promise<T>): Promise<T> {
  const previous = ownerTurns.get(ownerId) ?? Promise.resolve();
  const turn = previous.then(() =>
    prisma.$transaction(async (tx) => {
      await lockOwnerQuota(tx, ownerId);
      return write(tx);
    }, QUOTA_TRANSACTION_LIMITS),
  );
  const settled = turn.catch(() => undefined);
  ownerTurns.set(ownerId, settled);
  void settled.then(() => {
    if (ownerTurns.get(ownerId) === settled) ownerTurns.delete(ownerId);
  });
  try {
    return await turn;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2028') {
      throw new UserError('RATE_LIMITED', 'The server is busy with your other requests; try again in a moment.', {
        retryAfterSeconds: 1,
      });
    }
    throw error;
  }
}

/** Takes the owner's quota lock until `tx` ends; what `ownerQuotaTransaction` does first. */
export async function lockOwnerQuota(tx: Transaction, ownerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OWNER_QUOTA_LOCK}::int, hashtext(${ownerId}))`;
}

/**
 * The owner's URL submissions of the last 24 hours (createdAt, id, urls): each batch created,
 * and each retry with the URLs it re-queued.
 */
function urlsSubmittedToday(ownerId: string) {
  return Prisma.sql`(
    SELECT "createdAt", id, "totalUrls" AS urls FROM "Batch"
    WHERE "ownerId" = ${ownerId}::uuid AND "createdAt" > now() - interval '1 day'
    UNION ALL
    SELECT "createdAt", id, urls FROM "AuditEvent"
    WHERE "ownerId" = ${ownerId}::uuid AND action = 'BATCH_RETRIED' AND "createdAt" > now() - interval '1 day')`;
}

/**
 * Checks, in `ownerQuotaTransaction`, that the owner may start a batch with `newUrls` more URLs,
 * counting from the Batch table: a batch stops counting as running the moment it finishes.
 */
export async function assertOwnerCapacity(tx: Transaction, ownerId: string, limits: OwnerLimits, newUrls: number) {
  const [usage] = await tx.$queryRaw<{ running: number; urlsToday: number }[]>`
    SELECT (SELECT count(*) FROM "Batch" WHERE "ownerId" = ${ownerId}::uuid AND status IN ('PENDING', 'RUNNING'))::int AS running,
      (SELECT coalesce(sum(urls), 0) FROM ${urlsSubmittedToday(ownerId)} AS today)::int AS "urlsToday"`;
  const { running, urlsToday } = usage!;
  if (running >= limits.maxRunningBatches) {
    throw new UserError(
      'RATE_LIMITED',
      `${running} of your batches are pending or running, the most allowed at once; try again when one has finished.`,
      { limit: 'MAX_RUNNING_BATCHES_PER_OWNER', retryAfterSeconds: RUNNING_BATCH_RETRY_SECONDS },
    );
  }
  if (newUrls === 0 || urlsToday + newUrls <= limits.maxUrlsPerDay) return;
  if (newUrls > limits.maxUrlsPerDay) {
    throw new UserError('BAD_USER_INPUT', `Give at most ${limits.maxUrlsPerDay} URLs; that is all one day allows.`, {
      field: 'urls',
    });
  }
  // The soonest moment enough of the last day's URLs fall out of the 24-hour window.
  const [hint] = await tx.$queryRaw<{ wait: number }[]>`
    SELECT greatest(1, ceil(extract(epoch FROM "createdAt" + interval '1 day' - now())))::int AS wait
    FROM (SELECT "createdAt", id, sum(urls) OVER (ORDER BY "createdAt", id) AS freed
          FROM ${urlsSubmittedToday(ownerId)} AS today) AS recent
    WHERE freed >= ${urlsToday + newUrls - limits.maxUrlsPerDay} ORDER BY "createdAt", id LIMIT 1`;
  throw new UserError(
    'RATE_LIMITED',
    `You submitted ${urlsToday} URLs in the last 24 hours; ${newUrls} more would pass the limit of ${limits.maxUrlsPerDay}.`,
    { limit: 'MAX_URLS_PER_DAY', retryAfterSeconds: hint?.wait ?? 60 },
  );
}
