import axe from 'axe-core';
import { headerValues, headMetaNamed, type PageModel } from '../page/model';
import { parseRobots, robotsAllows } from '../robots';
import { fail, notApplicable, originFileStatusVerdict, pass, plural, sample, warn, type Check } from './check';

/**
 * axe-core's list of registered, not deprecated ISO 639 language subtags (IANA registry), which
 * Lighthouse's hreflang audit uses (third-party/axe/valid-langs.js): `de` is valid, `deu` is
 * not, as its registered two-letter form is the one to use. Not in axe-core's typings.
 */
const isValidLanguage: (subtag: string) => boolean = (axe.utils as unknown as { isValidLang(lang: string): boolean })
  .isValidLang;

/** The crawlers Lighthouse's is-crawlable considers; undefined stands for rules aimed at every bot. */
const SEARCH_BOTS = [undefined, 'Googlebot', 'bingbot', 'DuckDuckBot', 'archive.org_bot'] as const;
const BLOCKING_DIRECTIVES = new Set(['noindex', 'none']);

function isUnavailable(directive: string): boolean {
  const [name, ...rest] = directive.split(':');
  if (rest.length === 0 || name !== 'unavailable_after') return false;
  const date = Date.parse(rest.join(':'));
  return !Number.isNaN(date) && date < Date.now();
}

/** A robots meta content or X-Robots-Tag value that says noindex (`noindex`, `none`, a past `unavailable_after`). */
export function hasBlockingDirective(directives: string): boolean {
  return directives
    .split(',')
    .map((directive) => directive.toLowerCase().trim())
    .some((directive) => BLOCKING_DIRECTIVES.has(directive) || isUnavailable(directive));
}

/** `googlebot: noindex` names a bot; `unavailable_after: ...` is a directive, not a bot. */
export function headerUserAgent(value: string): string | undefined {
  const prefix = /^([^,:]+):/.exec(value)?.[1];
  return prefix && prefix.toLowerCase() !== 'unavailable_after' ? prefix : undefined;
}

function blockingSources(page: PageModel, robots: ReturnType<typeof parseRobots>, bot: string | undefined): string[] {
  const sources: string[] = [];
  // A bot-specific meta tag replaces the generic robots meta for that bot; Lighthouse ignores meta tags in the body.
  const meta = (bot && headMetaNamed(page, bot.toLowerCase())) || headMetaNamed(page, 'robots');
  if (meta && hasBlockingDirective(meta.content)) sources.push(`<meta name="${meta.name}" content="${meta.content}">`);
  for (const value of headerValues(page, 'x-robots-tag')) {
    const target = headerUserAgent(value);
    if (target !== undefined && target !== bot) continue;
    const directives = bot && value.startsWith(`${bot}:`) ? value.slice(bot.length + 1) : value.trim();
    if (hasBlockingDirective(directives)) sources.push(`X-Robots-Tag: ${value}`);
  }
  if (!robotsAllows(robots, page.url, bot)) sources.push('robots.txt');
  return sources;
}

const isCrawlable: Check = {
  id: 'is-crawlable',
  category: 'SEO',
  weight: 4,
  title: 'Indexability',
  howToFix: 'Remove noindex from the meta robots tag and the X-Robots-Tag header, and any robots.txt rule that blocks search engines from this page, unless you mean to keep it out of search.',
  // Lighthouse fails only when every known bot and the generic rules are blocked.
  evaluate(page, origin) {
    const robots = parseRobots(origin.robotsTxt, origin.origin);
    const blocked = SEARCH_BOTS.map((bot) => ({ bot, sources: blockingSources(page, robots, bot) })).filter(
      ({ sources }) => sources.length > 0,
    );
    if (blocked.length === SEARCH_BOTS.length) {
      const generic = blocked.find(({ bot }) => bot === undefined)!.sources;
      return fail(`Search engines may not index this page: ${sample(generic)}.`);
    }
    if (blocked.length > 0) {
      const names = blocked.map(({ bot }) => bot ?? 'the generic robots rules');
      return warn(`The page can be indexed, but these crawlers are blocked: ${names.join(', ')}.`);
    }
    return pass('Search engines may crawl and index this page.');
  },
};

const httpStatusCode: Check = {
  id: 'http-status-code',
  category: 'SEO',
  weight: 3,
  title: 'HTTP status',
  howToFix: 'Make the page answer with HTTP 200: fix the server error or restore the missing page, or redirect its URL to the page that replaced it.',
  // Lighthouse fails 400–599 only (a 999 is no error status to it); redirects were already followed.
  evaluate: ({ status }) =>
    status >= 400 && status <= 599
      ? fail(`The page answered HTTP ${status}; search engines will not index an error page.`)
      : pass(`The page answered HTTP ${status}.`),
};

const ROBOTS_DIRECTIVES = new Set([
  'user-agent', 'disallow', 'allow', 'sitemap', 'crawl-delay', 'clean-param', 'host',
  'request-rate', 'visit-time', 'noindex', 'content-signal', 'license',
]);
const SITEMAP_PROTOCOLS = new Set(['http:', 'https:', 'ftp:']);

function robotsLineError(directive: string, value: string): string | null {
  if (!ROBOTS_DIRECTIVES.has(directive)) return 'Unknown directive';
  if (directive === 'sitemap') {
    try {
      if (!SITEMAP_PROTOCOLS.has(new URL(value).protocol)) return 'Invalid sitemap URL protocol';
    } catch {
      return 'Invalid sitemap URL';
    }
  }
  if (directive === 'user-agent' && !value) return 'No user-agent specified';
  if (directive === 'allow' || directive === 'disallow') {
    if (value !== '' && value[0] !== '/' && value[0] !== '*') return 'Pattern should either be empty, start with "/" or "*"';
    const dollar = value.indexOf('$');
    if (dollar !== -1 && dollar !== value.length - 1) return '"$" should only be used at the end of the pattern';
  }
  return null;
}

/** Lighthouse's robots.txt validator: every line a known directive, rules only inside a group. */
export function robotsTxtErrors(content: string): string[] {
  const errors: string[] = [];
  let inGroup = false;
  content.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = rawLine.split('#')[0]!.trim();
    if (!line) return;
    const colon = line.indexOf(':');
    if (colon === -1) {
      errors.push(`line ${index + 1}: Syntax not understood`);
      return;
    }
    const directive = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const error = robotsLineError(directive, value);
    if (error) {
      errors.push(`line ${index + 1}: ${error}`);
      return;
    }
    if (directive === 'user-agent') inGroup = true;
    else if (!inGroup && (directive === 'allow' || directive === 'disallow')) {
      errors.push(`line ${index + 1}: No user-agent specified`);
    }
  });
  return errors;
}

export const robotsTxt: Check = {
  id: 'robots-txt',
  category: 'SEO',
  weight: 1,
  title: 'robots.txt',
  originLevel: true,
  howToFix: 'Correct the lines of /robots.txt the finding names: known directives only, each rule under a User-agent line, paths starting with / or *, and full sitemap URLs.',
  evaluate(_page, { robotsTxt: file }) {
    const byStatus = originFileStatusVerdict(file, 'robots.txt', {
      onServerError: '; crawlers may stop crawling the site',
      onMissing: '; crawlers may crawl everything',
      rateLimitFails: true,
    });
    if (byStatus || !file) return byStatus ?? fail('robots.txt could not be fetched.');
    if (file.body === '') return notApplicable('robots.txt is empty; crawlers may crawl everything.');
    const errors = robotsTxtErrors(file.body);
    return errors.length === 0
      ? pass('robots.txt is valid.')
      : fail(`robots.txt has ${plural(errors.length, 'error')}: ${sample(errors)}.`);
  },
};

export const canonical: Check = {
  id: 'canonical',
  category: 'SEO',
  weight: 1,
  title: 'Canonical link',
  howToFix: 'Point <link rel="canonical"> in the head to the full, absolute URL of this page (or of the one page it duplicates), and give the page only one.',
  evaluate(page) {
    const unique = new Set<string>();
    const hreflangUrls = new Set<string>();
    for (const link of page.links) {
      // Links in the body are not canonical references for search engines.
      if (link.source === 'body') continue;
      if (link.rel === 'canonical') {
        if (!link.href) continue;
        let absolute: URL;
        try {
          absolute = new URL(link.href);
        } catch {
          try {
            new URL(link.href, page.url);
          } catch {
            return fail(`The canonical URL is invalid: ${link.href}.`);
          }
          return fail(`The canonical URL is relative; it must be absolute: ${link.href}.`);
        }
        unique.add(absolute.href);
      } else if (link.rel === 'alternate' && link.hreflang) {
        try {
          hreflangUrls.add(new URL(link.href, page.url).href);
        } catch {
          // An invalid alternate URL is the hreflang check's finding.
        }
      }
    }
    if (unique.size === 0) return notApplicable('The page declares no canonical URL.');
    if (unique.size > 1) return fail(`The page declares conflicting canonical URLs: ${sample([...unique], 5)}.`);
    const target = new URL([...unique][0]!);
    const base = new URL(page.url);
    if (hreflangUrls.has(base.href) && hreflangUrls.has(target.href) && base.href !== target.href) {
      return fail(`The canonical URL points to another language version (${target.href}) instead of this page.`);
    }
    if (target.origin === base.origin && target.pathname === '/' && base.pathname !== '/') {
      return fail('The canonical URL points to the homepage instead of an equivalent page of content.');
    }
    return pass(`The canonical URL is ${target.href}.`);
  },
};

export const hreflang: Check = {
  id: 'hreflang',
  category: 'SEO',
  weight: 1,
  title: 'hreflang links',
  howToFix: 'Give each hreflang alternate a valid language code (e.g. en, de, en-GB, or x-default) and an absolute URL.',
  evaluate(page) {
    const alternates = page.links.filter((link) => link.rel === 'alternate' && link.hreflang && link.source !== 'body');
    // Lighthouse passes a page without hreflang links.
    if (alternates.length === 0) return pass('The page declares no hreflang alternates; nothing to fix.');
    const problems: string[] = [];
    for (const link of alternates) {
      // As Lighthouse: only the language subtag is judged, untrimmed.
      const code = link.hreflang;
      if (code.toLowerCase() !== 'x-default' && !isValidLanguage(code.split('-')[0]!.toLowerCase())) {
        problems.push(`unexpected language code "${code}"`);
      }
      const href = link.href.toLowerCase();
      if (!href.startsWith('http:') && !href.startsWith('https:')) problems.push(`relative href "${link.href}" (${code})`);
    }
    return problems.length === 0
      ? pass(`All ${plural(alternates.length, 'hreflang alternate')} are valid.`)
      : fail(`${plural(problems.length, 'hreflang problem')}: ${sample(problems)}.`);
  },
};

export const seoIndexingChecks: readonly Check[] = [isCrawlable, httpStatusCode, robotsTxt, canonical, hreflang];
