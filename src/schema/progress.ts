import { UserError } from '../errors';
import { RESYNC, watchBatch, type BatchSnapshot } from '../events';
import { Batch } from './batch';
import { builder } from './builder';
import type { Context } from './context';
import { Comparison, loadComparison } from './comparison';
import { decodeId } from './ids';
import { Target } from './target';

const BatchProgress = builder.objectRef<BatchSnapshot>('BatchProgress').implement({
  fields: (t) => ({
    // Plain fields, not prismaFields: the rows come with the event, so there is no query to plan.
    batch: t.field({ type: Batch, resolve: ({ batch }) => batch }),
    target: t.field({
      type: Target,
      nullable: true,
      description: 'The target whose change caused this event; null for batch-level events.',
      resolve: ({ target }) => target,
    }),
    sequence: t.int({
      description:
        'Increases by at least one with every change of the batch. A client drops any event whose sequence is not above the last it saw.',
      resolve: ({ sequence }) => sequence,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  batchProgress: t.field({
    type: BatchProgress,
    description: "First the current state, then every change, in sequence order, none missed; completes after a terminal status. NOT_FOUND for a batch that is missing or another owner's.",
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => watchBatch(ctx, decodeId(String(args.id), 'Batch')),
    resolve: (snapshot) => snapshot,
  }),
  batchCreated: t.field({
    type: Batch,
    description:
      "Each batch the caller's owner creates from now on, by any client. Completes when the server may have missed some (its event connection to the database was lost): reload the list, then subscribe again.",
    subscribe: (_root, _args, ctx) => batchesCreated(ctx),
    resolve: (batch) => batch,
  }),
  comparisonReady: t.field({
    type: Comparison,
    description: "Emits once when the comparison is stored (at once if it already is), then completes. NOT_FOUND for a batch that is missing or another owner's.",
    args: { batchId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => comparisonOf(ctx, await watchBatch(ctx, decodeId(String(args.batchId), 'Batch'))),
    resolve: (comparison) => comparison,
  }),
}));

async function* batchesCreated(ctx: Context) {
  for await (const change of ctx.events.subscribe('owner', ctx.caller.ownerId)) {
    if (change === RESYNC) return;
    if (change.sequence === 0) yield change.batch; // a new batch is announced before any change bumps it
  }
}

/** The stored comparison once the watched batch completes; CONFLICT when it ends otherwise. */
async function* comparisonOf(ctx: Context, snapshots: AsyncIterable<BatchSnapshot>) {
  for await (const { batch } of snapshots) {
    if (batch.status === 'COMPLETED') {
      const comparison = await loadComparison(ctx.prisma, batch.id);
      if (comparison) yield comparison;
      return;
    }
    if (batch.status === 'FAILED' || batch.status === 'CANCELLED') {
      throw new UserError('CONFLICT', `The batch ended ${batch.status}; it has no comparison.`);
    }
  }
}
