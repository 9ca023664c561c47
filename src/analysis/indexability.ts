import { hasBlockingDirective, headerUserAgent } from './checks/seoIndexing';
import { headerValues, headMetaNamed, type PageModel } from './page/model';
import { parseRobots, robotsAllows } from './robots';
import type { Indexability, OriginFiles } from './types';

/** The search engine whose rules decide: its own meta tag and header lines count beside the generic ones. */
const SEARCH_BOT = 'Googlebot';

const INDEXABLE: Indexability = { indexable: true, excludedReason: null };
const excluded = (excludedReason: string): Indexability => ({ indexable: false, excludedReason });

/**
 * Whether a search engine would index the page, and if not why, in words: an error status,
 * robots.txt, a noindex (the most restrictive of the generic and Googlebot rules applies, as
 * Google does), or a canonical naming another URL. First reason found, in that order.
 */
export function judgeIndexability(page: PageModel, origin: OriginFiles): Indexability {
  if (page.status >= 400 && page.status <= 599) return excluded(`Answers ${page.status}`);
  if (!robotsAllows(parseRobots(origin.robotsTxt, origin.origin), page.url, SEARCH_BOT)) return excluded('Blocked by robots.txt');
  const noindex = noindexSource(page);
  if (noindex) return excluded(`Marked noindex by ${noindex}`);
  const canonical = canonicalElsewhere(page);
  if (canonical) return excluded(`Canonical points to ${canonical}`);
  return INDEXABLE;
}

function noindexSource(page: PageModel): string | null {
  for (const name of ['robots', SEARCH_BOT.toLowerCase()]) {
    const meta = headMetaNamed(page, name);
    if (meta && hasBlockingDirective(meta.content)) return `a ${name} meta tag`;
  }
  for (const value of headerValues(page, 'x-robots-tag')) {
    const bot = headerUserAgent(value);
    if (bot === undefined && hasBlockingDirective(value)) return 'the X-Robots-Tag header';
    if (bot?.toLowerCase() === SEARCH_BOT.toLowerCase() && hasBlockingDirective(value.slice(bot.length + 1))) {
      return `the X-Robots-Tag header (${bot})`;
    }
  }
  return null;
}

/**
 * The canonical URL when it names another page than this one. Head <link> elements and Link
 * headers count (not the body); conflicting canonicals are ignored by search engines, so are
 * here; relative ones resolve against the page. Compared without fragment, default port and
 * case of scheme and host, which name the same URL.
 */
function canonicalElsewhere(page: PageModel): string | null {
  const declared = new Set<string>();
  for (const link of page.links) {
    if (link.source === 'body' || !link.rel.split(/\s+/).includes('canonical') || !link.href) continue;
    const resolved = normalisedUrl(link.href, page.url);
    if (resolved) declared.add(resolved);
  }
  if (declared.size !== 1) return null;
  const [canonical] = [...declared] as [string];
  return canonical !== normalisedUrl(page.url, page.url) ? canonical : null;
}

function normalisedUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
