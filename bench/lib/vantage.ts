import type { Config } from '../../src/config';
import { decodeId } from '../../src/schema/ids';
import { graphqlData } from '../../test/helpers/graphql';

/** Vantage as the benches run it: on its own database, port 0, allowed to crawl loopback fixtures. */
export function benchAppConfig(base: Config, databaseUrl: string, overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    ...base,
    databaseUrl,
    host: '127.0.0.1',
    port: 0,
    crawl: { ...base.crawl, allowPrivate: true },
    llm: null,
    // One local owner sends every batch of a bench; the abuse limits are not what is measured.
    ownerLimits: { maxRunningBatches: 1_000_000, maxUrlsPerDay: 1_000_000_000 },
    logLevel: 'warn',
    ...overrides,
  });
}

const CREATE_BATCH = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;

/** Creates a batch over GraphQL, the way a client does; returns its global ID and row id. */
export async function createBatch(graphqlUrl: string, name: string, urls: string[]) {
  const data = await graphqlData<{ createBatch: { id: string } }>(graphqlUrl, CREATE_BATCH, { input: { name, urls } });
  return { globalId: data.createBatch.id, id: decodeId(data.createBatch.id, 'Batch') };
}
