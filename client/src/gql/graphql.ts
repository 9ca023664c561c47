/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type BatchStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING';

export type BrandInput = {
  /** Up to 20, each at most 100 characters. */
  aliases?: Array<string> | null | undefined;
  /** 1 to 20 domains or URLs, each stored as its registrable domain ("https://www.Example.com/" is "example.com"); no domain may belong to two brands. IP addresses only where CRAWL_ALLOW_PRIVATE is set. */
  domains: Array<string>;
  /** Not empty, at most 100 characters. */
  name: string;
};

export type ChangeKind =
  | 'CHECK_BROKEN'
  | 'CHECK_FIXED'
  | 'MENTION_GAINED'
  | 'MENTION_LOST'
  | 'RANK_CHANGED'
  | 'SCORE_DOWN'
  | 'SCORE_UP';

export type CheckCategory =
  | 'AEO'
  | 'SEO'
  | 'TECHNICAL';

export type CheckOutcome =
  | 'FAIL'
  | 'NOT_APPLICABLE'
  | 'PASS'
  | 'WARN';

export type CreateBatchInput = {
  /** Pages to analyse per site. 1 (the default) analyses just the given URL. Above 1 the site is crawled from that URL, its sitemaps and its internal links, up to this many HTML pages, at most MAX_PAGES_PER_SITE (default 500); more is BAD_USER_INPUT. A crawling batch compares sites: two URLs of one site (same host, or its www/apex pair) are BAD_USER_INPUT. */
  maxPagesPerSite?: number | null | undefined;
  name: string;
  /** Optional; must be one of urls. */
  subjectUrl?: string | null | undefined;
  /** 1 to the configured maximum (default 50) absolute http(s) URLs; duplicates after normalisation are rejected. */
  urls: Array<string>;
};

export type CreateProjectInput = {
  brand: BrandInput;
  /** 1 to 10 competitors. */
  competitors: Array<BrandInput>;
  /** A BCP 47 tag; "en" when left out. */
  language?: string | null | undefined;
  /** At most 200 characters. */
  market?: string | null | undefined;
  /** 1 (the default) to MAX_PAGES_PER_SITE (default 500). */
  maxPagesPerSite?: number | null | undefined;
  /** Not empty, at most 100 characters. */
  name: string;
  /** 0 to 100 prompts of at most 500 characters; none: generated from the market when a visibility audit runs. */
  prompts?: Array<string> | null | undefined;
  schedule?: ScheduleInput | null | undefined;
};

export type InsightSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'OPPORTUNITY';

export type ProjectEventKind =
  | 'CHANGE_DETECTED'
  /** The run reached a terminal status; its detected changes follow. */
  | 'RUN_ENDED'
  /** A change of the run's batch or one of its pages, or of its visibility audit. */
  | 'RUN_PROGRESS'
  | 'RUN_STARTED'
  /** The project's state when the subscription began: the first event, at the sequence of the last one before it. */
  | 'SNAPSHOT';

export type RunKind =
  | 'SITE_AUDIT'
  | 'VISIBILITY_AUDIT';

export type ScheduleInput = {
  /** Five fields: minute, hour, day of month, month, day of week. */
  cron: string;
  /** Which runs the schedule starts; at least one. */
  runs: Array<RunKind>;
  /** An IANA time zone name, e.g. "Europe/Berlin". */
  timezone?: string | null | undefined;
};

export type Sentiment =
  | 'NEGATIVE'
  | 'NEUTRAL'
  | 'POSITIVE';

export type TargetStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED';

/** Fields left out stay as they are; the rules are those of CreateProjectInput. */
export type UpdateProjectInput = {
  brand?: BrandInput | null | undefined;
  competitors?: Array<BrandInput> | null | undefined;
  language?: string | null | undefined;
  /** Null removes it. */
  market?: string | null | undefined;
  maxPagesPerSite?: number | null | undefined;
  name?: string | null | undefined;
  prompts?: Array<string> | null | undefined;
  /** Null removes the schedule. */
  schedule?: ScheduleInput | null | undefined;
};

export type VisibilityStage =
  | 'ANALYSING'
  | 'ASKING'
  | 'DONE'
  | 'GENERATING_PROMPTS'
  | 'QUEUED'
  | 'SCORING';

export type WebhookEvent =
  /** One delivery per finished run that detected changes, carrying them all. */
  | 'CHANGE_DETECTED'
  /** A test delivery of pingWebhook; not one a webhook subscribes to. */
  | 'PING'
  | 'RUN_COMPLETED'
  | 'RUN_FAILED';

export type BatchSummaryFieldsFragment = { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null };

export type TargetRowFieldsFragment = { id: string, url: string, isSubject: boolean, status: TargetStatus, waitingForRetry: boolean, attempts: number, error: string | null, pagesDiscovered: number, pagesDone: number, analysis: { overallScore: number, title: string | null } | null };

export type BatchesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type BatchesQuery = { batches: { edges: Array<{ cursor: string, node: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BatchCreatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type BatchCreatedSubscription = { batchCreated: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null } };

export type BatchQueryVariables = Exact<{
  id: string | number;
}>;


export type BatchQuery = { batch: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null, targets: Array<{ id: string, url: string, isSubject: boolean, status: TargetStatus, waitingForRetry: boolean, attempts: number, error: string | null, pagesDiscovered: number, pagesDone: number, analysis: { overallScore: number, title: string | null } | null }> } | null };

export type BatchProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type BatchProgressSubscription = { batchProgress: { sequence: number, batch: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null, targets: Array<{ id: string, url: string, isSubject: boolean, status: TargetStatus, waitingForRetry: boolean, attempts: number, error: string | null, pagesDiscovered: number, pagesDone: number, analysis: { overallScore: number, title: string | null } | null }> } } };

export type BatchSummaryProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type BatchSummaryProgressSubscription = { batchProgress: { sequence: number, batch: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null } } };

export type ComparisonReadySubscriptionVariables = Exact<{
  batchId: string | number;
}>;


export type ComparisonReadySubscription = { comparisonReady: { createdAt: string } };

export type SiteReportFieldsFragment = { overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, indexablePages: number, excludedPages: number, issues: Array<{ checkId: string, title: string, category: CheckCategory, failingPages: number, warningPages: number, applicablePages: number, examples: Array<string>, estimatedGain: number, howToFix: string }> };

export type BatchReportQueryVariables = Exact<{
  id: string | number;
}>;


export type BatchReportQuery = { batch: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null, targets: Array<{ id: string, url: string, isSubject: boolean, status: TargetStatus, error: string | null, analysis: { finalUrl: string, httpStatus: number, fetchMs: number, bytes: number, title: string | null, metaDescription: string | null, canonical: string | null, lang: string | null, wordCount: number, structuredDataTypes: Array<string>, seoScore: number, aeoScore: number, technicalScore: number, overallScore: number, headings: Array<{ level: number, text: string }>, checks: Array<{ id: string, category: CheckCategory, outcome: CheckOutcome, weight: number, message: string }> } | null }>, comparison: { createdAt: string, partial: boolean, ranking: Array<{ rank: number, indexable: boolean, excludedReason: string | null, overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, target: { id: string, url: string, isSubject: boolean } }>, subject: { rank: number | null, analysedCompetitors: number, target: { id: string, url: string } } | null, notAnalysed: Array<{ error: string, target: { id: string, url: string, isSubject: boolean } }>, checks: Array<{ checkId: string, category: CheckCategory, passedBy: Array<{ id: string, url: string }>, failedBy: Array<{ id: string, url: string }>, warnedBy: Array<{ id: string, url: string }> }>, gaps: Array<{ checkId: string, title: string, subjectOutcome: CheckOutcome, message: string, howToFix: string, estimatedGain: number, pagesAffected: number, competitors: Array<{ id: string, url: string }> }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }> } | null, partialComparison: { createdAt: string, partial: boolean, ranking: Array<{ rank: number, indexable: boolean, excludedReason: string | null, overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, target: { id: string, url: string, isSubject: boolean } }>, subject: { rank: number | null, analysedCompetitors: number, target: { id: string, url: string } } | null, notAnalysed: Array<{ error: string, target: { id: string, url: string, isSubject: boolean } }>, checks: Array<{ checkId: string, category: CheckCategory, passedBy: Array<{ id: string, url: string }>, failedBy: Array<{ id: string, url: string }>, warnedBy: Array<{ id: string, url: string }> }>, gaps: Array<{ checkId: string, title: string, subjectOutcome: CheckOutcome, message: string, howToFix: string, estimatedGain: number, pagesAffected: number, competitors: Array<{ id: string, url: string }> }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }> } | null } | null };

export type CreateBatchMutationVariables = Exact<{
  input: CreateBatchInput;
}>;


export type CreateBatchMutation = { createBatch: { id: string } };

export type CancelBatchMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelBatchMutation = { cancelBatch: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null } };

export type RetryBatchMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryBatchMutation = { retryBatch: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null } };

export type LimitsQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsQuery = { limits: { maxUrlsPerBatch: number, maxPagesPerSite: number } };

export type TargetSiteQueryVariables = Exact<{
  id: string | number;
}>;


export type TargetSiteQuery = { node:
    | { id: string, site: { overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, indexablePages: number, excludedPages: number, issues: Array<{ checkId: string, title: string, category: CheckCategory, failingPages: number, warningPages: number, applicablePages: number, examples: Array<string>, estimatedGain: number, howToFix: string }> } | null }
    | Record<PropertyKey, never>
   | null };

export type SitePagesQueryVariables = Exact<{
  batchId: string | number;
  targetId: string | number;
  after?: string | null | undefined;
  onlyFailing?: string | null | undefined;
  onlyExcluded?: boolean | null | undefined;
}>;


export type SitePagesQuery = { batch: { id: string, name: string } | null, node:
    | { id: string, url: string, isSubject: boolean, status: TargetStatus, pagesDiscovered: number, pagesDone: number, site: { overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, indexablePages: number, excludedPages: number, issues: Array<{ checkId: string, title: string, category: CheckCategory, failingPages: number, warningPages: number, applicablePages: number, examples: Array<string>, estimatedGain: number, howToFix: string }> } | null, pages: { totalCount: number, edges: Array<{ cursor: string, node: { url: string, httpStatus: number | null, indexable: boolean, excludedReason: string | null, depth: number, error: string | null, analysis: { overallScore: number } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | Record<PropertyKey, never>
   | null };

export type ProjectFormFieldsFragment = { id: string, name: string, market: string | null, language: string, prompts: Array<string>, maxPagesPerSite: number, brand: { name: string, aliases: Array<string>, domains: Array<string> }, competitors: Array<{ name: string, aliases: Array<string>, domains: Array<string> }>, schedule: { cron: string, timezone: string, runs: Array<RunKind>, nextRunAt: string, lastRunAt: string | null } | null };

export type ProjectsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ProjectsQuery = { projects: { edges: Array<{ node: { id: string, name: string, brand: { name: string }, competitors: Array<{ name: string }>, schedule: { cron: string, timezone: string, nextRunAt: string } | null, siteAudits: { edges: Array<{ node: { id: string, status: BatchStatus, createdAt: string, finishedAt: string | null } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProjectQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectQuery = { project: { createdAt: string, id: string, name: string, market: string | null, language: string, prompts: Array<string>, maxPagesPerSite: number, schedule: { lastError: string | null, lastErrorAt: string | null, cron: string, timezone: string, runs: Array<RunKind>, nextRunAt: string, lastRunAt: string | null } | null, brand: { name: string, aliases: Array<string>, domains: Array<string> }, competitors: Array<{ name: string, aliases: Array<string>, domains: Array<string> }> } | null };

export type ProjectRunsQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectRunsQuery = { project: { id: string, siteAudits: { edges: Array<{ node: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null } }> } } | null };

export type CreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectMutation = { createProject: { id: string } };

export type UpdateProjectMutationVariables = Exact<{
  id: string | number;
  input: UpdateProjectInput;
}>;


export type UpdateProjectMutation = { updateProject: { id: string } };

export type DeleteProjectMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteProjectMutation = { deleteProject: string };

export type RunSiteAuditMutationVariables = Exact<{
  projectId: string | number;
}>;


export type RunSiteAuditMutation = { runSiteAudit: { id: string, name: string, status: BatchStatus, progress: number, totalUrls: number, completedUrls: number, failedUrls: number, error: string | null, maxPagesPerSite: number, createdAt: string, startedAt: string | null, finishedAt: string | null } };

export type HistorySeriesFieldsFragment = { isSubject: boolean, brand: { name: string }, points: Array<{ at: string, value: number }> };

export type ProjectMonitoringQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectMonitoringQuery = { project: { id: string, overall: Array<{ isSubject: boolean, brand: { name: string }, points: Array<{ at: string, value: number }> }>, seo: Array<{ isSubject: boolean, brand: { name: string }, points: Array<{ at: string, value: number }> }>, aeo: Array<{ isSubject: boolean, brand: { name: string }, points: Array<{ at: string, value: number }> }>, technical: Array<{ isSubject: boolean, brand: { name: string }, points: Array<{ at: string, value: number }> }>, mentionRate: Array<{ isSubject: boolean, brand: { name: string }, points: Array<{ at: string, value: number }> }>, shareOfVoice: Array<{ isSubject: boolean, brand: { name: string }, points: Array<{ at: string, value: number }> }>, citationShare: Array<{ isSubject: boolean, brand: { name: string }, points: Array<{ at: string, value: number }> }>, changes: { edges: Array<{ node: { id: string, at: string, kind: ChangeKind, message: string, isSubject: boolean, brand: { name: string }, run:
            | { __typename: 'Batch', id: string }
            | { __typename: 'ExpiredRun', id: string }
            | { __typename: 'Project', id: string }
            | { __typename: 'Target', id: string }
            | { __typename: 'VisibilityAudit', id: string }
            | { __typename: 'Webhook', id: string }
           } }> } } | null };

export type WebhookFieldsFragment = { id: string, url: string, events: Array<WebhookEvent>, createdAt: string, deliveries: Array<{ id: string, event: WebhookEvent, status: number | null, attempts: number, deliveredAt: string | null, error: string | null, createdAt: string }> };

export type ProjectWebhooksQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectWebhooksQuery = { project: { id: string, webhooks: Array<{ id: string, url: string, events: Array<WebhookEvent>, createdAt: string, deliveries: Array<{ id: string, event: WebhookEvent, status: number | null, attempts: number, deliveredAt: string | null, error: string | null, createdAt: string }> }> } | null };

export type CreateWebhookMutationVariables = Exact<{
  projectId: string | number;
  url: string;
  events: Array<WebhookEvent> | WebhookEvent;
}>;


export type CreateWebhookMutation = { createWebhook: { secret: string, webhook: { id: string } } };

export type DeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookMutation = { deleteWebhook: string };

export type PingWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type PingWebhookMutation = { pingWebhook: { id: string } };

export type ProjectEventsSubscriptionVariables = Exact<{
  projectId: string | number;
}>;


export type ProjectEventsSubscription = { projectEvents: { sequence: number, kind: ProjectEventKind } };

export type VisibilitySummaryFieldsFragment = { id: string, status: BatchStatus, stage: VisibilityStage, progress: number, engines: Array<string>, samplesPerPrompt: number, requestsTotal: number, requestsDone: number, requestsFailed: number, tokensUsed: number, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null };

export type VisibilityAuditQueryVariables = Exact<{
  id: string | number;
}>;


export type VisibilityAuditQuery = { node:
    | { __typename: 'Batch' }
    | { __typename: 'ExpiredRun' }
    | { __typename: 'Project' }
    | { __typename: 'Target' }
    | { __typename: 'VisibilityAudit', id: string, status: BatchStatus, stage: VisibilityStage, progress: number, engines: Array<string>, samplesPerPrompt: number, requestsTotal: number, requestsDone: number, requestsFailed: number, tokensUsed: number, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, project: { id: string, name: string } | null }
    | { __typename: 'Webhook' }
   | null };

export type VisibilityResultsQueryVariables = Exact<{
  id: string | number;
}>;


export type VisibilityResultsQuery = { node:
    | { __typename: 'Batch' }
    | { __typename: 'ExpiredRun' }
    | { __typename: 'Project' }
    | { __typename: 'Target' }
    | { __typename: 'VisibilityAudit', id: string, promptsSource: string | null, insightsFailure: string | null, brands: Array<{ isSubject: boolean, mentionRate: number, mentionRateLow: number, mentionRateHigh: number, shareOfVoice: number, citationShare: number, averagePosition: number | null, sentiment: number | null, recommendationRate: number, brand: { name: string, aliases: Array<string>, domains: Array<string> }, byEngine: Array<{ engine: string, mentionRate: number, mentionRateLow: number, mentionRateHigh: number, shareOfVoice: number, citationShare: number }> }>, promptResults: Array<{ prompt: string, named: Array<string>, subjectMentionRate: number, lost: boolean }>, citedDomains: Array<{ domain: string, citations: number, share: number, brand: string | null }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }>, citedPagesBatch: { id: string, name: string, status: BatchStatus } | null }
    | { __typename: 'Webhook' }
   | null };

export type PromptAnswersQueryVariables = Exact<{
  id: string | number;
  prompt: string;
  after?: string | null | undefined;
}>;


export type PromptAnswersQuery = { node:
    | { __typename: 'Batch' }
    | { __typename: 'ExpiredRun' }
    | { __typename: 'Project' }
    | { __typename: 'Target' }
    | { __typename: 'VisibilityAudit', id: string, answers: { totalCount: number, edges: Array<{ node: { id: string, engine: string, model: string, sample: number, text: string, cached: boolean, error: string | null, citations: Array<string>, mentions: Array<{ brand: string, position: number, sentiment: Sentiment, recommended: boolean, spans: Array<{ start: number, end: number }> }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { __typename: 'Webhook' }
   | null };

export type VisibilityProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type VisibilityProgressSubscription = { visibilityProgress: { sequence: number, audit: { id: string, status: BatchStatus, stage: VisibilityStage, progress: number, engines: Array<string>, samplesPerPrompt: number, requestsTotal: number, requestsDone: number, requestsFailed: number, tokensUsed: number, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null } } };

export type ProjectVisibilityQueryVariables = Exact<{
  id: string | number;
}>;


export type ProjectVisibilityQuery = { answerEngines: Array<{ name: string, model: string }>, project: { id: string, visibilityAudits: { edges: Array<{ node: { id: string, status: BatchStatus, stage: VisibilityStage, progress: number, engines: Array<string>, samplesPerPrompt: number, requestsTotal: number, requestsDone: number, requestsFailed: number, tokensUsed: number, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null } }> } } | null };

export type RunVisibilityAuditMutationVariables = Exact<{
  projectId: string | number;
}>;


export type RunVisibilityAuditMutation = { runVisibilityAudit: { id: string } };

export type CancelVisibilityAuditMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelVisibilityAuditMutation = { cancelVisibilityAudit: { id: string, status: BatchStatus, stage: VisibilityStage, progress: number, engines: Array<string>, samplesPerPrompt: number, requestsTotal: number, requestsDone: number, requestsFailed: number, tokensUsed: number, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null } };

export type ComparisonFieldsFragment = { createdAt: string, partial: boolean, ranking: Array<{ rank: number, indexable: boolean, excludedReason: string | null, overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, target: { id: string, url: string, isSubject: boolean } }>, subject: { rank: number | null, analysedCompetitors: number, target: { id: string, url: string } } | null, notAnalysed: Array<{ error: string, target: { id: string, url: string, isSubject: boolean } }>, checks: Array<{ checkId: string, category: CheckCategory, passedBy: Array<{ id: string, url: string }>, failedBy: Array<{ id: string, url: string }>, warnedBy: Array<{ id: string, url: string }> }>, gaps: Array<{ checkId: string, title: string, subjectOutcome: CheckOutcome, message: string, howToFix: string, estimatedGain: number, pagesAffected: number, competitors: Array<{ id: string, url: string }> }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }> };

export type VisibilityResultFieldsFragment = { insightsFailure: string | null, brands: Array<{ isSubject: boolean, mentionRate: number, mentionRateLow: number, mentionRateHigh: number, shareOfVoice: number, citationShare: number, averagePosition: number | null, sentiment: number | null, recommendationRate: number, brand: { name: string, aliases: Array<string>, domains: Array<string> }, byEngine: Array<{ engine: string, mentionRate: number, mentionRateLow: number, mentionRateHigh: number, shareOfVoice: number, citationShare: number }> }>, promptResults: Array<{ prompt: string, named: Array<string>, subjectMentionRate: number, lost: boolean }>, citedDomains: Array<{ domain: string, citations: number, share: number, brand: string | null }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }>, citedPagesBatch: { id: string, name: string, status: BatchStatus } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const BatchSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}
    `, {"fragmentName":"BatchSummaryFields"}) as unknown as TypedDocumentString<BatchSummaryFieldsFragment, unknown>;
export const TargetRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment TargetRowFields on Target {
  id
  url
  isSubject
  status
  waitingForRetry
  attempts
  error
  pagesDiscovered
  pagesDone
  analysis {
    overallScore
    title
  }
}
    `, {"fragmentName":"TargetRowFields"}) as unknown as TypedDocumentString<TargetRowFieldsFragment, unknown>;
export const SiteReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment SiteReportFields on SiteReport {
  overallScore
  seoScore
  aeoScore
  technicalScore
  indexablePages
  excludedPages
  issues {
    checkId
    title
    category
    failingPages
    warningPages
    applicablePages
    examples
    estimatedGain
    howToFix
  }
}
    `, {"fragmentName":"SiteReportFields"}) as unknown as TypedDocumentString<SiteReportFieldsFragment, unknown>;
export const ProjectFormFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProjectFormFields on Project {
  id
  name
  brand {
    name
    aliases
    domains
  }
  competitors {
    name
    aliases
    domains
  }
  market
  language
  prompts
  maxPagesPerSite
  schedule {
    cron
    timezone
    runs
    nextRunAt
    lastRunAt
  }
}
    `, {"fragmentName":"ProjectFormFields"}) as unknown as TypedDocumentString<ProjectFormFieldsFragment, unknown>;
export const HistorySeriesFieldsFragmentDoc = new TypedDocumentString(`
    fragment HistorySeriesFields on HistorySeries {
  isSubject
  brand {
    name
  }
  points {
    at
    value
  }
}
    `, {"fragmentName":"HistorySeriesFields"}) as unknown as TypedDocumentString<HistorySeriesFieldsFragment, unknown>;
export const WebhookFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookFields on Webhook {
  id
  url
  events
  createdAt
  deliveries(first: 5) {
    id
    event
    status
    attempts
    deliveredAt
    error
    createdAt
  }
}
    `, {"fragmentName":"WebhookFields"}) as unknown as TypedDocumentString<WebhookFieldsFragment, unknown>;
export const VisibilitySummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment VisibilitySummaryFields on VisibilityAudit {
  id
  status
  stage
  progress
  engines
  samplesPerPrompt
  requestsTotal
  requestsDone
  requestsFailed
  tokensUsed
  error
  createdAt
  startedAt
  finishedAt
}
    `, {"fragmentName":"VisibilitySummaryFields"}) as unknown as TypedDocumentString<VisibilitySummaryFieldsFragment, unknown>;
export const ComparisonFieldsFragmentDoc = new TypedDocumentString(`
    fragment ComparisonFields on Comparison {
  createdAt
  partial
  ranking {
    rank
    indexable
    excludedReason
    overallScore
    seoScore
    aeoScore
    technicalScore
    target {
      id
      url
      isSubject
    }
  }
  subject {
    rank
    analysedCompetitors
    target {
      id
      url
    }
  }
  notAnalysed {
    error
    target {
      id
      url
      isSubject
    }
  }
  checks {
    checkId
    category
    passedBy {
      id
      url
    }
    failedBy {
      id
      url
    }
    warnedBy {
      id
      url
    }
  }
  gaps {
    checkId
    title
    subjectOutcome
    message
    howToFix
    estimatedGain
    pagesAffected
    competitors {
      id
      url
    }
  }
  insights {
    title
    body
    severity
    source
  }
}
    `, {"fragmentName":"ComparisonFields"}) as unknown as TypedDocumentString<ComparisonFieldsFragment, unknown>;
export const VisibilityResultFieldsFragmentDoc = new TypedDocumentString(`
    fragment VisibilityResultFields on VisibilityAudit {
  brands {
    brand {
      name
      aliases
      domains
    }
    isSubject
    mentionRate
    mentionRateLow
    mentionRateHigh
    shareOfVoice
    citationShare
    averagePosition
    sentiment
    recommendationRate
    byEngine {
      engine
      mentionRate
      mentionRateLow
      mentionRateHigh
      shareOfVoice
      citationShare
    }
  }
  promptResults {
    prompt
    named
    subjectMentionRate
    lost
  }
  citedDomains {
    domain
    citations
    share
    brand
  }
  insights {
    title
    body
    severity
    source
  }
  insightsFailure
  citedPagesBatch {
    id
    name
    status
  }
}
    `, {"fragmentName":"VisibilityResultFields"}) as unknown as TypedDocumentString<VisibilityResultFieldsFragment, unknown>;
export const BatchesDocument = new TypedDocumentString(`
    query Batches($first: Int!, $after: String) {
  batches(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...BatchSummaryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<BatchesQuery, BatchesQueryVariables>;
export const BatchCreatedDocument = new TypedDocumentString(`
    subscription BatchCreated {
  batchCreated {
    ...BatchSummaryFields
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<BatchCreatedSubscription, BatchCreatedSubscriptionVariables>;
export const BatchDocument = new TypedDocumentString(`
    query Batch($id: ID!) {
  batch(id: $id) {
    ...BatchSummaryFields
    targets {
      ...TargetRowFields
    }
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}
fragment TargetRowFields on Target {
  id
  url
  isSubject
  status
  waitingForRetry
  attempts
  error
  pagesDiscovered
  pagesDone
  analysis {
    overallScore
    title
  }
}`) as unknown as TypedDocumentString<BatchQuery, BatchQueryVariables>;
export const BatchProgressDocument = new TypedDocumentString(`
    subscription BatchProgress($id: ID!) {
  batchProgress(id: $id) {
    sequence
    batch {
      ...BatchSummaryFields
      targets {
        ...TargetRowFields
      }
    }
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}
fragment TargetRowFields on Target {
  id
  url
  isSubject
  status
  waitingForRetry
  attempts
  error
  pagesDiscovered
  pagesDone
  analysis {
    overallScore
    title
  }
}`) as unknown as TypedDocumentString<BatchProgressSubscription, BatchProgressSubscriptionVariables>;
export const BatchSummaryProgressDocument = new TypedDocumentString(`
    subscription BatchSummaryProgress($id: ID!) {
  batchProgress(id: $id) {
    sequence
    batch {
      ...BatchSummaryFields
    }
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<BatchSummaryProgressSubscription, BatchSummaryProgressSubscriptionVariables>;
export const ComparisonReadyDocument = new TypedDocumentString(`
    subscription ComparisonReady($batchId: ID!) {
  comparisonReady(batchId: $batchId) {
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ComparisonReadySubscription, ComparisonReadySubscriptionVariables>;
export const BatchReportDocument = new TypedDocumentString(`
    query BatchReport($id: ID!) {
  batch(id: $id) {
    ...BatchSummaryFields
    targets {
      id
      url
      isSubject
      status
      error
      analysis {
        finalUrl
        httpStatus
        fetchMs
        bytes
        title
        metaDescription
        canonical
        lang
        wordCount
        headings {
          level
          text
        }
        structuredDataTypes
        seoScore
        aeoScore
        technicalScore
        overallScore
        checks {
          id
          category
          outcome
          weight
          message
        }
      }
    }
    comparison {
      ...ComparisonFields
    }
    partialComparison {
      ...ComparisonFields
    }
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}
fragment ComparisonFields on Comparison {
  createdAt
  partial
  ranking {
    rank
    indexable
    excludedReason
    overallScore
    seoScore
    aeoScore
    technicalScore
    target {
      id
      url
      isSubject
    }
  }
  subject {
    rank
    analysedCompetitors
    target {
      id
      url
    }
  }
  notAnalysed {
    error
    target {
      id
      url
      isSubject
    }
  }
  checks {
    checkId
    category
    passedBy {
      id
      url
    }
    failedBy {
      id
      url
    }
    warnedBy {
      id
      url
    }
  }
  gaps {
    checkId
    title
    subjectOutcome
    message
    howToFix
    estimatedGain
    pagesAffected
    competitors {
      id
      url
    }
  }
  insights {
    title
    body
    severity
    source
  }
}`) as unknown as TypedDocumentString<BatchReportQuery, BatchReportQueryVariables>;
export const CreateBatchDocument = new TypedDocumentString(`
    mutation CreateBatch($input: CreateBatchInput!) {
  createBatch(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateBatchMutation, CreateBatchMutationVariables>;
export const CancelBatchDocument = new TypedDocumentString(`
    mutation CancelBatch($id: ID!) {
  cancelBatch(id: $id) {
    ...BatchSummaryFields
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<CancelBatchMutation, CancelBatchMutationVariables>;
export const RetryBatchDocument = new TypedDocumentString(`
    mutation RetryBatch($id: ID!) {
  retryBatch(id: $id) {
    ...BatchSummaryFields
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<RetryBatchMutation, RetryBatchMutationVariables>;
export const LimitsDocument = new TypedDocumentString(`
    query Limits {
  limits {
    maxUrlsPerBatch
    maxPagesPerSite
  }
}
    `) as unknown as TypedDocumentString<LimitsQuery, LimitsQueryVariables>;
export const TargetSiteDocument = new TypedDocumentString(`
    query TargetSite($id: ID!) {
  node(id: $id) {
    ... on Target {
      id
      site {
        ...SiteReportFields
      }
    }
  }
}
    fragment SiteReportFields on SiteReport {
  overallScore
  seoScore
  aeoScore
  technicalScore
  indexablePages
  excludedPages
  issues {
    checkId
    title
    category
    failingPages
    warningPages
    applicablePages
    examples
    estimatedGain
    howToFix
  }
}`) as unknown as TypedDocumentString<TargetSiteQuery, TargetSiteQueryVariables>;
export const SitePagesDocument = new TypedDocumentString(`
    query SitePages($batchId: ID!, $targetId: ID!, $after: String, $onlyFailing: String, $onlyExcluded: Boolean) {
  batch(id: $batchId) {
    id
    name
  }
  node(id: $targetId) {
    ... on Target {
      id
      url
      isSubject
      status
      pagesDiscovered
      pagesDone
      site {
        ...SiteReportFields
      }
      pages(
        first: 50
        after: $after
        onlyFailing: $onlyFailing
        onlyExcluded: $onlyExcluded
      ) {
        totalCount
        edges {
          cursor
          node {
            url
            httpStatus
            indexable
            excludedReason
            depth
            error
            analysis {
              overallScore
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
    fragment SiteReportFields on SiteReport {
  overallScore
  seoScore
  aeoScore
  technicalScore
  indexablePages
  excludedPages
  issues {
    checkId
    title
    category
    failingPages
    warningPages
    applicablePages
    examples
    estimatedGain
    howToFix
  }
}`) as unknown as TypedDocumentString<SitePagesQuery, SitePagesQueryVariables>;
export const ProjectsDocument = new TypedDocumentString(`
    query Projects($first: Int!, $after: String) {
  projects(first: $first, after: $after) {
    edges {
      node {
        id
        name
        brand {
          name
        }
        competitors {
          name
        }
        schedule {
          cron
          timezone
          nextRunAt
        }
        siteAudits(first: 1) {
          edges {
            node {
              id
              status
              createdAt
              finishedAt
            }
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectsQuery, ProjectsQueryVariables>;
export const ProjectDocument = new TypedDocumentString(`
    query Project($id: ID!) {
  project(id: $id) {
    ...ProjectFormFields
    createdAt
    schedule {
      lastError
      lastErrorAt
    }
  }
}
    fragment ProjectFormFields on Project {
  id
  name
  brand {
    name
    aliases
    domains
  }
  competitors {
    name
    aliases
    domains
  }
  market
  language
  prompts
  maxPagesPerSite
  schedule {
    cron
    timezone
    runs
    nextRunAt
    lastRunAt
  }
}`) as unknown as TypedDocumentString<ProjectQuery, ProjectQueryVariables>;
export const ProjectRunsDocument = new TypedDocumentString(`
    query ProjectRuns($id: ID!) {
  project(id: $id) {
    id
    siteAudits(first: 20) {
      edges {
        node {
          ...BatchSummaryFields
        }
      }
    }
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<ProjectRunsQuery, ProjectRunsQueryVariables>;
export const CreateProjectDocument = new TypedDocumentString(`
    mutation CreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateProjectMutation, CreateProjectMutationVariables>;
export const UpdateProjectDocument = new TypedDocumentString(`
    mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {
  updateProject(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateProjectMutation, UpdateProjectMutationVariables>;
export const DeleteProjectDocument = new TypedDocumentString(`
    mutation DeleteProject($id: ID!) {
  deleteProject(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteProjectMutation, DeleteProjectMutationVariables>;
export const RunSiteAuditDocument = new TypedDocumentString(`
    mutation RunSiteAudit($projectId: ID!) {
  runSiteAudit(projectId: $projectId) {
    ...BatchSummaryFields
  }
}
    fragment BatchSummaryFields on Batch {
  id
  name
  status
  progress
  totalUrls
  completedUrls
  failedUrls
  error
  maxPagesPerSite
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<RunSiteAuditMutation, RunSiteAuditMutationVariables>;
export const ProjectMonitoringDocument = new TypedDocumentString(`
    query ProjectMonitoring($id: ID!) {
  project(id: $id) {
    id
    overall: history(metric: OVERALL_SCORE) {
      ...HistorySeriesFields
    }
    seo: history(metric: SEO_SCORE) {
      ...HistorySeriesFields
    }
    aeo: history(metric: AEO_SCORE) {
      ...HistorySeriesFields
    }
    technical: history(metric: TECHNICAL_SCORE) {
      ...HistorySeriesFields
    }
    mentionRate: history(metric: MENTION_RATE) {
      ...HistorySeriesFields
    }
    shareOfVoice: history(metric: SHARE_OF_VOICE) {
      ...HistorySeriesFields
    }
    citationShare: history(metric: CITATION_SHARE) {
      ...HistorySeriesFields
    }
    changes(first: 50) {
      edges {
        node {
          id
          at
          kind
          message
          isSubject
          brand {
            name
          }
          run {
            __typename
            id
          }
        }
      }
    }
  }
}
    fragment HistorySeriesFields on HistorySeries {
  isSubject
  brand {
    name
  }
  points {
    at
    value
  }
}`) as unknown as TypedDocumentString<ProjectMonitoringQuery, ProjectMonitoringQueryVariables>;
export const ProjectWebhooksDocument = new TypedDocumentString(`
    query ProjectWebhooks($id: ID!) {
  project(id: $id) {
    id
    webhooks {
      ...WebhookFields
    }
  }
}
    fragment WebhookFields on Webhook {
  id
  url
  events
  createdAt
  deliveries(first: 5) {
    id
    event
    status
    attempts
    deliveredAt
    error
    createdAt
  }
}`) as unknown as TypedDocumentString<ProjectWebhooksQuery, ProjectWebhooksQueryVariables>;
export const CreateWebhookDocument = new TypedDocumentString(`
    mutation CreateWebhook($projectId: ID!, $url: String!, $events: [WebhookEvent!]!) {
  createWebhook(projectId: $projectId, url: $url, events: $events) {
    secret
    webhook {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const DeleteWebhookDocument = new TypedDocumentString(`
    mutation DeleteWebhook($id: ID!) {
  deleteWebhook(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const PingWebhookDocument = new TypedDocumentString(`
    mutation PingWebhook($id: ID!) {
  pingWebhook(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<PingWebhookMutation, PingWebhookMutationVariables>;
export const ProjectEventsDocument = new TypedDocumentString(`
    subscription ProjectEvents($projectId: ID!) {
  projectEvents(projectId: $projectId) {
    sequence
    kind
  }
}
    `) as unknown as TypedDocumentString<ProjectEventsSubscription, ProjectEventsSubscriptionVariables>;
export const VisibilityAuditDocument = new TypedDocumentString(`
    query VisibilityAudit($id: ID!) {
  node(id: $id) {
    __typename
    ... on VisibilityAudit {
      ...VisibilitySummaryFields
      project {
        id
        name
      }
    }
  }
}
    fragment VisibilitySummaryFields on VisibilityAudit {
  id
  status
  stage
  progress
  engines
  samplesPerPrompt
  requestsTotal
  requestsDone
  requestsFailed
  tokensUsed
  error
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<VisibilityAuditQuery, VisibilityAuditQueryVariables>;
export const VisibilityResultsDocument = new TypedDocumentString(`
    query VisibilityResults($id: ID!) {
  node(id: $id) {
    __typename
    ... on VisibilityAudit {
      id
      promptsSource
      ...VisibilityResultFields
    }
  }
}
    fragment VisibilityResultFields on VisibilityAudit {
  brands {
    brand {
      name
      aliases
      domains
    }
    isSubject
    mentionRate
    mentionRateLow
    mentionRateHigh
    shareOfVoice
    citationShare
    averagePosition
    sentiment
    recommendationRate
    byEngine {
      engine
      mentionRate
      mentionRateLow
      mentionRateHigh
      shareOfVoice
      citationShare
    }
  }
  promptResults {
    prompt
    named
    subjectMentionRate
    lost
  }
  citedDomains {
    domain
    citations
    share
    brand
  }
  insights {
    title
    body
    severity
    source
  }
  insightsFailure
  citedPagesBatch {
    id
    name
    status
  }
}`) as unknown as TypedDocumentString<VisibilityResultsQuery, VisibilityResultsQueryVariables>;
export const PromptAnswersDocument = new TypedDocumentString(`
    query PromptAnswers($id: ID!, $prompt: String!, $after: String) {
  node(id: $id) {
    __typename
    ... on VisibilityAudit {
      id
      answers(prompt: $prompt, first: 50, after: $after) {
        totalCount
        edges {
          node {
            id
            engine
            model
            sample
            text
            cached
            error
            citations
            mentions {
              brand
              position
              sentiment
              recommended
              spans {
                start
                end
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PromptAnswersQuery, PromptAnswersQueryVariables>;
export const VisibilityProgressDocument = new TypedDocumentString(`
    subscription VisibilityProgress($id: ID!) {
  visibilityProgress(id: $id) {
    sequence
    audit {
      ...VisibilitySummaryFields
    }
  }
}
    fragment VisibilitySummaryFields on VisibilityAudit {
  id
  status
  stage
  progress
  engines
  samplesPerPrompt
  requestsTotal
  requestsDone
  requestsFailed
  tokensUsed
  error
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<VisibilityProgressSubscription, VisibilityProgressSubscriptionVariables>;
export const ProjectVisibilityDocument = new TypedDocumentString(`
    query ProjectVisibility($id: ID!) {
  answerEngines {
    name
    model
  }
  project(id: $id) {
    id
    visibilityAudits(first: 20) {
      edges {
        node {
          ...VisibilitySummaryFields
        }
      }
    }
  }
}
    fragment VisibilitySummaryFields on VisibilityAudit {
  id
  status
  stage
  progress
  engines
  samplesPerPrompt
  requestsTotal
  requestsDone
  requestsFailed
  tokensUsed
  error
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<ProjectVisibilityQuery, ProjectVisibilityQueryVariables>;
export const RunVisibilityAuditDocument = new TypedDocumentString(`
    mutation RunVisibilityAudit($projectId: ID!) {
  runVisibilityAudit(projectId: $projectId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RunVisibilityAuditMutation, RunVisibilityAuditMutationVariables>;
export const CancelVisibilityAuditDocument = new TypedDocumentString(`
    mutation CancelVisibilityAudit($id: ID!) {
  cancelVisibilityAudit(id: $id) {
    ...VisibilitySummaryFields
  }
}
    fragment VisibilitySummaryFields on VisibilityAudit {
  id
  status
  stage
  progress
  engines
  samplesPerPrompt
  requestsTotal
  requestsDone
  requestsFailed
  tokensUsed
  error
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<CancelVisibilityAuditMutation, CancelVisibilityAuditMutationVariables>;