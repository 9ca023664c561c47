import robotsParser from 'robots-parser';
import type { OriginTextFile } from './types';

export type RobotsRules = ReturnType<typeof robotsParser>;

/**
 * The rules of an origin's robots.txt, or null when there are none to obey: a missing file
 * (4xx) or a failed fetch allows everything, as Google and Lighthouse treat it.
 */
export function parseRobots(file: OriginTextFile | null, origin: string): RobotsRules | null {
  if (!file || file.status < 200 || file.status >= 300) return null;
  return robotsParser(new URL('/robots.txt', origin).href, file.body);
}

/** robots-parser answers undefined for a URL of another origin: those rules do not apply. */
export function robotsAllows(rules: RobotsRules | null, url: string, userAgent?: string): boolean {
  return rules?.isAllowed(url, userAgent) !== false;
}

/** `Sitemap:` lines of a robots.txt, whatever its status. */
export function declaredSitemaps(file: OriginTextFile | null, origin: string): string[] {
  if (!file || file.status < 200 || file.status >= 300) return [];
  return robotsParser(new URL('/robots.txt', origin).href, file.body).getSitemaps();
}
