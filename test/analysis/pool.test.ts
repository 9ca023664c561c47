import { isMainThread } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { createAnalysisPool } from '../../src/analysis/worker/pool';

it('loads the TypeScript task in a worker thread under vitest and stops on destroy', async () => {
  expect(isMainThread).toBe(true);
  const pool = createAnalysisPool(2);
  const body = new TextEncoder().encode('<html lang="en"><title>From a worker</title><h1>Hi</h1></html>');
  const task = (bytes: Uint8Array) => ({
    fetched: {
      finalUrl: 'https://example.com/', status: 200, headers: { 'content-type': ['text/html; charset=utf-8'] },
      body: bytes, fetchMs: 1, timeToFirstByteMs: 1, redirectChain: [],
    },
    originFiles: { origin: 'https://example.com', robotsTxt: null, llmsTxt: null, sitemap: null },
    analyzedAt: Date.now(),
  });
  const reports = await Promise.all([pool.analyze(task(body.slice())), pool.analyze(task(body.slice()))]);
  expect(reports.map((report) => report.title)).toEqual(['From a worker', 'From a worker']);
  expect(reports[0]!.headings).toEqual([{ level: 1, text: 'Hi' }]);
  await pool.destroy();
  await expect(pool.analyze(task(body.slice()))).rejects.toThrow('The analysis pool is closed.');
});
