import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { shortUrl } from '#shared/format';
import { outcomeSymbols, outcomeWords } from '#shared/outcome';
import { scoreMetrics, type ScoreKey } from '#shared/scores';
import { categoryLabel } from '../../format/format';
import type { CheckCategory } from '../../gql/graphql';
import type { MatrixCell, MatrixRow, RankedSite } from './report';
import { matrixView, type RowFilter, type RowOrder } from './matrixView';

interface Props {
  sites: RankedSite[];
  groups: Map<CheckCategory, MatrixRow[]>;
}

interface Position {
  row: number;
  column: number;
}

/** Where the detail of a cell shows: under the cell, in the matrix's own coordinates. */
interface Shown extends Position {
  top: number;
  left: number;
}

const arrowMoves: Record<string, Position> = {
  ArrowUp: { row: -1, column: 0 },
  ArrowDown: { row: 1, column: 0 },
  ArrowLeft: { row: 0, column: -1 },
  ArrowRight: { row: 0, column: 1 },
};

const filters: { value: RowFilter; label: string }[] = [
  { value: 'all', label: 'All checks' },
  { value: 'gaps', label: 'Gaps only' },
  { value: 'failures', label: 'Failures only' },
];

const rowOrders: { value: RowOrder; label: string }[] = [
  { value: 'category', label: 'Category, gaps first' },
  { value: 'name', label: 'Check name' },
  { value: 'failures', label: 'Most failures first' },
];

const siteOrders: { value: ScoreKey; label: string }[] = scoreMetrics.map((metric) => ({ value: metric.key, label: `${metric.label} score` }));

function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: { value: T; label: string }[]; onChange: (value: T) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.currentTarget.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The detail box is this wide at most (see .matrix-detail), so it is kept inside the matrix. */
const detailWidth = 352;

/**
 * Checks down, sites across, the subject's column first. The header row and the check column
 * stay in view as the table scrolls either way (CSS sticky inside its own scroll box). A grid
 * with one tab stop: arrow keys move between cells, and the hovered or focused cell's message
 * shows right under it.
 */
export function CheckMatrix({ sites, groups }: Props) {
  const [filter, setFilter] = useState<RowFilter>('all');
  const [order, setOrder] = useState<RowOrder>('category');
  const [siteOrder, setSiteOrder] = useState<ScoreKey>('overallScore');
  // Hovering re-renders the matrix: what it shows is worked out again only when it changes.
  const view = useMemo(() => matrixView(sites, [...groups.values()].flat(), filter, order, siteOrder), [sites, groups, filter, order, siteOrder]);
  const rows = useMemo(() => view.groups.flatMap((group) => group.rows), [view]);
  const { columns } = view;

  const [focused, setActive] = useState<Position>({ row: 0, column: 0 });
  // Within what the filter leaves, so that the grid keeps its one tab stop.
  const active = { row: Math.max(0, Math.min(focused.row, rows.length - 1)), column: Math.max(0, Math.min(focused.column, columns.length - 1)) };
  const [shown, setShown] = useState<Shown>();
  // A new filter or order moves the cells: a detail left open would describe another cell.
  useEffect(() => setShown(undefined), [filter, order, siteOrder]);
  const box = useRef<HTMLDivElement>(null);
  const region = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const overflows = useOverflow(region);
  const detail = shown && cellAt(rows, sites, columns, shown);

  const show = (position: Position, cell: HTMLElement) => {
    const outer = box.current!.getBoundingClientRect();
    const rect = cell.getBoundingClientRect();
    const left = Math.max(0, Math.min(rect.left - outer.left, outer.width - detailWidth));
    setShown({ ...position, top: rect.bottom - outer.top + 4, left });
  };

  const move = (event: KeyboardEvent) => {
    const delta = arrowMoves[event.key];
    let next: Position | undefined;
    if (delta) next = { row: active.row + delta.row, column: active.column + delta.column };
    if (event.key === 'Home') next = { row: active.row, column: 0 };
    if (event.key === 'End') next = { row: active.row, column: columns.length - 1 };
    if (event.key === 'Escape') setShown(undefined);
    if (!next) return;
    event.preventDefault();
    next = { row: Math.max(0, Math.min(rows.length - 1, next.row)), column: Math.max(0, Math.min(columns.length - 1, next.column)) };
    setActive(next);
    table.current?.querySelector<HTMLElement>(`[data-cell="${next.row}-${next.column}"]`)?.focus();
  };

  let rowIndex = 0;
  return (
    <div class="matrix" ref={box}>
      <div class="matrix-controls">
        <fieldset class="matrix-filter">
          <legend>Show</legend>
          {filters.map((option) => (
            <label key={option.value}>
              <input type="radio" name="matrix-filter" value={option.value} checked={filter === option.value} onChange={() => setFilter(option.value)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        <Choice label="Checks by" value={order} options={rowOrders} onChange={setOrder} />
        <Choice label="Sites by" value={siteOrder} options={siteOrders} onChange={setSiteOrder} />
      </div>
      <p class="matrix-hint">
        Hover or focus a cell to read what was found; arrow keys move between cells.
        {overflows && <span class="scroll-hint"> Scroll the table sideways to see every site →</span>}
      </p>
      <div
        class="table-wrap matrix-scroll"
        role="region"
        aria-label="Check matrix"
        tabIndex={0}
        ref={region}
        onScroll={() => setShown(undefined)}
        onMouseLeave={() => setShown(undefined)}
      >
        <table
          ref={table}
          class="matrix-table"
          role="grid"
          aria-label="Check results by site"
          onKeyDown={move}
          onFocusIn={(event) => {
            const cell = cellOf(event);
            if (!cell) return;
            setActive(cell.position);
            show(cell.position, cell.element);
          }}
          onFocusOut={() => setShown(undefined)}
          onMouseOver={(event) => {
            const cell = cellOf(event);
            if (cell && (shown?.row !== cell.position.row || shown.column !== cell.position.column)) show(cell.position, cell.element);
          }}
        >
          <thead>
            <tr>
              <th scope="col">Check</th>
              {columns.map((index) => {
                const site = sites[index]!;
                return (
                  <th scope="col" key={site.target.id} class={site.target.isSubject ? 'subject-column' : undefined} data-target-id={site.target.id}>
                    <span class="site-head">
                      #{site.rank} {shortUrl(site.target.url)}
                      {site.target.isSubject && <span class="tag">my site</span>}
                    </span>
                    <span class="site-score">{site[siteOrder]}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          {view.groups.map((group) => (
            <tbody key={group.category ?? 'all'}>
              {group.category && (
                <tr class="category-row">
                  <th scope="colgroup" colSpan={columns.length + 1}>
                    {categoryLabel(group.category)}
                  </th>
                </tr>
              )}
              {group.rows.map((row) => {
                const current = rowIndex++;
                return (
                  <tr key={row.checkId} class={row.isGap ? 'gap-row' : undefined} data-check-id={row.checkId}>
                    <th scope="row">
                      {row.checkId}
                      {row.isGap && <span class="tag tag-gap">gap</span>}
                    </th>
                    {columns.map((index, column) => {
                      const cell = row.cells[index]!;
                      const isActive = active.row === current && active.column === column;
                      return (
                        // One element per cell, as there are hundreds: the td is the focusable cell (a
                        // grid's td is a gridcell), its symbol is drawn by CSS, its words are its name.
                        <td
                          key={index}
                          class={`cell outcome-${cell.outcome.toLowerCase()}${sites[index]!.target.isSubject ? ' subject-column' : ''}`}
                          data-outcome={cell.outcome}
                          data-cell={`${current}-${column}`}
                          data-symbol={outcomeSymbols[cell.outcome]}
                          tabIndex={isActive ? 0 : -1}
                          title={cell.message}
                          aria-label={`${outcomeWords[cell.outcome]}: ${cell.message}`}
                        />
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
        {rows.length === 0 && <p class="empty">No check matches this filter.</p>}
      </div>
      {shown && detail && (
        <p class="matrix-detail" aria-hidden="true" style={{ top: `${shown.top}px`, left: `${shown.left}px` }}>
          <strong>{detail.checkId}</strong> · {detail.site}: <span class={`outcome-${detail.cell.outcome.toLowerCase()}`}>{outcomeWords[detail.cell.outcome]}</span>
          {' — '}
          {detail.cell.message}
        </p>
      )}
      <p class="legend" aria-hidden="true">
        ✓ pass · ! warning · ✗ fail · – not applicable
      </p>
    </div>
  );
}

/**
 * The cell an event happened in. The table listens for all its cells (focus and hover bubble up
 * to it) rather than each of the hundreds of cells holding listeners of its own.
 */
function cellOf(event: Event): { element: HTMLElement; position: Position } | undefined {
  const element = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
  const [row, column] = element?.dataset.cell?.split('-').map(Number) ?? [];
  return element && row !== undefined && column !== undefined ? { element, position: { row, column } } : undefined;
}

/** Whether the box is narrower than what it holds, so that it scrolls sideways (a phone, many sites). */
function useOverflow(box: { current: HTMLElement | null }): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return overflows;
}

/** What the detail says about the cell at `position`, read from the current props. */
function cellAt(rows: MatrixRow[], sites: RankedSite[], columns: number[], position: Position): { checkId: string; site: string; cell: MatrixCell } | undefined {
  const row = rows[position.row];
  const index = columns[position.column];
  const cell = index === undefined ? undefined : row?.cells[index];
  const site = index === undefined ? undefined : sites[index];
  return row && cell && site ? { checkId: row.checkId, site: shortUrl(site.target.url), cell } : undefined;
}
