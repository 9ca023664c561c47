import { resolveNodes } from '@pothos/plugin-relay';
import { notFound } from '../errors';
import { builder } from './builder';
import { parseNodeId } from './ids';

builder.queryField('node', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description:
      "The batch, target, project or expired run with this id. Like `batch`: NOT_FOUND when there is no such object, the id is malformed, or the object is another owner's; never null.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx, info) => {
      const id = parseNodeId(String(args.id));
      // Batch, Target, Project and ExpiredRun load through their owner-scoped findUnique (batch.ts, target.ts, project.ts, history.ts).
      const [node] = id ? await resolveNodes(builder, ctx, info, [id]) : [null];
      if (!node) throw notFound('object');
      return node;
    },
  }),
);
