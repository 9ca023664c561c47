import { useQuery } from '../../api/hooks';
import { TargetSiteQuery } from '../../api/operations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ScrollRegion } from '../../components/ScrollRegion';
import { UrlText } from '../../components/UrlText';
import { categoryLabel } from '../../format/format';
import type { SiteReportFieldsFragment } from '../../gql/graphql';
import { formatGain, issueReach, shortUrl } from '#shared/format';

type Issue = SiteReportFieldsFragment['issues'][number];

/** Examples shown per issue; the site page lists every page failing it. */
const shownExamples = 3;

function IssueRow({ issue, position }: { issue: Issue; position: number }) {
  return (
    <tr data-check-id={issue.checkId}>
      <td class="numeric">{position}</td>
      <th scope="row">
        {issue.title}
        <span class="counts"> · {categoryLabel(issue.category)}</span>
      </th>
      <td class="issue-reach">
        {issueReach(issue)} {issue.applicablePages === 1 ? 'page' : 'pages'}
      </td>
      <td class="numeric issue-gain">{formatGain(issue.estimatedGain)}</td>
      <td class="issue-how">{issue.howToFix}</td>
      <td>
        <ul class="issue-examples">
          {issue.examples.slice(0, shownExamples).map((url) => (
            <li key={url}>
              <UrlText url={url} />
            </li>
          ))}
          {issue.examples.length > shownExamples && <li class="counts">and {issue.examples.length - shownExamples} more</li>}
        </ul>
      </td>
    </tr>
  );
}

/**
 * What the subject's site should fix first, issue by issue as the API orders them (largest
 * estimated gain of the site's overall score first), each with how much of the site it touches,
 * how to fix it and pages where it shows.
 */
export function SiteIssues({ subject }: { subject: { id: string; url: string } | null | undefined }) {
  const heading = subject ? `What to fix first on ${shortUrl(subject.url)}` : 'What to fix first';
  return (
    <section class="fix-first" aria-labelledby="fix-first-title">
      <h2 id="fix-first-title">{heading}</h2>
      {subject ? <SubjectIssues targetId={subject.id} /> : <p class="empty">Mark one site as yours when you start an analysis to see what to fix first.</p>}
    </section>
  );
}

function SubjectIssues({ targetId }: { targetId: string }) {
  const result = useQuery(TargetSiteQuery, { id: targetId });
  const node = result.data?.node;
  if (!node) return result.error ? <ErrorNotice error={result.error} context="Could not load your site's issues" /> : <p class="loading">Loading…</p>;
  return <IssueTable site={'site' in node ? node.site : null} />;
}

function IssueTable({ site }: { site: SiteReportFieldsFragment | null | undefined }) {
  if (!site) return <p class="empty">Your site could not be crawled, so it has no issues to list.</p>;
  if (site.issues.length === 0) return <p class="empty">No check fails or warns on any of your site's indexable pages.</p>;
  return (
    <>
      <p class="fix-intro">
        Issues on your site's {site.indexablePages} indexable pages, by the points of the site's overall score (out of 100) that fixing each
        everywhere would add.
      </p>
      <ScrollRegion label="Issues of your site">
        <table class="site-issues">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Issue</th>
              <th scope="col">Pages</th>
              <th scope="col">Gain</th>
              <th scope="col">How to fix</th>
              <th scope="col">For example</th>
            </tr>
          </thead>
          <tbody>
            {site.issues.map((issue, index) => (
              <IssueRow key={issue.checkId} issue={issue} position={index + 1} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
