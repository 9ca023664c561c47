import type { CliVisibilityAuditQuery } from './gql/graphql';
import { insightsSection } from './report';
import { renderTable } from './table';

export type CliVisibilityAudit = Extract<NonNullable<CliVisibilityAuditQuery['node']>, { brands: unknown }>;
type BrandRow = CliVisibilityAudit['brands'][number];

/** How many cited domains are listed (the API gives more). */
const topDomains = 10;
const textWidth = 60;

/** A rate of 0..1 as a whole percentage: 0.6667 → "67%". */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;
const rateWithInterval = (rate: number, low: number, high: number) => `${percent(rate)} (${percent(low)}–${percent(high)})`;
const brandName = (row: BrandRow) => (row.isSubject ? `${row.brand.name} (your brand)` : row.brand.name);
const signed = (value: number) => `${value > 0 ? '+' : ''}${value.toFixed(2)}`;

/** The own brand first, the others as the API lists them. */
const ordered = (brands: BrandRow[]) => [...brands.filter((row) => row.isSubject), ...brands.filter((row) => !row.isSubject)];

function summary(audit: CliVisibilityAudit): string {
  const prompts = `${audit.prompts.length} prompt${audit.prompts.length === 1 ? '' : 's'}${audit.promptsSource ? ` (${audit.promptsSource})` : ''}`;
  const failed = audit.requestsFailed ? `, ${audit.requestsFailed} failed` : '';
  const lines = [
    `Visibility audit ${audit.id}${audit.project ? ` of "${audit.project.name}"` : ''}`,
    `${prompts} × ${audit.engines.join(', ')} × ${audit.samplesPerPrompt} sample${audit.samplesPerPrompt === 1 ? '' : 's'}: ${audit.requestsTotal} requests${failed}, ${audit.tokensUsed} tokens`,
  ];
  if (audit.error) lines.push(audit.error);
  return lines.join('\n');
}

function brandsSection(brands: BrandRow[]): string {
  return `Brands (mention rate with its 95 % interval)\n${renderTable(
    [
      { header: 'Brand', maxWidth: 40 },
      { header: 'Mention rate', align: 'right' },
      { header: 'Share of voice', align: 'right' },
      { header: 'Citation share', align: 'right' },
      { header: 'Avg position', align: 'right' },
      { header: 'Sentiment', align: 'right' },
      { header: 'Recommended', align: 'right' },
    ],
    brands.map((row) => [
      brandName(row),
      rateWithInterval(row.mentionRate, row.mentionRateLow, row.mentionRateHigh),
      percent(row.shareOfVoice),
      percent(row.citationShare),
      row.averagePosition === null ? '-' : row.averagePosition.toFixed(1),
      row.sentiment === null ? '-' : signed(row.sentiment),
      percent(row.recommendationRate),
    ]),
  )}`;
}

/** Engines down, brands across: each cell the brand's mention rate in that engine's answers. */
function enginesSection(audit: CliVisibilityAudit, brands: BrandRow[]): string {
  const rate = (row: BrandRow, engine: string) => {
    const scores = row.byEngine.find((each) => each.engine === engine);
    return scores ? rateWithInterval(scores.mentionRate, scores.mentionRateLow, scores.mentionRateHigh) : '-';
  };
  return `Mention rate by engine\n${renderTable(
    [{ header: 'Engine' }, ...brands.map((row) => ({ header: row.brand.name, align: 'right' as const }))],
    audit.engines.map((engine) => [engine, ...brands.map((row) => rate(row, engine))]),
  )}`;
}

function lostSection(audit: CliVisibilityAudit): string {
  const lost = audit.promptResults.filter((result) => result.lost);
  if (lost.length === 0) return 'Lost prompts\nNone: no prompt names a competitor without your brand.';
  return `Lost prompts (a competitor named, your brand not)\n${renderTable(
    [{ header: 'Prompt', maxWidth: textWidth }, { header: 'Named instead', maxWidth: 40 }],
    lost.map((result) => [result.prompt, result.named.join(', ')]),
  )}`;
}

function domainsSection(audit: CliVisibilityAudit): string {
  if (audit.citedDomains.length === 0) return 'Cited domains\nNone: the answers cited no sources.';
  return `Cited domains (top ${topDomains})\n${renderTable(
    [{ header: '#', align: 'right' }, { header: 'Domain', maxWidth: textWidth }, { header: 'Citations', align: 'right' }, { header: 'Share', align: 'right' }, { header: 'Brand' }],
    audit.citedDomains
      .slice(0, topDomains)
      .map((domain, index) => [String(index + 1), domain.domain, String(domain.citations), percent(domain.share), domain.brand ?? '']),
  )}`;
}

/** The audit's scores, lost prompts, cited domains and insights, as plain-text tables. */
export function renderVisibilityReport(audit: CliVisibilityAudit): string {
  const brands = ordered(audit.brands);
  const sections = [summary(audit), brandsSection(brands), enginesSection(audit, brands), lostSection(audit), domainsSection(audit), insightsSection(audit.insights)];
  if (audit.citedPagesBatch) {
    const batch = audit.citedPagesBatch;
    sections.push(`The pages cited for the lost prompts are compared with yours in batch ${batch.id} (${batch.status}): vantage watch ${batch.id}`);
  }
  return `${sections.join('\n\n')}\n`;
}
