import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '../../api/hooks';
import { BatchesQuery } from '../../api/operations';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { BatchSummaryFieldsFragment } from '../../gql/graphql';
import { BatchListRow } from './BatchListRow';
import { ScrollRegion } from '../../components/ScrollRegion';

const pageSize = 20;

export function Batches() {
  const [after, setAfter] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<BatchSummaryFieldsFragment[]>([]);
  const page = useQuery(BatchesQuery, { first: pageSize, after });

  useEffect(() => {
    if (!page.data) return;
    const nodes = page.data.batches.edges.map((edge) => edge.node);
    setLoaded((current) => (after === null ? nodes : [...current, ...nodes.filter((node) => !current.some((known) => known.id === node.id))]));
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
      <div class="actions">
        {pageInfo?.hasNextPage && (
          <button type="button" disabled={page.loading} onClick={() => setAfter(pageInfo.endCursor ?? null)}>
            {page.loading ? 'Loading…' : 'Show older batches'}
          </button>
        )}
      </div>
    </section>
  );
}
