import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../test/browser/chromium';
import { integerArgs } from './lib/args';
import { benchPage, comparisonSelectors, emptySelectors, loadComparison, reportData, serveBuild } from './lib/comparisonPage';
import { describeMachine } from './lib/machine';
import { ms, percentile } from './lib/stats';

/**
 * `npx tsx bench/client.bench.ts [--rounds N]`: the web client's two targets of issue 20.
 * 1. Its JavaScript, gzipped, stays under 150 KB with the chart library: a fresh production build,
 *    each chunk gzipped at level 9.
 * 2. The comparison screen of a 10-site × 36-check batch renders in under 100 ms after its data
 *    arrives, in Chromium, timed with performance.mark from the moment the response body is in
 *    hand to the first frame after the matrix and the chart are on screen; against the same
 *    measurement of an empty screen (a batch that does not exist) in the same run, alternately.
 * The built client is served from a loopback server; /graphql is answered by the bench.
 */
const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'client/dist');
const { rounds } = integerArgs({ rounds: 15 });
const SITES = 10;
const CHECKS = 36;
const JS_BUDGET = 150 * 1024;
const RENDER_BUDGET_MS = 100;

await build({ configFile: path.join(root, 'client/vite.config.ts'), logLevel: 'warn' });
const assets = (await readdir(path.join(dist, 'assets'))).sort();
const chunks = await Promise.all(
  assets.map(async (name) => {
    const bytes = await readFile(path.join(dist, 'assets', name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }),
);
const scripts = chunks.filter((chunk) => chunk.name.endsWith('.js'));
const jsGzip = scripts.reduce((sum, chunk) => sum + chunk.gzip, 0);

const full = JSON.stringify(reportData(SITES, CHECKS));
const empty = JSON.stringify({ data: { batch: null } });

const server = await serveBuild(dist);
const { origin } = server;

async function renderTime(browser: Browser, body: string, selectors: string[]): Promise<number> {
  const page = await benchPage(browser, body, selectors);
  try {
    return (await loadComparison(page, origin)).render;
  } finally {
    await page.close();
  }
}

const browser = await launchChromium();
const comparisonTimes: number[] = [];
const emptyTimes: number[] = [];
try {
  // One untimed load of each warms Chromium's caches of the bundle.
  await renderTime(browser, full, comparisonSelectors);
  await renderTime(browser, empty, emptySelectors);
  for (let round = 0; round < rounds; round++) {
    comparisonTimes.push(await renderTime(browser, full, comparisonSelectors));
    emptyTimes.push(await renderTime(browser, empty, emptySelectors));
  }
  const page = await benchPage(browser, full, comparisonSelectors);
  await loadComparison(page, origin);
  const shown = await page.evaluate(() => ({
    rows: document.querySelectorAll('.matrix-table tr[data-check-id]').length,
    columns: document.querySelectorAll('.matrix-table thead th[data-target-id]').length,
    canvas: document.querySelectorAll('.score-chart canvas').length,
  }));
  await page.close();
  if (shown.rows !== CHECKS || shown.columns !== SITES || shown.canvas !== 1) throw new Error(`The screen did not show the whole comparison: ${JSON.stringify(shown)}`);
} finally {
  await browser.close();
  server.close();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (samples: number[]) => percentile(samples, 50);
const worst = (samples: number[]) => Math.max(...samples);
const renderMedian = median(comparisonTimes);
console.log(
  [
    '## Web client: bundle size and comparison render time (issue 20)',
    '',
    '`npx tsx bench/client.bench.ts`',
    '',
    describeMachine(),
    '',
    '### JavaScript and CSS of a fresh production build, gzip level 9',
    '',
    '| chunk | raw | gzip |',
    '| --- | --- | --- |',
    ...chunks.map((chunk) => `| ${chunk.name} | ${kb(chunk.raw)} | ${kb(chunk.gzip)} |`),
    `| **all JavaScript** | ${kb(scripts.reduce((sum, chunk) => sum + chunk.raw, 0))} | **${kb(jsGzip)}** |`,
    '',
    `Target: all JavaScript under ${kb(JS_BUDGET)} gzipped, chart library included: ${jsGzip < JS_BUDGET ? 'met' : '**missed**'}.`,
    '',
    `### Comparison screen, ${SITES} sites × ${CHECKS} checks, Chromium at 1440×900`,
    '',
    `From the response body in hand to the first frame after the matrix's last row and the chart are on screen (performance.measure), ${rounds} page loads each, alternately with an empty screen (a batch that does not exist: "No such batch."), after one untimed load of each.`,
    '',
    '| screen | median | worst |',
    '| --- | --- | --- |',
    `| comparison, ${SITES} × ${CHECKS} | ${ms(renderMedian)} ms | ${ms(worst(comparisonTimes))} ms |`,
    `| empty screen (reference) | ${ms(median(emptyTimes))} ms | ${ms(worst(emptyTimes))} ms |`,
    '',
    `Target: under ${RENDER_BUDGET_MS} ms after the data arrives (median): ${renderMedian < RENDER_BUDGET_MS ? 'met' : '**missed**'}.`,
    '',
  ].join('\n'),
);
