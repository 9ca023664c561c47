import { useState } from 'preact/hooks';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatPercent } from '../../format/format';
import type { VisibilityResultFieldsFragment } from '../../gql/graphql';

export type BrandScores = VisibilityResultFieldsFragment['brands'][number];

const position = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(1));
const sentiment = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(2)}`);

/**
 * Share of voice per brand as bars (the brand's dark and marked "your brand", the rest grey: no
 * bar is told apart by colour alone, each carries its name and value), or every score as a table.
 */
export function ShareOfVoice({ brands }: { brands: readonly BrandScores[] }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <figure class="share-of-voice" aria-labelledby="sov-title">
      <div class="chart-head">
        <h2 id="sov-title">Share of voice</h2>
        <button type="button" class="link-button" aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
          {asTable ? 'Show bars' : 'Show table'}
        </button>
      </div>
      <p class="hint">Answers that name the brand, over the same count summed for every brand.</p>
      {asTable ? (
        <BrandTable brands={brands} />
      ) : (
        <ul class="sov-bars" aria-label="Share of voice per brand">
          {brands.map((row) => (
            <li key={row.brand.name} class={row.isSubject ? 'sov-row sov-subject' : 'sov-row'} data-brand={row.brand.name}>
              <span class="sov-name">
                {row.brand.name}
                {row.isSubject && <span class="tag">your brand</span>}
              </span>
              <span class="sov-track" aria-hidden="true">
                <span class="sov-fill" style={{ width: `${Math.max(0, Math.min(1, row.shareOfVoice)) * 100}%` }} />
              </span>
              <span class="sov-value">{formatPercent(row.shareOfVoice)}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

function BrandTable({ brands }: { brands: readonly BrandScores[] }) {
  return (
    <ScrollRegion label="Scores per brand">
      <table class="brand-scores">
        <caption class="visually-hidden">Visibility scores per brand</caption>
        <thead>
          <tr>
            <th scope="col">Brand</th>
            <th scope="col">Share of voice</th>
            <th scope="col">Mention rate (95% interval)</th>
            <th scope="col">Citation share</th>
            <th scope="col">Average position</th>
            <th scope="col">Sentiment</th>
            <th scope="col">Recommended in</th>
          </tr>
        </thead>
        <tbody>
          {brands.map((row) => (
            <tr key={row.brand.name} data-brand={row.brand.name}>
              <th scope="row">
                {row.brand.name}
                {row.isSubject && <span class="tag">your brand</span>}
              </th>
              <td>{formatPercent(row.shareOfVoice)}</td>
              <td>
                {formatPercent(row.mentionRate)} ({formatPercent(row.mentionRateLow)}–{formatPercent(row.mentionRateHigh)})
              </td>
              <td>{formatPercent(row.citationShare)}</td>
              <td>{position(row.averagePosition)}</td>
              <td>{sentiment(row.sentiment)}</td>
              <td>{formatPercent(row.recommendationRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
