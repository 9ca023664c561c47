import DataLoader from 'dataloader';
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

/**
 * Each run's batch or visibility audit while it exists, else its ExpiredRun, by run id: three
 * queries for any number of runs.
 */
async function loadRuns(ctx: Context, runIds: readonly string[]): Promise<object[]> {
  const owned = { id: { in: [...runIds] }, ownerId: ctx.caller.ownerId };
  // Together, in one round trip: a run's kept record is read even while its batch exists.
  const [batches, audits, kept] = await Promise.all([
    ctx.prisma.batch.findMany({ where: owned }),
    ctx.prisma.visibilityAudit.findMany({ where: owned }),
    ctx.prisma.projectRun.findMany({ where: { id: { in: [...runIds] }, project: { ownerId: ctx.caller.ownerId } } }),
  ]);
  const runs = new Map<string, object>([
    ...kept.map((run) => [run.id, ExpiredRun.addBrand(run)] as const),
    ...batches.map((batch) => [batch.id, Batch.addBrand(batch)] as const),
    ...audits.map((audit) => [audit.id, VisibilityAudit.addBrand(audit)] as const),
  ]);
  return runIds.map((id) => runs.get(id) ?? new Error(`run ${id} is neither a batch nor a kept run`));
}

interface SeriesKey {
  projectId: string;
  metric: typeof HistoryMetric.$inferType;
  since: Date | null;
}

/** Each brand's points of one metric, oldest first, as columns: epoch ms, value, run id. */
type RawSeries = Map<string, { ats: number[]; values: number[]; runIds: string[] }>;

/** Series read by one statement share a project and a `since`. */
const groupOf = ({ projectId, since }: Omit<SeriesKey, 'metric'>) => `${projectId} ${since?.toISOString() ?? ''}`;
const keyOf = (key: SeriesKey) => `${groupOf(key)} ${key.metric}`;

/** The points of every metric asked for with the same `since`, in one statement. */
async function loadSeries(ctx: Context, keys: readonly SeriesKey[]): Promise<RawSeries[]> {
  const bySince = Map.groupBy(keys, groupOf);
  const found = new Map<string, RawSeries>();
  for (const group of bySince.values()) {
    const { projectId, since } = group[0]!;
    // Aggregated in PostgreSQL: a row per brand and metric, not one per point through the client's row mapping.
    const rows = await ctx.prisma.$queryRaw<{ metric: SeriesKey['metric']; brandId: string; ats: number[]; values: number[]; runIds: string[] }[]>`
      SELECT metric::text, "brandId"::text,
             array_agg((extract(epoch FROM at) * 1000)::float8 ORDER BY at, "runId") AS ats,
             array_agg(value ORDER BY at, "runId") AS values,
             array_agg("runId"::text ORDER BY at, "runId") AS "runIds"
      FROM "HistoryPoint"
      WHERE "projectId" = ${projectId}::uuid AND metric = ANY(${group.map((key) => key.metric)}::"HistoryMetric"[])
        AND at >= ${since ?? new Date(0)}
      GROUP BY metric, "brandId"`;
    for (const row of rows) {
      const key = keyOf({ projectId, metric: row.metric, since });
      found.set(key, (found.get(key) ?? new Map()).set(row.brandId, row));
    }
  }
  return keys.map((key) => found.get(keyOf(key)) ?? new Map());
}

/**
 * Loaders batch what one pass of an execution asks for (the four history fields of a dashboard,
 * the runs of all their points) and cache nothing: a subscription's context lives on while
 * runs change.
 */
const loaders = new WeakMap<Context, { runs: DataLoader<string, object>; series: DataLoader<SeriesKey, RawSeries> }>();

function loadersOf(ctx: Context) {
  let found = loaders.get(ctx);
  if (!found) {
    found = {
      runs: new DataLoader((ids) => loadRuns(ctx, ids), { cache: false }),
      series: new DataLoader((keys) => loadSeries(ctx, keys), { cache: false }),
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
    select: { id: true, brands: { orderBy: { position: 'asc' } } },
    resolve: async (project, args, ctx) => {
      const { runs, series } = loadersOf(ctx);
      const points = await series.load({ projectId: project.id, metric: args.metric, since: args.since ?? null });
      // The few runs behind thousands of points, loaded once rather than asked for point by point.
      const runIds = [...new Set([...points.values()].flatMap((columns) => columns.runIds))];
      const byId = new Map((await runs.loadMany(runIds)).map((run, index) => [runIds[index]!, run]));
      // A run's points share its time: one Date each, not one per brand and metric.
      const dates = new Map<number, Date>();
      const dateOf = (at: number) => dates.get(at) ?? dates.set(at, new Date(at)).get(at)!;
      return project.brands.map((brand) => {
        const columns = points.get(brand.id);
        return {
          brand,
          points: (columns?.runIds ?? []).map((runId, index) => {
            const run = byId.get(runId)!;
            if (run instanceof Error) throw run;
            return { at: dateOf(columns!.ats[index]!), value: columns!.values[index]!, run };
          }),
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
