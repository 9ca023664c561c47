import type { PageModel } from '../page/model';
import type { CheckCategory, CheckOutcome, CheckResult, OriginFiles, OriginTextFile } from '../types';

export interface Verdict {
  outcome: CheckOutcome;
  message: string;
}

export interface Check {
  /** Stable; Lighthouse's audit id where Lighthouse has the same audit. */
  id: string;
  category: CheckCategory;
  /** Relative importance inside its category. */
  weight: number;
  /** Plain-language name, in sentence case: what a site owner calls it ("Image alt text"). */
  title: string;
  /** For a check whose passing means something was put on the site: what, to end "X added …". */
  added?: string;
  /** What to change, in one or two sentences a site owner can act on. */
  howToFix: string;
  /** Judges the site's robots.txt, llms.txt or sitemap rather than the page: a site report counts it once, not per page. */
  originLevel?: true;
  /** Pure: reads the page and its origin's files, nothing else. */
  evaluate(page: PageModel, origin: OriginFiles): Verdict;
}

export function runChecks(checks: readonly Check[], page: PageModel, origin: OriginFiles): CheckResult[] {
  return checks.map(({ id, category, weight, evaluate }) => ({ id, category, weight, ...evaluate(page, origin) }));
}

export const pass = (message: string): Verdict => ({ outcome: 'PASS', message });
export const warn = (message: string): Verdict => ({ outcome: 'WARN', message });
export const fail = (message: string): Verdict => ({ outcome: 'FAIL', message });
export const notApplicable = (message: string): Verdict => ({ outcome: 'NOT_APPLICABLE', message });

/** "a, b, c and 4 more": enough examples to act on, short enough to read. */
export function sample(items: readonly string[], shown = 3): string {
  const listed = items.slice(0, shown).join(', ');
  return items.length > shown ? `${listed} and ${items.length - shown} more` : listed;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function truncate(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * Lighthouse's reading of an origin file's status (robots-txt, llms-txt): unreachable or a server
 * error fails (robots-txt counts 429 as one), a missing file (4xx) is not applicable. Null when the file can be judged on content.
 */
export function originFileStatusVerdict(
  file: OriginTextFile | null,
  name: string,
  notes: { onServerError: string; onMissing: string; rateLimitFails: boolean },
): Verdict | null {
  if (!file) return fail(`${name} could not be fetched.`);
  if (file.status >= 500 || (notes.rateLimitFails && file.status === 429)) return fail(`${name} answered HTTP ${file.status}${notes.onServerError}.`);
  if (file.status >= 400) return notApplicable(`There is no ${name} (HTTP ${file.status})${notes.onMissing}.`);
  return null;
}
