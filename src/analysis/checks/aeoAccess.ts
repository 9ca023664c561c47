import type { PageModel } from '../page/model';
import { parseRobots, robotsAllows } from '../robots';
import type { AiCrawlerAccess, OriginFiles } from '../types';
import { fail, originFileStatusVerdict, pass, sample, warn, type Check } from './check';

/** Crawlers that fetch pages to cite them in answers, and crawlers that collect training data. */
export const AI_CRAWLERS: readonly Omit<AiCrawlerAccess, 'allowed'>[] = [
  { userAgent: 'OAI-SearchBot', purpose: 'search' },
  { userAgent: 'Claude-SearchBot', purpose: 'search' },
  { userAgent: 'PerplexityBot', purpose: 'search' },
  { userAgent: 'GPTBot', purpose: 'training' },
  { userAgent: 'ClaudeBot', purpose: 'training' },
  { userAgent: 'CCBot', purpose: 'training' },
  { userAgent: 'Google-Extended', purpose: 'training' },
  { userAgent: 'Applebot-Extended', purpose: 'training' },
];

export function aiCrawlerAccess(page: Pick<PageModel, 'url'>, origin: OriginFiles): AiCrawlerAccess[] {
  const robots = parseRobots(origin.robotsTxt, origin.origin);
  return AI_CRAWLERS.map((crawler) => ({ ...crawler, allowed: robotsAllows(robots, page.url, crawler.userAgent) }));
}

const aiCrawlerAccessCheck: Check = {
  id: 'ai-crawler-access',
  category: 'AEO',
  weight: 3,
  title: 'Answer-engine crawler access',
  // robots.txt may treat paths apart, but whether answer engines may read a site is the site's
  // setting (issue 19): counted once, like the files themselves.
  originLevel: true,
  howToFix: 'Allow OAI-SearchBot, Claude-SearchBot and PerplexityBot in robots.txt (remove the Disallow rules that apply to them) so answer engines can read and cite the site.',
  // Only search crawlers decide whether answer engines can cite the page; blocking training
  // crawlers is a legitimate choice, so it is reported but not penalised.
  evaluate(page, origin) {
    const access = aiCrawlerAccess(page, origin);
    const blockedSearch = access.filter((crawler) => crawler.purpose === 'search' && !crawler.allowed).map((c) => c.userAgent);
    const blockedTraining = access.filter((crawler) => crawler.purpose === 'training' && !crawler.allowed).map((c) => c.userAgent);
    const training = blockedTraining.length > 0
      ? ` Training crawlers blocked (your choice, not scored): ${blockedTraining.join(', ')}.`
      : ' Training crawlers are allowed too.';
    const searchCount = access.filter((crawler) => crawler.purpose === 'search').length;
    if (blockedSearch.length === 0) return pass(`robots.txt lets answer-engine search crawlers fetch this page.${training}`);
    if (blockedSearch.length === searchCount) {
      return fail(`robots.txt blocks every answer-engine search crawler (${blockedSearch.join(', ')}); AI search cannot cite this page.${training}`);
    }
    return warn(`robots.txt blocks some answer-engine search crawlers: ${blockedSearch.join(', ')}.${training}`);
  },
};

export const llmsTxt: Check = {
  id: 'llms-txt',
  category: 'AEO',
  weight: 1,
  title: 'llms.txt',
  originLevel: true,
  added: 'a complete llms.txt',
  howToFix: 'Publish /llms.txt: a markdown file with an H1 naming the site, a short summary and links to its most useful pages.',
  // Lighthouse's agentic llms-txt audit.
  evaluate(_page, { llmsTxt: file }) {
    const byStatus = originFileStatusVerdict(file, '/llms.txt', { onServerError: '', onMissing: '', rateLimitFails: false });
    if (byStatus || !file) return byStatus ?? fail('/llms.txt could not be fetched.');
    const problems: string[] = [];
    if (!/^#\s+.+/m.test(file.body)) problems.push('it has no H1 header (e.g. "# Title")');
    if (!/\[.+\]\(.+\)/.test(file.body)) problems.push('it contains no markdown link');
    if (file.body.length < 50) problems.push(`it is suspiciously short (${file.body.length} characters)`);
    return problems.length === 0
      ? pass('/llms.txt has a title and links for language models.')
      : fail(`/llms.txt is incomplete: ${sample(problems)}.`);
  },
};

export const aeoAccessChecks: readonly Check[] = [aiCrawlerAccessCheck, llmsTxt];
