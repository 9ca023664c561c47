import { useRef, useState } from 'preact/hooks';
import { shortUrl } from '#shared/format';
import { categoryLabel } from '../../format/format';
import { outcomeSymbols, outcomeWords } from '../../format/outcome';
import type { CheckCategory } from '../../gql/graphql';
import type { MatrixCell, MatrixRow, RankedSite } from './report';
import { ScrollRegion } from '../../components/ScrollRegion';

interface Props {
  sites: RankedSite[];
  groups: Map<CheckCategory, MatrixRow[]>;
}

interface Position {
  row: number;
  column: number;
}

const arrowMoves: Record<string, Position> = {
  ArrowUp: { row: -1, column: 0 },
  ArrowDown: { row: 1, column: 0 },
  ArrowLeft: { row: 0, column: -1 },
  ArrowRight: { row: 0, column: 1 },
};

/** A grid with one tab stop: arrow keys move between cells, and the focused cell's message shows above. */
export function CheckMatrix({ sites, groups }: Props) {
  const rows = [...groups.values()].flat();
  const [active, setActive] = useState<Position>({ row: 0, column: 0 });
  const [shownAt, show] = useState<Position>();
  const table = useRef<HTMLTableElement>(null);
  const shown = shownAt && cellAt(rows, sites, shownAt);

  const move = (event: KeyboardEvent) => {
    const delta = arrowMoves[event.key];
    let next: Position | undefined;
    if (delta) next = { row: active.row + delta.row, column: active.column + delta.column };
    if (event.key === 'Home') next = { row: active.row, column: 0 };
    if (event.key === 'End') next = { row: active.row, column: sites.length - 1 };
    if (!next) return;
    event.preventDefault();
    next = { row: Math.max(0, Math.min(rows.length - 1, next.row)), column: Math.max(0, Math.min(sites.length - 1, next.column)) };
    setActive(next);
    table.current?.querySelector<HTMLElement>(`[data-cell="${next.row}-${next.column}"]`)?.focus();
  };

  let rowIndex = 0;
  return (
    <div class="matrix">
      <p class="matrix-detail" aria-hidden="true">
        {shown ? (
          <>
            <strong>{shown.checkId}</strong> · {shown.site}: <span class={`outcome-${shown.cell.outcome.toLowerCase()}`}>{outcomeWords[shown.cell.outcome]}</span>
            {' — '}
            {shown.cell.message}
          </>
        ) : (
          'Hover or focus a cell to read what was found. Arrow keys move between cells.'
        )}
      </p>
      <ScrollRegion label="Check matrix">
        <table ref={table} class="matrix-table" role="grid" aria-label="Check results by site" onKeyDown={move}>
          <thead>
            <tr>
              <th scope="col">Check</th>
              {sites.map((site) => (
                <th scope="col" key={site.target.id}>
                  <span class="site-head">
                    #{site.rank} {shortUrl(site.target.url)}
                    {site.target.isSubject && <span class="tag">my site</span>}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          {[...groups.entries()].map(([category, categoryRows]) => (
            <tbody key={category}>
              <tr class="category-row">
                <th scope="colgroup" colSpan={sites.length + 1}>
                  {categoryLabel(category)}
                </th>
              </tr>
              {categoryRows.map((row) => {
                const current = rowIndex++;
                return (
                  <tr key={row.checkId} class={row.isGap ? 'gap-row' : undefined} data-check-id={row.checkId}>
                    <th scope="row">
                      {row.checkId}
                      {row.isGap && <span class="tag tag-gap">gap</span>}
                    </th>
                    {row.cells.map((cell, column) => {
                      const position = { row: current, column };
                      const isActive = active.row === current && active.column === column;
                      return (
                        <td key={column} role="gridcell" data-outcome={cell.outcome}>
                          <span
                            class={`cell outcome-${cell.outcome.toLowerCase()}`}
                            data-cell={`${current}-${column}`}
                            tabIndex={isActive ? 0 : -1}
                            title={cell.message}
                            onFocus={() => {
                              setActive(position);
                              show(position);
                            }}
                            onMouseEnter={() => show(position)}
                          >
                            <span aria-hidden="true">{outcomeSymbols[cell.outcome]}</span>
                            <span class="visually-hidden">
                              {outcomeWords[cell.outcome]}: {cell.message}
                            </span>
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
      <p class="legend" aria-hidden="true">
        ✓ pass · ! warning · ✗ fail · – not applicable
      </p>
    </div>
  );
}

/** What the detail line says about the cell at `position`, read from the current props. */
function cellAt(rows: MatrixRow[], sites: RankedSite[], position: Position): { checkId: string; site: string; cell: MatrixCell } | undefined {
  const row = rows[position.row];
  const cell = row?.cells[position.column];
  const site = sites[position.column];
  return row && cell && site ? { checkId: row.checkId, site: shortUrl(site.target.url), cell } : undefined;
}
