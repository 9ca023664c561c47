import { useEffect, useState } from 'preact/hooks';
import { useApiKeyEpoch, useQuery } from '../../api/hooks';
import { BatchCreatedSubscription, BatchesQuery } from '../../api/operations';
import { subscribe } from '../../api/socket';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { BatchSummaryFieldsFragment } from '../../gql/graphql';
import { BatchListRow } from './BatchListRow';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ShowOlder } from '../../components/ShowOlder';
import { useScreenTitle } from '../useScreenTitle';

const pageSize = 20;

/** The first page, after the batches the subscription brought in that were created since it was read. */
function withNewer(page: BatchSummaryFieldsFragment[], current: BatchSummaryFieldsFragment[]) {
  const newest = page[0]?.createdAt ?? '';
  return [...current.filter((known) => known.createdAt > newest && !page.some((node) => node.id === known.id)), ...page];
}

export function Batches() {
  useScreenTitle('Batches');
  const [after, setAfter] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<BatchSummaryFieldsFragment[]>([]);
  const page = useQuery(BatchesQuery, { first: pageSize, after });
  const epoch = useApiKeyEpoch();
  const [subscription, setSubscription] = useState(0);

  // Batches created elsewhere (another tab, the CLI, a script) join the top of the list. When
  // the server says it may have missed some, the first page is loaded again.
  useEffect(() => {
    let active = true;
    const unsubscribe = subscribe(BatchCreatedSubscription, {}, {
      next: ({ batchCreated }) =>
        setLoaded((current) => (current.some((known) => known.id === batchCreated.id) ? current : [batchCreated, ...current])),
      error: () => {}, // the list's own query reports what is wrong with the connection or the key
      complete: () => {
        if (!active) return; // completed by the unsubscribe below, not by the server
        setAfter(null);
        page.reload();
        setSubscription((count) => count + 1);
      },
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [epoch, subscription]);

  useEffect(() => {
    if (!page.data) return;
    const nodes = page.data.batches.edges.map((edge) => edge.node);
    setLoaded((current) =>
      after === null ? withNewer(nodes, current) : [...current, ...nodes.filter((node) => !current.some((known) => known.id === node.id))],
    );
  }, [page.data]);

  const pageInfo = page.data?.batches.pageInfo;
  return (
    <section aria-labelledby="batches-title">
      <div class="title-row">
        <h1 id="batches-title">Batches</h1>
        <a class="button primary" href="/">
          New analysis
        </a>
      </div>
      <ErrorNotice error={page.error} context="Could not load batches" />
      {page.data && loaded.length === 0 && <p class="empty">No batches yet. Start with a new analysis.</p>}
      {loaded.length > 0 && (
        <ScrollRegion label="Batches">
          <table class="batches">
            <caption class="visually-hidden">Batches, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {loaded.map((batch) => (
                <BatchListRow key={batch.id} initial={batch} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ShowOlder pageInfo={pageInfo} loading={page.loading} noun="batches" onMore={setAfter} />
    </section>
  );
}
