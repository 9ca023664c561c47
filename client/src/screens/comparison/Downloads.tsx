import { gapsCsv, matrixCsv } from '#shared/exports';
import { reportHtml, type PrintableComparison } from '#shared/reportHtml';

/** A file made in the browser from what the screen already holds: nothing more is fetched. */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The comparison as CSV (the check matrix, the gaps), as JSON (the API's own shape) and as an HTML
 * report styled for print: opened in a browser, "Save as PDF" makes a clean document of it.
 */
export function Downloads({ name, comparison }: { name: string; comparison: PrintableComparison }) {
  const base = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'comparison';
  return (
    <div class="actions downloads" role="group" aria-label="Download the comparison">
      <button type="button" onClick={() => download(`${base}-checks.csv`, 'text/csv', matrixCsv(comparison))}>
        Checks (CSV)
      </button>
      <button type="button" onClick={() => download(`${base}-gaps.csv`, 'text/csv', gapsCsv(comparison))}>
        Gaps (CSV)
      </button>
      <button type="button" onClick={() => download(`${base}.json`, 'application/json', `${JSON.stringify(comparison, null, 2)}\n`)}>
        JSON
      </button>
      <button type="button" onClick={() => download(`${base}-report.html`, 'text/html', reportHtml(name, comparison))}>
        Printable report
      </button>
    </div>
  );
}
