import { watchProject, type ProjectEventRecord } from '../events';
import { Batch } from './batch';
import { builder } from './builder';
import { decodeId } from './ids';
import { VisibilityAudit } from './visibility';

const ProjectEventKind = builder.enumType('ProjectEventKind', {
  values: {
    SNAPSHOT: { description: "The project's state when the subscription began: the first event, at the sequence of the last one before it." },
    RUN_STARTED: {},
    RUN_PROGRESS: { description: "A change of the run's batch or one of its pages, or of its visibility audit." },
    RUN_ENDED: { description: 'The run reached a terminal status; its detected changes follow.' },
    CHANGE_DETECTED: {},
  } as const,
});

const ProjectEvent = builder.objectRef<ProjectEventRecord>('ProjectEvent').implement({
  fields: (t) => ({
    project: t.prismaField({
      type: 'Project',
      resolve: (query, event, _args, ctx) => ctx.prisma.project.findUniqueOrThrow({ ...query, where: { id: event.projectId } }),
    }),
    sequence: t.exposeInt('sequence', {
      description: "Increases by one with every event of the project's log; a SNAPSHOT has the sequence of the last event before it.",
    }),
    kind: t.field({ type: ProjectEventKind, resolve: (event) => event.kind }),
    run: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description:
        "The run (batch or visibility audit) that started, progressed or ended (for a SNAPSHOT, the project's latest run of either kind); null for project-level events and once the run is purged.",
      resolve: async (event, _args, ctx) => {
        if (!event.runId) return null;
        const batch = await ctx.prisma.batch.findUnique({ where: { id: event.runId } });
        if (batch) return Batch.addBrand(batch);
        const audit = await ctx.prisma.visibilityAudit.findUnique({ where: { id: event.runId } });
        return audit && VisibilityAudit.addBrand(audit);
      },
    }),
    change: t.prismaField({
      type: 'ProjectChange',
      nullable: true,
      description: 'Set when the event is a detected change.',
      resolve: (query, event, _args, ctx) =>
        event.changeId ? ctx.prisma.projectChange.findUnique({ ...query, where: { id: event.changeId } }) : null,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  projectEvents: t.field({
    type: ProjectEvent,
    description:
      "First the project's state, then every run start, progress step, end and detected change, in sequence order, none missed. NOT_FOUND for a project that is missing or another owner's.",
    args: { projectId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => watchProject(ctx, decodeId(String(args.projectId), 'Project')),
    resolve: (event) => event,
  }),
}));
