import { StatusBadge } from '../../components/StatusBadge';
import { UrlText } from '../../components/UrlText';
import type { TargetRowFieldsFragment } from '../../gql/graphql';
import { CrawlMeter } from './CrawlMeter';

/**
 * One target of a batch. In a crawling batch (`crawls`) it is a site: its crawl shows live and it
 * links to the site's pages; otherwise it is a page and links to its analysis.
 */
export function TargetRow({ batchId, target, crawls }: { batchId: string; target: TargetRowFieldsFragment; crawls: boolean }) {
  // A crawled site's score is over its pages (on the site page); the entry page's alone would mislead here.
  const score = crawls ? undefined : target.analysis?.overallScore;
  const note =
    target.error ??
    (target.waitingForRetry ? 'Its worker stopped mid-page; it will be retried shortly.' : target.attempts > 1 ? `attempt ${target.attempts}` : null);
  const detail = `/batches/${encodeURIComponent(batchId)}/${crawls ? 'sites' : 'pages'}/${encodeURIComponent(target.id)}`;
  return (
    <li class="target" data-target-id={target.id} data-status={target.status}>
      <span class="target-url">
        {target.status === 'SUCCEEDED' ? (
          <a href={detail}>
            <UrlText url={target.url} />
          </a>
        ) : (
          <UrlText url={target.url} />
        )}
        {target.isSubject && <span class="tag">my site</span>}
        {target.analysis?.title && <span class="target-title">{target.analysis.title}</span>}
      </span>
      <StatusBadge status={target.status} label={target.waitingForRetry ? 'Waiting to be retried' : undefined} />
      <span class="target-score" aria-label={score === undefined ? undefined : `Overall score ${score}`}>
        {score ?? ''}
      </span>
      {crawls && <CrawlMeter url={target.url} done={target.pagesDone} discovered={target.pagesDiscovered} />}
      {note && (
        <span class={target.status === 'FAILED' ? 'target-note target-error' : 'target-note'} title={target.error ?? undefined}>
          {note}
        </span>
      )}
    </li>
  );
}
