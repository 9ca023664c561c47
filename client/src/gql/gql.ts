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
    "\n  fragment BatchSummaryFields on Batch {\n    id\n    name\n    status\n    progress\n    totalUrls\n    completedUrls\n    failedUrls\n    error\n    maxPagesPerSite\n    createdAt\n    startedAt\n    finishedAt\n  }\n": typeof types.BatchSummaryFieldsFragmentDoc,
    "\n  fragment TargetRowFields on Target {\n    id\n    url\n    isSubject\n    status\n    waitingForRetry\n    attempts\n    error\n    pagesDiscovered\n    pagesDone\n    analysis {\n      overallScore\n      title\n    }\n  }\n": typeof types.TargetRowFieldsFragmentDoc,
    "\n  query Batches($first: Int!, $after: String) {\n    batches(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...BatchSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BatchesDocument,
    "\n  subscription BatchCreated {\n    batchCreated {\n      ...BatchSummaryFields\n    }\n  }\n": typeof types.BatchCreatedDocument,
    "\n  query Batch($id: ID!) {\n    batch(id: $id) {\n      ...BatchSummaryFields\n      targets {\n        ...TargetRowFields\n      }\n    }\n  }\n": typeof types.BatchDocument,
    "\n  subscription BatchProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        ...BatchSummaryFields\n        targets {\n          ...TargetRowFields\n        }\n      }\n    }\n  }\n": typeof types.BatchProgressDocument,
    "\n  subscription BatchSummaryProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        ...BatchSummaryFields\n      }\n    }\n  }\n": typeof types.BatchSummaryProgressDocument,
    "\n  subscription ComparisonReady($batchId: ID!) {\n    comparisonReady(batchId: $batchId) {\n      createdAt\n    }\n  }\n": typeof types.ComparisonReadyDocument,
    "\n  fragment SiteReportFields on SiteReport {\n    overallScore\n    seoScore\n    aeoScore\n    technicalScore\n    indexablePages\n    excludedPages\n    issues {\n      checkId\n      title\n      category\n      failingPages\n      warningPages\n      applicablePages\n      examples\n      estimatedGain\n      howToFix\n    }\n  }\n": typeof types.SiteReportFieldsFragmentDoc,
    "\n  query BatchReport($id: ID!) {\n    batch(id: $id) {\n      ...BatchSummaryFields\n      targets {\n        id\n        url\n        isSubject\n        status\n        error\n        analysis {\n          finalUrl\n          httpStatus\n          fetchMs\n          bytes\n          title\n          metaDescription\n          canonical\n          lang\n          wordCount\n          headings {\n            level\n            text\n          }\n          structuredDataTypes\n          seoScore\n          aeoScore\n          technicalScore\n          overallScore\n          checks {\n            id\n            category\n            outcome\n            weight\n            message\n          }\n        }\n      }\n      comparison {\n        ...ComparisonFields\n      }\n      partialComparison {\n        ...ComparisonFields\n      }\n    }\n  }\n": typeof types.BatchReportDocument,
    "\n  mutation CreateBatch($input: CreateBatchInput!) {\n    createBatch(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateBatchDocument,
    "\n  mutation CancelBatch($id: ID!) {\n    cancelBatch(id: $id) {\n      ...BatchSummaryFields\n    }\n  }\n": typeof types.CancelBatchDocument,
    "\n  mutation RetryBatch($id: ID!) {\n    retryBatch(id: $id) {\n      ...BatchSummaryFields\n    }\n  }\n": typeof types.RetryBatchDocument,
    "\n  query Limits {\n    limits {\n      maxUrlsPerBatch\n      maxPagesPerSite\n    }\n  }\n": typeof types.LimitsDocument,
    "\n  query TargetSite($id: ID!) {\n    node(id: $id) {\n      ... on Target {\n        id\n        site {\n          ...SiteReportFields\n        }\n      }\n    }\n  }\n": typeof types.TargetSiteDocument,
    "\n  query SitePages($batchId: ID!, $targetId: ID!, $after: String, $onlyFailing: String, $onlyExcluded: Boolean) {\n    batch(id: $batchId) {\n      id\n      name\n    }\n    node(id: $targetId) {\n      ... on Target {\n        id\n        url\n        isSubject\n        status\n        pagesDiscovered\n        pagesDone\n        site {\n          ...SiteReportFields\n        }\n        pages(first: 50, after: $after, onlyFailing: $onlyFailing, onlyExcluded: $onlyExcluded) {\n          totalCount\n          edges {\n            cursor\n            node {\n              url\n              httpStatus\n              indexable\n              excludedReason\n              depth\n              error\n              analysis {\n                overallScore\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": typeof types.SitePagesDocument,
    "\n  fragment ProjectFormFields on Project {\n    id\n    name\n    brand {\n      name\n      aliases\n      domains\n    }\n    competitors {\n      name\n      aliases\n      domains\n    }\n    market\n    language\n    prompts\n    maxPagesPerSite\n    schedule {\n      cron\n      timezone\n      runs\n      nextRunAt\n      lastRunAt\n    }\n  }\n": typeof types.ProjectFormFieldsFragmentDoc,
    "\n  query Projects($first: Int!, $after: String) {\n    projects(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          brand {\n            name\n          }\n          competitors {\n            name\n          }\n          schedule {\n            cron\n            timezone\n            nextRunAt\n          }\n          siteAudits(first: 1) {\n            edges {\n              node {\n                id\n                status\n                createdAt\n                finishedAt\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ProjectsDocument,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectFormFields\n      createdAt\n      schedule {\n        lastError\n        lastErrorAt\n      }\n    }\n  }\n": typeof types.ProjectDocument,
    "\n  query ProjectRuns($id: ID!) {\n    project(id: $id) {\n      id\n      siteAudits(first: 20) {\n        edges {\n          node {\n            ...BatchSummaryFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectRunsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {\n    updateProject(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateProjectDocument,
    "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id)\n  }\n": typeof types.DeleteProjectDocument,
    "\n  mutation RunSiteAudit($projectId: ID!) {\n    runSiteAudit(projectId: $projectId) {\n      ...BatchSummaryFields\n    }\n  }\n": typeof types.RunSiteAuditDocument,
    "\n  fragment HistorySeriesFields on HistorySeries {\n    isSubject\n    brand {\n      name\n    }\n    points {\n      at\n      value\n    }\n  }\n": typeof types.HistorySeriesFieldsFragmentDoc,
    "\n  query ProjectMonitoring($id: ID!) {\n    project(id: $id) {\n      id\n      overall: history(metric: OVERALL_SCORE) {\n        ...HistorySeriesFields\n      }\n      seo: history(metric: SEO_SCORE) {\n        ...HistorySeriesFields\n      }\n      aeo: history(metric: AEO_SCORE) {\n        ...HistorySeriesFields\n      }\n      technical: history(metric: TECHNICAL_SCORE) {\n        ...HistorySeriesFields\n      }\n      mentionRate: history(metric: MENTION_RATE) {\n        ...HistorySeriesFields\n      }\n      shareOfVoice: history(metric: SHARE_OF_VOICE) {\n        ...HistorySeriesFields\n      }\n      citationShare: history(metric: CITATION_SHARE) {\n        ...HistorySeriesFields\n      }\n      changes(first: 50) {\n        edges {\n          node {\n            id\n            at\n            kind\n            message\n            isSubject\n            brand {\n              name\n            }\n            run {\n              __typename\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectMonitoringDocument,
    "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    events\n    createdAt\n    deliveries(first: 5) {\n      id\n      event\n      status\n      attempts\n      deliveredAt\n      error\n      createdAt\n    }\n  }\n": typeof types.WebhookFieldsFragmentDoc,
    "\n  query ProjectWebhooks($id: ID!) {\n    project(id: $id) {\n      id\n      webhooks {\n        ...WebhookFields\n      }\n    }\n  }\n": typeof types.ProjectWebhooksDocument,
    "\n  mutation CreateWebhook($projectId: ID!, $url: String!, $events: [WebhookEvent!]!) {\n    createWebhook(projectId: $projectId, url: $url, events: $events) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation PingWebhook($id: ID!) {\n    pingWebhook(id: $id) {\n      id\n    }\n  }\n": typeof types.PingWebhookDocument,
    "\n  subscription ProjectEvents($projectId: ID!) {\n    projectEvents(projectId: $projectId) {\n      sequence\n      kind\n    }\n  }\n": typeof types.ProjectEventsDocument,
    "\n  fragment VisibilitySummaryFields on VisibilityAudit {\n    id\n    status\n    stage\n    progress\n    engines\n    samplesPerPrompt\n    requestsTotal\n    requestsDone\n    requestsFailed\n    tokensUsed\n    error\n    createdAt\n    startedAt\n    finishedAt\n  }\n": typeof types.VisibilitySummaryFieldsFragmentDoc,
    "\n  query VisibilityAudit($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        ...VisibilitySummaryFields\n        project {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.VisibilityAuditDocument,
    "\n  query VisibilityResults($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        id\n        promptsSource\n        ...VisibilityResultFields\n      }\n    }\n  }\n": typeof types.VisibilityResultsDocument,
    "\n  query PromptAnswers($id: ID!, $prompt: String!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        id\n        answers(prompt: $prompt, first: 50, after: $after) {\n          totalCount\n          edges {\n            node {\n              id\n              engine\n              model\n              sample\n              text\n              cached\n              error\n              citations\n              mentions {\n                brand\n                position\n                sentiment\n                recommended\n                spans {\n                  start\n                  end\n                }\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": typeof types.PromptAnswersDocument,
    "\n  subscription VisibilityProgress($id: ID!) {\n    visibilityProgress(id: $id) {\n      sequence\n      audit {\n        ...VisibilitySummaryFields\n      }\n    }\n  }\n": typeof types.VisibilityProgressDocument,
    "\n  query ProjectVisibility($id: ID!) {\n    answerEngines {\n      name\n      model\n    }\n    project(id: $id) {\n      id\n      visibilityAudits(first: 20) {\n        edges {\n          node {\n            ...VisibilitySummaryFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectVisibilityDocument,
    "\n  mutation RunVisibilityAudit($projectId: ID!) {\n    runVisibilityAudit(projectId: $projectId) {\n      id\n    }\n  }\n": typeof types.RunVisibilityAuditDocument,
    "\n  mutation CancelVisibilityAudit($id: ID!) {\n    cancelVisibilityAudit(id: $id) {\n      ...VisibilitySummaryFields\n    }\n  }\n": typeof types.CancelVisibilityAuditDocument,
    "fragment ComparisonFields on Comparison {\n  createdAt\n  partial\n  ranking {\n    rank\n    indexable\n    excludedReason\n    overallScore\n    seoScore\n    aeoScore\n    technicalScore\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  subject {\n    rank\n    analysedCompetitors\n    target {\n      id\n      url\n    }\n  }\n  notAnalysed {\n    error\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  checks {\n    checkId\n    category\n    passedBy {\n      id\n      url\n    }\n    failedBy {\n      id\n      url\n    }\n    warnedBy {\n      id\n      url\n    }\n  }\n  gaps {\n    checkId\n    title\n    subjectOutcome\n    message\n    howToFix\n    estimatedGain\n    pagesAffected\n    competitors {\n      id\n      url\n    }\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n}": typeof types.ComparisonFieldsFragmentDoc,
    "fragment VisibilityResultFields on VisibilityAudit {\n  brands {\n    brand {\n      name\n      aliases\n      domains\n    }\n    isSubject\n    mentionRate\n    mentionRateLow\n    mentionRateHigh\n    shareOfVoice\n    citationShare\n    averagePosition\n    sentiment\n    recommendationRate\n    byEngine {\n      engine\n      mentionRate\n      mentionRateLow\n      mentionRateHigh\n      shareOfVoice\n      citationShare\n    }\n  }\n  promptResults {\n    prompt\n    named\n    subjectMentionRate\n    lost\n  }\n  citedDomains {\n    domain\n    citations\n    share\n    brand\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n  insightsFailure\n  citedPagesBatch {\n    id\n    name\n    status\n  }\n}": typeof types.VisibilityResultFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  fragment BatchSummaryFields on Batch {\n    id\n    name\n    status\n    progress\n    totalUrls\n    completedUrls\n    failedUrls\n    error\n    maxPagesPerSite\n    createdAt\n    startedAt\n    finishedAt\n  }\n": types.BatchSummaryFieldsFragmentDoc,
    "\n  fragment TargetRowFields on Target {\n    id\n    url\n    isSubject\n    status\n    waitingForRetry\n    attempts\n    error\n    pagesDiscovered\n    pagesDone\n    analysis {\n      overallScore\n      title\n    }\n  }\n": types.TargetRowFieldsFragmentDoc,
    "\n  query Batches($first: Int!, $after: String) {\n    batches(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...BatchSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BatchesDocument,
    "\n  subscription BatchCreated {\n    batchCreated {\n      ...BatchSummaryFields\n    }\n  }\n": types.BatchCreatedDocument,
    "\n  query Batch($id: ID!) {\n    batch(id: $id) {\n      ...BatchSummaryFields\n      targets {\n        ...TargetRowFields\n      }\n    }\n  }\n": types.BatchDocument,
    "\n  subscription BatchProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        ...BatchSummaryFields\n        targets {\n          ...TargetRowFields\n        }\n      }\n    }\n  }\n": types.BatchProgressDocument,
    "\n  subscription BatchSummaryProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        ...BatchSummaryFields\n      }\n    }\n  }\n": types.BatchSummaryProgressDocument,
    "\n  subscription ComparisonReady($batchId: ID!) {\n    comparisonReady(batchId: $batchId) {\n      createdAt\n    }\n  }\n": types.ComparisonReadyDocument,
    "\n  fragment SiteReportFields on SiteReport {\n    overallScore\n    seoScore\n    aeoScore\n    technicalScore\n    indexablePages\n    excludedPages\n    issues {\n      checkId\n      title\n      category\n      failingPages\n      warningPages\n      applicablePages\n      examples\n      estimatedGain\n      howToFix\n    }\n  }\n": types.SiteReportFieldsFragmentDoc,
    "\n  query BatchReport($id: ID!) {\n    batch(id: $id) {\n      ...BatchSummaryFields\n      targets {\n        id\n        url\n        isSubject\n        status\n        error\n        analysis {\n          finalUrl\n          httpStatus\n          fetchMs\n          bytes\n          title\n          metaDescription\n          canonical\n          lang\n          wordCount\n          headings {\n            level\n            text\n          }\n          structuredDataTypes\n          seoScore\n          aeoScore\n          technicalScore\n          overallScore\n          checks {\n            id\n            category\n            outcome\n            weight\n            message\n          }\n        }\n      }\n      comparison {\n        ...ComparisonFields\n      }\n      partialComparison {\n        ...ComparisonFields\n      }\n    }\n  }\n": types.BatchReportDocument,
    "\n  mutation CreateBatch($input: CreateBatchInput!) {\n    createBatch(input: $input) {\n      id\n    }\n  }\n": types.CreateBatchDocument,
    "\n  mutation CancelBatch($id: ID!) {\n    cancelBatch(id: $id) {\n      ...BatchSummaryFields\n    }\n  }\n": types.CancelBatchDocument,
    "\n  mutation RetryBatch($id: ID!) {\n    retryBatch(id: $id) {\n      ...BatchSummaryFields\n    }\n  }\n": types.RetryBatchDocument,
    "\n  query Limits {\n    limits {\n      maxUrlsPerBatch\n      maxPagesPerSite\n    }\n  }\n": types.LimitsDocument,
    "\n  query TargetSite($id: ID!) {\n    node(id: $id) {\n      ... on Target {\n        id\n        site {\n          ...SiteReportFields\n        }\n      }\n    }\n  }\n": types.TargetSiteDocument,
    "\n  query SitePages($batchId: ID!, $targetId: ID!, $after: String, $onlyFailing: String, $onlyExcluded: Boolean) {\n    batch(id: $batchId) {\n      id\n      name\n    }\n    node(id: $targetId) {\n      ... on Target {\n        id\n        url\n        isSubject\n        status\n        pagesDiscovered\n        pagesDone\n        site {\n          ...SiteReportFields\n        }\n        pages(first: 50, after: $after, onlyFailing: $onlyFailing, onlyExcluded: $onlyExcluded) {\n          totalCount\n          edges {\n            cursor\n            node {\n              url\n              httpStatus\n              indexable\n              excludedReason\n              depth\n              error\n              analysis {\n                overallScore\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": types.SitePagesDocument,
    "\n  fragment ProjectFormFields on Project {\n    id\n    name\n    brand {\n      name\n      aliases\n      domains\n    }\n    competitors {\n      name\n      aliases\n      domains\n    }\n    market\n    language\n    prompts\n    maxPagesPerSite\n    schedule {\n      cron\n      timezone\n      runs\n      nextRunAt\n      lastRunAt\n    }\n  }\n": types.ProjectFormFieldsFragmentDoc,
    "\n  query Projects($first: Int!, $after: String) {\n    projects(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          brand {\n            name\n          }\n          competitors {\n            name\n          }\n          schedule {\n            cron\n            timezone\n            nextRunAt\n          }\n          siteAudits(first: 1) {\n            edges {\n              node {\n                id\n                status\n                createdAt\n                finishedAt\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ProjectsDocument,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectFormFields\n      createdAt\n      schedule {\n        lastError\n        lastErrorAt\n      }\n    }\n  }\n": types.ProjectDocument,
    "\n  query ProjectRuns($id: ID!) {\n    project(id: $id) {\n      id\n      siteAudits(first: 20) {\n        edges {\n          node {\n            ...BatchSummaryFields\n          }\n        }\n      }\n    }\n  }\n": types.ProjectRunsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n    }\n  }\n": types.CreateProjectDocument,
    "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {\n    updateProject(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateProjectDocument,
    "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id)\n  }\n": types.DeleteProjectDocument,
    "\n  mutation RunSiteAudit($projectId: ID!) {\n    runSiteAudit(projectId: $projectId) {\n      ...BatchSummaryFields\n    }\n  }\n": types.RunSiteAuditDocument,
    "\n  fragment HistorySeriesFields on HistorySeries {\n    isSubject\n    brand {\n      name\n    }\n    points {\n      at\n      value\n    }\n  }\n": types.HistorySeriesFieldsFragmentDoc,
    "\n  query ProjectMonitoring($id: ID!) {\n    project(id: $id) {\n      id\n      overall: history(metric: OVERALL_SCORE) {\n        ...HistorySeriesFields\n      }\n      seo: history(metric: SEO_SCORE) {\n        ...HistorySeriesFields\n      }\n      aeo: history(metric: AEO_SCORE) {\n        ...HistorySeriesFields\n      }\n      technical: history(metric: TECHNICAL_SCORE) {\n        ...HistorySeriesFields\n      }\n      mentionRate: history(metric: MENTION_RATE) {\n        ...HistorySeriesFields\n      }\n      shareOfVoice: history(metric: SHARE_OF_VOICE) {\n        ...HistorySeriesFields\n      }\n      citationShare: history(metric: CITATION_SHARE) {\n        ...HistorySeriesFields\n      }\n      changes(first: 50) {\n        edges {\n          node {\n            id\n            at\n            kind\n            message\n            isSubject\n            brand {\n              name\n            }\n            run {\n              __typename\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProjectMonitoringDocument,
    "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    events\n    createdAt\n    deliveries(first: 5) {\n      id\n      event\n      status\n      attempts\n      deliveredAt\n      error\n      createdAt\n    }\n  }\n": types.WebhookFieldsFragmentDoc,
    "\n  query ProjectWebhooks($id: ID!) {\n    project(id: $id) {\n      id\n      webhooks {\n        ...WebhookFields\n      }\n    }\n  }\n": types.ProjectWebhooksDocument,
    "\n  mutation CreateWebhook($projectId: ID!, $url: String!, $events: [WebhookEvent!]!) {\n    createWebhook(projectId: $projectId, url: $url, events: $events) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation PingWebhook($id: ID!) {\n    pingWebhook(id: $id) {\n      id\n    }\n  }\n": types.PingWebhookDocument,
    "\n  subscription ProjectEvents($projectId: ID!) {\n    projectEvents(projectId: $projectId) {\n      sequence\n      kind\n    }\n  }\n": types.ProjectEventsDocument,
    "\n  fragment VisibilitySummaryFields on VisibilityAudit {\n    id\n    status\n    stage\n    progress\n    engines\n    samplesPerPrompt\n    requestsTotal\n    requestsDone\n    requestsFailed\n    tokensUsed\n    error\n    createdAt\n    startedAt\n    finishedAt\n  }\n": types.VisibilitySummaryFieldsFragmentDoc,
    "\n  query VisibilityAudit($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        ...VisibilitySummaryFields\n        project {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.VisibilityAuditDocument,
    "\n  query VisibilityResults($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        id\n        promptsSource\n        ...VisibilityResultFields\n      }\n    }\n  }\n": types.VisibilityResultsDocument,
    "\n  query PromptAnswers($id: ID!, $prompt: String!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        id\n        answers(prompt: $prompt, first: 50, after: $after) {\n          totalCount\n          edges {\n            node {\n              id\n              engine\n              model\n              sample\n              text\n              cached\n              error\n              citations\n              mentions {\n                brand\n                position\n                sentiment\n                recommended\n                spans {\n                  start\n                  end\n                }\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": types.PromptAnswersDocument,
    "\n  subscription VisibilityProgress($id: ID!) {\n    visibilityProgress(id: $id) {\n      sequence\n      audit {\n        ...VisibilitySummaryFields\n      }\n    }\n  }\n": types.VisibilityProgressDocument,
    "\n  query ProjectVisibility($id: ID!) {\n    answerEngines {\n      name\n      model\n    }\n    project(id: $id) {\n      id\n      visibilityAudits(first: 20) {\n        edges {\n          node {\n            ...VisibilitySummaryFields\n          }\n        }\n      }\n    }\n  }\n": types.ProjectVisibilityDocument,
    "\n  mutation RunVisibilityAudit($projectId: ID!) {\n    runVisibilityAudit(projectId: $projectId) {\n      id\n    }\n  }\n": types.RunVisibilityAuditDocument,
    "\n  mutation CancelVisibilityAudit($id: ID!) {\n    cancelVisibilityAudit(id: $id) {\n      ...VisibilitySummaryFields\n    }\n  }\n": types.CancelVisibilityAuditDocument,
    "fragment ComparisonFields on Comparison {\n  createdAt\n  partial\n  ranking {\n    rank\n    indexable\n    excludedReason\n    overallScore\n    seoScore\n    aeoScore\n    technicalScore\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  subject {\n    rank\n    analysedCompetitors\n    target {\n      id\n      url\n    }\n  }\n  notAnalysed {\n    error\n    target {\n      id\n      url\n      isSubject\n    }\n  }\n  checks {\n    checkId\n    category\n    passedBy {\n      id\n      url\n    }\n    failedBy {\n      id\n      url\n    }\n    warnedBy {\n      id\n      url\n    }\n  }\n  gaps {\n    checkId\n    title\n    subjectOutcome\n    message\n    howToFix\n    estimatedGain\n    pagesAffected\n    competitors {\n      id\n      url\n    }\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n}": types.ComparisonFieldsFragmentDoc,
    "fragment VisibilityResultFields on VisibilityAudit {\n  brands {\n    brand {\n      name\n      aliases\n      domains\n    }\n    isSubject\n    mentionRate\n    mentionRateLow\n    mentionRateHigh\n    shareOfVoice\n    citationShare\n    averagePosition\n    sentiment\n    recommendationRate\n    byEngine {\n      engine\n      mentionRate\n      mentionRateLow\n      mentionRateHigh\n      shareOfVoice\n      citationShare\n    }\n  }\n  promptResults {\n    prompt\n    named\n    subjectMentionRate\n    lost\n  }\n  citedDomains {\n    domain\n    citations\n    share\n    brand\n  }\n  insights {\n    title\n    body\n    severity\n    source\n  }\n  insightsFailure\n  citedPagesBatch {\n    id\n    name\n    status\n  }\n}": types.VisibilityResultFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BatchSummaryFields on Batch {\n    id\n    name\n    status\n    progress\n    totalUrls\n    completedUrls\n    failedUrls\n    error\n    maxPagesPerSite\n    createdAt\n    startedAt\n    finishedAt\n  }\n"): typeof import('./graphql').BatchSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TargetRowFields on Target {\n    id\n    url\n    isSubject\n    status\n    waitingForRetry\n    attempts\n    error\n    pagesDiscovered\n    pagesDone\n    analysis {\n      overallScore\n      title\n    }\n  }\n"): typeof import('./graphql').TargetRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Batches($first: Int!, $after: String) {\n    batches(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...BatchSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').BatchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BatchCreated {\n    batchCreated {\n      ...BatchSummaryFields\n    }\n  }\n"): typeof import('./graphql').BatchCreatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Batch($id: ID!) {\n    batch(id: $id) {\n      ...BatchSummaryFields\n      targets {\n        ...TargetRowFields\n      }\n    }\n  }\n"): typeof import('./graphql').BatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BatchProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        ...BatchSummaryFields\n        targets {\n          ...TargetRowFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').BatchProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BatchSummaryProgress($id: ID!) {\n    batchProgress(id: $id) {\n      sequence\n      batch {\n        ...BatchSummaryFields\n      }\n    }\n  }\n"): typeof import('./graphql').BatchSummaryProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ComparisonReady($batchId: ID!) {\n    comparisonReady(batchId: $batchId) {\n      createdAt\n    }\n  }\n"): typeof import('./graphql').ComparisonReadyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SiteReportFields on SiteReport {\n    overallScore\n    seoScore\n    aeoScore\n    technicalScore\n    indexablePages\n    excludedPages\n    issues {\n      checkId\n      title\n      category\n      failingPages\n      warningPages\n      applicablePages\n      examples\n      estimatedGain\n      howToFix\n    }\n  }\n"): typeof import('./graphql').SiteReportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchReport($id: ID!) {\n    batch(id: $id) {\n      ...BatchSummaryFields\n      targets {\n        id\n        url\n        isSubject\n        status\n        error\n        analysis {\n          finalUrl\n          httpStatus\n          fetchMs\n          bytes\n          title\n          metaDescription\n          canonical\n          lang\n          wordCount\n          headings {\n            level\n            text\n          }\n          structuredDataTypes\n          seoScore\n          aeoScore\n          technicalScore\n          overallScore\n          checks {\n            id\n            category\n            outcome\n            weight\n            message\n          }\n        }\n      }\n      comparison {\n        ...ComparisonFields\n      }\n      partialComparison {\n        ...ComparisonFields\n      }\n    }\n  }\n"): typeof import('./graphql').BatchReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBatch($input: CreateBatchInput!) {\n    createBatch(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelBatch($id: ID!) {\n    cancelBatch(id: $id) {\n      ...BatchSummaryFields\n    }\n  }\n"): typeof import('./graphql').CancelBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryBatch($id: ID!) {\n    retryBatch(id: $id) {\n      ...BatchSummaryFields\n    }\n  }\n"): typeof import('./graphql').RetryBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Limits {\n    limits {\n      maxUrlsPerBatch\n      maxPagesPerSite\n    }\n  }\n"): typeof import('./graphql').LimitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TargetSite($id: ID!) {\n    node(id: $id) {\n      ... on Target {\n        id\n        site {\n          ...SiteReportFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TargetSiteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SitePages($batchId: ID!, $targetId: ID!, $after: String, $onlyFailing: String, $onlyExcluded: Boolean) {\n    batch(id: $batchId) {\n      id\n      name\n    }\n    node(id: $targetId) {\n      ... on Target {\n        id\n        url\n        isSubject\n        status\n        pagesDiscovered\n        pagesDone\n        site {\n          ...SiteReportFields\n        }\n        pages(first: 50, after: $after, onlyFailing: $onlyFailing, onlyExcluded: $onlyExcluded) {\n          totalCount\n          edges {\n            cursor\n            node {\n              url\n              httpStatus\n              indexable\n              excludedReason\n              depth\n              error\n              analysis {\n                overallScore\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SitePagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectFormFields on Project {\n    id\n    name\n    brand {\n      name\n      aliases\n      domains\n    }\n    competitors {\n      name\n      aliases\n      domains\n    }\n    market\n    language\n    prompts\n    maxPagesPerSite\n    schedule {\n      cron\n      timezone\n      runs\n      nextRunAt\n      lastRunAt\n    }\n  }\n"): typeof import('./graphql').ProjectFormFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects($first: Int!, $after: String) {\n    projects(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          brand {\n            name\n          }\n          competitors {\n            name\n          }\n          schedule {\n            cron\n            timezone\n            nextRunAt\n          }\n          siteAudits(first: 1) {\n            edges {\n              node {\n                id\n                status\n                createdAt\n                finishedAt\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectFormFields\n      createdAt\n      schedule {\n        lastError\n        lastErrorAt\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectRuns($id: ID!) {\n    project(id: $id) {\n      id\n      siteAudits(first: 20) {\n        edges {\n          node {\n            ...BatchSummaryFields\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {\n    updateProject(id: $id, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id)\n  }\n"): typeof import('./graphql').DeleteProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunSiteAudit($projectId: ID!) {\n    runSiteAudit(projectId: $projectId) {\n      ...BatchSummaryFields\n    }\n  }\n"): typeof import('./graphql').RunSiteAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistorySeriesFields on HistorySeries {\n    isSubject\n    brand {\n      name\n    }\n    points {\n      at\n      value\n    }\n  }\n"): typeof import('./graphql').HistorySeriesFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectMonitoring($id: ID!) {\n    project(id: $id) {\n      id\n      overall: history(metric: OVERALL_SCORE) {\n        ...HistorySeriesFields\n      }\n      seo: history(metric: SEO_SCORE) {\n        ...HistorySeriesFields\n      }\n      aeo: history(metric: AEO_SCORE) {\n        ...HistorySeriesFields\n      }\n      technical: history(metric: TECHNICAL_SCORE) {\n        ...HistorySeriesFields\n      }\n      mentionRate: history(metric: MENTION_RATE) {\n        ...HistorySeriesFields\n      }\n      shareOfVoice: history(metric: SHARE_OF_VOICE) {\n        ...HistorySeriesFields\n      }\n      citationShare: history(metric: CITATION_SHARE) {\n        ...HistorySeriesFields\n      }\n      changes(first: 50) {\n        edges {\n          node {\n            id\n            at\n            kind\n            message\n            isSubject\n            brand {\n              name\n            }\n            run {\n              __typename\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectMonitoringDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    events\n    createdAt\n    deliveries(first: 5) {\n      id\n      event\n      status\n      attempts\n      deliveredAt\n      error\n      createdAt\n    }\n  }\n"): typeof import('./graphql').WebhookFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectWebhooks($id: ID!) {\n    project(id: $id) {\n      id\n      webhooks {\n        ...WebhookFields\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectWebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($projectId: ID!, $url: String!, $events: [WebhookEvent!]!) {\n    createWebhook(projectId: $projectId, url: $url, events: $events) {\n      secret\n      webhook {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').CreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): typeof import('./graphql').DeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PingWebhook($id: ID!) {\n    pingWebhook(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').PingWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectEvents($projectId: ID!) {\n    projectEvents(projectId: $projectId) {\n      sequence\n      kind\n    }\n  }\n"): typeof import('./graphql').ProjectEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VisibilitySummaryFields on VisibilityAudit {\n    id\n    status\n    stage\n    progress\n    engines\n    samplesPerPrompt\n    requestsTotal\n    requestsDone\n    requestsFailed\n    tokensUsed\n    error\n    createdAt\n    startedAt\n    finishedAt\n  }\n"): typeof import('./graphql').VisibilitySummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityAudit($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        ...VisibilitySummaryFields\n        project {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').VisibilityAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisibilityResults($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        id\n        promptsSource\n        ...VisibilityResultFields\n      }\n    }\n  }\n"): typeof import('./graphql').VisibilityResultsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromptAnswers($id: ID!, $prompt: String!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on VisibilityAudit {\n        id\n        answers(prompt: $prompt, first: 50, after: $after) {\n          totalCount\n          edges {\n            node {\n              id\n              engine\n              model\n              sample\n              text\n              cached\n              error\n              citations\n              mentions {\n                brand\n                position\n                sentiment\n                recommended\n                spans {\n                  start\n                  end\n                }\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PromptAnswersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription VisibilityProgress($id: ID!) {\n    visibilityProgress(id: $id) {\n      sequence\n      audit {\n        ...VisibilitySummaryFields\n      }\n    }\n  }\n"): typeof import('./graphql').VisibilityProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectVisibility($id: ID!) {\n    answerEngines {\n      name\n      model\n    }\n    project(id: $id) {\n      id\n      visibilityAudits(first: 20) {\n        edges {\n          node {\n            ...VisibilitySummaryFields\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProjectVisibilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunVisibilityAudit($projectId: ID!) {\n    runVisibilityAudit(projectId: $projectId) {\n      id\n    }\n  }\n"): typeof import('./graphql').RunVisibilityAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelVisibilityAudit($id: ID!) {\n    cancelVisibilityAudit(id: $id) {\n      ...VisibilitySummaryFields\n    }\n  }\n"): typeof import('./graphql').CancelVisibilityAuditDocument;
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
