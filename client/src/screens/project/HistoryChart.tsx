import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { mountChart } from '../../components/chart';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../format/format';
import { brandStyle, competitorStyle } from './chartStyle';

/** One brand's values over time, as `Project.history` gives them. */
export interface ChartSeries {
  brand: { name: string };
  isSubject: boolean;
  points: readonly { at: string; value: number }[];
}

const chartHeight = 220;

/** uPlot wants one x array for every series: the union of the times, null where a brand has no point. */
function aligned(series: readonly ChartSeries[]): { times: number[]; values: (number | null)[][] } {
  const times = [...new Set(series.flatMap((each) => each.points.map((point) => Date.parse(point.at) / 1000)))].sort((a, b) => a - b);
  const values = series.map((each) => {
    const byTime = new Map(each.points.map((point) => [Date.parse(point.at) / 1000, point.value]));
    return times.map((time) => byTime.get(time) ?? null);
  });
  return { times, values };
}

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const shortTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const fewRuns = 8;

/**
 * A few runs get a tick each, dated (timed when they share a day); uPlot's own ticks would split
 * the gap between two runs into seconds.
 */
function timeAxis(times: readonly number[]): uPlot.Axis {
  if (times.length > fewRuns) return {};
  const days = new Set(times.map((time) => shortDate.format(time * 1000)));
  const format = days.size < times.length ? shortTime : shortDate;
  return { splits: () => [...times], values: (_chart, ticks) => ticks.map((tick) => format.format(tick * 1000)) };
}

const styleOf = (series: readonly ChartSeries[]) => {
  let competitor = 0;
  return series.map((each) => (each.isSubject ? brandStyle : competitorStyle(competitor++)));
};

function Swatch({ stroke, width, dash }: { stroke: string; width: number; dash: number[] }) {
  return (
    <svg class="swatch" width="32" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="31" y2="5" stroke={stroke} stroke-width={width} stroke-dasharray={dash.join(' ') || undefined} />
    </svg>
  );
}

/**
 * A line chart of one metric (uPlot, on a canvas), with its own legend and a table of the same
 * values for readers who cannot see the chart.
 */
export function HistoryChart({ title, metric, series }: { title: string; metric: string; series: readonly ChartSeries[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  const { times, values } = aligned(series);
  const styles = styleOf(series);
  const dataKey = JSON.stringify([times, values]);

  useEffect(() => {
    const element = box.current;
    if (!element || asTable || times.length === 0) return;
    return mountChart(
      element,
      chartHeight,
      {
        legend: { show: false },
        // Room on the right for the last run's tick label, which sits on the edge.
        padding: [10, 32, 0, 0],
        scales: { y: { range: [0, 100] } },
        axes: [timeAxis(times), { values: (_chart, ticks) => ticks.map(String) }],
        series: [
          {},
          ...series.map((each, index) => ({
            label: each.brand.name,
            ...styles[index]!,
            spanGaps: true,
            points: { show: true, size: each.isSubject ? 7 : 5 },
          })),
        ],
      },
      [times, ...values],
    );
  }, [dataKey, asTable]);

  const headingId = `chart-${metric}`;
  return (
    <figure class="history-chart" aria-labelledby={headingId} data-metric={metric}>
      <div class="chart-head">
        <h3 id={headingId}>{title}</h3>
        <button type="button" class="link-button" aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
          {asTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      {times.length === 0 ? (
        <p class="empty">No finished runs yet.</p>
      ) : asTable ? (
        <HistoryTable title={title} series={series} times={times} values={values} />
      ) : (
        <>
          <div class="chart-canvas" ref={box} aria-hidden="true" />
          <ul class="chart-legend" aria-label={`${title}: latest values`}>
            {series.map((each, index) => (
              <li key={each.brand.name} class={each.isSubject ? 'legend-brand' : undefined}>
                <Swatch {...styles[index]!} />
                {each.brand.name}
                {each.isSubject && <span class="tag">your brand</span>}
                <span class="legend-value">{each.points.at(-1)?.value ?? '—'}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}

function HistoryTable({ title, series, times, values }: { title: string; series: readonly ChartSeries[]; times: number[]; values: (number | null)[][] }) {
  return (
    <ScrollRegion label={`${title} table`}>
      <table class="history-table">
        <caption class="visually-hidden">{title} of each brand per run</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            {series.map((each) => (
              <th scope="col" key={each.brand.name}>
                {each.brand.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((time, row) => (
            <tr key={time}>
              <th scope="row">{formatDateTime(new Date(time * 1000).toISOString())}</th>
              {values.map((column, index) => (
                <td key={series[index]!.brand.name}>{column[row] ?? '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
