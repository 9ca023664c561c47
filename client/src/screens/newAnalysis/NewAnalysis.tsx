import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { request } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { CreateBatchMutation, LimitsQuery } from '../../api/operations';
import { GraphQLRequestError } from '#shared/transport';
import { defaultBatchName } from '#shared/format';
import { samePageKey, urlProblem } from '#shared/urls';
import { linesNamedBy } from './linesNamedBy';
import { UrlRow, type Row } from './UrlRow';
import { useScreenTitle } from '../useScreenTitle';

const initialRowCount = 3;

function emptyRows(count: number, firstKey: number): Row[] {
  return Array.from({ length: count }, (_, offset) => ({ key: firstKey + offset, url: '' }));
}

/** Every row the API would refuse on its form alone, each with why, so one submit shows them all. */
function rowProblems(filled: readonly Row[]): Map<number, string> {
  const problems = new Map<number, string>();
  const firstOfPage = new Map<string, string>();
  for (const row of filled) {
    const typed = row.url.trim();
    const problem = urlProblem(typed);
    const page = samePageKey(typed);
    const earlier = firstOfPage.get(page);
    if (problem) problems.set(row.key, `"${typed}" ${problem}.`);
    else if (earlier !== undefined) problems.set(row.key, `"${typed}" is the same page as "${earlier}".`);
    else firstOfPage.set(page, typed);
  }
  return problems;
}

/** Why the pages-per-site field would be refused (a whole number from 1 to the server's limit), or null. */
function pagesPerSiteProblem(typed: string, maxPages: number | undefined): string | null {
  const pages = Number(typed);
  const inRange = /^\d+$/.test(typed.trim()) && pages >= 1 && (maxPages === undefined || pages <= maxPages);
  return inRange ? null : `Pages per site must be a whole number from 1 to ${maxPages ?? 'the server\'s limit'}.`;
}

export function NewAnalysis() {
  const { route } = useLocation();
  useScreenTitle('New analysis');
  const nextKey = useRef(initialRowCount);
  const focusAfterRender = useRef<number | null>(null);
  const [rows, setRows] = useState<Row[]>(() => emptyRows(initialRowCount, 0));
  const [subjectKey, setSubjectKey] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [rowErrors, setRowErrors] = useState<Map<number, string>>(new Map());
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [pagesPerSite, setPagesPerSite] = useState('1');
  const limits = useQuery(LimitsQuery, {}).data?.limits;
  const maxUrls = limits?.maxUrlsPerBatch;
  const maxPages = limits?.maxPagesPerSite;
  const filledCount = rows.filter((row) => row.url.trim() !== '').length;

  const takeKeys = (count: number) => {
    const first = nextKey.current;
    nextKey.current += count;
    return first;
  };

  const updateRow = (key: number, url: string) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, url } : row)));
    setRowErrors((current) => {
      if (!current.has(key)) return current;
      const next = new Map(current);
      next.delete(key);
      return next;
    });
  };

  /** A pasted list fills this row, then the empty rows below it, then new rows. */
  const pasteLines = (key: number, lines: string[]) => {
    const pending = [...lines];
    const start = rows.findIndex((row) => row.key === key);
    const next = rows.map((row, index) =>
      index === start || (index > start && row.url === '' && pending.length > 0) ? { ...row, url: pending.shift() ?? '' } : row,
    );
    const firstKey = takeKeys(pending.length);
    setRows([...next, ...pending.map((url, offset) => ({ key: firstKey + offset, url }))]);
  };

  const removeRow = (key: number) => {
    setRows((current) => (current.length > 1 ? current.filter((row) => row.key !== key) : current));
    if (subjectKey === key) setSubjectKey(null);
  };

  const clearAll = () => {
    setRows(emptyRows(initialRowCount, takeKeys(initialRowCount)));
    setSubjectKey(null);
    setRowErrors(new Map());
    setFormError(undefined);
  };

  const addRow = () => {
    const added = { key: takeKeys(1), url: '' };
    setRows((current) => [...current, added]);
    focusAfterRender.current = added.key;
  };

  // The new row's input takes focus once it exists, so typing can go straight on.
  useEffect(() => {
    if (focusAfterRender.current === null) return;
    document.getElementById(`url-${focusAfterRender.current}`)?.focus();
    focusAfterRender.current = null;
  }, [rows]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const filled = rows.filter((row) => row.url.trim() !== '');
    setRowErrors(new Map());
    setFormError(undefined);
    if (filled.length === 0) {
      setFormError('Enter at least one URL.');
      return;
    }
    const pagesProblem = pagesPerSiteProblem(pagesPerSite, maxPages);
    if (pagesProblem) {
      setFormError(pagesProblem);
      document.getElementById('pages-per-site')?.focus();
      return;
    }
    const problems = rowProblems(filled);
    const tooMany = maxUrls !== undefined && filled.length > maxUrls;
    if (tooMany) setFormError(`Give at most ${maxUrls} URLs; there are ${filled.length}.`);
    if (problems.size > 0 || tooMany) {
      setRowErrors(problems);
      const first = filled.find((row) => problems.has(row.key));
      if (first) document.getElementById(`url-${first.key}`)?.focus();
      return;
    }
    const urls = filled.map((row) => row.url.trim());
    const subjectUrl = filled.find((row) => row.key === subjectKey)?.url.trim() ?? null;
    setSubmitting(true);
    try {
      const { createBatch } = await request(CreateBatchMutation, {
        input: { name: name.trim() || defaultBatchName(urls, subjectUrl), urls, subjectUrl, maxPagesPerSite: Number(pagesPerSite) },
      });
      route(`/batches/${encodeURIComponent(createBatch.id)}`);
    } catch (error) {
      setSubmitting(false);
      showError(error, filled);
    }
  };

  const showError = (error: unknown, filled: Row[]) => {
    if (!(error instanceof GraphQLRequestError) || !error.hasCode('BAD_USER_INPUT')) {
      setFormError(error instanceof Error ? error.message : String(error));
      return;
    }
    const byRow = new Map<number, string>();
    const unplaced: string[] = [];
    for (const { message } of error.errors) {
      const named = linesNamedBy(message, filled.map((row) => row.url));
      for (const index of named) byRow.set(filled[index]!.key, message);
      if (named.length === 0) unplaced.push(message);
    }
    setRowErrors(byRow);
    if (unplaced.length) setFormError(unplaced.join(' '));
    const firstInvalid = filled.find((row) => byRow.has(row.key));
    if (firstInvalid) document.getElementById(`url-${firstInvalid.key}`)?.focus();
  };

  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">New analysis</h1>
      <p class="lead">Enter your site and a few competitors, one URL per line. Pasting a list fills the lines for you.</p>
      <form class="new-analysis" onSubmit={submit} noValidate>
        <div class="field">
          <label for="batch-name">Name</label>
          <input
            id="batch-name"
            name="name"
            value={name}
            placeholder="Named after the sites if left empty"
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="pages-per-site">Pages per site</label>
          <input
            id="pages-per-site"
            name="maxPagesPerSite"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxPages}
            step={1}
            value={pagesPerSite}
            aria-describedby="pages-per-site-hint"
            onInput={(event) => setPagesPerSite(event.currentTarget.value)}
          />
          <p class="hint" id="pages-per-site-hint">
            1 analyses each URL alone. Above 1 each site is crawled from its URL (sitemaps, then links){maxPages ? `, up to ${maxPages} pages` : ''}, and
            two URLs of one site are refused.
          </p>
        </div>
        <fieldset class="url-list">
          <legend>URLs, and which one is your site</legend>
          <ol>
            {rows.map((row, index) => (
              <UrlRow
                key={row.key}
                row={row}
                position={index + 1}
                isSubject={subjectKey === row.key}
                error={rowErrors.get(row.key)}
                canRemove={rows.length > 1}
                onChange={updateRow}
                onPaste={pasteLines}
                onMarkSubject={setSubjectKey}
                onRemove={removeRow}
              />
            ))}
          </ol>
          <label class="no-subject">
            <input type="radio" name="subject" checked={subjectKey === null} onChange={() => setSubjectKey(null)} />
            None of these is my site
          </label>
        </fieldset>
        <div class="actions">
          <button type="button" onClick={addRow}>
            Add URL
          </button>
          <button type="button" onClick={clearAll} disabled={filledCount === 0}>
            Clear all
          </button>
          <p class={`url-count${maxUrls !== undefined && filledCount > maxUrls ? ' over' : ''}`} aria-live="polite">
            {maxUrls === undefined ? `${filledCount} URLs` : `${filledCount} of at most ${maxUrls} URLs`}
          </p>
          <button type="submit" class="primary" disabled={submitting}>
            {submitting ? 'Starting…' : 'Analyse'}
          </button>
        </div>
        <p class="form-error" role="alert" id="form-error">
          {formError}
        </p>
      </form>
    </section>
  );
}
