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
const BUILT = /^(Brand|BrandInput|Project|CreateProjectInput|UpdateProjectInput|RunKind|Schedule|ScheduleInput|ProjectConnection|ProjectEdge)\b|^(Query|Mutation)\.(project|projects|createProject|updateProject|deleteProject|runSiteAudit)\b/;

describe('the projects part of contract v2', () => {
  it('has every name and type of the contract, but the Project fields later parts bring', () => {
    const differences = [...findBreakingChanges(contract, schema), ...findDangerousChanges(contract, schema)]
      .map((change) => `${change.type}: ${change.description}`)
      .filter((line) => BUILT.test(line.slice(line.indexOf(': ') + 2)));
    expect(differences).toEqual([
      'FIELD_REMOVED: Project.history was removed.',
      'FIELD_REMOVED: Project.changes was removed.',
      'FIELD_REMOVED: Project.webhooks was removed.',
      // As for batches: no default for first (it would clash with last); the page size is still 20.
      'ARG_DEFAULT_VALUE_CHANGE: Query.projects arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: Project.siteAudits arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: Project.visibilityAudits arg first defaultValue was removed.',
    ]);
  });
});
