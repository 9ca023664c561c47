import type { PgBoss } from 'pg-boss';
import { recordAudit } from '../../auth/audit';
import type { Caller } from '../../auth/caller';
import type { BatchStatus } from '../../db/generated/client/enums';
import type { Prisma, PrismaClient, Transaction } from '../../db/prisma';
import { notFound, UserError } from '../../errors';
import { VISIBILITY_CHANNEL } from '../../events';
import { cancelVisibilityJobs, sendVisibilityPromptsJob } from '../../queue';
import { auditBrands } from './columns';

/** The most entries of an audit's lists that the API returns (the query cost estimate counts them). */
export const VISIBILITY_LISTS = { engines: 20, brands: 11, prompts: 100, citedDomains: 100, citations: 100, insights: 40, spans: 20 } as const;

export const SAMPLES_PER_PROMPT = { min: 1, max: 10, default: 3 } as const;

export interface RunVisibilityAuditInput {
  engines?: readonly string[] | null;
  samplesPerPrompt?: number | null;
}

const UNFINISHED: readonly BatchStatus[] = ['PENDING', 'RUNNING'];

export interface LockedAudit {
  id: string;
  ownerId: string;
  status: BatchStatus;
  progress: number;
}

/** Locks the audit's row for the rest of the transaction (every change of an audit does, so they queue); null when there is none (of that owner). */
export async function lockAudit(tx: Transaction, auditId: string, ownerId?: string): Promise<LockedAudit | null> {
  const rows = await tx.$queryRaw<LockedAudit[]>`
    SELECT id, "ownerId", status::text AS status, progress FROM "VisibilityAudit" WHERE id = ${auditId}::uuid FOR NO KEY UPDATE`;
  const row = rows[0];
  return row && (ownerId === undefined || row.ownerId === ownerId) ? row : null;
}

/**
 * Applies a change to a locked audit, raises its sequence, never lowers its progress, and
 * NOTIFYs, all in the caller's transaction: heard only once committed, in commit order.
 */
export async function recordAuditChange(tx: Transaction, locked: LockedAudit, data: Prisma.VisibilityAuditUpdateInput & { progress?: number }) {
  const progress = data.progress === undefined ? undefined : Math.max(locked.progress, data.progress);
  const audit = await tx.visibilityAudit.update({
    where: { id: locked.id },
    data: { ...data, ...(progress === undefined ? {} : { progress }), sequence: { increment: 1 } },
  });
  await tx.$executeRaw`SELECT pg_notify(${VISIBILITY_CHANNEL}, ${`${audit.id} ${audit.sequence} ${audit.ownerId}`})`;
  // The end's event comes from whoever ends it (finishAudit, cancel), after what the end records.
  if (UNFINISHED.includes(audit.status)) await appendRunEvent(tx, audit, 'RUN_PROGRESS');
  return audit;
}

/**
 * An audit of a project is one of its runs: its start, changes and end go to the project's event
 * log as a batch's do (src/batches/sql/vantage_append_run_events.sql), its end's changes with it.
 */
export async function appendRunEvent(tx: Transaction, audit: { id: string; projectId: string | null; status: BatchStatus }, kind: 'RUN_STARTED' | 'RUN_PROGRESS' | 'RUN_ENDED') {
  if (!audit.projectId) return;
  const event = JSON.stringify({ kind, runId: audit.id, status: audit.status });
  await tx.$executeRaw`SELECT vantage_append_run_events(${audit.projectId}::uuid, ${event}::jsonb)`;
}

/** The engines asked: the names given (each must be configured), or every configured one. */
function chooseEngines(requested: readonly string[] | null | undefined, configured: readonly string[]): string[] {
  if (configured.length === 0) {
    throw new UserError(
      'BAD_USER_INPUT',
      'No answer engine is configured on this server: the operator sets ANSWER_ENGINES (see the README, "Answer engines") and restarts it.',
      { field: 'ANSWER_ENGINES' },
    );
  }
  if (requested === null || requested === undefined) return [...configured];
  const unknown = requested.filter((name) => !configured.includes(name));
  if (unknown.length > 0) {
    throw new UserError('BAD_USER_INPUT', `Unknown answer engine ${unknown.map((name) => `"${name.slice(0, 40)}"`).join(', ')}; configured: ${configured.join(', ')}.`, {
      field: 'engines',
    });
  }
  if (requested.length === 0) throw new UserError('BAD_USER_INPUT', 'Give at least one engine, or leave engines out to ask all.', { field: 'engines' });
  return [...new Set(requested)];
}

function checkSamples(samples: number | null | undefined): number {
  const value = samples ?? SAMPLES_PER_PROMPT.default;
  if (!Number.isInteger(value) || value < SAMPLES_PER_PROMPT.min || value > SAMPLES_PER_PROMPT.max) {
    throw new UserError('BAD_USER_INPUT', `samplesPerPrompt must be ${SAMPLES_PER_PROMPT.min} to ${SAMPLES_PER_PROMPT.max}; got ${value}.`, { field: 'samplesPerPrompt' });
  }
  return value;
}

/**
 * Starts a visibility audit of the caller's project: the audit (with the project's brands as they
 * are now), its audit row and its prompts job, in one transaction. Input is checked first:
 * nothing is written on a refusal.
 */
export async function startVisibilityAudit(
  prisma: PrismaClient,
  boss: PgBoss,
  projectId: string,
  input: RunVisibilityAuditInput,
  configuredEngines: readonly string[],
  caller: Caller,
) {
  const chosen = { engines: chooseEngines(input.engines, configuredEngines), samplesPerPrompt: checkSamples(input.samplesPerPrompt) };
  return prisma.$transaction(async (tx) => {
    // FOR SHARE: the project cannot be deleted (or its brands changed) under the copy.
    const owned = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM "Project" WHERE id = ${projectId}::uuid AND "ownerId" = ${caller.ownerId}::uuid FOR SHARE`;
    if (owned.length === 0) throw notFound('project');
    return createVisibilityAuditIn(tx, boss, projectId, chosen, caller);
  });
}

/**
 * The audit of a project the transaction already holds, with its audit row and prompts job:
 * what startVisibilityAudit and the scheduler both write.
 */
export async function createVisibilityAuditIn(
  tx: Transaction,
  boss: PgBoss,
  projectId: string,
  { engines, samplesPerPrompt }: { engines: string[]; samplesPerPrompt: number },
  caller: Caller,
) {
  const brands = await tx.projectBrand.findMany({ where: { projectId }, orderBy: { position: 'asc' } });
  const audit = await tx.visibilityAudit.create({
    data: {
      ownerId: caller.ownerId,
      projectId,
      engines,
      samplesPerPrompt,
      prompts: [],
      brands: auditBrands.write(brands.map(({ name, aliases, domains }) => ({ name, aliases, domains }))),
    },
  });
  await recordAudit(tx, caller, 'VISIBILITY_AUDIT_STARTED', { projectId, visibilityAuditId: audit.id });
  await appendRunEvent(tx, audit, 'RUN_STARTED');
  await sendVisibilityPromptsJob(boss, tx, audit.id);
  return audit;
}

/**
 * Ends a pending or running audit CANCELLED and cancels its queued jobs. A job already running
 * finds the audit cancelled when it checks before its request or when it stores, and stores
 * nothing. Another owner's audit is not found.
 */
export async function cancelVisibilityAudit(prisma: PrismaClient, boss: PgBoss, auditId: string, caller: Caller) {
  return prisma.$transaction(async (tx) => {
    const locked = await lockAudit(tx, auditId, caller.ownerId);
    if (!locked) throw notFound('visibility audit');
    if (!UNFINISHED.includes(locked.status)) {
      throw new UserError('CONFLICT', `The audit is already ${locked.status}; only a pending or running audit can be cancelled.`);
    }
    await cancelVisibilityJobs(boss, tx, auditId);
    await recordAudit(tx, caller, 'VISIBILITY_AUDIT_CANCELLED', { visibilityAuditId: auditId });
    const audit = await recordAuditChange(tx, locked, { status: 'CANCELLED', finishedAt: new Date(), error: 'Cancelled by request.' });
    await appendRunEvent(tx, audit, 'RUN_ENDED');
    return audit;
  });
}
