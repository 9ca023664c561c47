/**
 * The comparison as spreadsheet rows, for the web client's downloads and the CLI's files. Only
 * what the caller's own comparison holds goes in, and every cell is escaped (see csvCell).
 */
import type { Outcome } from './outcome';

/** What the exports read of a comparison: the ComparisonFields fragment, as both clients select it. */
export interface ExportedComparison {
  ranking: readonly { rank: number; overallScore: number; seoScore: number; aeoScore: number; technicalScore: number; target: Site }[];
  checks: readonly { checkId: string; category: string; passedBy: readonly Site[]; failedBy: readonly Site[]; warnedBy: readonly Site[] }[];
  gaps: readonly { checkId: string; title: string; message: string | null; howToFix: string; estimatedGain: number; competitors: readonly Site[] }[];
}

export interface Site {
  id: string;
  url: string;
  isSubject?: boolean;
}

type Cell = string | number | null;

/**
 * One CSV cell (RFC 4180). Text a spreadsheet would run as a formula (starting with =, +, -, @,
 * a tab or a carriage return) is prefixed with an apostrophe, as OWASP advises, so a page's
 * title cannot become a formula in the reader's spreadsheet. Numbers stay numbers.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The site's outcome of one check of the comparison, as its passedBy/warnedBy/failedBy lists say. */
export function outcomeOf(check: ExportedComparison['checks'][number], siteId: string): Outcome {
  const has = (list: readonly Site[]) => list.some((entry) => entry.id === siteId);
  if (has(check.passedBy)) return 'PASS';
  if (has(check.warnedBy)) return 'WARN';
  if (has(check.failedBy)) return 'FAIL';
  return 'NOT_APPLICABLE';
}

/** Checks down, ranked sites across, each cell the site's outcome. */
export function matrixCsv(comparison: ExportedComparison): string {
  const sites = comparison.ranking.map((ranked) => ranked.target);
  return toCsv([
    ['Check', 'Category', ...sites.map((site) => (site.isSubject ? `${site.url} (my site)` : site.url))],
    ['Overall score', '', ...comparison.ranking.map((ranked) => ranked.overallScore)],
    ...comparison.checks.map((check) => [check.checkId, check.category, ...sites.map((site) => outcomeOf(check, site.id))]),
  ]);
}

/** The subject's gaps, what to fix first first: what was found on its page, how to fix it, which competitors pass. */
export function gapsCsv(comparison: ExportedComparison): string {
  const category = new Map(comparison.checks.map((check) => [check.checkId, check.category]));
  return toCsv([
    ['Check', 'Check id', 'Category', 'Estimated gain (points)', 'Found on your page', 'How to fix', 'Competitors that pass'],
    ...comparison.gaps.map((gap) => [
      gap.title,
      gap.checkId,
      category.get(gap.checkId) ?? '',
      gap.estimatedGain,
      gap.message,
      gap.howToFix,
      gap.competitors.map((site) => site.url).join(' '),
    ]),
  ]);
}
