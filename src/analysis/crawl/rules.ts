import { parseRobots, robotsAllows } from '../robots';
import type { OriginFiles } from '../types';

/** What robots.txt asks of a crawler on one origin. */
export interface CrawlRules {
  /** False when robots.txt disallows the URL to the user agent; URLs of other origins are not this file's to judge. */
  allows(url: string): boolean;
  /** The asked pause between two requests, in ms; 0 when robots.txt asks none. */
  crawlDelayMs: number;
}

/** A Crawl-delay above this is obeyed only this far: a 1-hour delay would stall a site's crawl for good. */
export const MAX_CRAWL_DELAY_MS = 10_000;

/** The rules of the origin's robots.txt for `userAgent`; a missing or unreadable file allows all without delay. */
export function crawlRules(originFiles: OriginFiles, userAgent: string): CrawlRules {
  const rules = parseRobots(originFiles.robotsTxt, originFiles.origin);
  const delaySeconds = rules?.getCrawlDelay(userAgent) ?? 0;
  return {
    allows: (url) => robotsAllows(rules, url, userAgent),
    crawlDelayMs: Number.isFinite(delaySeconds) && delaySeconds > 0 ? Math.min(Math.round(delaySeconds * 1000), MAX_CRAWL_DELAY_MS) : 0,
  };
}
