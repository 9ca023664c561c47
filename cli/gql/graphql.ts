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

export type RunKind =
  | 'SITE_AUDIT'
  | 'VISIBILITY_AUDIT';

export type RunVisibilityAuditInput = {
  /** Names from answerEngines; default all. */
  engines?: Array<string> | null | undefined;
  /** How often each prompt is asked of each engine, 1 to 10, default 3: answers vary between runs. */
  samplesPerPrompt?: number | null | undefined;
};

export type ScheduleInput = {
  /** Five fields: minute, hour, day of month, month, day of week. */
  cron: string;
  /** Which runs the schedule starts; at least one. */
  runs: Array<RunKind>;
  /** An IANA time zone name, e.g. "Europe/Berlin". */
  timezone?: string | null | undefined;
};

export type TargetStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED';

export type VisibilityStage =
  | 'ANALYSING'
  | 'ASKING'
  | 'DONE'
  | 'GENERATING_PROMPTS'
  | 'QUEUED'
  | 'SCORING';

export type CliCreateBatchMutationVariables = Exact<{
  input: CreateBatchInput;
}>;


export type CliCreateBatchMutation = { createBatch: { id: string, name: string } };

export type CliBatchProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type CliBatchProgressSubscription = { batchProgress: { sequence: number, batch: { id: string, name: string, status: BatchStatus, error: string | null, maxPagesPerSite: number, targets: Array<{ id: string, url: string, isSubject: boolean, status: TargetStatus, waitingForRetry: boolean, error: string | null, pagesDiscovered: number, pagesDone: number }> } } };

export type CliBatchComparisonQueryVariables = Exact<{
  id: string | number;
}>;


export type CliBatchComparisonQuery = { batch: { id: string, status: BatchStatus, error: string | null, comparison: { createdAt: string, partial: boolean, ranking: Array<{ rank: number, indexable: boolean, excludedReason: string | null, overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, target: { id: string, url: string, isSubject: boolean } }>, subject: { rank: number | null, analysedCompetitors: number, target: { id: string, url: string } } | null, notAnalysed: Array<{ error: string, target: { id: string, url: string, isSubject: boolean } }>, checks: Array<{ checkId: string, category: CheckCategory, passedBy: Array<{ id: string, url: string }>, failedBy: Array<{ id: string, url: string }>, warnedBy: Array<{ id: string, url: string }> }>, gaps: Array<{ checkId: string, title: string, subjectOutcome: CheckOutcome, message: string, howToFix: string, estimatedGain: number, pagesAffected: number, competitors: Array<{ id: string, url: string }> }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }> } | null, partialComparison: { createdAt: string, partial: boolean, ranking: Array<{ rank: number, indexable: boolean, excludedReason: string | null, overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, target: { id: string, url: string, isSubject: boolean } }>, subject: { rank: number | null, analysedCompetitors: number, target: { id: string, url: string } } | null, notAnalysed: Array<{ error: string, target: { id: string, url: string, isSubject: boolean } }>, checks: Array<{ checkId: string, category: CheckCategory, passedBy: Array<{ id: string, url: string }>, failedBy: Array<{ id: string, url: string }>, warnedBy: Array<{ id: string, url: string }> }>, gaps: Array<{ checkId: string, title: string, subjectOutcome: CheckOutcome, message: string, howToFix: string, estimatedGain: number, pagesAffected: number, competitors: Array<{ id: string, url: string }> }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }> } | null } | null };

export type CliBatchSitesQueryVariables = Exact<{
  id: string | number;
}>;


export type CliBatchSitesQuery = { batch: { id: string, maxPagesPerSite: number, targets: Array<{ id: string, url: string, isSubject: boolean, pagesDone: number, site: { overallScore: number, seoScore: number, aeoScore: number, technicalScore: number, indexablePages: number, excludedPages: number, issues: Array<{ checkId: string, title: string, failingPages: number, warningPages: number, applicablePages: number, estimatedGain: number }> } | null }> } | null };

export type CliProjectFieldsFragment = { id: string, name: string, market: string | null, language: string, prompts: Array<string>, maxPagesPerSite: number, createdAt: string, brand: { name: string, aliases: Array<string>, domains: Array<string> }, competitors: Array<{ name: string, aliases: Array<string>, domains: Array<string> }>, schedule: { cron: string, timezone: string, runs: Array<RunKind>, nextRunAt: string, lastRunAt: string | null, lastError: string | null, lastErrorAt: string | null } | null };

export type CliCreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CliCreateProjectMutation = { createProject: { id: string, name: string, market: string | null, language: string, prompts: Array<string>, maxPagesPerSite: number, createdAt: string, brand: { name: string, aliases: Array<string>, domains: Array<string> }, competitors: Array<{ name: string, aliases: Array<string>, domains: Array<string> }>, schedule: { cron: string, timezone: string, runs: Array<RunKind>, nextRunAt: string, lastRunAt: string | null, lastError: string | null, lastErrorAt: string | null } | null } };

export type CliProjectsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CliProjectsQuery = { projects: { edges: Array<{ node: { id: string, name: string, market: string | null, language: string, prompts: Array<string>, maxPagesPerSite: number, createdAt: string, brand: { name: string, aliases: Array<string>, domains: Array<string> }, competitors: Array<{ name: string, aliases: Array<string>, domains: Array<string> }>, schedule: { cron: string, timezone: string, runs: Array<RunKind>, nextRunAt: string, lastRunAt: string | null, lastError: string | null, lastErrorAt: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CliProjectQueryVariables = Exact<{
  id: string | number;
}>;


export type CliProjectQuery = { project: { id: string, name: string, market: string | null, language: string, prompts: Array<string>, maxPagesPerSite: number, createdAt: string, siteAudits: { edges: Array<{ node: { id: string, name: string, status: BatchStatus, progress: number, createdAt: string, finishedAt: string | null } }> }, brand: { name: string, aliases: Array<string>, domains: Array<string> }, competitors: Array<{ name: string, aliases: Array<string>, domains: Array<string> }>, schedule: { cron: string, timezone: string, runs: Array<RunKind>, nextRunAt: string, lastRunAt: string | null, lastError: string | null, lastErrorAt: string | null } | null } | null };

export type CliRunSiteAuditMutationVariables = Exact<{
  projectId: string | number;
}>;


export type CliRunSiteAuditMutation = { runSiteAudit: { id: string, name: string } };

export type CliCancelBatchMutationVariables = Exact<{
  id: string | number;
}>;


export type CliCancelBatchMutation = { cancelBatch: { id: string, status: BatchStatus } };

export type CliRunVisibilityAuditMutationVariables = Exact<{
  projectId: string | number;
  input?: RunVisibilityAuditInput | null | undefined;
}>;


export type CliRunVisibilityAuditMutation = { runVisibilityAudit: { id: string, project: { name: string } | null } };

export type CliVisibilityProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type CliVisibilityProgressSubscription = { visibilityProgress: { sequence: number, audit: { id: string, status: BatchStatus, stage: VisibilityStage, progress: number, requestsTotal: number, requestsDone: number, requestsFailed: number, error: string | null, project: { name: string } | null } } };

export type CliVisibilityAuditQueryVariables = Exact<{
  id: string | number;
}>;


export type CliVisibilityAuditQuery = { node:
    | { id: string, status: BatchStatus, stage: VisibilityStage, engines: Array<string>, samplesPerPrompt: number, prompts: Array<string>, promptsSource: string | null, requestsTotal: number, requestsDone: number, requestsFailed: number, tokensUsed: number, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, insightsFailure: string | null, project: { id: string, name: string } | null, brands: Array<{ isSubject: boolean, mentionRate: number, mentionRateLow: number, mentionRateHigh: number, shareOfVoice: number, citationShare: number, averagePosition: number | null, sentiment: number | null, recommendationRate: number, brand: { name: string, aliases: Array<string>, domains: Array<string> }, byEngine: Array<{ engine: string, mentionRate: number, mentionRateLow: number, mentionRateHigh: number, shareOfVoice: number, citationShare: number }> }>, promptResults: Array<{ prompt: string, named: Array<string>, subjectMentionRate: number, lost: boolean }>, citedDomains: Array<{ domain: string, citations: number, share: number, brand: string | null }>, insights: Array<{ title: string, body: string, severity: InsightSeverity, source: string }>, citedPagesBatch: { id: string, name: string, status: BatchStatus } | null }
    | Record<PropertyKey, never>
   | null };

export type CliCancelVisibilityAuditMutationVariables = Exact<{
  id: string | number;
}>;


export type CliCancelVisibilityAuditMutation = { cancelVisibilityAudit: { id: string, status: BatchStatus } };

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
export const CliProjectFieldsFragmentDoc = new TypedDocumentString(`
    fragment CliProjectFields on Project {
  id
  name
  market
  language
  prompts
  maxPagesPerSite
  createdAt
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
  schedule {
    cron
    timezone
    runs
    nextRunAt
    lastRunAt
    lastError
    lastErrorAt
  }
}
    `, {"fragmentName":"CliProjectFields"}) as unknown as TypedDocumentString<CliProjectFieldsFragment, unknown>;
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
export const CliCreateBatchDocument = new TypedDocumentString(`
    mutation CliCreateBatch($input: CreateBatchInput!) {
  createBatch(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CliCreateBatchMutation, CliCreateBatchMutationVariables>;
export const CliBatchProgressDocument = new TypedDocumentString(`
    subscription CliBatchProgress($id: ID!) {
  batchProgress(id: $id) {
    sequence
    batch {
      id
      name
      status
      error
      maxPagesPerSite
      targets {
        id
        url
        isSubject
        status
        waitingForRetry
        error
        pagesDiscovered
        pagesDone
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliBatchProgressSubscription, CliBatchProgressSubscriptionVariables>;
export const CliBatchComparisonDocument = new TypedDocumentString(`
    query CliBatchComparison($id: ID!) {
  batch(id: $id) {
    id
    status
    error
    comparison {
      ...ComparisonFields
    }
    partialComparison {
      ...ComparisonFields
    }
  }
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
}`) as unknown as TypedDocumentString<CliBatchComparisonQuery, CliBatchComparisonQueryVariables>;
export const CliBatchSitesDocument = new TypedDocumentString(`
    query CliBatchSites($id: ID!) {
  batch(id: $id) {
    id
    maxPagesPerSite
    targets {
      id
      url
      isSubject
      pagesDone
      site {
        overallScore
        seoScore
        aeoScore
        technicalScore
        indexablePages
        excludedPages
        issues {
          checkId
          title
          failingPages
          warningPages
          applicablePages
          estimatedGain
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliBatchSitesQuery, CliBatchSitesQueryVariables>;
export const CliCreateProjectDocument = new TypedDocumentString(`
    mutation CliCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    ...CliProjectFields
  }
}
    fragment CliProjectFields on Project {
  id
  name
  market
  language
  prompts
  maxPagesPerSite
  createdAt
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
  schedule {
    cron
    timezone
    runs
    nextRunAt
    lastRunAt
    lastError
    lastErrorAt
  }
}`) as unknown as TypedDocumentString<CliCreateProjectMutation, CliCreateProjectMutationVariables>;
export const CliProjectsDocument = new TypedDocumentString(`
    query CliProjects($after: String) {
  projects(first: 100, after: $after) {
    edges {
      node {
        ...CliProjectFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment CliProjectFields on Project {
  id
  name
  market
  language
  prompts
  maxPagesPerSite
  createdAt
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
  schedule {
    cron
    timezone
    runs
    nextRunAt
    lastRunAt
    lastError
    lastErrorAt
  }
}`) as unknown as TypedDocumentString<CliProjectsQuery, CliProjectsQueryVariables>;
export const CliProjectDocument = new TypedDocumentString(`
    query CliProject($id: ID!) {
  project(id: $id) {
    ...CliProjectFields
    siteAudits(first: 5) {
      edges {
        node {
          id
          name
          status
          progress
          createdAt
          finishedAt
        }
      }
    }
  }
}
    fragment CliProjectFields on Project {
  id
  name
  market
  language
  prompts
  maxPagesPerSite
  createdAt
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
  schedule {
    cron
    timezone
    runs
    nextRunAt
    lastRunAt
    lastError
    lastErrorAt
  }
}`) as unknown as TypedDocumentString<CliProjectQuery, CliProjectQueryVariables>;
export const CliRunSiteAuditDocument = new TypedDocumentString(`
    mutation CliRunSiteAudit($projectId: ID!) {
  runSiteAudit(projectId: $projectId) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CliRunSiteAuditMutation, CliRunSiteAuditMutationVariables>;
export const CliCancelBatchDocument = new TypedDocumentString(`
    mutation CliCancelBatch($id: ID!) {
  cancelBatch(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CliCancelBatchMutation, CliCancelBatchMutationVariables>;
export const CliRunVisibilityAuditDocument = new TypedDocumentString(`
    mutation CliRunVisibilityAudit($projectId: ID!, $input: RunVisibilityAuditInput) {
  runVisibilityAudit(projectId: $projectId, input: $input) {
    id
    project {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CliRunVisibilityAuditMutation, CliRunVisibilityAuditMutationVariables>;
export const CliVisibilityProgressDocument = new TypedDocumentString(`
    subscription CliVisibilityProgress($id: ID!) {
  visibilityProgress(id: $id) {
    sequence
    audit {
      id
      status
      stage
      progress
      requestsTotal
      requestsDone
      requestsFailed
      error
      project {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliVisibilityProgressSubscription, CliVisibilityProgressSubscriptionVariables>;
export const CliVisibilityAuditDocument = new TypedDocumentString(`
    query CliVisibilityAudit($id: ID!) {
  node(id: $id) {
    ... on VisibilityAudit {
      id
      status
      stage
      engines
      samplesPerPrompt
      prompts
      promptsSource
      requestsTotal
      requestsDone
      requestsFailed
      tokensUsed
      error
      createdAt
      startedAt
      finishedAt
      project {
        id
        name
      }
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
}`) as unknown as TypedDocumentString<CliVisibilityAuditQuery, CliVisibilityAuditQueryVariables>;
export const CliCancelVisibilityAuditDocument = new TypedDocumentString(`
    mutation CliCancelVisibilityAudit($id: ID!) {
  cancelVisibilityAudit(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CliCancelVisibilityAuditMutation, CliCancelVisibilityAuditMutationVariables>;