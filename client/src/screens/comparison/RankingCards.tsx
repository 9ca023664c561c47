import { ScoreBar } from '../../components/ScoreBar';
import { UrlText } from '../../components/UrlText';
import { shortUrl } from '#shared/format';
import type { RankedSite } from './report';

/** `detail` is where a card links: a crawled site's pages, or the one page analysed. */
export function RankingCards({ batchId, sites, detail }: { batchId: string; sites: RankedSite[]; detail: 'sites' | 'pages' }) {
  return (
    <ol class="ranking">
      {sites.map((site) => (
        <li key={site.target.id} class={`rank-card${site.target.isSubject ? ' is-subject' : ''}`} data-target-id={site.target.id}>
          <div class="rank-head">
            <span class="rank" aria-label={`Rank ${site.rank}`}>
              #{site.rank}
            </span>
            <a class="rank-site" href={`/batches/${encodeURIComponent(batchId)}/${detail}/${encodeURIComponent(site.target.id)}`}>
              <UrlText url={shortUrl(site.target.url)} />
            </a>
            {site.target.isSubject && <span class="tag">my site</span>}
          </div>
          {/* Why it ranks below every indexable site, whatever its scores say. */}
          {!site.indexable && <p class="rank-excluded">Not indexable: {site.excludedReason ?? 'no reason recorded'}</p>}
          <ScoreBar label="Overall" score={site.overallScore} emphasis />
          <ScoreBar label="SEO" score={site.seoScore} />
          <ScoreBar label="AEO" score={site.aeoScore} />
          <ScoreBar label="Technical" score={site.technicalScore} />
        </li>
      ))}
    </ol>
  );
}
