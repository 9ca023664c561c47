import { useEffect, useMemo } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { useQuery } from '../../api/hooks';
import { BatchReportQuery, ComparisonReadySubscription } from '../../api/operations';
import { subscribe } from '../../api/socket';
import { ErrorNotice } from '../../components/ErrorNotice';
import { shortUrl } from '#shared/format';
import { PARTIAL_NOTE } from '#shared/reportHtml';
import { formatDateTime } from '../../format/format';
import { CheckMatrix } from './CheckMatrix';
import { Downloads } from './Downloads';
import { FixFirst } from './FixFirst';
import { InsightList } from './InsightList';
import { RankingCards } from './RankingCards';
import { ScoreChart } from './ScoreChart';
import { SiteIssues } from './SiteIssues';
import { crawlsSites } from '../batch/crawls';
import { buildMatrix } from './report';
import { useScreenTitle } from '../useScreenTitle';

export function Comparison() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const report = useQuery(BatchReportQuery, { id });
  const batch = report.data?.batch;
  useScreenTitle('Comparison', batch?.name);
  // A cancelled batch gets no comparison: what it offers instead is the partial one, or nothing.
  const waiting = batch !== undefined && batch !== null && batch.comparison === null && batch.status !== 'CANCELLED';
  const comparison = batch?.comparison ?? batch?.partialComparison;
  // Once per answer, not on every render of the screen.
  const matrix = useMemo(() => batch && comparison && buildMatrix(batch, comparison), [batch]);

  useEffect(() => {
    if (!waiting) return;
    return subscribe(ComparisonReadySubscription, { batchId: id }, { next: report.reload, error: () => undefined, complete: () => undefined });
  }, [waiting, id]);

  if (!batch) {
    if (report.data) return <p class="notice">No such batch.</p>;
    return report.error ? <ErrorNotice error={report.error} context="Could not load the comparison" /> : <p class="loading">Loading…</p>;
  }
  const batchLink = `/batches/${encodeURIComponent(batch.id)}`;
  if (!comparison) {
    return (
      <section aria-labelledby="comparison-title">
        <h1 id="comparison-title">{batch.name}</h1>
        <p class="notice">
          {batch.status === 'CANCELLED'
            ? `The batch was cancelled before two ${crawlsSites(batch) ? 'sites' : 'pages'} were analysed: there is nothing to compare. `
            : `The comparison appears here as soon as every ${crawlsSites(batch) ? 'site is crawled' : 'page is analysed'}. `}
          <a href={batchLink}>{batch.status === 'CANCELLED' ? 'Batch details' : 'Follow the progress'}</a>.
        </p>
      </section>
    );
  }

  const { subject, notAnalysed } = comparison;
  const crawls = crawlsSites(batch);
  return (
    <section aria-labelledby="comparison-title" class="comparison">
      <div class="title-row">
        <h1 id="comparison-title">{batch.name}</h1>
        <a href={batchLink}>Batch details</a>
      </div>
      <p class="summary">
        {crawls
          ? `${comparison.ranking.length} sites compared, up to ${batch.maxPagesPerSite} pages each, ${formatDateTime(comparison.createdAt)}`
          : `Compared ${formatDateTime(comparison.createdAt)}`}
      </p>
      {comparison.partial && <p class="notice notice-partial">{PARTIAL_NOTE}</p>}
      <Downloads name={batch.name} comparison={comparison} />
      {crawls ? <SiteIssues subject={subject?.target} /> : <FixFirst gaps={comparison.gaps} subject={subject} />}

      <h2>{crawls ? 'Sites ranked' : 'Ranking'}</h2>
      <RankingCards batchId={batch.id} sites={comparison.ranking} detail={crawls ? 'sites' : 'pages'} />
      <ScoreChart sites={comparison.ranking} />
      {notAnalysed.length > 0 && (
        <p class="notice">
          Not ranked: {notAnalysed.map((entry) => `${shortUrl(entry.target.url)} (${entry.error})`).join('; ')}
        </p>
      )}

      <h2>Checks</h2>
      {matrix && <CheckMatrix sites={comparison.ranking} groups={matrix} />}

      <h2>Insights</h2>
      <InsightList insights={comparison.insights} />
    </section>
  );
}
