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

type Runs = Map<string, object>;

/** The batches, visibility audits and kept runs matching `where`, each run once: the batch or audit while it exists, else its ExpiredRun. */
async function findRuns(ctx: Context, where: { id?: { in: string[] }; projectId?: string; finishedAt?: { gte: Date } }): Promise<Runs> {
  const { ownerId } = ctx.caller;
  // Together, in one round trip: a run's kept record is read even while its batch exists.
  const [batches, audits, kept] = await Promise.all([
    ctx.prisma.batch.findMany({ where: { ...where, ownerId } }),
    ctx.prisma.visibilityAudit.findMany({ where: { ...where, ownerId } }),
    ctx.prisma.projectRun.findMany({ where: { ...where, project: { ownerId } } }),
  ]);
  return new Map<string, object>([
    ...kept.map((run) => [run.id, ExpiredRun.addBrand(run)] as const),
    ...batches.map((batch) => [batch.id, Batch.addBrand(batch)] as const),
    ...audits.map((audit) => [audit.id, VisibilityAudit.addBrand(audit)] as const),
  ]);
}

const missingRun = (id: string) => new Error(`run ${id} is neither a batch nor a kept run`);

interface SeriesKey {
  projectId: string;
  metric: typeof HistoryMetric.$inferType;
  since: Date | null;
}

/** Each brand's points of one metric, oldest first, as columns: epoch ms, value, run id. */
interface Columns {
  ats: number[];
  values: number[];
  runIds: string[];
}

/** A metric's series: the project's brands in order, each with its points' columns (null: no points). */
type RawSeries = { brand: typeof Brand.$inferType; columns: Columns | null }[];

/** Series read by one statement share a project and a `since`. */
const groupOf = ({ projectId, since }: Omit<SeriesKey, 'metric'>) => `${projectId} ${since?.toISOString() ?? ''}`;

/**
 * The brands and their points of every metric asked for with the same `since`, in one
 * statement: the brands are not a round trip of their own before the points.
 */
async function loadSeries(ctx: Context, keys: readonly SeriesKey[]): Promise<RawSeries[]> {
  const found = new Map<string, RawSeries>();
  for (const group of Map.groupBy(keys, groupOf).values()) {
    const { projectId, since } = group[0]!;
    // Aggregated in PostgreSQL: a row per brand and metric, not one per point through the client's row mapping.
    const rows = await ctx.prisma.$queryRaw<(typeof Brand.$inferType & Partial<Columns> & { metric: SeriesKey['metric'] })[]>`
      WITH series AS (
        SELECT metric, "brandId",
               array_agg((extract(epoch FROM at) * 1000)::float8 ORDER BY at, "runId") AS ats,
               array_agg(value ORDER BY at, "runId") AS values,
               array_agg("runId"::text ORDER BY at, "runId") AS "runIds"
        FROM "HistoryPoint"
        WHERE "projectId" = ${projectId}::uuid AND metric = ANY(${group.map((key) => key.metric)}::"HistoryMetric"[])
          AND at >= ${since ?? new Date(0)}
        GROUP BY metric, "brandId")
      SELECT b.id::text, b."projectId"::text, b.position, b.name, b.aliases, b.domains, m.metric::text, s.ats, s.values, s."runIds"
      FROM "ProjectBrand" b
      CROSS JOIN unnest(${group.map((key) => key.metric)}::"HistoryMetric"[]) AS m(metric)
      LEFT JOIN series s ON s."brandId" = b.id AND s.metric = m.metric
      WHERE b."projectId" = ${projectId}::uuid
      ORDER BY b.position`;
    for (const { metric, ats, values, runIds, ...brand } of rows) {
      const key = `${groupOf({ projectId, since })} ${metric}`;
      found.set(key, [...(found.get(key) ?? []), { brand, columns: runIds ? { ats: ats!, values: values!, runIds } : null }]);
    }
  }
  return keys.map((key) => found.get(`${groupOf(key)} ${key.metric}`) ?? []);
}

/**
 * Loaders batch what one pass of an execution asks for (the four history fields of a dashboard,
 * the runs of all their points) and cache nothing: a subscription's context lives on while
 * runs change.
 */
const loaders = new WeakMap<
  Context,
  { runs: DataLoader<string, object>; projectRuns: DataLoader<Omit<SeriesKey, 'metric'>, Runs>; series: DataLoader<SeriesKey, RawSeries> }
>();

function loadersOf(ctx: Context) {
  let found = loaders.get(ctx);
  if (!found) {
    found = {
      runs: new DataLoader(
        async (ids) => {
          const runs = await findRuns(ctx, { id: { in: [...ids] } });
          return ids.map((id) => runs.get(id) ?? missingRun(id));
        },
        { cache: false },
      ),
      // A history's runs are those its project finished since `since`: read beside the points, not after them.
      projectRuns: new DataLoader(
        async (keys) => {
          const byGroup = new Map(keys.map((key) => [groupOf(key), key]));
          const found = new Map(
            await Promise.all(
              [...byGroup].map(async ([group, { projectId, since }]) => [group, await findRuns(ctx, { projectId, finishedAt: { gte: since ?? new Date(0) } })] as const),
            ),
          );
          return keys.map((key) => found.get(groupOf(key))!);
        },
        { cache: false },
      ),
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
    resolve: async (project, args, ctx) => {
      const { projectRuns, series } = loadersOf(ctx);
      const key = { projectId: project.id, since: args.since ?? null };
      const [brands, runs] = await Promise.all([series.load({ ...key, metric: args.metric }), projectRuns.load(key)]);
      // A run's points share its time: one Date each, not one per brand and metric.
      const dates = new Map<number, Date>();
      const dateOf = (at: number) => dates.get(at) ?? dates.set(at, new Date(at)).get(at)!;
      return brands.map(({ brand, columns }) => ({
        brand,
        points: (columns?.runIds ?? []).map((runId, index) => {
          const run = runs.get(runId);
          if (!run) throw missingRun(runId);
          return { at: dateOf(columns!.ats[index]!), value: columns!.values[index]!, run };
        }),
      }));
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
