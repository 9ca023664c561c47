import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';

// Copies of the team's contracts (shared/design/schema.graphql and contract-v2.graphql).
const contract = buildSchema(
  ['contract.graphql', 'contract-v2.graphql']
    .map((file) => fs.readFileSync(path.resolve(import.meta.dirname, file), 'utf8'))
    .join('\n'),
);

/** How the schema differs from the contracts in the members one section names. */
function differencesIn(section: RegExp): string[] {
  return [...findBreakingChanges(contract, schema), ...findDangerousChanges(contract, schema)]
    .map((change) => `${change.type}: ${change.description}`)
    .filter((line) => section.test(line.slice(line.indexOf(': ') + 2)));
}

// Every connection has no default for first (it would clash with last); its page size is still the contract's.
describe('contract v2', () => {
  it('has every name and type of the "Projects" section', () => {
    expect(
      differencesIn(
        /^(Brand|BrandInput|Project|CreateProjectInput|UpdateProjectInput|RunKind|Schedule|ScheduleInput|ProjectConnection|ProjectEdge|HistoryMetric|HistorySeries|HistoryPoint|Change|ChangeKind|ChangeConnection|ChangeEdge|WebhookEvent|Webhook|WebhookDelivery|CreatedWebhook|ProjectEvent)\b|^(Query|Mutation|Subscription)\.(project|projects|createProject|updateProject|deleteProject|runSiteAudit|createWebhook|deleteWebhook|pingWebhook|projectEvents)\b/,
      ),
    ).toEqual([
      'ARG_DEFAULT_VALUE_CHANGE: Query.projects arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: Project.siteAudits arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: Project.visibilityAudits arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: Project.changes arg first defaultValue was removed.',
    ]);
  });

  it('has every name and type of the "AI visibility" section', () => {
    expect(
      differencesIn(
        /^(AnswerEngine|RunVisibilityAuditInput|VisibilityStage|VisibilityAudit|VisibilityAuditConnection|VisibilityAuditEdge|VisibilityProgress|BrandVisibility|EngineVisibility|Answer|AnswerConnection|AnswerEdge|Sentiment|Mention|PromptResult|CitedDomain)\b|^(Query|Mutation|Subscription)\.(answerEngines|runVisibilityAudit|cancelVisibilityAudit|visibilityProgress)\b|^Project\.visibilityAudits\b/,
      ),
    ).toEqual([
      'ARG_DEFAULT_VALUE_CHANGE: Project.visibilityAudits arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: VisibilityAudit.answers arg first defaultValue was removed.',
    ]);
  });

  it('has every name and type of the "Sites" section', () => {
    expect(
      differencesIn(
        /^(CreateBatchInput|CrawledPage|CrawledPageConnection|CrawledPageEdge|SiteReport|SiteIssue|RankedTarget\.indexable|Gap\.|CheckResult\.|Target\.(pagesDiscovered|pagesDone|pages|site))\b/,
      ),
    ).toEqual(['ARG_DEFAULT_VALUE_CHANGE: Target.pages arg first defaultValue was removed.']);
  });
});
