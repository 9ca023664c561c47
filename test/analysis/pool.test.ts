import { isMainThread } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis';
import { createAnalysisPool } from '../../src/analysis/worker/pool';

const task = (html: string) => ({
  fetched: {
    finalUrl: 'https://example.com/', status: 200, headers: { 'content-type': ['text/html; charset=utf-8'] },
    body: new TextEncoder().encode(html), fetchMs: 1, timeToFirstByteMs: 1, redirectChain: [],
  },
  originFiles: { origin: 'https://example.com', robotsTxt: null, llmsTxt: null, sitemap: null },
  analyzedAt: Date.now(),
});
const small = (title: string) => `<html lang="en"><title>${title}</title><h1>Hi</h1></html>`;
/** Megabytes of markup: far longer to parse and check than a few milliseconds, however fast the parser. */
const large = `<html><body>${'<div><p>Some words, <a href="/x">a link</a>.</p>'.repeat(100_000)}${'</div>'.repeat(100_000)}</body></html>`;
/** Flat, so it takes a while but not long whatever the parser does with nesting. */
const busy = `<html><body>${'<p>Some words, <a href="/x">a link</a>.</p>'.repeat(10_000)}</body></html>`;

it('loads the TypeScript task in a worker thread under vitest and stops on destroy', async () => {
  expect(isMainThread).toBe(true);
  const pool = createAnalysisPool(2);
  const reports = await Promise.all([pool.analyze(task(small('From a worker'))), pool.analyze(task(small('From a worker')))]);
  expect(reports.map((report) => report.title)).toEqual(['From a worker', 'From a worker']);
  expect(reports[0]!.headings).toEqual([{ level: 1, text: 'Hi' }]);
  await pool.destroy();
  await expect(pool.analyze(task(small('closed')))).rejects.toThrow('The analysis pool is closed.');
});

it('stops an analysis that outruns its time limit, fails it for good, and serves the next page on a fresh thread', async () => {
  const pool = createAnalysisPool(1);
  try {
    const stopped = await pool.analyze(task(large), { timeLimitMs: 20 }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(AnalysisError);
    expect(stopped).toMatchObject({ message: "The page's analysis took longer than 0.02 s and was stopped.", retryable: false });
    // The one thread was terminated, not left parsing: the next page gets a thread and its report.
    expect((await pool.analyze(task(small('After')), { timeLimitMs: 60_000 })).title).toBe('After');
  } finally {
    await pool.destroy();
  }
});

it('fails a page whose analysis needs more memory than a thread may use, and serves the next page on a fresh thread', async () => {
  const pool = createAnalysisPool(1, 32);
  try {
    const stopped = await pool.analyze(task(large)).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(AnalysisError);
    expect(stopped).toMatchObject({ message: "The page's analysis needed more than the 32 MB it may use and was stopped.", retryable: false });
    expect((await pool.analyze(task(small('After')))).title).toBe('After');
  } finally {
    await pool.destroy();
  }
});

it('serves queued pages in turn across share keys, so one key’s backlog does not hold up another’s page', async () => {
  const pool = createAnalysisPool(1);
  try {
    const finished: string[] = [];
    const run = (name: string, html: string, shareKey: string) =>
      pool.analyze(task(html), { shareKey }).then(() => finished.push(name));
    const backlog = Array.from({ length: 4 }, (_, i) => run(`busy ${i}`, busy, 'busy'));
    const other = run('other', small('other'), 'other');
    await Promise.all([...backlog, other]);
    // First in, first out would finish it last; in turn, at most one of the busy key's pages goes first.
    expect(finished.indexOf('other')).toBeLessThanOrEqual(1);
  } finally {
    await pool.destroy();
  }
});
