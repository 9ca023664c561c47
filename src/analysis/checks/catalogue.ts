import { aeoAccessChecks } from './aeoAccess';
import { aeoContentChecks } from './aeoContent';
import type { Check } from './check';
import { seoContentChecks } from './seoContent';
import { seoIndexingChecks } from './seoIndexing';
import { seoLinkChecks } from './seoLinks';
import { structuredDataChecks } from './structuredData';
import { technicalChecks } from './technical';

/** Every check, in the order reports list them. */
export const CHECKS: readonly Check[] = [
  ...seoIndexingChecks,
  ...seoContentChecks,
  ...seoLinkChecks,
  ...structuredDataChecks,
  ...aeoAccessChecks,
  ...aeoContentChecks,
  ...technicalChecks,
];

const BY_ID = new Map(CHECKS.map((check) => [check.id, check]));

/** Ids of the checks that judge the origin's files, not the page (robots.txt, llms.txt, sitemap, AI-crawler access). */
export const ORIGIN_LEVEL_CHECK_IDS: ReadonlySet<string> = new Set(CHECKS.filter((check) => check.originLevel).map((check) => check.id));

/** How a person is told about a check; an id the catalogue does not know (a check since removed) is shown as it is. */
export function describeCheck(checkId: string): { title: string; added?: string; howToFix: string } {
  const check = BY_ID.get(checkId);
  if (!check) return { title: checkId, howToFix: 'Vantage no longer runs this check; analyse the page again for current advice.' };
  return { title: check.title, ...(check.added === undefined ? {} : { added: check.added }), howToFix: check.howToFix };
}
