import { graphqlData } from './graphql';
import { waitUntil } from './wait';

const CREATE_BATCH = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;

/** Creates a batch over GraphQL as the local owner; returns its global ID. */
export async function createBatch(
  graphqlUrl: string,
  input: { name: string; urls: string[]; subjectUrl?: string; maxPagesPerSite?: number },
): Promise<string> {
  const { createBatch: batch } = await graphqlData<{ createBatch: { id: string } }>(graphqlUrl, CREATE_BATCH, { input });
  return batch.id;
}

/** Waits until the batch reaches one of the statuses (by default any terminal one); returns it. */
export function waitForBatchStatus(
  graphqlUrl: string,
  id: string,
  statuses: string[] = ['COMPLETED', 'FAILED', 'CANCELLED'],
  timeoutMs?: number,
): Promise<string> {
  return waitUntil(
    async () => {
      const { batch } = await graphqlData(graphqlUrl, `query ($id: ID!) { batch(id: $id) { status } }`, { id });
      return statuses.includes(batch.status) ? (batch.status as string) : null;
    },
    { timeoutMs, what: `batch ${id} to reach ${statuses.join(' or ')}` },
  );
}
