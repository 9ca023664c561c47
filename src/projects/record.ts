import { randomUUID } from 'node:crypto';
import { projectRunJson } from '../batches/jsonColumns';
import type { Transaction } from '../db/prisma';
import { detectChanges, scoresOf, summarizeRun, type RunBrandRef, type SummaryInput } from './changes';
import { siteUrlOf } from './domains';

export interface FinishedSiteAudit {
  id: string;
  projectId: string;
  status: 'COMPLETED' | 'FAILED';
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date;
}

/** The project's brands as a run of it sees them: each found by its first domain's site URL, as runSiteAudit listed them. */
async function brandsOf(tx: Transaction, projectId: string): Promise<RunBrandRef[]> {
  const rows = await tx.projectBrand.findMany({ where: { projectId }, orderBy: { position: 'asc' } });
  return rows.map((row) => ({ id: row.id, name: row.name, url: new URL(siteUrlOf(row.domains[0]!)).href, isSubject: row.position === 0 }));
}

/**
 * Records a project's site audit as it ends, in the transaction that ends its batch and before
 * the batch's end is announced (listeners read these rows when they hear of it): the run and
 * its summary, each brand's scores as history points, and what changed since the project's
 * previous completed site audit (the one started last before this one; a FAILED run has
 * nothing to compare). A batch retried and compared again replaces what its first end recorded;
 * a change found both times keeps its row.
 */
export async function recordSiteAudit(tx: Transaction, batch: FinishedSiteAudit, input: SummaryInput): Promise<void> {
  const brands = await brandsOf(tx, batch.projectId);
  if (brands.length === 0) return; // the project was deleted since its batch was read
  const summary = summarizeRun(brands, input);
  const { id: runId, projectId, status, finishedAt: at } = batch;
  const startedAt = batch.startedAt ?? batch.createdAt;
  const run = { status, startedAt, finishedAt: at, summary: projectRunJson.summary.write(summary) };
  await tx.projectRun.upsert({ where: { id: runId }, create: { id: runId, projectId, kind: 'SITE_AUDIT', ...run }, update: run });

  await tx.historyPoint.deleteMany({ where: { runId } });
  await tx.historyPoint.createMany({
    data: Object.entries(summary).flatMap(([brandId, entry]) =>
      Object.entries(scoresOf(entry) ?? {}).map(([metric, value]) => ({
        runId,
        brandId,
        projectId,
        metric: metric as keyof NonNullable<ReturnType<typeof scoresOf>>,
        at,
        value,
      })),
    ),
  });

  const previous = await tx.projectRun.findFirst({
    where: { projectId, kind: 'SITE_AUDIT', status: 'COMPLETED', id: { not: runId }, startedAt: { lt: startedAt } },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
  });
  const changes = previous ? detectChanges(brands, projectRunJson.summary.read(previous.summary, `run ${previous.id}`), summary) : [];
  const keyOf = (change: { brandId: string; kind: string; subject: string }) => `${change.brandId} ${change.kind} ${change.subject}`;
  const existing = new Map((await tx.projectChange.findMany({ where: { runId } })).map((row) => [keyOf(row), row]));
  const fresh = changes.filter((change) => !existing.has(keyOf(change)));
  const ids = changeIdsInOrder(fresh.length);
  await tx.projectChange.createMany({ data: fresh.map((change, index) => ({ id: ids[index]!, ...change, projectId, runId, at })) });
  for (const change of changes) {
    const row = existing.get(keyOf(change));
    if (row) await tx.projectChange.update({ where: { id: row.id }, data: { before: change.before, after: change.after, message: change.message, at } });
  }
  const found = new Set(changes.map(keyOf));
  const stale = [...existing.values()].filter((row) => !found.has(keyOf(row))).map((row) => row.id);
  if (stale.length > 0) await tx.projectChange.deleteMany({ where: { id: { in: stale } } });
}

/**
 * Ids for one run's changes, random but handed out largest first: changes list newest first,
 * then by id descending, so a run's changes read in the order they were found (the project's
 * own brand first).
 */
export function changeIdsInOrder(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID()).sort().reverse();
}
