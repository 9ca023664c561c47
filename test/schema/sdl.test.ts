import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';
import { printSchemaFile, SCHEMA_FILE } from '../../src/schema/print';

// A copy of the team's public API contract (shared/design/schema.graphql).
const CONTRACT = path.resolve(import.meta.dirname, 'contract.graphql');

describe('the GraphQL schema', () => {
  it('matches the committed schema.graphql (run `npm run schema:print` after changing src/schema)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(printSchemaFile());
  });

  it('keeps every name and type of the public contract', () => {
    const contract = buildSchema(fs.readFileSync(CONTRACT, 'utf8'));
    const breaking = findBreakingChanges(contract, schema).map((change) => `${change.type}: ${change.description}`);
    expect(breaking).toEqual([]);
  });
});
