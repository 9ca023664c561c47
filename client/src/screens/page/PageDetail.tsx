import { useRoute } from 'preact-iso';
import { useQuery } from '../../api/hooks';
import { BatchReportQuery } from '../../api/operations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScoreBar } from '../../components/ScoreBar';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBytes, shortUrl } from '#shared/format';
import { useScreenTitle } from '../useScreenTitle';
import { CheckTable } from './CheckTable';

export function PageDetail() {
  const { params } = useRoute();
  const batchId = params.id ?? '';
  const report = useQuery(BatchReportQuery, { id: batchId });
  const target = report.data?.batch?.targets.find((candidate) => candidate.id === params.targetId);
  useScreenTitle(target ? shortUrl(target.url) : 'Page', report.data?.batch?.name);

  if (!target) {
    if (report.data) return <p class="notice">No such page in this batch.</p>;
    return report.error ? <ErrorNotice error={report.error} context="Could not load the page" /> : <p class="loading">Loading…</p>;
  }
  const analysis = target.analysis;
  const batchLink = `/batches/${encodeURIComponent(batchId)}`;
  return (
    <section aria-labelledby="page-title" class="page-detail">
      <nav class="crumbs" aria-label="Back to">
        <a href={batchLink}>Batch</a>
        {report.data?.batch?.comparison && <a href={`${batchLink}/comparison`}>Comparison</a>}
      </nav>
      <div class="title-row">
        <h1 id="page-title" class="page-url">
          {target.url}
        </h1>
        <StatusBadge status={target.status} />
      </div>
      {target.isSubject && <p class="tag">my site</p>}
      {target.error && <p class="notice notice-error">{target.error}</p>}
      {analysis && (
        <>
          <div class="scores">
            <ScoreBar label="Overall" score={analysis.overallScore} emphasis />
            <ScoreBar label="SEO" score={analysis.seoScore} />
            <ScoreBar label="AEO" score={analysis.aeoScore} />
            <ScoreBar label="Technical" score={analysis.technicalScore} />
          </div>
          <dl class="facts">
            <dt>Final URL</dt>
            <dd>{analysis.finalUrl}</dd>
            <dt>HTTP status</dt>
            <dd>{analysis.httpStatus}</dd>
            <dt>Fetched in</dt>
            <dd>{analysis.fetchMs} ms</dd>
            <dt>Size</dt>
            <dd>{formatBytes(analysis.bytes)}</dd>
            <dt>Title</dt>
            <dd>{analysis.title ?? '—'}</dd>
            <dt>Meta description</dt>
            <dd>{analysis.metaDescription ?? '—'}</dd>
            <dt>Canonical</dt>
            <dd>{analysis.canonical ?? '—'}</dd>
            <dt>Language</dt>
            <dd>{analysis.lang ?? '—'}</dd>
            <dt>Words</dt>
            <dd>{analysis.wordCount}</dd>
            <dt>Structured data</dt>
            <dd>{analysis.structuredDataTypes.join(', ') || '—'}</dd>
          </dl>
          <h2>Checks</h2>
          <CheckTable checks={analysis.checks} />
          <h2>Headings</h2>
          {analysis.headings.length === 0 ? (
            <p class="empty">No headings.</p>
          ) : (
            <ul class="headings">
              {analysis.headings.map((heading, index) => (
                <li key={index} style={{ paddingInlineStart: `${(heading.level - 1) * 1.25}rem` }}>
                  <span class="heading-level">H{heading.level}</span> {heading.text}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
