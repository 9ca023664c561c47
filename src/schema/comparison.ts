import { describeCheck } from '../analysis';
import { toComparedTarget } from '../batches/analysisRows';
import { comparisonJson } from '../batches/jsonColumns';
import type {
  CategoryLeader,
  CheckRow,
  ComparisonReport,
  GapEntry,
  Insight as InsightShape,
  NotAnalysedEntry,
  RankedEntry,
  SitePassRate as SitePassRateShape,
  SubjectStanding,
} from '../comparison';
import { compareTargets, passRatesOf, writeRuleInsights } from '../comparison';
import type { PrismaClient } from '../db/prisma';
import type { Target as TargetRow } from '../db/generated/client/client';
import { builder } from './builder';
import { CheckCategory, CheckOutcome, InsightSeverity } from './enums';
import { HOW_TO_FIX } from './pageAnalysis';

/** A stored comparison with the batch's targets, so target references resolve without more queries. */
export interface ComparisonView {
  report: ComparisonReport;
  createdAt: Date;
  targets: Map<string, TargetRow>;
  /** Of a cancelled batch's pages analysed before it was cancelled. */
  partial: boolean;
}

/** What a cancelled target's entry among those not analysed says. */
const CANCELLED_BEFORE_ANALYSIS = 'Cancelled before it was analysed.';

export async function loadComparison(prisma: PrismaClient, batchId: string): Promise<ComparisonView | null> {
  const [row, targets] = await Promise.all([
    prisma.comparison.findUnique({ where: { batchId } }),
    prisma.target.findMany({ where: { batchId } }),
  ]);
  if (!row) return null;
  return {
    report: comparisonJson.report.read(row.report, `batch ${batchId}`),
    createdAt: row.createdAt,
    targets: new Map(targets.map((target) => [target.id, target])),
    partial: false,
  };
}

/**
 * The comparison of the pages a cancelled batch analysed before it was cancelled, or null when
 * fewer than two were. Computed when asked, with the rules' insights (no language model during a
 * query), and never stored: the pages of a cancelled batch no longer change.
 */
export async function comparePartially(
  prisma: PrismaClient,
  batch: { id: string; createdAt: Date; finishedAt: Date | null },
): Promise<ComparisonView | null> {
  const targets = await prisma.target.findMany({ where: { batchId: batch.id }, include: { analysis: true }, orderBy: { position: 'asc' } });
  if (targets.filter((target) => target.analysis).length < 2) return null;
  const compared = targets.map((target) => ({
    ...toComparedTarget(target),
    error: target.status === 'CANCELLED' ? CANCELLED_BEFORE_ANALYSIS : target.error,
  }));
  const core = compareTargets(compared);
  return {
    report: { ...core, insights: writeRuleInsights({ comparison: core, targets: compared }), llmFailure: null },
    createdAt: batch.finishedAt ?? batch.createdAt,
    targets: new Map(targets.map(({ analysis: _analysis, ...target }) => [target.id, target])),
    partial: true,
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
    indexable: t.exposeBoolean('indexable', {
      description:
        "False when the target's page is not indexable (4xx/5xx, noindex, robots.txt, a canonical naming another URL). " +
        'A non-indexable target always ranks below every indexable one, whatever its score.',
    }),
    excludedReason: t.exposeString('excludedReason', {
      nullable: true,
      description: 'Why the target is not indexable, in words (e.g. "Answers 404"); null when it is.',
    }),
    overallScore: t.exposeInt('overallScore'),
    seoScore: t.exposeInt('seoScore'),
    aeoScore: t.exposeInt('aeoScore'),
    technicalScore: t.exposeInt('technicalScore'),
  }),
});

const SitePassRate = builder.objectRef<WithTargets<SitePassRateShape>>('SitePassRate').implement({
  description: "One target's share of pages passing a check.",
  fields: (t) => ({
    target: t.prismaField({ type: 'Target', resolve: (_query, entry) => targetsOf(entry, [entry.targetId])[0]! }),
    rate: t.exposeFloat('rate', {
      description: "Pages passing over pages where the check applies, 0..1; a page's own rate is 1 when it passes, else 0.",
    }),
  }),
});

const CheckComparison = builder.objectRef<WithTargets<CheckRow>>('CheckComparison').implement({
  description:
    "One check across the targets. When the batch crawls, a site is in passedBy when the check passes on every page where it applies, " +
    'in failedBy when more of its pages fail than pass, else in warnedBy (a mixed site).',
  fields: (t) => ({
    checkId: t.exposeString('checkId'),
    category: t.expose('category', { type: CheckCategory }),
    weight: t.exposeFloat('weight'),
    passedBy: t.prismaField({ type: ['Target'], resolve: (_query, row) => targetsOf(row, row.passedBy) }),
    warnedBy: t.prismaField({
      type: ['Target'],
      description: 'Targets with a warning on this check: neither passing nor failing it.',
      resolve: (_query, row) => targetsOf(row, row.warnedBy),
    }),
    failedBy: t.prismaField({ type: ['Target'], resolve: (_query, row) => targetsOf(row, row.failedBy) }),
    passRates: t.field({
      type: [SitePassRate],
      description: 'Each target the check applies to, in submission order, with its share of pages passing: the check matrix of sites.',
      resolve: (row) => {
        const position = (entry: SitePassRateShape) => row.targets.get(entry.targetId)?.position ?? Infinity;
        return passRatesOf(row)
          .filter((entry) => row.targets.has(entry.targetId))
          .sort((a, b) => position(a) - position(b))
          .map((entry) => ({ ...entry, targets: row.targets }));
      },
    }),
  }),
});

const Gap = builder.objectRef<WithTargets<GapEntry>>('Gap').implement({
  fields: (t) => ({
    checkId: t.exposeString('checkId'),
    category: t.expose('category', { type: CheckCategory }),
    weight: t.exposeFloat('weight'),
    subjectOutcome: t.expose('subjectOutcome', { type: CheckOutcome, description: 'FAIL or WARN.' }),
    priority: t.exposeFloat('priority', { description: 'weight × competitors passing.' }),
    message: t.exposeString('message', { description: "What the check found on the subject's page." }),
    title: t.string({ description: 'Plain-language name of the check.', resolve: (gap) => describeCheck(gap.checkId).title }),
    howToFix: t.string({ description: HOW_TO_FIX, resolve: (gap) => describeCheck(gap.checkId).howToFix }),
    estimatedGain: t.exposeFloat('estimatedGain', {
      description:
        "Points of the subject's overallScore gained by fixing it (all affected pages): the overall score recomputed, unrounded, with this check passing, to one decimal. Gaps come highest first.",
    }),
    pagesAffected: t.exposeInt('pagesAffected', { description: "Pages of the subject's site affected; 1 when the batch does not crawl." }),
    competitors: t.prismaField({
      type: ['Target'],
      description: 'Indexable competitors that pass this check.',
      resolve: (_query, gap) => targetsOf(gap, gap.competitors),
    }),
  }),
});

export const Insight = builder.objectRef<InsightShape>('Insight').implement({
  fields: (t) => ({
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    severity: t.expose('severity', { type: InsightSeverity }),
    source: t.exposeString('source', {
      description: 'Where the insight came from: rules, or the name of the language model that wrote it.',
    }),
  }),
});

const CategoryLeaderRef = builder.objectRef<WithTargets<CategoryLeader>>('CategoryLeader').implement({
  fields: (t) => ({
    category: t.exposeString('category', { description: 'OVERALL, SEO, AEO or TECHNICAL.' }),
    score: t.exposeInt('score'),
    targets: t.prismaField({
      type: ['Target'],
      description: 'Every target with the top score of the category.',
      resolve: (_query, leader) => targetsOf(leader, leader.targetIds),
    }),
  }),
});

const SubjectStandingRef = builder.objectRef<WithTargets<SubjectStanding>>('SubjectStanding').implement({
  fields: (t) => ({
    target: t.prismaField({ type: 'Target', resolve: (_query, subject) => targetsOf(subject, [subject.targetId])[0]! }),
    rank: t.exposeInt('rank', { nullable: true, description: 'Null when the subject could not be analysed.' }),
    analysedCompetitors: t.exposeInt('analysedCompetitors'),
  }),
});

const NotAnalysed = builder.objectRef<WithTargets<NotAnalysedEntry>>('NotAnalysedTarget').implement({
  fields: (t) => ({
    target: t.prismaField({ type: 'Target', resolve: (_query, entry) => targetsOf(entry, [entry.targetId])[0]! }),
    error: t.exposeString('error'),
  }),
});

export const Comparison = builder.objectRef<ComparisonView>('Comparison').implement({
  fields: (t) => ({
    ranking: t.field({
      type: [RankedTarget],
      description: 'Successful targets: indexable ones first, then best overallScore first; ties share a rank.',
      resolve: (view) => view.report.ranking.map((entry) => ({ ...entry, targets: view.targets })),
    }),
    checks: t.field({
      type: [CheckComparison],
      description: 'One row per check id: who passes it and who fails it.',
      resolve: (view) => view.report.checks.map((row) => ({ ...row, targets: view.targets })),
    }),
    gaps: t.field({
      type: [Gap],
      description:
        'Checks the subject fails or warns on that at least one indexable competitor passes, most estimatedGain first (equal gains by checkId). Empty without a subject.',
      resolve: (view) => view.report.gaps.map((gap) => ({ ...gap, targets: view.targets })),
    }),
    leaders: t.field({
      type: [CategoryLeaderRef],
      description: 'The best score of each category among indexable targets and who reaches it.',
      resolve: (view) => view.report.leaders.map((leader) => ({ ...leader, targets: view.targets })),
    }),
    subject: t.field({
      type: SubjectStandingRef,
      nullable: true,
      description: "The subject's place in the ranking; null without a subject.",
      resolve: (view) => (view.report.subject ? { ...view.report.subject, targets: view.targets } : null),
    }),
    notAnalysed: t.field({
      type: [NotAnalysed],
      description: 'Targets that could not be analysed, with why; they are not in the ranking.',
      resolve: (view) => view.report.notAnalysed.map((entry) => ({ ...entry, targets: view.targets })),
    }),
    insights: t.field({ type: [Insight], resolve: (view) => view.report.insights }),
    llmFailure: t.string({
      nullable: true,
      description: "Why a configured language model's insights were not used; null when they were, or when none is configured.",
      resolve: (view) => view.report.llmFailure,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    partial: t.exposeBoolean('partial', {
      description: "True for a cancelled batch's Batch.partialComparison: only the pages analysed before it was cancelled.",
    }),
  }),
});
