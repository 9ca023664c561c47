import { ScrollRegion } from '../../components/ScrollRegion';
import { formatPercent } from '../../format/format';
import type { VisibilityResultFieldsFragment } from '../../gql/graphql';

type CitedDomain = VisibilityResultFieldsFragment['citedDomains'][number];

/** The domains the engines cited, most cited first, each marked when it is a brand's. */
export function CitedDomains({ domains, subject }: { domains: readonly CitedDomain[]; subject: string }) {
  if (domains.length === 0) return <p class="empty">The answers cited no sources.</p>;
  return (
    <ScrollRegion label="Cited domains">
      <table class="cited-domains">
        <caption class="visually-hidden">Domains the answers cited, most cited first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Domain</th>
            <th scope="col">Whose</th>
            <th scope="col">Citations</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((domain, index) => (
            <tr key={domain.domain} data-domain={domain.domain}>
              <td>{index + 1}</td>
              <th scope="row">{domain.domain}</th>
              <td>
                {domain.brand ?? 'third party'}
                {domain.brand === subject && <span class="tag">your brand</span>}
              </td>
              <td>{domain.citations}</td>
              <td>{formatPercent(domain.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
