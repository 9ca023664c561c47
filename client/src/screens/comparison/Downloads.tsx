import { gapsCsv, matrixCsv, type ExportedComparison } from '#shared/exports';

/** A file made in the browser from what the screen already holds: nothing more is fetched. */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The comparison as CSV (the check matrix, the gaps) and as JSON, the API's own shape. */
export function Downloads({ name, comparison }: { name: string; comparison: ExportedComparison }) {
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
    </div>
  );
}
