import { parse, type DocumentNode, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as clientDocuments from '../../client/src/gql/graphql';
import { loadConfig } from '../../src/config';
import * as cliDocuments from '../../cli/gql/graphql';
import { schema } from '../../src/schema';
import { estimateCost, listFieldsWithoutSize } from '../../src/schema/cost';

const defaults = loadConfig({});
const limits = { maxUrlsPerBatch: defaults.maxUrlsPerBatch, maxRedirects: defaults.crawl.maxRedirects };
const cost = (query: string | DocumentNode, variables: Record<string, unknown> = {}) =>
  estimateCost(schema, { document: typeof query === 'string' ? parse(query) : query, variables }, limits);

/** The largest value each variable of the operation can take, by its type. */
function largestVariables(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  const valueOf = (type: TypeNode): unknown =>
    type.kind === 'NonNullType' ? valueOf(type.type) : type.kind === 'ListType' ? [valueOf(type.type)] : values[type.name.value];
  const brand = (name: string) => ({ name, domains: [`${name}.test`] });
  const project = { name: 'x', brand: brand('a'), competitors: Array.from({ length: 10 }, (_, i) => brand(`c${i}`)) };
  const values: Record<string, unknown> = {
    Int: 100,
    ID: 'x',
    String: 'x',
    Boolean: true,
    CreateBatchInput: { name: 'x', urls: ['https://a.test/'] },
    CreateProjectInput: project,
    UpdateProjectInput: project,
    WebhookEvent: 'RUN_COMPLETED',
  };
  return Object.fromEntries((operation.variableDefinitions ?? []).map((variable) => [variable.variable.name.value, valueOf(variable.type)]));
}

describe('the cost estimate', () => {
  it('knows the size of every list field of the schema', () => {
    expect(listFieldsWithoutSize(schema)).toEqual([]);
  });

  it.each(['50', '1000'])('lets every operation of the web client and the CLI through at the default limit (MAX_URLS_PER_BATCH=%s)', (urls) => {
    const config = loadConfig({ MAX_URLS_PER_BATCH: urls });
    const sizes = { maxUrlsPerBatch: config.maxUrlsPerBatch, maxRedirects: config.crawl.maxRedirects };
    const documents = Object.entries({ ...clientDocuments, ...cliDocuments }).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(10);
    for (const [name, text] of documents) {
      const document = parse(String(text)); // the operation with its fragments
      const estimate = estimateCost(schema, { document, variables: largestVariables(document) }, sizes);
      expect(estimate, name).not.toBeNull();
      expect(estimate!, name).toBeLessThanOrEqual(config.requestLimits.maxCost);
    }
  });

  it('counts a list once per item it may hold, a connection per row of its page, a subscription as ten events', () => {
    const headings = `targets { analysis { headings { level text } } }`;
    // 50 targets × (target, analysis, 200 headings × (heading, level, text)).
    const perBatch = 50 * (1 + 1 + 200 * 3);
    expect(cost(`query { batch(id: "x") { ${headings} } }`)).toBe(1 + perBatch);
    expect(cost(`query ($n: Int) { batches(first: $n) { edges { node { ${headings} } } } }`, { n: 10 })).toBe(10 * (1 + 1 + 1 + perBatch));
    expect(cost(`{ batches(last: 1000) { edges { cursor } } }`)).toBe(100 * (1 + 1 + 1));
    expect(cost(`{ batches { edges { cursor } } }`)).toBe(20 * (1 + 1 + 1));
    expect(cost(`subscription { batchProgress(id: "x") { batch { ${headings} } } }`)).toBe(10 * (1 + 1 + perBatch));
    expect(cost(`subscription { batchProgress(id: "x") { batch { ${headings} } } }`)).toBeGreaterThan(defaults.requestLimits.maxCost);
    expect(cost(`{ __schema { types { fields { name type { name } } } } }`)).toBe(0);
  });
});
