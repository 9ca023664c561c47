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
