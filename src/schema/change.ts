import { notFound } from '../errors';
import { Batch } from './batch';
import { builder } from './builder';
import { Brand } from './project';

export const ChangeKind = builder.enumType('ChangeKind', {
  values: ['CHECK_FIXED', 'CHECK_BROKEN', 'SCORE_UP', 'SCORE_DOWN', 'MENTION_GAINED', 'MENTION_LOST', 'RANK_CHANGED'] as const,
});

/** What changed for a brand between two consecutive finished runs of a project (the contract's fields). */
export const Change = builder.prismaObject('ProjectChange', {
  name: 'Change',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    kind: t.expose('kind', { type: ChangeKind }),
    brand: t.relation('brand', { type: Brand }),
    isSubject: t.boolean({
      select: { brand: { select: { position: true } } },
      resolve: (change) => change.brand.position === 0,
    }),
    subject: t.exposeString('subject', {
      description: 'The check id for CHECK_* changes; the metric name for score and visibility changes.',
    }),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
    message: t.exposeString('message', { description: 'One sentence a person reads in an alert.' }),
    run: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The batch the change was found in (NOT_FOUND once the batch is purged past RETENTION_DAYS).',
      resolve: async (change, _args, ctx) => {
        const batch = await ctx.prisma.batch.findUnique({ where: { id: change.runId } });
        if (!batch) throw notFound('run');
        return Batch.addBrand(batch);
      },
    }),
  }),
});
