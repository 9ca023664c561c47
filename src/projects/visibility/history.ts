import { z } from 'zod';
import { column } from '../../batches/jsonColumns';
import type { Transaction } from '../../db/prisma';
import { changeIdsInOrder } from '../record';
import { mentionChange, VISIBILITY_METRICS, type BrandSpec, type VisibilityScores } from '../../visibility';

/** What a visibility run keeps per brand id for the next one to be compared with. */
type RunSummary = Record<string, { mentionRate: number; mentionRateLow: number; mentionRateHigh: number }>;

const runSummary = column<RunSummary>(
  'ProjectRun.summary (visibility)',
  z.record(z.string(), z.object({ mentionRate: z.number(), mentionRateLow: z.number(), mentionRateHigh: z.number() })),
);

const percent = (rate: number) => `${Math.round(rate * 100)} %`;

/**
 * Records a completed audit as a finished run of its project, in the transaction that ends it:
 * the run with its summary, one history point per brand and visibility metric (MENTION_RATE,
 * SHARE_OF_VOICE, CITATION_SHARE), and a MENTION_GAINED or MENTION_LOST change for each brand
 * whose mention rate's 95 % interval does not overlap the previous visibility run's. A brand is
 * the project's brand with the same first domain (brands keep their id while it stays); brands
 * removed from the project since the audit started are left out.
 */
export async function recordVisibilityRun(
  tx: Transaction,
  audit: { id: string; projectId: string; startedAt: Date; finishedAt: Date },
  brands: readonly BrandSpec[],
  scores: VisibilityScores,
): Promise<void> {
  const rows = await tx.projectBrand.findMany({ where: { projectId: audit.projectId } });
  const idBySite = new Map(rows.map((row) => [row.domains[0], row.id]));
  const scored = scores.brands.flatMap((score, index) => {
    const brandId = idBySite.get(brands[index]?.domains?.[0]);
    return brandId ? [{ brandId, score }] : [];
  });
  const previous = await tx.projectRun.findFirst({
    where: { projectId: audit.projectId, kind: 'VISIBILITY_AUDIT', status: 'COMPLETED' },
    orderBy: { finishedAt: 'desc' },
  });
  const summary: RunSummary = Object.fromEntries(
    scored.map(({ brandId, score }) => [brandId, { mentionRate: score.mentionRate, mentionRateLow: score.mentionRateLow, mentionRateHigh: score.mentionRateHigh }]),
  );
  await tx.projectRun.create({
    data: { id: audit.id, projectId: audit.projectId, kind: 'VISIBILITY_AUDIT', status: 'COMPLETED', startedAt: audit.startedAt, finishedAt: audit.finishedAt, summary: runSummary.write(summary) },
  });
  await tx.historyPoint.createMany({
    data: scored.flatMap(({ brandId, score }) =>
      Object.entries(VISIBILITY_METRICS).map(([metric, value]) => ({
        runId: audit.id,
        brandId,
        projectId: audit.projectId,
        metric: metric as keyof typeof VISIBILITY_METRICS,
        at: audit.finishedAt,
        value: value(score),
      })),
    ),
  });
  if (!previous) return;
  const before = runSummary.read(previous.summary, `run ${previous.id}`);
  const changes = scored.flatMap(({ brandId, score }) => {
    const was = before[brandId];
    if (!was) return [];
    const kind = mentionChange({ low: was.mentionRateLow, high: was.mentionRateHigh }, { low: score.mentionRateLow, high: score.mentionRateHigh });
    if (!kind) return [];
    const message = `${score.brand} is ${kind === 'MENTION_GAINED' ? 'named more' : 'named less'} often: ${percent(was.mentionRate)} of answers before, ${percent(score.mentionRate)} now (the 95 % intervals do not overlap).`;
    return [{ projectId: audit.projectId, runId: audit.id, brandId, kind, subject: 'MENTION_RATE', before: String(was.mentionRate), after: String(score.mentionRate), message, at: audit.finishedAt }];
  });
  const ids = changeIdsInOrder(changes.length);
  if (changes.length > 0) await tx.projectChange.createMany({ data: changes.map((change, index) => ({ id: ids[index]!, ...change })) });
}
