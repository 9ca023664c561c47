import { builder } from './builder';
import { TargetStatus } from './enums';

export const Target = builder.prismaNode('Target', {
  description: 'One URL of a batch.',
  id: { field: 'id' },
  // `node(id)` finds only targets of the caller's batches.
  nullable: true,
  findUnique: (id, ctx) => ({ id, batch: { ownerId: ctx.caller.ownerId } }),
  fields: (t) => ({
    url: t.exposeString('url', { description: 'The URL as normalised when the batch was created.' }),
    isSubject: t.exposeBoolean('isSubject', {
      description: 'True for the site the batch is about; gaps are computed for it.',
    }),
    status: t.expose('status', { type: TargetStatus }),
    attempts: t.exposeInt('attempts'),
    waitingForRetry: t.boolean({
      description:
        'True for a RUNNING target whose worker stopped with the page in hand (found when a worker starts, as after a crash or a restart): ' +
        'no one is analysing it, and it waits for the queue to retry it (about JOB_HEARTBEAT_SECONDS + QUEUE_SUPERVISE_SECONDS after the stop). False once it runs again.',
      resolve: (target) => target.status === 'RUNNING' && target.interruptedAt !== null,
    }),
    error: t.exposeString('error', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    analysis: t.relation('analysis', { nullable: true }),
  }),
});
