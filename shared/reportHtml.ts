/**
 * The comparison as one standalone HTML document styled for print, so that a browser's "Save as
 * PDF" gives a clean report. The web client offers it as a download and the CLI writes it with
 * --report; both render it here, from the comparison they already hold (nothing else goes in).
 * Every value from the comparison passes through escapeHtml, and the document runs no script.
 */
import { outcomeOf, type ExportedComparison, type Site } from './exports';
import { formatGain, shortUrl } from './format';
import { outcomeSymbols, outcomeWords } from './outcome';
import { scoreMetrics } from './scores';

/** What the report reads: the ComparisonFields fragment, as both clients select it. */
export interface PrintableComparison extends ExportedComparison {
  createdAt: string;
  partial: boolean;
  subject: { rank: number | null; target: Site } | null;
  notAnalysed: readonly { error: string; target: Site }[];
  insights: readonly { title: string; body: string; severity: string; source: string }[];
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in double- or single-quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => entities[char]!);
}

const siteName = (site: Site) => escapeHtml(shortUrl(site.url));
const mySite = (site: Site) => (site.isSubject ? ' <span class="tag">my site</span>' : '');

/** Only the date and time in UTC: the CLI and the browser may sit in different time zones. */
function comparedAt(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function rankingSection(comparison: PrintableComparison): string {
  const rows = comparison.ranking.map(
    (site) =>
      `<tr${site.target.isSubject ? ' class="subject"' : ''}><td class="num">${site.rank}</td><th scope="row">${siteName(site.target)}${mySite(site.target)}</th>${scoreMetrics
        .map((metric) => `<td class="num">${escapeHtml(site[metric.key])}</td>`)
        .join('')}</tr>`,
  );
  const notAnalysed = comparison.notAnalysed.length
    ? `<p class="note">Not ranked: ${comparison.notAnalysed.map((entry) => `${siteName(entry.target)} (${escapeHtml(entry.error)})`).join('; ')}</p>`
    : '';
  return `<section id="ranking"><h2>Scores</h2>
<table><thead><tr><th scope="col" class="num">#</th><th scope="col">Site</th>${scoreMetrics.map((metric) => `<th scope="col" class="num">${metric.label}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${notAnalysed}</section>`;
}

const barHeight = 9;
const labelWidth = 90;
const chartWidth = 640;

/** Each site's four scores as horizontal bars with their values written beside them, as inline SVG. */
function chartSection(comparison: PrintableComparison): string {
  const plotWidth = chartWidth - labelWidth - 40;
  const groupHeight = 18 + scoreMetrics.length * (barHeight + 2) + 8;
  const groups = comparison.ranking.map((site, index) => {
    const top = index * groupHeight;
    const bars = scoreMetrics.map((metric, row) => {
      const y = top + 18 + row * (barHeight + 2);
      const width = (site[metric.key] / 100) * plotWidth;
      return `<text x="${labelWidth - 6}" y="${y + barHeight - 1}" text-anchor="end" class="metric">${metric.label}</text><rect x="${labelWidth}" y="${y}" width="${width.toFixed(1)}" height="${barHeight}" fill="${metric.colour}"/><text x="${(labelWidth + width + 4).toFixed(1)}" y="${y + barHeight - 1}" class="value">${escapeHtml(site[metric.key])}</text>`;
    });
    const label = `#${site.rank} ${siteName(site.target)}${site.target.isSubject ? ' (my site)' : ''}`;
    const band = site.target.isSubject ? `<rect x="0" y="${top}" width="${chartWidth}" height="${groupHeight - 4}" class="band"/>` : '';
    return `<g>${band}<text x="0" y="${top + 13}" class="site${site.target.isSubject ? ' subject' : ''}">${label}</text>${bars.join('')}</g>`;
  });
  const height = comparison.ranking.length * groupHeight;
  const legend = scoreMetrics.map((metric) => `<li><span class="swatch" aria-hidden="true"><svg width="12" height="12"><rect width="12" height="12" fill="${metric.colour}"/></svg></span>${metric.label}</li>`).join('');
  return `<section id="chart"><h2>Scores side by side</h2>
<figure><svg class="chart" viewBox="0 0 ${chartWidth} ${height}" width="${chartWidth}" height="${height}" role="img" aria-label="Overall, SEO, AEO and technical score of each site; the values are in the Scores table">${groups.join('\n')}</svg>
<figcaption><ul class="legend">${legend}</ul></figcaption></figure></section>`;
}

function gapsSection(comparison: PrintableComparison): string {
  const { subject, gaps } = comparison;
  let body: string;
  if (!subject) body = '<p>No site was marked as yours, so there are no gaps to list.</p>';
  else if (subject.rank === null) body = '<p>Your site could not be analysed, so it has no gaps to list.</p>';
  else if (gaps.length === 0) body = '<p>Your site passes every check that a competitor passes.</p>';
  else {
    const rows = gaps.map(
      (gap) =>
        `<tr><th scope="row">${escapeHtml(gap.title)}</th><td class="num">${escapeHtml(formatGain(gap.estimatedGain))}</td><td>${escapeHtml(gap.message ?? '')}</td><td>${escapeHtml(gap.howToFix)}</td><td>${gap.competitors.map(siteName).join(', ')}</td></tr>`,
    );
    body = `<table><thead><tr><th scope="col">Check</th><th scope="col">Gain</th><th scope="col">Found on your page</th><th scope="col">How to fix</th><th scope="col">Passed by</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
  }
  const heading = subject ? `What to fix first on ${siteName(subject.target)}` : 'What to fix first';
  return `<section id="gaps"><h2>${heading}</h2>${body}</section>`;
}

function matrixSection(comparison: PrintableComparison): string {
  const sites = comparison.ranking.map((ranked) => ranked.target);
  const gapIds = new Set(comparison.gaps.map((gap) => gap.checkId));
  const rows = comparison.checks.map((check) => {
    const cells = sites.map((site) => {
      const outcome = outcomeOf(check, site.id);
      return `<td class="cell ${outcome.toLowerCase()}" title="${escapeHtml(outcomeWords[outcome])}"><span aria-hidden="true">${outcomeSymbols[outcome]}</span><span class="sr">${outcomeWords[outcome]}</span></td>`;
    });
    const gap = gapIds.has(check.checkId) ? ' <span class="tag">gap</span>' : '';
    return `<tr><th scope="row">${escapeHtml(check.checkId)}${gap}</th><td>${escapeHtml(check.category)}</td>${cells.join('')}</tr>`;
  });
  return `<section id="matrix"><h2>Checks</h2>
<table class="matrix"><thead><tr><th scope="col">Check</th><th scope="col">Category</th>${sites.map((site) => `<th scope="col">${siteName(site)}${mySite(site)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="note">✓ pass · ! warning · ✗ fail · – not applicable</p></section>`;
}

function insightsSection(comparison: PrintableComparison): string {
  const items = comparison.insights.map(
    (insight) =>
      `<li><p><strong>${escapeHtml(insight.title)}</strong> <span class="tag">${escapeHtml(insight.severity.toLowerCase())}</span></p><p>${escapeHtml(insight.body)}</p><p class="note">Source: ${escapeHtml(insight.source)}</p></li>`,
  );
  return `<section id="insights"><h2>Insights</h2>${items.length ? `<ul class="insights">${items.join('\n')}</ul>` : '<p>No insights for this batch.</p>'}</section>`;
}

const style = `
:root { color: #1b1f24; font: 14px/1.45 system-ui, sans-serif; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; border-bottom: 1px solid #d0d7de; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.subject { background: #eaf2fb; }
.tag { font-size: 0.75rem; font-weight: 600; border: 1px solid #57606a; border-radius: 4px; padding: 0 0.3rem; }
.note { color: #57606a; font-size: 0.85rem; }
.partial { border-left: 4px solid #9a6700; padding-left: 0.5rem; font-weight: 600; }
.matrix th { overflow-wrap: anywhere; }
.matrix td.cell { text-align: center; font-weight: 700; }
.cell.pass { color: #1a7f37; background: #dafbe1; }
.cell.warn { color: #7d4e00; background: #fff1c2; }
.cell.fail { color: #b42318; background: #ffebe9; }
.cell.not_applicable { color: #57606a; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.chart { max-width: 100%; height: auto; font-size: 11px; }
.chart .site { font-weight: 600; }
.chart .band { fill: #eaf2fb; }
.chart .metric { fill: #57606a; }
.legend { display: flex; gap: 1rem; list-style: none; padding: 0; margin: 0.5rem 0 0; }
.swatch { margin-right: 0.3rem; }
figure { margin: 0; }
.insights { padding-left: 1.2rem; }
.insights p { margin: 0.15rem 0; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  :root { font-size: 10pt; }
  body { max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid; }
  tr, figure, .insights li { break-inside: avoid; }
  thead { display: table-header-group; }
  #matrix { break-before: page; }
  .matrix { font-size: 8.5pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;

/** The whole document: scores, the chart, gaps, the check matrix and the insights. */
/** How every screen and file marks a cancelled batch's comparison. */
export const PARTIAL_NOTE = 'Partial comparison: the batch was cancelled, so only the pages analysed before then are compared.';

export function reportHtml(name: string, comparison: PrintableComparison): string {
  const title = escapeHtml(name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Vantage report</title>
<style>${style}</style>
</head>
<body>
<header><h1>${title}</h1><p class="note">Vantage comparison of ${comparison.ranking.length} sites, compared ${comparedAt(comparison.createdAt)}</p>${
  comparison.partial ? `<p class="partial">${PARTIAL_NOTE}</p>` : ''
}</header>
<main>
${rankingSection(comparison)}
${chartSection(comparison)}
${gapsSection(comparison)}
${matrixSection(comparison)}
${insightsSection(comparison)}
</main>
</body>
</html>
`;
}
