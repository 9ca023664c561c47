import type { ScoreKey } from '#shared/scores';
import type { CheckCategory } from '../../gql/graphql';
import { categoryOrder, type MatrixRow, type RankedSite } from './report';

export type RowFilter = 'all' | 'gaps' | 'failures';
export type RowOrder = 'category' | 'name' | 'failures';

/** The rows and columns the matrix shows: which checks, in what order, and the sites across. */
interface MatrixView {
  /** Category groups in their order; one unnamed group when the rows are not ordered by category. */
  groups: { category: CheckCategory | null; rows: MatrixRow[] }[];
  /** Indexes into the ranking (and into each row's cells), the subject's first. */
  columns: number[];
}

const failures = (row: MatrixRow) => row.cells.filter((cell) => cell.outcome === 'FAIL').length;

/**
 * The subject's column comes first whatever the order, since every other column is read against
 * it; the rest follow by the chosen score, best first, ties in rank order.
 */
export function matrixView(sites: readonly RankedSite[], rows: readonly MatrixRow[], filter: RowFilter, order: RowOrder, siteOrder: ScoreKey): MatrixView {
  const columns = sites.map((_, index) => index);
  columns.sort((a, b) => {
    const [first, second] = [sites[a]!, sites[b]!];
    if (first.target.isSubject !== second.target.isSubject) return first.target.isSubject ? -1 : 1;
    return second[siteOrder] - first[siteOrder] || first.rank - second.rank;
  });

  const shown = rows.filter((row) => filter === 'all' || (filter === 'gaps' ? row.isGap : failures(row) > 0));
  if (order === 'category') {
    // Each group as buildMatrix ordered it: the subject's gaps first.
    const groups = categoryOrder.map((category) => ({ category, rows: shown.filter((row) => row.category === category) }));
    return { groups: groups.filter((group) => group.rows.length > 0), columns };
  }
  const sorted = [...shown].sort((a, b) => (order === 'failures' ? failures(b) - failures(a) : 0) || a.checkId.localeCompare(b.checkId));
  return { groups: sorted.length ? [{ category: null, rows: sorted }] : [], columns };
}
