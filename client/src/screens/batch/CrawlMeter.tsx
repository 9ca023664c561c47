/**
 * One site's crawl as it goes: pages done of pages found so far. The count of pages found grows
 * while the crawl discovers links, so the bar can move back a little; the numbers say why.
 */
export function CrawlMeter({ url, done, discovered }: { url: string; done: number; discovered: number }) {
  const share = discovered > 0 ? Math.min(100, Math.round((100 * done) / discovered)) : 0;
  return (
    <span
      class="crawl-meter"
      role="progressbar"
      aria-label={`Pages crawled on ${url}`}
      aria-valuemin={0}
      aria-valuemax={discovered}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${discovered} pages`}
    >
      <span class="crawl-track" aria-hidden="true">
        <span class="crawl-fill" style={{ width: `${share}%` }} />
      </span>
      <span class="crawl-count" aria-hidden="true">
        {done} / {discovered} pages
      </span>
    </span>
  );
}
