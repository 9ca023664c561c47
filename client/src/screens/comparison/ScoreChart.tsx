import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { shortUrl } from '#shared/format';
import { scoreMetrics } from '#shared/scores';
import { mountChart } from '../../components/chart';
import { ScrollRegion } from '../../components/ScrollRegion';
import type { RankedSite } from './report';

const chartHeight = 260;
/** Of each site's slot on the x axis: four bars side by side, and a gap to the next site. */
const barWidth = 0.18;
const groupOffset = -((scoreMetrics.length * barWidth) / 2);
const subjectBand = 'rgba(11, 92, 173, 0.12)';
const longestLabel = 18;

function siteLabel(site: RankedSite): string {
  const name = shortUrl(site.target.url);
  const short = name.length > longestLabel ? `${name.slice(0, longestLabel - 1)}…` : name;
  return `#${site.rank}${site.target.isSubject ? ' my site' : ''}\n${short}`;
}

/**
 * The subject's slot gets a tinted band behind its bars, and every bar its value above it, so
 * neither the highlight nor a score is told by colour alone.
 */
function marksPlugin(sites: readonly RankedSite[]): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (chart) => {
        const subject = sites.findIndex((site) => site.target.isSubject);
        if (subject < 0) return;
        const left = chart.valToPos(subject - 0.5, 'x', true);
        const right = chart.valToPos(subject + 0.5, 'x', true);
        chart.ctx.fillStyle = subjectBand;
        chart.ctx.fillRect(left, chart.bbox.top, right - left, chart.bbox.height);
      },
      draw: (chart) => {
        const { ctx } = chart;
        ctx.save();
        ctx.fillStyle = '#1b1f24';
        ctx.textAlign = 'center';
        ctx.font = `${Math.round(10 * uPlot.pxRatio)}px system-ui, sans-serif`;
        scoreMetrics.forEach((_, series) => {
          sites.forEach((_site, index) => {
            const value = chart.data[series + 1]![index];
            if (value == null) return;
            const x = chart.valToPos(index + groupOffset + (series + 0.5) * barWidth, 'x', true);
            ctx.fillText(String(value), x, chart.valToPos(value, 'y', true) - 3 * uPlot.pxRatio);
          });
        });
        ctx.restore();
      },
    },
  };
}

/**
 * Every site's overall, SEO, AEO and technical score as bars side by side (uPlot's bar paths on
 * a canvas), the subject's slot highlighted, with a legend and a table of the same values for
 * readers who cannot see the chart.
 */
export function ScoreChart({ sites }: { sites: readonly RankedSite[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  const dataKey = JSON.stringify(sites.map((site) => [site.target.id, site.rank, ...scoreMetrics.map((metric) => site[metric.key])]));

  // Before the browser paints, so the chart comes in the same frame as the rest of the screen.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || asTable || sites.length === 0) return;
    const xs = sites.map((_, index) => index);
    return mountChart(
      element,
      chartHeight,
      {
        legend: { show: false },
        cursor: { show: false },
        padding: [16, 8, 0, 0],
        scales: { x: { time: false, range: [-0.5, sites.length - 0.5] }, y: { range: [0, 100] } },
        axes: [
          { splits: () => xs, values: (_chart, ticks) => ticks.map((tick) => siteLabel(sites[tick]!)), size: 48, gap: 4 },
          { values: (_chart, ticks) => ticks.map(String), size: 36 },
        ],
        series: [
          {},
          ...scoreMetrics.map((metric, series) => ({
            label: metric.label,
            fill: metric.colour,
            stroke: metric.colour,
            width: 0,
            points: { show: false },
            paths: uPlot.paths.bars!({
              disp: {
                x0: { unit: 1, values: () => xs.map((x) => x + groupOffset + series * barWidth) },
                size: { unit: 1, values: () => xs.map(() => barWidth * 0.9) },
              },
            }),
          })),
        ],
        plugins: [marksPlugin(sites)],
      },
      [xs, ...scoreMetrics.map((metric) => sites.map((site) => site[metric.key]))],
    );
  }, [dataKey, asTable]);

  return (
    <figure class="score-chart" aria-labelledby="score-chart-title">
      <div class="chart-head">
        <h3 id="score-chart-title">Scores side by side</h3>
        <button type="button" class="link-button" aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
          {asTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      {asTable ? (
        <ScoreTable sites={sites} />
      ) : (
        <>
          <div class="chart-canvas" ref={box} aria-hidden="true" />
          <ul class="chart-legend" aria-label="Bars, left to right in each site">
            {scoreMetrics.map((metric) => (
              <li key={metric.key}>
                <svg class="swatch" width="14" height="14" aria-hidden="true">
                  <rect width="14" height="14" fill={metric.colour} />
                </svg>
                {metric.label}
              </li>
            ))}
            <li class="legend-subject">
              <svg class="swatch" width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={subjectBand} stroke="#0b5cad" />
              </svg>
              My site
            </li>
          </ul>
        </>
      )}
    </figure>
  );
}

function ScoreTable({ sites }: { sites: readonly RankedSite[] }) {
  return (
    <ScrollRegion label="Scores table">
      <table class="score-table">
        <caption class="visually-hidden">Scores of each site, in rank order</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            {scoreMetrics.map((metric) => (
              <th scope="col" class="numeric" key={metric.key}>
                {metric.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.target.id} class={site.target.isSubject ? 'is-subject' : undefined} data-target-id={site.target.id}>
              <th scope="row">
                #{site.rank} {shortUrl(site.target.url)}
                {site.target.isSubject && <span class="tag">my site</span>}
              </th>
              {scoreMetrics.map((metric) => (
                <td class="numeric" key={metric.key}>
                  {site[metric.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
