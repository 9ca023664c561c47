import { ScrollRegion } from '../../components/ScrollRegion';
import { formatPercent } from '../../format/format';
import type { BrandScores } from './ShareOfVoice';

/**
 * Five steps of one blue, light to dark: a single-hue scale reads the same with every kind of
 * colour blindness, and each cell shows its value as text besides. The two darkest steps take
 * white text; every step keeps 4.5:1 contrast with its text.
 */
const steps = 5;
const step = (rate: number) => Math.min(steps - 1, Math.floor(Math.max(0, rate) * steps));

function Cell({ rate, low, high }: { rate: number; low: number; high: number }) {
  const interval = `95% interval ${formatPercent(low)}–${formatPercent(high)}`;
  return (
    <td class={`heat heat-${step(rate)}`} tabIndex={0}>
      <span class="heat-value">{formatPercent(rate)}</span>
      {/* Read with the value by screen readers; shown as a tooltip on hover and keyboard focus. */}
      <span class="visually-hidden heat-interval">{interval}</span>
    </td>
  );
}

/** Mention rate per brand (rows, the brand first) and engine (columns), each with its Wilson interval. */
export function MentionHeatmap({ brands, engines }: { brands: readonly BrandScores[]; engines: readonly string[] }) {
  return (
    <section class="mention-heatmap" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Mention rate per engine</h2>
      <p class="hint">Share of each engine's answers that name the brand. Hover or focus a cell for its 95% interval: answers vary between samples.</p>
      <ScrollRegion label="Mention rate per engine and brand">
        <table class="heatmap">
          <caption class="visually-hidden">Mention rate of each brand per engine, with 95% Wilson intervals</caption>
          <thead>
            <tr>
              <th scope="col">Brand</th>
              {engines.map((engine) => (
                <th scope="col" key={engine}>
                  {engine}
                </th>
              ))}
              <th scope="col">All engines</th>
            </tr>
          </thead>
          <tbody>
            {brands.map((row) => {
              const byEngine = new Map(row.byEngine.map((cell) => [cell.engine, cell]));
              return (
                <tr key={row.brand.name} class={row.isSubject ? 'heat-subject' : undefined} data-brand={row.brand.name}>
                  <th scope="row">
                    {row.brand.name}
                    {row.isSubject && <span class="tag">your brand</span>}
                  </th>
                  {engines.map((engine) => {
                    const cell = byEngine.get(engine);
                    return cell ? (
                      <Cell key={engine} rate={cell.mentionRate} low={cell.mentionRateLow} high={cell.mentionRateHigh} />
                    ) : (
                      <td key={engine} class="heat-none">
                        no answers
                      </td>
                    );
                  })}
                  <Cell rate={row.mentionRate} low={row.mentionRateLow} high={row.mentionRateHigh} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
