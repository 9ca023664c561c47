import type { ComparisonCore, CheckRow, GapEntry, RankedEntry } from '../analysis/compare';
import type { Insight as InsightShape } from '../analysis/insights/provider';
import type { PrismaClient } from '../db/prisma';
import type { Target as TargetRow } from '../db/generated/client/client';
import { builder } from './builder';
import { CheckCategory, InsightSeverity } from './enums';

type StoredComparison = ComparisonCore & { insights: InsightShape[] };

/** A stored comparison with the batch's targets, so target references resolve without more queries. */
export interface ComparisonView {
  report: StoredComparison;
  createdAt: Date;
  targets: Map<string, TargetRow>;
}

export async function loadComparison(prisma: PrismaClient, batchId: string): Promise<ComparisonView | null> {
  const [row, targets] = await Promise.all([
    prisma.comparison.findUnique({ where: { batchId } }),
    prisma.target.findMany({ where: { batchId } }),
  ]);
  if (!row) return null;
  return {
    report: row.report as unknown as StoredComparison,
    createdAt: row.createdAt,
    targets: new Map(targets.map((target) => [target.id, target])),
  };
}

type WithTargets<T> = T & { targets: Map<string, TargetRow> };

function targetsOf(view: { targets: Map<string, TargetRow> }, ids: readonly string[]): TargetRow[] {
  return ids.flatMap((id) => view.targets.get(id) ?? []);
}

const RankedTarget = builder.objectRef<WithTargets<RankedEntry>>('RankedTarget').implement({
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    target: t.prismaField({ type: 'Target', resolve: (_query, entry) => targetsOf(entry, [entry.targetId])[0]! }),
    overallScore: t.exposeInt('overallScore'),
    seoScore: t.exposeInt('seoScore'),
    aeoScore: t.exposeInt('aeoScore'),
    technicalScore: t.exposeInt('technicalScore'),
  }),
});

const CheckComparison = builder.objectRef<WithTargets<CheckRow>>('CheckComparison').implement({
  fields: (t) => ({
    checkId: t.exposeString('checkId'),
    category: t.expose('category', { type: CheckCategory }),
    passedBy: t.prismaField({ type: ['Target'], resolve: (_query, row) => targetsOf(row, row.passedBy) }),
    failedBy: t.prismaField({ type: ['Target'], resolve: (_query, row) => targetsOf(row, row.failedBy) }),
  }),
});

const Gap = builder.objectRef<WithTargets<GapEntry>>('Gap').implement({
  fields: (t) => ({
    checkId: t.exposeString('checkId'),
    message: t.exposeString('message'),
    competitors: t.prismaField({
      type: ['Target'],
      description: 'Competitors that pass this check.',
      resolve: (_query, gap) => targetsOf(gap, gap.competitors),
    }),
  }),
});

const Insight = builder.objectRef<InsightShape>('Insight').implement({
  fields: (t) => ({
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    severity: t.expose('severity', { type: InsightSeverity }),
    source: t.exposeString('source', {
      description: 'Where the insight came from: rules, or the name of the language model that wrote it.',
    }),
  }),
});

export const Comparison = builder.objectRef<ComparisonView>('Comparison').implement({
  fields: (t) => ({
    ranking: t.field({
      type: [RankedTarget],
      description: 'Successful targets, best overallScore first; ties share a rank.',
      resolve: (view) => view.report.ranking.map((entry) => ({ ...entry, targets: view.targets })),
    }),
    checks: t.field({
      type: [CheckComparison],
      description: 'One row per check id: who passes it and who fails it.',
      resolve: (view) => view.report.checks.map((row) => ({ ...row, targets: view.targets })),
    }),
    gaps: t.field({
      type: [Gap],
      description: 'Checks the subject fails that at least one competitor passes. Empty without a subject.',
      resolve: (view) => view.report.gaps.map((gap) => ({ ...gap, targets: view.targets })),
    }),
    insights: t.field({ type: [Insight], resolve: (view) => view.report.insights }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
