// Analysis cost per page against a bare htmlparser2 parse, main-thread event-loop delay while
// the pool analyses large pages, and pages per second through the Analyzer from a loopback server.
// Run: npx tsx bench/analysis.bench.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Parser } from 'htmlparser2';
import { createAnalyzer, type OriginFiles } from '../src/analysis';
import type { FetchedResource } from '../src/analysis/fetch/pageFetcher';
import { analyzePage, type AnalysisTask } from '../src/analysis/worker/analyzePage';
import { createAnalysisPool, defaultThreadCount } from '../src/analysis/worker/pool';
import { generatePage } from './analysisPages';
import { benchCommand } from './lib/markdown';
import { alternatingMedians } from './lib/stats';

const ORIGIN_FILES: OriginFiles = { origin: 'https://example.com', robotsTxt: null, llmsTxt: null, sitemap: null };

function task(body: Uint8Array): AnalysisTask {
  const fetched: FetchedResource = {
    finalUrl: 'https://example.com/article', status: 200, headers: { 'content-type': ['text/html; charset=utf-8'] },
    body, fetchMs: 10, timeToFirstByteMs: 5, redirectChain: [],
  };
  return { fetched, originFiles: ORIGIN_FILES, analyzedAt: Date.now() };
}

function bareParse(body: Uint8Array): void {
  const parser = new Parser({}, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
}

function costPerPage(): string[] {
  const rows = ['| page | bytes | bare htmlparser2 parse (ms) | full analysis (ms) | ratio |', '|---|---:|---:|---:|---:|'];
  for (const [label, size, runs, warmup] of [
    ['~50 KB', 50 * 1024, 300, 50],
    ['~500 KB', 500 * 1024, 40, 10],
    ['~5 MB', 5 * 1024 * 1024, 9, 3],
  ] as const) {
    const body = new TextEncoder().encode(generatePage(size));
    const [bare, full] = alternatingMedians(runs, warmup, () => bareParse(body), () => analyzePage(task(body))) as [number, number];
    rows.push(`| ${label} | ${body.byteLength} | ${bare.toFixed(2)} | ${full.toFixed(2)} | ${(full / bare).toFixed(2)}x |`);
  }
  return rows;
}

async function eventLoopDelay(pages: number, pageBytes: number): Promise<string[]> {
  const threads = defaultThreadCount();
  const pool = createAnalysisPool(threads);
  const body = new TextEncoder().encode(generatePage(pageBytes));
  await pool.analyze(task(body.slice()));
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  let next = 0;
  // Keep every thread busy with a short queue behind it: "full speed" without holding 200 bodies at once.
  const lanes = Array.from({ length: threads * 2 }, async () => {
    while (next < pages) {
      next++;
      await pool.analyze(task(body.slice()));
    }
  });
  await Promise.all(lanes);
  const seconds = (performance.now() - started) / 1000;
  histogram.disable();
  await pool.destroy();
  const mainThread = monitorEventLoopDelay({ resolution: 10 });
  mainThread.enable();
  for (let index = 0; index < 5; index++) {
    analyzePage(task(body.slice()));
    await new Promise((resolve) => setImmediate(resolve));
  }
  mainThread.disable();
  const ms = (nanoseconds: number) => (nanoseconds / 1e6).toFixed(1);
  return [
    `| setup | pages | page bytes | threads | p50 delay (ms) | p99 delay (ms) | max (ms) | pages/s |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| pool (piscina) | ${pages} | ${body.byteLength} | ${threads} | ${ms(histogram.percentile(50))} | ${ms(histogram.percentile(99))} | ${ms(histogram.max)} | ${(pages / seconds).toFixed(1)} |`,
    `| reference: same page analysed on the main thread | 5 | ${body.byteLength} | 0 | ${ms(mainThread.percentile(50))} | ${ms(mainThread.percentile(99))} | ${ms(mainThread.max)} | – |`,
  ];
}

async function throughput(pages: number, pageBytes: number, concurrency: number): Promise<string[]> {
  const html = generatePage(pageBytes);
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const analyzer = createAnalyzer({ allowPrivate: true });
  const threads = defaultThreadCount();
  try {
    const files = await analyzer.fetchOriginFiles(origin);
    await analyzer.analyze(`${origin}/warmup`, files);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < pages) await analyzer.analyze(`${origin}/page-${next++}`, files);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return [
      '| pages | page bytes | worker threads | concurrent analyze() calls | pages/s |',
      '|---:|---:|---:|---:|---:|',
      `| ${pages} | ${Buffer.byteLength(html)} | ${threads} | ${concurrency} | ${(pages / seconds).toFixed(1)} |`,
    ];
  } finally {
    await analyzer.close();
    server.close();
  }
}

const SECTIONS: Record<string, [string, () => string[] | Promise<string[]>]> = {
  cost: ['Analysis cost per page (same process, main thread, median)', costPerPage],
  loop: ['Event-loop delay on the main thread while the pool analyses 200 pages of ~5 MB', () => eventLoopDelay(200, 5 * 1024 * 1024)],
  throughput: ['Fetch + analysis through the Analyzer from a loopback server', () => throughput(500, 50 * 1024, 16)],
};
// `npx tsx bench/analysis.bench.ts cost` runs one section; no argument runs all.
const chosen = process.argv.slice(2);
console.log(`## Page analysis\n\n\`${benchCommand('bench/analysis.bench.ts')}\`\n\nNode ${process.version}, ${availableParallelism()} cores available\n`);
for (const [name, [title, run]] of Object.entries(SECTIONS)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  console.log(`### ${title}\n\n${(await run()).join('\n')}\n`);
}
