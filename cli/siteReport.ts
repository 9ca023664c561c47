import { formatGain, issueReach } from '#shared/format';
import type { CliBatchSitesQuery } from './gql/graphql';
import { renderTable } from './table';

export type CliSite = NonNullable<CliBatchSitesQuery['batch']>['targets'][number];

/** Issues printed per site; the API orders them by estimated gain, largest first. */
const topIssues = 5;

function siteName(site: Pick<CliSite, 'url' | 'isSubject'>): string {
  return site.isSubject ? `${site.url} (my site)` : site.url;
}

function scoresSection(sites: CliSite[]): string {
  return `Sites\n${renderTable(
    [
      { header: 'Site', maxWidth: 60 },
      { header: 'Overall', align: 'right' },
      { header: 'SEO', align: 'right' },
      { header: 'AEO', align: 'right' },
      { header: 'Technical', align: 'right' },
      { header: 'Indexable', align: 'right' },
      { header: 'Excluded', align: 'right' },
    ],
    sites.map(({ site, ...target }) => [
      siteName(target),
      ...(site ? [site.overallScore, site.seoScore, site.aeoScore, site.technicalScore, site.indexablePages, site.excludedPages].map(String) : Array(6).fill('—')),
    ]),
  )}`;
}

function issuesSection(site: CliSite): string {
  const heading = `Top issues on ${siteName(site)}`;
  if (!site.site) return `${heading}\nNone: the site was not crawled to its end.`;
  if (site.site.issues.length === 0) return `${heading}\nNone: every check passes on every indexable page.`;
  return `${heading}\n${renderTable(
    [{ header: '#', align: 'right' }, { header: 'Issue', maxWidth: 36 }, { header: 'Pages', maxWidth: 28 }, { header: 'Gain', align: 'right' }],
    site.site.issues.slice(0, topIssues).map((issue, index) => [String(index + 1), issue.title, issueReach(issue), formatGain(issue.estimatedGain)]),
  )}`;
}

/** Per crawled site: its scores and pages indexable and excluded in one table, then each site's top issues by estimated gain. */
export function renderSites(sites: CliSite[]): string {
  return `${[scoresSection(sites), ...sites.map(issuesSection)].join('\n\n')}\n`;
}
