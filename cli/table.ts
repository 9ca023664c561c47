export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Wider text wraps onto more lines within the column. */
  maxWidth?: number;
}

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let piece = word;
    // A word longer than the column (a URL, say) is cut where the column ends.
    while (piece.length > width) {
      if (line) lines.push(line);
      line = '';
      lines.push(piece.slice(0, width));
      piece = piece.slice(width);
    }
    if (!line) line = piece;
    else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A plain-text table: a header, a rule, and rows whose long cells wrap within their column. */
export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((row) => columns.map((column, index) => wrap(row[index] ?? '', column.maxWidth ?? Number.POSITIVE_INFINITY)));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((row) => Math.max(...row[index]!.map((line) => line.length)))),
  );
  const pad = (text: string, index: number) =>
    columns[index]!.align === 'right' ? text.padStart(widths[index]!) : text.padEnd(widths[index]!);
  const joinLine = (parts: string[]) => parts.map(pad).join('  ').trimEnd();

  const out = [joinLine(columns.map((column) => column.header)), widths.map((width) => '-'.repeat(width)).join('  ')];
  for (const row of cells) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let line = 0; line < height; line++) out.push(joinLine(row.map((lines) => lines[line] ?? '')));
  }
  return out.join('\n');
}
