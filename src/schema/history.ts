import DataLoader from 'dataloader';
import { Prisma, type ProjectBrand } from '../db/generated/client/client';
import { Batch } from './batch';
import { VisibilityAudit } from './visibility';
import { builder } from './builder';
import type { Context } from './context';
import { BatchStatus } from './enums';
import { Brand, RunKind } from './project';

/*
 * A project's history and changes. Both come from what a finished run recorded (src/projects/
 * record.ts), which outlives the run's batch: a point or change whose batch RETENTION_DAYS
 * purged names its run as an ExpiredRun.
 */

const HistoryMetric = builder.enumType('HistoryMetric', {
  values: ['OVERALL_SCORE', 'SEO_SCORE', 'AEO_SCORE', 'TECHNICAL_SCORE', 'MENTION_RATE', 'SHARE_OF_VOICE', 'CITATION_SHARE'] as const,
});
const ChangeKind = builder.enumType('ChangeKind', {
  values: ['CHECK_FIXED', 'CHECK_BROKEN', 'SCORE_UP', 'SCORE_DOWN', 'MENTION_GAINED', 'MENTION_LOST', 'RANK_CHANGED'] as const,
});

export const ExpiredRun = builder.prismaNode('ProjectRun', {
  name: 'ExpiredRun',
  description:
    "A finished run of a project whose own record (its batch) was deleted by RETENTION_DAYS: what the project keeps of it. History and changes keep naming it.",
  id: { field: 'id' },
  // What the run kept for its next run to compare with (summary) is never read here.
  select: { id: true, kind: true, status: true, startedAt: true, finishedAt: true },
  // `node(id)` finds only runs of the caller's projects.
  nullable: true,
  findUnique: (id, ctx) => ({ id, project: { ownerId: ctx.caller.ownerId } }),
  fields: (t) => ({
    kind: t.expose('kind', { type: RunKind }),
    status: t.field({ type: BatchStatus, description: 'COMPLETED or FAILED.', resolve: (run) => run.status as 'COMPLETED' | 'FAILED' }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime' }),
  }),
});

/** A run as the project keeps it, and whether its batch or audit still exists. */
interface KeptRun {
  id: string;
  kind: 'SITE_AUDIT' | 'VISIBILITY_AUDIT';
  status: string;
  /** A string when read as JSON. */
  startedAt: Date | string;
  finishedAt: Date | string;
  batchLives: boolean;
  auditLives: boolean;
}

/** The columns of a KeptRun, of `ProjectRun r`. */
const KEPT_RUN = Prisma.sql`r.id, r.kind, r.status, r."startedAt", r."finishedAt",
  EXISTS (SELECT 1 FROM "Batch" b WHERE b.id = r.id) AS "batchLives",
  EXISTS (SELECT 1 FROM "VisibilityAudit" a WHERE a.id = r.id) AS "auditLives"`;

/** The runs of the caller's projects by id (the runs of a page of changes): two statements at most. */
async function loadRuns(ctx: Context, runIds: readonly string[]): Promise<object[]> {
  const kept = await ctx.prisma.$queryRaw<KeptRun[]>`
    SELECT ${KEPT_RUN} FROM "ProjectRun" r JOIN "Project" p ON p.id = r."projectId"
    WHERE r.id = ANY(${runIds}::uuid[]) AND p."ownerId" = ${ctx.caller.ownerId}::uuid`;
  const runs = await runsOf(ctx, kept);
  return runIds.map((id) => runs.get(id) ?? new Error(`run ${id} is not a run of the caller's projects`));
}

interface SeriesKey {
  projectId: string;
  metric: typeof HistoryMetric.$inferType;
  since: Date | null;
}

/** One brand's points of one metric, oldest first, as columns: epoch ms, value, run id. */
interface PointColumns {
  metric: SeriesKey['metric'];
  brandId: string;
  ats: number[];
  values: number[];
  runIds: string[];
}

/** What the history fields of one project and `since` need: its brands, their points, each point's run. */
interface HistoryRead {
  brands: ProjectBrand[];
  points: PointColumns[];
  runs: Map<string, object>;
}

/**
 * The brands, the points of every metric asked for and the runs behind them, in one statement
 * (a round trip per table costs more than the rows on a busy machine): the runs as kept, with
 * whether their batch or audit still exists, which only then are read in full.
 */
async function readHistory(ctx: Context, projectId: string, metrics: SeriesKey['metric'][], since: Date | null): Promise<HistoryRead> {
  const points = Prisma.sql`
    SELECT metric, "brandId", at, value, "runId" FROM "HistoryPoint"
    WHERE "projectId" = ${projectId}::uuid AND metric = ANY(${metrics}::"HistoryMetric"[]) AND at >= ${since ?? new Date(0)}`;
  const [row] = await ctx.prisma.$queryRaw<[{ brands: ProjectBrand[]; points: PointColumns[]; runs: KeptRun[] }]>`
    WITH points AS (${points})
    SELECT
      (SELECT coalesce(json_agg(b ORDER BY b.position), '[]') FROM "ProjectBrand" b WHERE b."projectId" = ${projectId}::uuid) AS brands,
      (SELECT coalesce(json_agg(s), '[]') FROM (
        SELECT metric, "brandId",
               array_agg((extract(epoch FROM at) * 1000)::float8 ORDER BY at, "runId") AS ats,
               array_agg(value ORDER BY at, "runId") AS values,
               array_agg("runId" ORDER BY at, "runId") AS "runIds"
        FROM points GROUP BY metric, "brandId") s) AS points,
      (SELECT coalesce(json_agg(r), '[]') FROM (SELECT ${KEPT_RUN} FROM "ProjectRun" r WHERE r.id IN (SELECT "runId" FROM points)) r) AS runs`;
  return { brands: row.brands, points: row.points, runs: await runsOf(ctx, row.runs) };
}

/** Each run as its batch or visibility audit while that exists, else as its ExpiredRun. */
async function runsOf(ctx: Context, kept: KeptRun[]): Promise<Map<string, object>> {
  const ids = (lives: (run: KeptRun) => boolean) => kept.filter(lives).map((run) => run.id);
  const batchIds = ids((run) => run.batchLives);
  const auditIds = ids((run) => run.auditLives);
  const owned = (ids: string[]) => ({ id: { in: ids }, ownerId: ctx.caller.ownerId });
  const [batches, audits] = await Promise.all([
    batchIds.length > 0 ? ctx.prisma.batch.findMany({ where: owned(batchIds) }) : [],
    auditIds.length > 0 ? ctx.prisma.visibilityAudit.findMany({ where: owned(auditIds) }) : [],
  ]);
  return new Map<string, object>([
    ...kept.map(({ batchLives, auditLives, ...run }) => [
      run.id,
      ExpiredRun.addBrand({ ...run, startedAt: new Date(run.startedAt), finishedAt: new Date(run.finishedAt) }),
    ] as const),
    ...batches.map((batch) => [batch.id, Batch.addBrand(batch)] as const),
    ...audits.map((audit) => [audit.id, VisibilityAudit.addBrand(audit)] as const),
  ]);
}

/** Fields read by one statement share a project and a `since`. */
const groupOf = ({ projectId, since }: Omit<SeriesKey, 'metric'>) => `${projectId} ${since?.toISOString() ?? ''}`;

async function loadHistories(ctx: Context, keys: readonly SeriesKey[]): Promise<HistoryRead[]> {
  const reads = new Map<string, Promise<HistoryRead>>();
  for (const [group, ofGroup] of Map.groupBy(keys, groupOf)) {
    const { projectId, since } = ofGroup[0]!;
    reads.set(group, readHistory(ctx, projectId, [...new Set(ofGroup.map((key) => key.metric))], since));
  }
  return Promise.all(keys.map((key) => reads.get(groupOf(key))!));
}

/**
 * Loaders batch what one pass of an execution asks for (the four history fields of a dashboard,
 * the runs of a page of changes) and cache nothing: a subscription's context lives on while
 * runs change.
 */
const loaders = new WeakMap<Context, { runs: DataLoader<string, object>; histories: DataLoader<SeriesKey, HistoryRead> }>();

function loadersOf(ctx: Context) {
  let found = loaders.get(ctx);
  if (!found) {
    found = {
      runs: new DataLoader((ids) => loadRuns(ctx, ids), { cache: false }),
      histories: new DataLoader((keys) => loadHistories(ctx, keys), { cache: false }),
    };
    loaders.set(ctx, found);
  }
  return found;
}

interface PointShape {
  at: Date;
  value: number;
  /** The run's Batch or ExpiredRun, loaded with the series: a series has one run per point. */
  run: object;
}

const HistoryPoint = builder.objectRef<PointShape>('HistoryPoint').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the run finished.' }),
    value: t.exposeFloat('value'),
    run: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The batch or visibility audit the value comes from; an ExpiredRun once that was purged.',
      resolve: (point) => point.run,
    }),
  }),
});

const HistorySeries = builder
  .objectRef<{ brand: typeof Brand.$inferType; points: PointShape[] }>('HistorySeries')
  .implement({
    fields: (t) => ({
      brand: t.field({ type: Brand, resolve: (series) => series.brand }),
      isSubject: t.boolean({ resolve: (series) => series.brand.position === 0 }),
      points: t.field({ type: [HistoryPoint], description: 'Oldest first.', resolve: (series) => series.points }),
    }),
  });

builder.prismaObject('ProjectChange', {
  name: 'Change',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime', description: 'When the run that found it finished.' }),
    kind: t.expose('kind', { type: ChangeKind }),
    brand: t.relation('brand'),
    isSubject: t.boolean({
      description: "True for the project's own brand.",
      select: { brand: { select: { position: true } } },
      resolve: (change) => change.brand.position === 0,
    }),
    subject: t.exposeString('subject', {
      description: 'The check id for CHECK_* changes; the metric name for score and visibility changes; RANK for RANK_CHANGED.',
    }),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
    message: t.exposeString('message', { description: 'One sentence a person reads in an alert.' }),
    run: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The run that found the change: its batch or visibility audit, or an ExpiredRun once that was purged.',
      resolve: (change, _args, ctx) => loadersOf(ctx).runs.load(change.runId),
    }),
  }),
});

builder.prismaObjectFields('Project', (t) => ({
  history: t.field({
    type: [HistorySeries],
    description:
      "One series per brand for the metric, the project's own first, each point a finished run (since the given time), oldest first. Visibility metrics have no points until visibility audits run.",
    args: {
      metric: t.arg({ type: HistoryMetric, required: true }),
      since: t.arg({ type: 'DateTime', required: false }),
    },
    select: { id: true },
    resolve: async (project, args, ctx) => {
      const { brands, points, runs } = await loadersOf(ctx).histories.load({ projectId: project.id, metric: args.metric, since: args.since ?? null });
      const ofMetric = new Map(points.filter((columns) => columns.metric === args.metric).map((columns) => [columns.brandId, columns]));
      // A run's points share its time: one Date each, not one per brand and metric.
      const dates = new Map<number, Date>();
      const dateOf = (at: number) => dates.get(at) ?? dates.set(at, new Date(at)).get(at)!;
      return brands.map((brand) => {
        const columns = ofMetric.get(brand.id);
        return {
          brand,
          points: (columns?.runIds ?? []).map((runId, index) => ({ at: dateOf(columns!.ats[index]!), value: columns!.values[index]!, run: runs.get(runId)! })),
        };
      });
    },
  }),
  changes: t.relatedConnection(
    'changes',
    {
      cursor: 'id',
      description: 'What changed between consecutive runs, newest first. 50 a page unless first says otherwise; at most 100.',
      defaultSize: 50,
      maxSize: 100,
      query: { orderBy: [{ at: 'desc' }, { id: 'desc' }] },
    },
    { name: 'ChangeConnection' },
    { name: 'ChangeEdge' },
  ),
}));
