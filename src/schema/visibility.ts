import type { ProjectBrand } from '../db/generated/client/client';
import { notFound } from '../errors';
import { watchVisibilityAudit, type VisibilitySnapshot } from '../events';
import { cancelVisibilityAudit, startVisibilityAudit, VISIBILITY_LISTS } from '../projects/visibility/audits';
import { citedPagesInsightsOf } from '../projects/visibility/citedPages';
import { answerMentions, auditBrands, auditInsights, auditScores } from '../projects/visibility/columns';
import type { AnswerEngineConfig } from '../config';
import type { BrandVisibility as BrandScores, CitedDomain as CitedDomainShape, EngineVisibility as EngineScores, Mention as MentionShape, PromptResult as PromptResultShape } from '../visibility';
import { builder } from './builder';
import { Insight } from './comparison';
import { BatchStatus } from './enums';
import { decodeId } from './ids';
import { CONNECTION_PAGE } from './paging';
import { Brand } from './project';

const AnswerEngine = builder.objectRef<AnswerEngineConfig>('AnswerEngine').implement({
  description: 'An answer engine the operator configured (ANSWER_ENGINES). Its key is never shown.',
  fields: (t) => ({
    name: t.exposeString('name'),
    model: t.exposeString('model'),
    citesSources: t.exposeBoolean('citesSources', { description: 'True when the engine returns the sources it used (e.g. a search-backed engine).' }),
  }),
});

const VisibilityStage = builder.enumType('VisibilityStage', {
  values: ['QUEUED', 'GENERATING_PROMPTS', 'ASKING', 'ANALYSING', 'SCORING', 'DONE'] as const,
});

const Sentiment = builder.enumType('Sentiment', { values: ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const });

const TextSpan = builder.objectRef<MentionShape['spans'][number]>('TextSpan').implement({
  description: "A stretch of an answer's text: UTF-16 code unit offsets, as JavaScript strings index them.",
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of the first code unit.' }),
    end: t.exposeInt('end', { description: 'Offset just past the last code unit.' }),
  }),
});

const Mention = builder.objectRef<MentionShape>('Mention').implement({
  fields: (t) => ({
    brand: t.exposeString('brand'),
    position: t.exposeInt('position', { description: '1 = the first brand the answer names.' }),
    context: t.exposeString('context', { description: 'The sentence that names it.' }),
    sentiment: t.expose('sentiment', { type: Sentiment, description: 'Judged by the insight model or the lexicon (see sentimentSource).' }),
    recommended: t.exposeBoolean('recommended'),
    spans: t.field({
      type: [TextSpan],
      description: `Where the answer's text names the brand (by name, alias or domain), in text order, the first ${VISIBILITY_LISTS.spans}: what a client highlights.`,
      resolve: (mention) => mention.spans.slice(0, VISIBILITY_LISTS.spans),
    }),
    sentimentSource: t.string({
      description: "What judged sentiment and recommendation: the insight model's name (LLM_MODEL) when one is set and judged this mention, else LEXICON (word lists).",
      resolve: (mention) => mention.source,
    }),
  }),
});

const Answer = builder.prismaObject('VisibilityAnswer', {
  name: 'Answer',
  description: 'One request to one engine: its answer, or its failure in error (then text is empty).',
  fields: (t) => ({
    id: t.exposeID('id'),
    prompt: t.exposeString('prompt'),
    engine: t.exposeString('engine'),
    model: t.exposeString('model', { description: 'The model that answered, as the engine reported it.' }),
    sample: t.exposeInt('sample'),
    text: t.exposeString('text', { description: 'Untrusted text from the engine: show it as text, never as HTML.' }),
    latencyMs: t.exposeInt('latencyMs', { description: "The answering attempt's; for a cached answer, that of the request that filled the cache." }),
    tokensUsed: t.exposeInt('tokensUsed', { nullable: true, description: 'As the engine reported them; 0 for a cached answer (nothing was spent).' }),
    cached: t.exposeBoolean('cached', { description: 'True when the same request was answered from the cache instead of the engine.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why the request failed; null for an answer.' }),
    mentions: t.field({
      type: [Mention],
      description: 'Empty until the audit is analysed.',
      resolve: (answer) => (answer.mentions === null ? [] : answerMentions.read(answer.mentions, `answer ${answer.id}`).mentions),
    }),
    citations: t.stringList({
      description: `Source URLs, from the engine's citation fields and links in the text; at most ${VISIBILITY_LISTS.citations}.`,
      resolve: (answer) => answer.citations.slice(0, VISIBILITY_LISTS.citations),
    }),
  }),
});

const EngineVisibility = builder.objectRef<EngineScores>('EngineVisibility').implement({
  fields: (t) => ({
    engine: t.exposeString('engine'),
    mentionRate: t.exposeFloat('mentionRate'),
    mentionRateLow: t.exposeFloat('mentionRateLow', { description: '95 % Wilson interval of mentionRate.' }),
    mentionRateHigh: t.exposeFloat('mentionRateHigh'),
    shareOfVoice: t.exposeFloat('shareOfVoice'),
    citationShare: t.exposeFloat('citationShare'),
  }),
});

type BrandRow = BrandScores & { spec: ProjectBrand };

const BrandVisibility = builder.objectRef<BrandRow>('BrandVisibility').implement({
  fields: (t) => ({
    brand: t.field({ type: Brand, description: 'As the project named it when the audit started.', resolve: (row) => row.spec }),
    isSubject: t.exposeBoolean('isSubject'),
    mentionRate: t.exposeFloat('mentionRate', { description: 'Share of answers that name the brand, 0..1.' }),
    mentionRateLow: t.exposeFloat('mentionRateLow', { description: '95 % Wilson interval of mentionRate.' }),
    mentionRateHigh: t.exposeFloat('mentionRateHigh'),
    shareOfVoice: t.exposeFloat('shareOfVoice', { description: "Answers naming the brand over the sum of that count for every brand, 0..1." }),
    citationShare: t.exposeFloat('citationShare', { description: "Share of all cited sources that are on the brand's domains, 0..1." }),
    averagePosition: t.exposeFloat('averagePosition', { nullable: true, description: 'Mean position among the brands named in an answer (1 = named first); null if never named.' }),
    sentiment: t.exposeFloat('sentiment', { nullable: true, description: '-1..1 over the answers that name the brand; null if never named.' }),
    recommendationRate: t.exposeFloat('recommendationRate', { description: 'Share of answers that recommend the brand, 0..1.' }),
    byEngine: t.field({ type: [EngineVisibility], resolve: (row) => row.byEngine }),
  }),
});

const PromptResult = builder.objectRef<PromptResultShape>('PromptResult').implement({
  fields: (t) => ({
    prompt: t.exposeString('prompt'),
    named: t.exposeStringList('named', { description: "Brands named in at least half of the prompt's answers, most often first." }),
    subjectMentionRate: t.exposeFloat('subjectMentionRate'),
    lost: t.exposeBoolean('lost', { description: 'True when a competitor is named in at least half of the answers and the brand in none.' }),
  }),
});

const CitedDomain = builder.objectRef<CitedDomainShape>('CitedDomain').implement({
  fields: (t) => ({
    domain: t.exposeString('domain'),
    citations: t.exposeInt('citations'),
    share: t.exposeFloat('share'),
    brand: t.exposeString('brand', { nullable: true, description: "The project's brand whose domain this is; null for third-party sources." }),
  }),
});

export const VisibilityAudit = builder.prismaNode('VisibilityAudit', {
  id: { field: 'id' },
  // `node(id)` finds only the caller's audits.
  nullable: true,
  findUnique: (id, ctx) => ({ id, ownerId: ctx.caller.ownerId }),
  fields: (t) => ({
    project: t.relation('project', { nullable: true, description: 'Null once the project is deleted.' }),
    status: t.expose('status', { type: BatchStatus }),
    stage: t.expose('stage', { type: VisibilityStage }),
    progress: t.exposeInt('progress', { description: '0..100, never decreases while the audit runs.' }),
    sequence: t.exposeInt('sequence', { description: 'Raised by every change of the audit.' }),
    engines: t.exposeStringList('engines'),
    samplesPerPrompt: t.exposeInt('samplesPerPrompt'),
    prompts: t.exposeStringList('prompts', { description: "The project's prompts, or those generated when it has none; empty until the prompts stage is done." }),
    promptsSource: t.exposeString('promptsSource', {
      nullable: true,
      description: 'Where the prompts came from: PROJECT, MODEL (the insight model, LLM_*) or TEMPLATES (fixed English templates); null until known.',
    }),
    requestsTotal: t.exposeInt('requestsTotal'),
    requestsDone: t.exposeInt('requestsDone', { description: 'Requests answered or failed.' }),
    requestsFailed: t.exposeInt('requestsFailed', { description: 'Requests that failed after their retries; they count in no score.' }),
    tokensUsed: t.exposeInt('tokensUsed', { description: 'Tokens the engines reported for this audit; cached answers spend none.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why the audit failed, or which requests failed when it completed without them.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    answers: t.relatedConnection(
      'answers',
      {
        cursor: 'id',
        totalCount: true,
        description: 'Every request and its answer, oldest first, filterable by engine, prompt and brand named. 20 a page unless first says otherwise; at most 100.',
        ...CONNECTION_PAGE,
        args: {
          engine: t.arg.string({ required: false }),
          prompt: t.arg.string({ required: false }),
          brand: t.arg.string({ required: false, description: 'Only answers that name this brand (by its name).' }),
        },
        query: (args) => ({
          where: {
            ...(args.engine ? { engine: args.engine } : {}),
            ...(args.prompt ? { prompt: args.prompt } : {}),
            ...(args.brand ? { brands: { has: args.brand } } : {}),
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
      },
      { name: 'AnswerConnection' },
      { name: 'AnswerEdge' },
    ),
    brands: t.field({
      type: [BrandVisibility],
      description: "One per brand, the project's own first; empty until SCORING is done (and for an audit that failed or was cancelled).",
      resolve: (audit) => {
        if (audit.scores === null) return [];
        const specs = auditBrands.read(audit.brands, `audit ${audit.id}`);
        return auditScores.read(audit.scores, `audit ${audit.id}`).brands.map((scores, position) => {
          const spec = specs[position]!;
          // The Brand type shows only name, aliases and domains: the copy the audit kept stands in for the project's row.
          const row = { id: audit.id, projectId: audit.projectId ?? '', position, name: spec.name, aliases: [...(spec.aliases ?? [])], domains: [...(spec.domains ?? [])] };
          return { ...scores, spec: row };
        });
      },
    }),
    citedDomains: t.field({
      type: [CitedDomain],
      description: `Domains the answers cited, most cited first; the first ${VISIBILITY_LISTS.citedDomains}. Empty until SCORING is done.`,
      resolve: (audit) => (audit.scores === null ? [] : auditScores.read(audit.scores, `audit ${audit.id}`).citedDomains.slice(0, VISIBILITY_LISTS.citedDomains)),
    }),
    promptResults: t.field({
      type: [PromptResult],
      description: 'Per prompt: which brands the engines named. Empty until SCORING is done.',
      resolve: (audit) => (audit.scores === null ? [] : auditScores.read(audit.scores, `audit ${audit.id}`).promptResults),
    }),
    insights: t.field({
      type: [Insight],
      description:
        'Written by the insight model from the scores when LLM_* is set (source: its name), else by rules (source "rules": which competitor wins which prompts, engines that never name the brand, the sources cited where the brand is missing); the rules too when the model fails (insightsFailure says why). Once citedPagesBatch is compared, then one more (source "rules") per lost prompt and engine whose cited pages pass checks the brand\'s page fails, naming those checks and the pages. Empty until SCORING is done.',
      resolve: async (audit, _args, ctx) =>
        audit.insights === null ? [] : [...auditInsights.read(audit.insights, `audit ${audit.id}`), ...(await citedPagesInsightsOf(ctx.prisma, audit))],
    }),
    insightsFailure: t.exposeString('insightsFailure', { nullable: true, description: "Why the insight model's insights were not used (the rules' were); null otherwise." }),
    citedPagesBatch: t.relation('citedPagesBatch', {
      nullable: true,
      description:
        "The page-analysis batch of the pages the engines cited for prompts where a competitor was named and the brand was not (at most 20), with the brand's site as its subject: its comparison's gaps say what those pages have that the brand's lacks. Null when there were none, or when the owner's limits refused the batch (an insight says so). Once it is compared, the audit's insights say, per lost prompt and engine, what the cited pages have that the brand's lacks.",
    }),
  }),
});

builder.prismaObjectField('Project', 'visibilityAudits', (t) =>
  t.relatedConnection(
    'visibilityAudits',
    {
      cursor: 'id',
      description: 'Visibility audits of this project, newest first. 20 a page unless first says otherwise; at most 100.',
      ...CONNECTION_PAGE,
      query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
    },
    { name: 'VisibilityAuditConnection' },
    { name: 'VisibilityAuditEdge' },
  ),
);

const RunVisibilityAuditInput = builder.inputType('RunVisibilityAuditInput', {
  fields: (t) => ({
    engines: t.stringList({ required: false, description: 'Names from answerEngines; default all.' }),
    samplesPerPrompt: t.int({
      required: false,
      defaultValue: 3,
      description: 'How often each prompt is asked of each engine, 1 to 10, default 3: answers vary between runs.',
    }),
  }),
});

builder.queryFields((t) => ({
  answerEngines: t.field({
    type: [AnswerEngine],
    description: 'The answer engines this server is configured to ask (names and models, never keys). Empty until the operator sets ANSWER_ENGINES.',
    resolve: (_root, _args, ctx) => ctx.config.answerEngines,
  }),
}));

builder.mutationFields((t) => ({
  runVisibilityAudit: t.prismaField({
    type: 'VisibilityAudit',
    description:
      "Starts a visibility audit of the caller's project: every prompt asked of every chosen engine samplesPerPrompt times. BAD_USER_INPUT when no engine is configured (extensions.field ANSWER_ENGINES), for an unknown engine or samplesPerPrompt outside 1..10; then nothing is written.",
    args: { projectId: t.arg.id({ required: true }), input: t.arg({ type: RunVisibilityAuditInput, required: false }) },
    resolve: async (query, _root, args, ctx) => {
      const projectId = decodeId(String(args.projectId), 'Project');
      const names = ctx.config.answerEngines.map((engine) => engine.name);
      const audit = await startVisibilityAudit(ctx.prisma, ctx.boss, projectId, args.input ?? {}, names, ctx.caller);
      ctx.log.info({ auditId: audit.id, projectId, ownerId: ctx.caller.ownerId, engines: audit.engines }, 'visibility audit started');
      return ctx.prisma.visibilityAudit.findUniqueOrThrow({ ...query, where: { id: audit.id } });
    },
  }),
  cancelVisibilityAudit: t.prismaField({
    type: 'VisibilityAudit',
    description: "Ends a pending or running audit CANCELLED: its queued requests are dropped and running ones store nothing. CONFLICT when it has ended; NOT_FOUND for another owner's.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const auditId = decodeId(String(args.id), 'VisibilityAudit');
      await cancelVisibilityAudit(ctx.prisma, ctx.boss, auditId, ctx.caller);
      ctx.log.info({ auditId, ownerId: ctx.caller.ownerId }, 'visibility audit cancelled');
      const audit = await ctx.prisma.visibilityAudit.findUnique({ ...query, where: { id: auditId } });
      if (!audit) throw notFound('visibility audit');
      return audit;
    },
  }),
}));

const VisibilityProgress = builder.objectRef<VisibilitySnapshot>('VisibilityProgress').implement({
  fields: (t) => ({
    // A plain field: the row comes with the snapshot, so there is no query to plan.
    audit: t.field({ type: VisibilityAudit, resolve: ({ audit }) => audit }),
    sequence: t.int({ description: 'Increases with every event; a client drops any event whose sequence is not above the last it saw.', resolve: ({ sequence }) => sequence }),
  }),
});

builder.subscriptionFields((t) => ({
  visibilityProgress: t.field({
    type: VisibilityProgress,
    description:
      "Like batchProgress, for a visibility audit: first the current state, then its state after each change, in sequence order; completes after a terminal status. Changes that come faster than they are read arrive as the latest state. NOT_FOUND for an audit that is missing or another owner's.",
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => watchVisibilityAudit(ctx, decodeId(String(args.id), 'VisibilityAudit')),
    resolve: (snapshot) => snapshot,
  }),
}));
