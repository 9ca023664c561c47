import { ScrollRegion } from '../../components/ScrollRegion';
import { UrlText } from '../../components/UrlText';

interface CrawledPage {
  url: string;
  httpStatus?: number | null;
  indexable: boolean;
  excludedReason?: string | null;
  error?: string | null;
  analysis?: { overallScore: number } | null;
}

/** A site's crawled pages: address, answer, whether it counts towards the site's scores (and why not), its own score. */
export function CrawledPageTable({ pages }: { pages: CrawledPage[] }) {
  if (pages.length === 0) return <p class="empty">No pages match.</p>;
  return (
    <ScrollRegion label="Crawled pages">
      <table class="crawled-pages">
        <thead>
          <tr>
            <th scope="col">URL</th>
            <th scope="col">Status</th>
            <th scope="col">Indexable</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {pages.map((page) => (
            <tr key={page.url} data-url={page.url} data-indexable={String(page.indexable)}>
              <th scope="row" class="crawled-url">
                <UrlText url={page.url} />
              </th>
              <td class="numeric">{page.httpStatus ?? '—'}</td>
              <td>{page.indexable ? 'Yes' : `No: ${page.excludedReason ?? page.error ?? 'no reason recorded'}`}</td>
              <td class="numeric">{page.analysis?.overallScore ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
