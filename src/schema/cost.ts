import { getNullableType, isInterfaceType, isListType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { AI_CRAWLERS, CHECKS, MAX_ISSUE_EXAMPLES, MAX_REPORTED_LIST_ITEMS } from '../analysis';
import { PROJECT_LISTS } from '../projects/input';
import { MAX_DELIVERIES_LISTED, MAX_WEBHOOKS_PER_PROJECT } from '../projects/webhooks';
import { VISIBILITY_LISTS } from '../projects/visibility/audits';
import { CONNECTION_PAGE, isConnectionField } from './paging';

/** Most items one per-page list of a stored analysis holds (headings, structured data types): the estimate counts this many. */
export const MAX_PAGE_LIST_ITEMS = MAX_REPORTED_LIST_ITEMS;

/** The settings some sizes follow. */
export interface CostLimits {
  maxUrlsPerBatch: number;
  maxRedirects: number;
}

type Size = (limits: CostLimits) => number;
const targets: Size = ({ maxUrlsPerBatch }) => maxUrlsPerBatch;
const checks: Size = () => CHECKS.length;
const pageList: Size = () => MAX_PAGE_LIST_ITEMS;
const one: Size = () => 1;

/**
 * How often a field's selection can be resolved for one parent: a list's most items; 1 for a
 * connection's edges, whose connection field counts its page size instead. Every list field of
 * the schema must be here (a test checks it).
 */
const REPEATS: Record<string, Size> = {
  'Batch.targets': targets,
  'BatchConnection.edges': one,
  'AuditEventConnection.edges': one,
  'CategoryLeader.targets': targets,
  'CheckComparison.failedBy': targets,
  'CheckComparison.passedBy': targets,
  'CheckComparison.warnedBy': targets,
  'CheckComparison.passRates': targets,
  'Comparison.checks': checks,
  'Comparison.gaps': checks,
  // A model writes at most 20; the rules about one per gap or strength.
  'Comparison.insights': checks,
  // OVERALL, SEO, AEO and TECHNICAL.
  'Comparison.leaders': () => 4,
  'Comparison.notAnalysed': targets,
  'Comparison.ranking': targets,
  'Gap.competitors': targets,
  'PageAnalysis.aiCrawlerAccess': () => AI_CRAWLERS.length,
  'PageAnalysis.checks': checks,
  'PageAnalysis.headings': pageList,
  'PageAnalysis.redirectChain': ({ maxRedirects }) => maxRedirects,
  'PageAnalysis.structuredDataTypes': pageList,
  'Brand.aliases': () => PROJECT_LISTS.aliases,
  'Brand.domains': () => PROJECT_LISTS.domains,
  'Project.competitors': () => PROJECT_LISTS.competitors,
  'Project.prompts': () => PROJECT_LISTS.prompts,
  'ProjectConnection.edges': one,
  'ChangeConnection.edges': one,
  // The project's own brand and its competitors.
  'Project.history': () => PROJECT_LISTS.competitors + 1,
  // Two years of weekly runs: an estimate, not a limit (a query of several metrics' runs still fits).
  'HistorySeries.points': () => 104,
  // SITE_AUDIT and VISIBILITY_AUDIT.
  'Schedule.runs': () => 2,
  'Project.webhooks': () => MAX_WEBHOOKS_PER_PROJECT,
  'Webhook.deliveries': () => MAX_DELIVERIES_LISTED,
  // Each of RUN_COMPLETED, RUN_FAILED and CHANGE_DETECTED once.
  'Webhook.events': () => 3,
  'Query.answerEngines': () => VISIBILITY_LISTS.engines,
  'VisibilityAuditConnection.edges': one,
  'AnswerConnection.edges': one,
  'Answer.mentions': () => VISIBILITY_LISTS.brands,
  'Answer.citations': () => VISIBILITY_LISTS.citations,
  'Mention.spans': () => VISIBILITY_LISTS.spans,
  'VisibilityAudit.engines': () => VISIBILITY_LISTS.engines,
  'VisibilityAudit.prompts': () => VISIBILITY_LISTS.prompts,
  'VisibilityAudit.brands': () => VISIBILITY_LISTS.brands,
  'VisibilityAudit.citedDomains': () => VISIBILITY_LISTS.citedDomains,
  'VisibilityAudit.promptResults': () => VISIBILITY_LISTS.prompts,
  'VisibilityAudit.insights': () => VISIBILITY_LISTS.insights,
  'BrandVisibility.byEngine': () => VISIBILITY_LISTS.engines,
  'PromptResult.named': () => VISIBILITY_LISTS.brands,
  'CrawledPageConnection.edges': one,
  'SiteReport.issues': checks,
  'SiteIssue.examples': () => MAX_ISSUE_EXAMPLES,
};

/**
 * A subscription sends its whole selection again with every event, so it counts as this many
 * events: a selection fit for one query (a batch's full report) is refused as a stream, while
 * the per-target rows the clients follow fit at any batch size.
 */
const SUBSCRIPTION_EVENTS_COUNTED = 10;

/** The list fields of the schema without a declared size. */
export function listFieldsWithoutSize(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).flatMap((type) => {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) return [];
    return Object.values(type.getFields())
      .filter((field) => isListType(getNullableType(field.type)) && !REPEATS[`${type.name}.${field.name}`])
      .map((field) => `${type.name}.${field.name}`);
  });
}

/**
 * Each field resolved costs 1, each of its children's costs counted as often as it repeats:
 * per item of a list, per row of a connection's page (its first or last, else its default
 * size, at most its maximum), per event of a subscription (SUBSCRIPTION_EVENTS_COUNTED). Introspection costs nothing:
 * the schema is small and fixed.
 */
function estimator(limits: CostLimits): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
    const coordinate = `${type.name}.${field.name}`;
    const repeats = isConnectionField(field)
      ? Math.min(args.first ?? args.last ?? CONNECTION_PAGE.defaultSize, CONNECTION_PAGE.maxSize)
      : type.name === 'Subscription'
        ? SUBSCRIPTION_EVENTS_COUNTED
        : (REPEATS[coordinate]?.(limits) ?? 1);
    return repeats * (1 + childComplexity);
  };
}

/**
 * The estimated cost of running the operation, or null when its variables do not fit it
 * (execution refuses those with BAD_USER_INPUT anyway).
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: { document: DocumentNode; variables?: Record<string, unknown>; operationName?: string | null },
  limits: CostLimits,
): number | null {
  try {
    return getComplexity({
      schema,
      query: operation.document,
      variables: operation.variables,
      operationName: operation.operationName ?? undefined,
      estimators: [estimator(limits)],
    });
  } catch {
    return null;
  }
}
