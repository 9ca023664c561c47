import { cancelBatch } from '../batches/cancel';
import { batchLimitsOf, createBatch } from '../batches/create';
import { retryBatch } from '../batches/retry';
import { batchLogFields } from '../batches/transitions';
import { notFound } from '../errors';
import { percentDone } from '#shared/format';
import { builder } from './builder';
import { Comparison, comparePartially, loadComparison } from './comparison';
import { BatchStatus } from './enums';
import { decodeId } from './ids';
import { CONNECTION_PAGE } from './paging';

export const Batch = builder.prismaNode('Batch', {
  id: { field: 'id' },
  // `node(id)` finds only the caller's batches.
  nullable: true,
  findUnique: (id, ctx) => ({ id, ownerId: ctx.caller.ownerId }),
  fields: (t) => ({
    name: t.exposeString('name'),
    status: t.expose('status', { type: BatchStatus }),
    // No `select` here or on `comparison`: they read scalar columns every Batch row has, and a
    // `select` would make Pothos query again for rows it did not load itself (those events carry).
    progress: t.int({
      description: 'Percent of targets finished, 0..100. Never decreases while the batch runs.',
      resolve: ({ completedUrls, totalUrls }) => percentDone(completedUrls, totalUrls),
    }),
    totalUrls: t.exposeInt('totalUrls'),
    maxPagesPerSite: t.exposeInt('maxPagesPerSite', { description: 'Pages analysed per site: 1 analyses each URL alone, more crawls each site from its URL.' }),
    completedUrls: t.exposeInt('completedUrls', { description: 'Targets that reached SUCCEEDED or FAILED.' }),
    failedUrls: t.exposeInt('failedUrls'),
    sequence: t.exposeInt('sequence', { description: 'Increases with every change of the batch or its targets.' }),
    targets: t.relation('targets', { query: { orderBy: { position: 'asc' } } }),
    comparison: t.field({
      type: Comparison,
      nullable: true,
      description: 'Null until the batch is COMPLETED.',
      resolve: (batch, _args, ctx) => (batch.status === 'COMPLETED' ? loadComparison(ctx.prisma, batch.id) : null),
    }),
    partialComparison: t.field({
      type: Comparison,
      nullable: true,
      description:
        'For a CANCELLED batch with at least two pages analysed before it was cancelled: the comparison of those pages (partial is true; ' +
        'the others are listed among notAnalysed), with the rules\' insights. Null otherwise; comparison stays null for such a batch.',
      resolve: (batch, _args, ctx) => (batch.status === 'CANCELLED' ? comparePartially(ctx.prisma, batch) : null),
    }),
    error: t.exposeString('error', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

/** Also the type of a project's siteAudits. */
export const BatchConnection = builder.connectionObject({ type: Batch, name: 'BatchConnection' }, { name: 'BatchEdge' });

const CreateBatchInput = builder.inputType('CreateBatchInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    urls: t.stringList({
      required: true,
      description:
        '1 to the configured maximum (default 50) absolute http(s) URLs; duplicates after normalisation are rejected.',
    }),
    subjectUrl: t.string({ required: false, description: 'Optional; must be one of urls.' }),
    maxPagesPerSite: t.int({
      required: false,
      description:
        'Pages to analyse per site. 1 (the default) analyses just the given URL. Above 1 the site is crawled from that URL, its sitemaps ' +
        'and its internal links, up to this many HTML pages, at most MAX_PAGES_PER_SITE (default 500); more is BAD_USER_INPUT. ' +
        'A crawling batch compares sites: two URLs of one site (same host, or its www/apex pair) are BAD_USER_INPUT.',
    }),
  }),
});

builder.queryFields((t) => ({
  batch: t.prismaField({
    type: 'Batch',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    description: "NOT_FOUND when there is no such batch or it is another owner's.",
    resolve: async (query, _root, args, ctx) => {
      const batch = await ctx.prisma.batch.findFirst({
        ...query,
        where: { id: decodeId(String(args.id), 'Batch'), ownerId: ctx.caller.ownerId },
      });
      if (!batch) throw notFound('batch');
      return batch;
    },
  }),
  batches: t.prismaConnection(
    {
      type: 'Batch',
      cursor: 'id',
      description: "The caller's batches, newest first. 20 a page unless first (forwards from after) or last (backwards from before) says otherwise; at most 100.",
      ...CONNECTION_PAGE,
      args: { status: t.arg({ type: BatchStatus, required: false }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.batch.findMany({
          ...query,
          where: { ownerId: ctx.caller.ownerId, ...(args.status ? { status: args.status } : {}) },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    BatchConnection,
  ),
}));

interface LimitsShape {
  maxUrlsPerBatch: number;
  maxPagesPerSite: number;
  maxRunningBatches: number;
  maxUrlsPerDay: number;
}

const Limits = builder.objectRef<LimitsShape>('Limits').implement({
  description: "This server's limits on what a caller may ask, so that a form can say them before it is sent.",
  fields: (t) => ({
    maxUrlsPerBatch: t.exposeInt('maxUrlsPerBatch', { description: 'Most URLs in one createBatch.' }),
    maxPagesPerSite: t.exposeInt('maxPagesPerSite', { description: "Most pages of one site a batch may crawl (createBatch's maxPagesPerSite)." }),
    maxRunningBatches: t.exposeInt('maxRunningBatches', { description: 'Most batches an owner may have pending or running at once.' }),
    maxUrlsPerDay: t.exposeInt('maxUrlsPerDay', { description: 'Most URLs an owner may have analysed in any 24 hours.' }),
  }),
});

builder.queryFields((t) => ({
  limits: t.field({
    type: Limits,
    resolve: (_root, _args, ctx) => batchLimitsOf(ctx.config),
  }),
}));

builder.mutationFields((t) => ({
  createBatch: t.prismaField({
    type: 'Batch',
    description:
      'Stores the batch and queues its work in one transaction: either both happen or neither. RATE_LIMITED (with extensions.retryAfterSeconds) beyond the per-owner limits of running batches and URLs per day.',
    args: { input: t.arg({ type: CreateBatchInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const limits = batchLimitsOf(ctx.config);
      const batch = await createBatch(ctx.prisma, ctx.boss, input, limits, ctx.caller, ctx.jobPlan);
      ctx.log.info({ ...batchLogFields(batch), ownerId: ctx.caller.ownerId }, 'batch created');
      return ctx.prisma.batch.findUniqueOrThrow({ ...query, where: { id: batch.id } });
    },
  }),
  cancelBatch: t.prismaField({
    type: 'Batch',
    description: 'Stops queued and running work; the batch ends CANCELLED. Cancelling a finished batch is a CONFLICT.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const batch = await cancelBatch(ctx.prisma, ctx.boss, decodeId(String(args.id), 'Batch'), ctx.caller);
      ctx.log.info(batchLogFields(batch), 'batch ended');
      return ctx.prisma.batch.findUniqueOrThrow({ ...query, where: { id: batch.id } });
    },
  }),
  retryBatch: t.prismaField({
    type: 'Batch',
    description: 'Re-queues the FAILED targets of a finished batch and recomputes its comparison.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const batchId = decodeId(String(args.id), 'Batch');
      const batch = await retryBatch(ctx.prisma, ctx.boss, batchId, ctx.caller, ctx.config.ownerLimits, ctx.jobPlan);
      return ctx.prisma.batch.findUniqueOrThrow({ ...query, where: { id: batch.id } });
    },
  }),
}));
