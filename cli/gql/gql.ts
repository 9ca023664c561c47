/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation CliCreateBatch($input: CreateBatchInput!) {\n    createBatch(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CliCreateBatchDocument,
    "\n  subscription CliBatchProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        id\n        name\n        status\n        error\n        maxPagesPerSite\n        targets {\n          id\n          url\n          isSubject\n          status\n          waitingForRetry\n          error\n          pagesDiscovered\n          pagesDone\n        }\n      }\n    }\n  }\n": typeof types.CliBatchProgressDocument,
    "\n  query CliBatchComparison($id: ID!) {\n    batch(id: $id) {\n      id\n      status\n      error\n      comparison {\n        ...ComparisonFields\n      }\n      partialComparison {\n        ...ComparisonFields\n      }\n    }\n  }\n": typeof types.CliBatchComparisonDocument,
    "\n  query CliBatchSites($id: ID!) {\n    batch(id: $id) {\n      id\n      maxPagesPerSite\n      targets {\n        id\n        url\n        isSubject\n        pagesDone\n        site {\n          overallScore\n          seoScore\n          aeoScore\n          technicalScore\n          indexablePages\n          excludedPages\n          issues {\n            checkId\n            title\n            failingPages\n            warningPages\n            applicablePages\n            estimatedGain\n          }\n        }\n      }\n    }\n  }\n": typeof types.CliBatchSitesDocument,
    "\n  fragment CliProjectFields on Project {\n    id\n    name\n    market\n    language\n    prompts\n    maxPagesPerSite\n    createdAt\n    brand { name aliases domains }\n    competitors { name aliases domains }\n    schedule { cron timezone runs nextRunAt lastRunAt lastError lastErrorAt }\n  }\n": typeof types.CliProjectFieldsFragmentDoc,
    "\n  mutation CliCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...CliProjectFields\n    }\n  }\n": typeof types.CliCreateProjectDocument,
    "\n  query CliProjects($after: String) {\n    projects(first: 100, after: $after) {\n      edges { node { ...CliProjectFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.CliProjectsDocument,
    "\n  query CliProject($id: ID!) {\n    project(id: $id) {\n      ...CliProjectFields\n      siteAudits(first: 5) {\n        edges { node { id name status progress createdAt finishedAt } }\n      }\n    }\n  }\n": typeof types.CliProjectDocument,
    "\n  mutation CliRunSiteAudit($projectId: ID!) {\n    runSiteAudit(projectId: $projectId) {\n      id\n      name\n    }\n  }\n": typeof types.CliRunSiteAuditDocument,
    "\n  mutation CliCancelBatch($id: ID!) {\n    cancelBatch(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CliCancelBatchDocument,
    "\n  mutation CliRunVisibilityAudit($projectId: ID!, $input: RunVisibilityAuditInput) {\n    runVisibilityAudit(projectId: $projectId, input: $input) {\n      id\n      project { name }\n    }\n  }\n": typeof types.CliRunVisibilityAuditDocument,
    "\n  subscription CliVisibilityProgress($id: ID!) {\n    visibilityProgress(id: $id) {\n      sequence\n      audit {\n        id\n        status\n        stage\n        progress\n        requestsTotal\n        requestsDone\n        requestsFailed\n        error\n        project { name }\n      }\n    }\n  }\n": typeof types.CliVisibilityProgressDocument,
    "\n  query CliVisibilityAudit($id: ID!) {\n    node(id: $id) {\n      ... on VisibilityAudit {\n        id\n        status\n        stage\n        engines\n        samplesPerPrompt\n        prompts\n        promptsSource\n        requestsTotal\n        requestsDone\n        requestsFailed\n        tokensUsed\n        error\n        createdAt\n        startedAt\n        finishedAt\n        project { id name }\n        ...VisibilityResultFields\n      }\n    }\n  }\n": typeof types.CliVisibilityAuditDocument,
    "\n  mutation CliCancelVisibilityAudit($id: ID!) {\n    cancelVisibilityAudit(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CliCancelVisibilityAuditDocument,
    "fragment ComparisonFields on Comparison {\n  createdAt\n  partial\n  ranking {\n    rank\n    indexable\n    excludedReason\n    overallScore\n    seoScore\n    aeoScore\n    technicalScore\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  subject {\n    rank\n    analysedCompetitors\n    target {\n      id\n      url\n    }\n  }\n  notAnalysed {\n    error\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  checks {\n    checkId\n    category\n    passedBy {\n      id\n      url\n    }\n    failedBy {\n      id\n      url\n    }\n    warnedBy {\n      id\n      url\n    }\n  }\n  gaps {\n    checkId\n    title\n    subjectOutcome\n    message\n    howToFix\n    estimatedGain\n    pagesAffected\n    competitors {\n      id\n      url\n    }\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n}": typeof types.ComparisonFieldsFragmentDoc,
    "fragment VisibilityResultFields on VisibilityAudit {\n  brands {\n    brand {\n      name\n      aliases\n      domains\n    }\n    isSubject\n    mentionRate\n    mentionRateLow\n    mentionRateHigh\n    shareOfVoice\n    citationShare\n    averagePosition\n    sentiment\n    recommendationRate\n    byEngine {\n      engine\n      mentionRate\n      mentionRateLow\n      mentionRateHigh\n      shareOfVoice\n      citationShare\n    }\n  }\n  promptResults {\n    prompt\n    named\n    subjectMentionRate\n    lost\n  }\n  citedDomains {\n    domain\n    citations\n    share\n    brand\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n  insightsFailure\n  citedPagesBatch {\n    id\n    name\n    status\n  }\n}": typeof types.VisibilityResultFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  mutation CliCreateBatch($input: CreateBatchInput!) {\n    createBatch(input: $input) {\n      id\n      name\n    }\n  }\n": types.CliCreateBatchDocument,
    "\n  subscription CliBatchProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        id\n        name\n        status\n        error\n        maxPagesPerSite\n        targets {\n          id\n          url\n          isSubject\n          status\n          waitingForRetry\n          error\n          pagesDiscovered\n          pagesDone\n        }\n      }\n    }\n  }\n": types.CliBatchProgressDocument,
    "\n  query CliBatchComparison($id: ID!) {\n    batch(id: $id) {\n      id\n      status\n      error\n      comparison {\n        ...ComparisonFields\n      }\n      partialComparison {\n        ...ComparisonFields\n      }\n    }\n  }\n": types.CliBatchComparisonDocument,
    "\n  query CliBatchSites($id: ID!) {\n    batch(id: $id) {\n      id\n      maxPagesPerSite\n      targets {\n        id\n        url\n        isSubject\n        pagesDone\n        site {\n          overallScore\n          seoScore\n          aeoScore\n          technicalScore\n          indexablePages\n          excludedPages\n          issues {\n            checkId\n            title\n            failingPages\n            warningPages\n            applicablePages\n            estimatedGain\n          }\n        }\n      }\n    }\n  }\n": types.CliBatchSitesDocument,
    "\n  fragment CliProjectFields on Project {\n    id\n    name\n    market\n    language\n    prompts\n    maxPagesPerSite\n    createdAt\n    brand { name aliases domains }\n    competitors { name aliases domains }\n    schedule { cron timezone runs nextRunAt lastRunAt lastError lastErrorAt }\n  }\n": types.CliProjectFieldsFragmentDoc,
    "\n  mutation CliCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...CliProjectFields\n    }\n  }\n": types.CliCreateProjectDocument,
    "\n  query CliProjects($after: String) {\n    projects(first: 100, after: $after) {\n      edges { node { ...CliProjectFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.CliProjectsDocument,
    "\n  query CliProject($id: ID!) {\n    project(id: $id) {\n      ...CliProjectFields\n      siteAudits(first: 5) {\n        edges { node { id name status progress createdAt finishedAt } }\n      }\n    }\n  }\n": types.CliProjectDocument,
    "\n  mutation CliRunSiteAudit($projectId: ID!) {\n    runSiteAudit(projectId: $projectId) {\n      id\n      name\n    }\n  }\n": types.CliRunSiteAuditDocument,
    "\n  mutation CliCancelBatch($id: ID!) {\n    cancelBatch(id: $id) {\n      id\n      status\n    }\n  }\n": types.CliCancelBatchDocument,
    "\n  mutation CliRunVisibilityAudit($projectId: ID!, $input: RunVisibilityAuditInput) {\n    runVisibilityAudit(projectId: $projectId, input: $input) {\n      id\n      project { name }\n    }\n  }\n": types.CliRunVisibilityAuditDocument,
    "\n  subscription CliVisibilityProgress($id: ID!) {\n    visibilityProgress(id: $id) {\n      sequence\n      audit {\n        id\n        status\n        stage\n        progress\n        requestsTotal\n        requestsDone\n        requestsFailed\n        error\n        project { name }\n      }\n    }\n  }\n": types.CliVisibilityProgressDocument,
    "\n  query CliVisibilityAudit($id: ID!) {\n    node(id: $id) {\n      ... on VisibilityAudit {\n        id\n        status\n        stage\n        engines\n        samplesPerPrompt\n        prompts\n        promptsSource\n        requestsTotal\n        requestsDone\n        requestsFailed\n        tokensUsed\n        error\n        createdAt\n        startedAt\n        finishedAt\n        project { id name }\n        ...VisibilityResultFields\n      }\n    }\n  }\n": types.CliVisibilityAuditDocument,
    "\n  mutation CliCancelVisibilityAudit($id: ID!) {\n    cancelVisibilityAudit(id: $id) {\n      id\n      status\n    }\n  }\n": types.CliCancelVisibilityAuditDocument,
    "fragment ComparisonFields on Comparison {\n  createdAt\n  partial\n  ranking {\n    rank\n    indexable\n    excludedReason\n    overallScore\n    seoScore\n    aeoScore\n    technicalScore\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  subject {\n    rank\n    analysedCompetitors\n    target {\n      id\n      url\n    }\n  }\n  notAnalysed {\n    error\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  checks {\n    checkId\n    category\n    passedBy {\n      id\n      url\n    }\n    failedBy {\n      id\n      url\n    }\n    warnedBy {\n      id\n      url\n    }\n  }\n  gaps {\n    checkId\n    title\n    subjectOutcome\n    message\n    howToFix\n    estimatedGain\n    pagesAffected\n    competitors {\n      id\n      url\n    }\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n}": types.ComparisonFieldsFragmentDoc,
    "fragment VisibilityResultFields on VisibilityAudit {\n  brands {\n    brand {\n      name\n      aliases\n      domains\n    }\n    isSubject\n    mentionRate\n    mentionRateLow\n    mentionRateHigh\n    shareOfVoice\n    citationShare\n    averagePosition\n    sentiment\n    recommendationRate\n    byEngine {\n      engine\n      mentionRate\n      mentionRateLow\n      mentionRateHigh\n      shareOfVoice\n      citationShare\n    }\n  }\n  promptResults {\n    prompt\n    named\n    subjectMentionRate\n    lost\n  }\n  citedDomains {\n    domain\n    citations\n    share\n    brand\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n  insightsFailure\n  citedPagesBatch {\n    id\n    name\n    status\n  }\n}": types.VisibilityResultFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateBatch($input: CreateBatchInput!) {\n    createBatch(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CliCreateBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliBatchProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        id\n        name\n        status\n        error\n        maxPagesPerSite\n        targets {\n          id\n          url\n          isSubject\n          status\n          waitingForRetry\n          error\n          pagesDiscovered\n          pagesDone\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CliBatchProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliBatchComparison($id: ID!) {\n    batch(id: $id) {\n      id\n      status\n      error\n      comparison {\n        ...ComparisonFields\n      }\n      partialComparison {\n        ...ComparisonFields\n      }\n    }\n  }\n"): typeof import('./graphql').CliBatchComparisonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliBatchSites($id: ID!) {\n    batch(id: $id) {\n      id\n      maxPagesPerSite\n      targets {\n        id\n        url\n        isSubject\n        pagesDone\n        site {\n          overallScore\n          seoScore\n          aeoScore\n          technicalScore\n          indexablePages\n          excludedPages\n          issues {\n            checkId\n            title\n            failingPages\n            warningPages\n            applicablePages\n            estimatedGain\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CliBatchSitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliProjectFields on Project {\n    id\n    name\n    market\n    language\n    prompts\n    maxPagesPerSite\n    createdAt\n    brand { name aliases domains }\n    competitors { name aliases domains }\n    schedule { cron timezone runs nextRunAt lastRunAt lastError lastErrorAt }\n  }\n"): typeof import('./graphql').CliProjectFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...CliProjectFields\n    }\n  }\n"): typeof import('./graphql').CliCreateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliProjects($after: String) {\n    projects(first: 100, after: $after) {\n      edges { node { ...CliProjectFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').CliProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliProject($id: ID!) {\n    project(id: $id) {\n      ...CliProjectFields\n      siteAudits(first: 5) {\n        edges { node { id name status progress createdAt finishedAt } }\n      }\n    }\n  }\n"): typeof import('./graphql').CliProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRunSiteAudit($projectId: ID!) {\n    runSiteAudit(projectId: $projectId) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CliRunSiteAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCancelBatch($id: ID!) {\n    cancelBatch(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CliCancelBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRunVisibilityAudit($projectId: ID!, $input: RunVisibilityAuditInput) {\n    runVisibilityAudit(projectId: $projectId, input: $input) {\n      id\n      project { name }\n    }\n  }\n"): typeof import('./graphql').CliRunVisibilityAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliVisibilityProgress($id: ID!) {\n    visibilityProgress(id: $id) {\n      sequence\n      audit {\n        id\n        status\n        stage\n        progress\n        requestsTotal\n        requestsDone\n        requestsFailed\n        error\n        project { name }\n      }\n    }\n  }\n"): typeof import('./graphql').CliVisibilityProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliVisibilityAudit($id: ID!) {\n    node(id: $id) {\n      ... on VisibilityAudit {\n        id\n        status\n        stage\n        engines\n        samplesPerPrompt\n        prompts\n        promptsSource\n        requestsTotal\n        requestsDone\n        requestsFailed\n        tokensUsed\n        error\n        createdAt\n        startedAt\n        finishedAt\n        project { id name }\n        ...VisibilityResultFields\n      }\n    }\n  }\n"): typeof import('./graphql').CliVisibilityAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCancelVisibilityAudit($id: ID!) {\n    cancelVisibilityAudit(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CliCancelVisibilityAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ComparisonFields on Comparison {\n  createdAt\n  partial\n  ranking {\n    rank\n    indexable\n    excludedReason\n    overallScore\n    seoScore\n    aeoScore\n    technicalScore\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  subject {\n    rank\n    analysedCompetitors\n    target {\n      id\n      url\n    }\n  }\n  notAnalysed {\n    error\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  checks {\n    checkId\n    category\n    passedBy {\n      id\n      url\n    }\n    failedBy {\n      id\n      url\n    }\n    warnedBy {\n      id\n      url\n    }\n  }\n  gaps {\n    checkId\n    title\n    subjectOutcome\n    message\n    howToFix\n    estimatedGain\n    pagesAffected\n    competitors {\n      id\n      url\n    }\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n}"): typeof import('./graphql').ComparisonFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment VisibilityResultFields on VisibilityAudit {\n  brands {\n    brand {\n      name\n      aliases\n      domains\n    }\n    isSubject\n    mentionRate\n    mentionRateLow\n    mentionRateHigh\n    shareOfVoice\n    citationShare\n    averagePosition\n    sentiment\n    recommendationRate\n    byEngine {\n      engine\n      mentionRate\n      mentionRateLow\n      mentionRateHigh\n      shareOfVoice\n      citationShare\n    }\n  }\n  promptResults {\n    prompt\n    named\n    subjectMentionRate\n    lost\n  }\n  citedDomains {\n    domain\n    citations\n    share\n    brand\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n  insightsFailure\n  citedPagesBatch {\n    id\n    name\n    status\n  }\n}"): typeof import('./graphql').VisibilityResultFieldsFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
