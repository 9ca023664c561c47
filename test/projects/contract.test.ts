import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';

// Copies of the team's contracts (shared/design/schema.graphql and contract-v2.graphql).
const contract = buildSchema(
  ['contract.graphql', 'contract-v2.graphql']
    .map((file) => fs.readFileSync(path.resolve(import.meta.dirname, '../schema', file), 'utf8'))
    .join('\n'),
);

/** The part of contract-v2's "Projects" section built so far. */
const BUILT =
  /^(Brand|BrandInput|Project|CreateProjectInput|UpdateProjectInput|RunKind|Schedule|ScheduleInput|ProjectConnection|ProjectEdge|HistoryMetric|HistorySeries|HistoryPoint|Change|ChangeKind|ChangeConnection|ChangeEdge|WebhookEvent|Webhook|WebhookDelivery|CreatedWebhook|ProjectEvent)\b|^(Query|Mutation|Subscription)\.(project|projects|createProject|updateProject|deleteProject|runSiteAudit|createWebhook|deleteWebhook|pingWebhook|projectEvents)\b/;

describe('the projects part of contract v2', () => {
  it('has every name and type of the contract, but the Project fields later parts bring', () => {
    const differences = [...findBreakingChanges(contract, schema), ...findDangerousChanges(contract, schema)]
      .map((change) => `${change.type}: ${change.description}`)
      .filter((line) => BUILT.test(line.slice(line.indexOf(': ') + 2)));
    expect(differences).toEqual([
      // As for batches: no default for first (it would clash with last); the page size is still 20.
      'ARG_DEFAULT_VALUE_CHANGE: Query.projects arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: Project.siteAudits arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: Project.visibilityAudits arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: Project.changes arg first defaultValue was removed.',
    ]);
  });
});
