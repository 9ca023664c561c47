import { Prisma } from '../db/generated/client/client';
import type { Transaction } from '../db/prisma';
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

/**
 * Serialises the transactions that start batches of one owner until they end, so two
 * concurrent requests cannot both pass `assertOwnerCapacity` on the same spare capacity.
 * Take it before any batch row lock.
 */
export async function lockOwnerQuota(tx: Transaction, ownerId: string) {
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
 * Checks, under `lockOwnerQuota`, that the owner may start a batch with `newUrls` more URLs,
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
