import { cancelBatch } from '../batches/cancel';
import { createBatch } from '../batches/create';
import { retryBatch } from '../batches/retry';
import { notFound } from '../errors';
import { builder } from './builder';
import { Comparison, loadComparison } from './comparison';
import { BatchStatus } from './enums';
import { decodeId } from './ids';

export const Batch = builder.prismaNode('Batch', {
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    status: t.expose('status', { type: BatchStatus }),
    progress: t.int({
      description: 'Percent of targets finished, 0..100. Never decreases while the batch runs.',
      select: { completedUrls: true, totalUrls: true },
      resolve: ({ completedUrls, totalUrls }) => (totalUrls === 0 ? 100 : Math.floor((100 * completedUrls) / totalUrls)),
    }),
    totalUrls: t.exposeInt('totalUrls'),
    completedUrls: t.exposeInt('completedUrls', { description: 'Targets that reached SUCCEEDED or FAILED.' }),
    failedUrls: t.exposeInt('failedUrls'),
    sequence: t.exposeInt('sequence', { description: 'Increases with every change of the batch or its targets.' }),
    targets: t.relation('targets', { query: { orderBy: { position: 'asc' } } }),
    comparison: t.field({
      type: Comparison,
      nullable: true,
      description: 'Null until the batch is COMPLETED.',
      select: { id: true, status: true },
      resolve: (batch, _args, ctx) => (batch.status === 'COMPLETED' ? loadComparison(ctx.prisma, batch.id) : null),
    }),
    error: t.exposeString('error', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreateBatchInput = builder.inputType('CreateBatchInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    urls: t.stringList({
      required: true,
      description:
        '1 to the configured maximum (default 50) absolute http(s) URLs; duplicates after normalisation are rejected.',
    }),
    subjectUrl: t.string({ required: false, description: 'Optional; must be one of urls.' }),
  }),
});

builder.queryFields((t) => ({
  batch: t.prismaField({
    type: 'Batch',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const batch = await ctx.prisma.batch.findUnique({ ...query, where: { id: decodeId(String(args.id), 'Batch') } });
      if (!batch) throw notFound('batch');
      return batch;
    },
  }),
  batches: t.prismaConnection(
    {
      type: 'Batch',
      cursor: 'id',
      description: 'Newest first.',
      defaultSize: 20,
      maxSize: 100,
      args: { status: t.arg({ type: BatchStatus, required: false }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.batch.findMany({
          ...query,
          where: args.status ? { status: args.status } : {},
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'BatchConnection' },
    { name: 'BatchEdge' },
  ),
}));

builder.mutationFields((t) => ({
  createBatch: t.prismaField({
    type: 'Batch',
    description: 'Stores the batch and queues its work in one transaction: either both happen or neither.',
    args: { input: t.arg({ type: CreateBatchInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const batch = await createBatch(ctx.prisma, ctx.boss, input, { maxUrlsPerBatch: ctx.config.maxUrlsPerBatch });
      return ctx.prisma.batch.findUniqueOrThrow({ ...query, where: { id: batch.id } });
    },
  }),
  cancelBatch: t.prismaField({
    type: 'Batch',
    description: 'Stops queued and running work; the batch ends CANCELLED. Cancelling a finished batch is a CONFLICT.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const batch = await cancelBatch(ctx.prisma, ctx.boss, decodeId(String(args.id), 'Batch'));
      return ctx.prisma.batch.findUniqueOrThrow({ ...query, where: { id: batch.id } });
    },
  }),
  retryBatch: t.prismaField({
    type: 'Batch',
    description: 'Re-queues the FAILED targets of a finished batch and recomputes its comparison.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const batch = await retryBatch(ctx.prisma, ctx.boss, decodeId(String(args.id), 'Batch'));
      return ctx.prisma.batch.findUniqueOrThrow({ ...query, where: { id: batch.id } });
    },
  }),
}));
