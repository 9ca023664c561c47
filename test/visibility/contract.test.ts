import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';

const contract = buildSchema(
  ['contract.graphql', 'contract-v2.graphql']
    .map((file) => fs.readFileSync(path.resolve(import.meta.dirname, '../schema', file), 'utf8'))
    .join('\n'),
);

/** The "AI visibility" section of contract v2. */
const SECTION =
  /^(AnswerEngine|RunVisibilityAuditInput|VisibilityStage|VisibilityAudit|VisibilityAuditConnection|VisibilityAuditEdge|VisibilityProgress|BrandVisibility|EngineVisibility|Answer|AnswerConnection|AnswerEdge|Sentiment|Mention|PromptResult|CitedDomain)\b|^(Query|Mutation|Subscription)\.(answerEngines|runVisibilityAudit|cancelVisibilityAudit|visibilityProgress)\b|^Project\.visibilityAudits\b/;

describe('the AI-visibility part of contract v2', () => {
  it('has every name and type of the contract', () => {
    const differences = [...findBreakingChanges(contract, schema), ...findDangerousChanges(contract, schema)]
      .map((change) => `${change.type}: ${change.description}`)
      .filter((line) => SECTION.test(line.slice(line.indexOf(': ') + 2)));
    expect(differences).toEqual([
      // As for batches: no default for first (it would clash with last); the page size is still 20.
      'ARG_DEFAULT_VALUE_CHANGE: Project.visibilityAudits arg first defaultValue was removed.',
      'ARG_DEFAULT_VALUE_CHANGE: VisibilityAudit.answers arg first defaultValue was removed.',
    ]);
  });
});
