import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { useQuery } from '../../api/hooks';
import { SitePagesQuery } from '../../api/operations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScoreBar } from '../../components/ScoreBar';
import { StatusBadge } from '../../components/StatusBadge';
import type { SitePagesQuery as SitePagesResult } from '../../gql/graphql';
import { shortUrl } from '#shared/format';
import { useScreenTitle } from '../useScreenTitle';
import { PageFilters, type Filters } from './PageFilters';
import { CrawledPageTable } from './CrawledPageTable';

// node answers any Node; the query asks only a Target's fields, so anything else comes back empty.
type SiteTarget = Exclude<NonNullable<SitePagesResult['node']>, Record<PropertyKey, never>>;
type Page = SiteTarget['pages']['edges'][number]['node'];

/** One crawled site: its scores and its pages, filtered by a failing check or to the excluded ones, 50 at a time. */
export function SitePage() {
  const { params } = useRoute();
  const batchId = params.id ?? '';
  const targetId = params.targetId ?? '';
  const [filters, setFilters] = useState<Filters>({ onlyFailing: '', onlyExcluded: false });
  const [after, setAfter] = useState<string | null>(null);
  const result = useQuery(SitePagesQuery, {
    batchId,
    targetId,
    after,
    onlyFailing: filters.onlyFailing || null,
    onlyExcluded: filters.onlyExcluded ? true : null,
  });
  const node = result.data?.node;
  const target = node && 'pages' in node ? node : undefined;
  useScreenTitle(target ? shortUrl(target.url) : 'Site', result.data?.batch?.name);

  // The pages loaded so far: a first page replaces them (a new filter), a later one adds to them.
  const [shown, setShown] = useState<Page[]>([]);
  useEffect(() => {
    if (!target) return;
    const loaded = target.pages.edges.map((edge) => edge.node);
    setShown((list) => {
      if (after === null) return loaded;
      const seen = new Set(list.map((page) => page.url));
      return [...list, ...loaded.filter((page) => !seen.has(page.url))];
    });
  }, [result.data]);

  const filter = (next: Filters) => {
    setFilters(next);
    setAfter(null);
  };

  if (!target) {
    if (result.data) return <p class="notice">No such site in this batch.</p>;
    return result.error ? <ErrorNotice error={result.error} context="Could not load the site" /> : <p class="loading">Loading…</p>;
  }
  const site = target.site;
  const batchLink = `/batches/${encodeURIComponent(batchId)}`;
  return (
    <section aria-labelledby="site-title" class="site-page">
      <nav class="crumbs" aria-label="Back to">
        <a href={batchLink}>Batch</a>
        <a href={`${batchLink}/comparison`}>Comparison</a>
      </nav>
      <div class="title-row">
        <h1 id="site-title" class="page-url">
          {target.url}
        </h1>
        <StatusBadge status={target.status} />
      </div>
      {target.isSubject && <p class="tag">my site</p>}
      <p class="summary">
        {target.pagesDone} of {target.pagesDiscovered} pages crawled
        {site && ` · ${site.indexablePages} indexable, ${site.excludedPages} excluded`}
      </p>
      {site && (
        <div class="scores">
          <ScoreBar label="Overall" score={site.overallScore} emphasis />
          <ScoreBar label="SEO" score={site.seoScore} />
          <ScoreBar label="AEO" score={site.aeoScore} />
          <ScoreBar label="Technical" score={site.technicalScore} />
        </div>
      )}
      <h2>Pages</h2>
      <PageFilters issues={site?.issues ?? []} filters={filters} onChange={filter} />
      <p class="counts" aria-live="polite">
        {target.pages.totalCount} {target.pages.totalCount === 1 ? 'page' : 'pages'}
        {filters.onlyFailing || filters.onlyExcluded ? ' match' : ''}
      </p>
      <ErrorNotice error={result.error} context="Could not load the pages" />
      <CrawledPageTable pages={shown} />
      {target.pages.pageInfo.hasNextPage && (
        <div class="actions">
          <button type="button" disabled={result.loading} onClick={() => setAfter(target.pages.pageInfo.endCursor ?? null)}>
            {result.loading ? 'Loading…' : 'Show more pages'}
          </button>
        </div>
      )}
    </section>
  );
}
