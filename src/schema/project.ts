import { batchLimitsOf } from '../batches/create';
import { batchLogFields } from '../batches/transitions';
import type { ProjectRules } from '../projects/input';
import { createProject, deleteProject, updateProject } from '../projects/projects';
import { runSiteAudit } from '../projects/run';
import { notFound } from '../errors';
import { BatchConnection } from './batch';
import { builder } from './builder';
import type { Context } from './context';
import { decodeId } from './ids';
import { CONNECTION_PAGE } from './paging';

export const RunKind = builder.enumType('RunKind', { values: ['SITE_AUDIT', 'VISIBILITY_AUDIT'] as const });

export const Brand = builder.prismaObject('ProjectBrand', {
  name: 'Brand',
  fields: (t) => ({
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases', {
      description: 'Other names the brand is known by (product names, spellings); matched like the name.',
    }),
    domains: t.exposeStringList('domains', { description: 'Registrable domains, e.g. "example.com"; the first is the site audited.' }),
  }),
});

interface ScheduleShape {
  cron: string;
  timezone: string;
  runs: ('SITE_AUDIT' | 'VISIBILITY_AUDIT')[];
  nextRunAt: Date;
  lastRunAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

const Schedule = builder.objectRef<ScheduleShape>('Schedule').implement({
  fields: (t) => ({
    cron: t.exposeString('cron', { description: 'Five-field cron expression, e.g. "0 6 * * 1".' }),
    timezone: t.exposeString('timezone', { description: 'IANA time zone the cron is read in.' }),
    runs: t.expose('runs', { type: [RunKind] }),
    nextRunAt: t.expose('nextRunAt', { type: 'DateTime', description: 'The next slot of the cron after the schedule was set or last ran.' }),
    lastRunAt: t.expose('lastRunAt', { type: 'DateTime', nullable: true, description: 'When the schedule last started runs; null until it has.' }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description:
        "Why the schedule's last due slot did not start all its runs (the previous run still going, the owner's limits, no answer engine configured); null when it started them.",
    }),
    lastErrorAt: t.expose('lastErrorAt', { type: 'DateTime', nullable: true, description: 'The due slot lastError is about; null with it.' }),
  }),
});

/** The brands in order, the project's own first; both brand fields select them alike, so they load once. */
const BRANDS = { brands: { orderBy: { position: 'asc' } } } as const;

export const Project = builder.prismaNode('Project', {
  id: { field: 'id' },
  // `node(id)` finds only the caller's projects.
  nullable: true,
  findUnique: (id, ctx) => ({ id, ownerId: ctx.caller.ownerId }),
  fields: (t) => ({
    name: t.exposeString('name'),
    brand: t.field({
      type: Brand,
      description: "The owner's own brand: the subject of every run.",
      select: BRANDS,
      resolve: (project) => project.brands[0]!,
    }),
    competitors: t.field({ type: [Brand], select: BRANDS, resolve: (project) => project.brands.slice(1) }),
    market: t.exposeString('market', {
      nullable: true,
      description: 'What the brand sells, in the words a buyer would use, e.g. "trail running shoes".',
    }),
    language: t.exposeString('language', { description: 'BCP 47 tag of the prompts and answers, default "en".' }),
    prompts: t.exposeStringList('prompts', { description: 'Questions a buyer would ask an answer engine.' }),
    maxPagesPerSite: t.exposeInt('maxPagesPerSite'),
    schedule: t.field({
      type: Schedule,
      nullable: true,
      resolve: (project) =>
        project.scheduleCron === null
          ? null
          : {
              cron: project.scheduleCron,
              timezone: project.scheduleTimezone!,
              runs: project.scheduleRuns,
              nextRunAt: project.nextRunAt!,
              lastRunAt: project.lastRunAt,
              lastError: project.scheduleError,
              lastErrorAt: project.scheduleErrorAt,
            },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    siteAudits: t.relatedConnection(
      'batches',
      {
        cursor: 'id',
        description: 'Site-audit batches of this project, newest first. 20 a page unless first says otherwise; at most 100.',
        ...CONNECTION_PAGE,
        query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
      },
      BatchConnection,
    ),
  }),
});

const BrandInput = builder.inputType('BrandInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Not empty, at most 100 characters.' }),
    aliases: t.stringList({ required: false, description: 'Up to 20, each at most 100 characters.' }),
    domains: t.stringList({
      required: true,
      description:
        '1 to 20 domains or URLs, each stored as its registrable domain ("https://www.Example.com/" is "example.com"); no domain may belong to two brands. IP addresses only where CRAWL_ALLOW_PRIVATE is set.',
    }),
  }),
});

const ScheduleInput = builder.inputType('ScheduleInput', {
  fields: (t) => ({
    cron: t.string({ required: true, description: 'Five fields: minute, hour, day of month, month, day of week.' }),
    timezone: t.string({ required: false, defaultValue: 'UTC', description: 'An IANA time zone name, e.g. "Europe/Berlin".' }),
    runs: t.field({ type: [RunKind], required: true, description: 'Which runs the schedule starts; at least one.' }),
  }),
});

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Not empty, at most 100 characters.' }),
    brand: t.field({ type: BrandInput, required: true }),
    competitors: t.field({ type: [BrandInput], required: true, description: '1 to 10 competitors.' }),
    market: t.string({ required: false, description: 'At most 200 characters.' }),
    language: t.string({ required: false, description: 'A BCP 47 tag; "en" when left out.' }),
    prompts: t.stringList({
      required: false,
      description: '0 to 100 prompts of at most 500 characters; none: generated from the market when a visibility audit runs.',
    }),
    maxPagesPerSite: t.int({ required: false, description: '1 (the default) to MAX_PAGES_PER_SITE (default 500).' }),
    schedule: t.field({ type: ScheduleInput, required: false }),
  }),
});

const UpdateProjectInput = builder.inputType('UpdateProjectInput', {
  description: 'Fields left out stay as they are; the rules are those of CreateProjectInput.',
  fields: (t) => ({
    name: t.string({ required: false }),
    brand: t.field({ type: BrandInput, required: false }),
    competitors: t.field({ type: [BrandInput], required: false }),
    market: t.string({ required: false, description: 'Null removes it.' }),
    language: t.string({ required: false }),
    prompts: t.stringList({ required: false }),
    maxPagesPerSite: t.int({ required: false }),
    schedule: t.field({ type: ScheduleInput, required: false, description: 'Null removes the schedule.' }),
  }),
});

const rulesOf = (ctx: Context): ProjectRules => ({
  maxPagesPerSite: ctx.config.maxPagesPerSite,
  allowIpAddresses: ctx.config.crawl.allowPrivate,
});

builder.queryFields((t) => ({
  project: t.prismaField({
    type: 'Project',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    description: "NOT_FOUND when there is no such project or it is another owner's.",
    resolve: async (query, _root, args, ctx) => {
      const project = await ctx.prisma.project.findFirst({
        ...query,
        where: { id: decodeId(String(args.id), 'Project'), ownerId: ctx.caller.ownerId },
      });
      if (!project) throw notFound('project');
      return project;
    },
  }),
  projects: t.prismaConnection(
    {
      type: 'Project',
      cursor: 'id',
      description: "The caller's projects, newest first. 20 a page unless first (forwards from after) or last (backwards from before) says otherwise; at most 100.",
      ...CONNECTION_PAGE,
      resolve: (query, _root, _args, ctx) =>
        ctx.prisma.project.findMany({
          ...query,
          where: { ownerId: ctx.caller.ownerId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'ProjectConnection' },
    { name: 'ProjectEdge' },
  ),
}));

builder.mutationFields((t) => ({
  createProject: t.prismaField({
    type: 'Project',
    description: 'BAD_USER_INPUT naming the field (extensions.field) for any input that breaks a rule; then nothing is written.',
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const project = await createProject(ctx.prisma, input, rulesOf(ctx), ctx.caller);
      ctx.log.info({ projectId: project.id, ownerId: ctx.caller.ownerId }, 'project created');
      return ctx.prisma.project.findUniqueOrThrow({ ...query, where: { id: project.id } });
    },
  }),
  updateProject: t.prismaField({
    type: 'Project',
    description: 'Changes the fields given, checked like createProject\'s. A new schedule\'s nextRunAt counts from now.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateProjectInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const projectId = decodeId(String(args.id), 'Project');
      await updateProject(ctx.prisma, projectId, args.input, rulesOf(ctx), ctx.caller);
      return ctx.prisma.project.findUniqueOrThrow({ ...query, where: { id: projectId } });
    },
  }),
  deleteProject: t.id({
    description: 'Deletes the project, its schedule and webhooks; its past runs stay readable by id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const projectId = decodeId(String(args.id), 'Project');
      await deleteProject(ctx.prisma, projectId, ctx.caller);
      ctx.log.info({ projectId, ownerId: ctx.caller.ownerId }, 'project deleted');
      return args.id;
    },
  }),
  runSiteAudit: t.prismaField({
    type: 'Batch',
    description:
      "Starts a site-audit batch of the brand's and competitors' first domains now, the brand's as its subject. Counts against the owner's limits like createBatch (RATE_LIMITED beyond them).",
    args: { projectId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const limits = batchLimitsOf(ctx.config);
      const projectId = decodeId(String(args.projectId), 'Project');
      const batch = await runSiteAudit(ctx.prisma, ctx.boss, projectId, limits, ctx.caller, ctx.jobPlan);
      ctx.log.info({ ...batchLogFields(batch), projectId, ownerId: ctx.caller.ownerId }, 'site audit started');
      return ctx.prisma.batch.findUniqueOrThrow({ ...query, where: { id: batch.id } });
    },
  }),
}));
