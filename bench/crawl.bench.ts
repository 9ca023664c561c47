// Crawl throughput end to end against the analysis pool alone, the worker's memory, storage per
// page, and page-count progress to 1,000 subscribers during a crawl (issue 19).
// Run: npx tsx bench/crawl.bench.ts [--sites 5 --pages 2000 --subscribers 1000 --progress-pages 400]
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { FetchedResource } from '../src/analysis/fetch/pageFetcher';
import { createAnalysisPool, defaultThreadCount } from '../src/analysis/worker/pool';
import { loadConfig } from '../src/config';
import { graphqlData } from '../test/helpers/graphql';
import { integerArgs } from './lib/args';
import { startBenchServer, type BenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { ms, summarize } from './lib/stats';
import { spawnVantage } from './lib/vantageProcess';
import { sitePage, startBenchSite, type BenchSite } from './crawl/sites';
import { listenForCommits } from './progress/commitStamps';
import { deliveryLatencies } from './progress/latencies';
import { subscribe } from './progress/subscribers';

const TARGETS = { rateShare: 0.5, rssMiB: 400, progressP99Ms: 100 };
const args = integerArgs({ sites: 5, pages: 2000, subscribers: 1000, 'progress-pages': 400, threads: 2 });
const config = loadConfig();
const log = benchLogger();
const MiB = 1024 * 1024;

/** Every page of every site analysed by the pool alone: no fetch, queue, database or events. */
async function analysisOnlyRate(sites: BenchSite[]): Promise<{ pages: number; seconds: number }> {
  const threads = defaultThreadCount();
  const pool = createAnalysisPool(threads);
  const originFiles = (url: string) => ({ origin: new URL(url).origin, robotsTxt: null, llmsTxt: null, sitemap: null });
  const task = (site: BenchSite, k: number) => {
    const fetched: FetchedResource = {
      finalUrl: k === 0 ? site.url : `${site.url}p${k}`,
      status: 200,
      headers: { 'content-type': ['text/html; charset=utf-8'] },
      body: new TextEncoder().encode(sitePage(k, args.pages)),
      fetchMs: 1,
      timeToFirstByteMs: 1,
      redirectChain: [],
    };
    return { fetched, originFiles: originFiles(site.url), analyzedAt: Date.now() };
  };
  try {
    await pool.analyze(task(sites[0]!, 0));
    const all = sites.flatMap((site) => Array.from({ length: args.pages }, (_, k) => [site, k] as const));
    let next = 0;
    const started = performance.now();
    // As the analysis bench does: every thread busy with a short queue behind it.
    await Promise.all(
      Array.from({ length: threads * 2 }, async () => {
        while (next < all.length) {
          const [site, k] = all[next++]!;
          await pool.analyze(task(site, k));
        }
      }),
    );
    return { pages: all.length, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.destroy();
  }
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((one) => one.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

interface CrawlRun {
  pages: number;
  seconds: number;
  rss: { start: number; peak: number; end: number };
  bytesPerPage: number;
  progress: { eventsPerSubscriberPerSecond: number; p50: number; p99: number; missed: number; samples: number } | null;
}

/** One batch crawling every site, api and worker in processes of their own; with `subscribers`, that many follow it. */
async function crawl(server: BenchServer, sites: BenchSite[], pagesPerSite: number, subscribers: number): Promise<CrawlRun> {
  const databaseUrl = await server.createDatabase(subscribers ? 'crawl_progress' : 'crawl');
  const shared = {
    DATABASE_URL: databaseUrl,
    MAX_PAGES_PER_SITE: String(pagesPerSite),
    MAX_RUNNING_BATCHES_PER_OWNER: '1000000',
    MAX_URLS_PER_DAY: '1000000000',
    MAX_CONNECTIONS_PER_KEY: '1000000',
  };
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const api = await spawnVantage('api', shared, log);
    cleanups.push(() => api.stop());
    const worker = await spawnVantage('worker', { ...shared, CRAWL_ALLOW_PRIVATE: 'true' }, log);
    cleanups.push(() => worker.stop());
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanups.push(() => db.end());
    const stamps = subscribers ? await listenForCommits(databaseUrl) : null;
    if (stamps) cleanups.push(() => stamps.close());

    const rss = { start: rssMiB(worker.pid), peak: 0, end: 0 };
    const series: number[] = [];
    const sampler = setInterval(() => {
      const now = rssMiB(worker.pid);
      rss.peak = Math.max(rss.peak, now);
      series.push(now);
      if (series.length % 8 === 0) log.warn({ workerRssMiB: Math.round(now) }, 'crawl bench: worker memory');
    }, 250);
    cleanups.push(async () => clearInterval(sampler));
    const { createBatch } = await graphqlData<{ createBatch: { id: string } }>(
      `${api.url}/graphql`,
      `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`,
      { input: { name: 'crawl bench', urls: sites.map((site) => site.url), maxPagesPerSite: pagesPerSite } },
    );
    const { rows: [batch] } = await db.query<{ id: string }>(`SELECT id FROM "Batch" ORDER BY "createdAt" DESC LIMIT 1`);
    const following = subscribers ? subscribe(`${api.url!.replace('http', 'ws')}/graphql`, createBatch.id, subscribers, args.threads) : null;
    let fromSequence = 0;
    if (following) {
      await following.subscribed;
      fromSequence = (await db.query<{ sequence: number }>(`SELECT sequence FROM "Batch" WHERE id = $1`, [batch!.id])).rows[0]!.sequence;
    }
    for (;;) {
      const { rows } = await db.query<{ status: string }>(`SELECT status FROM "Batch" WHERE id = $1`, [batch!.id]);
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(rows[0]!.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    rss.end = rssMiB(worker.pid);
    rss.peak = Math.max(rss.peak, rss.end);
    const { rows: [timing] } = await db.query<{ pages: number; seconds: number }>(
      `SELECT sum(t."pagesDone")::int AS pages, extract(epoch FROM max(t."finishedAt") - b."createdAt")::float AS seconds
        FROM "Batch" b JOIN "Target" t ON t."batchId" = b.id WHERE b.id = $1 GROUP BY b."createdAt"`,
      [batch!.id],
    );
    const { rows: [storage] } = await db.query<{ bytes: number; pages: number }>(
      `SELECT pg_total_relation_size('"CrawledPage"')::float AS bytes, (SELECT count(*) FROM "CrawledPage" WHERE status = 'DONE')::int AS pages`,
    );
    let progress: CrawlRun['progress'] = null;
    if (following && stamps) {
      const latencies = deliveryLatencies(stamps.of(batch!.id), fromSequence, await following.finished);
      const summary = summarize(latencies.samples);
      progress = {
        eventsPerSubscriberPerSecond: latencies.eventsPerSubscriber / timing!.seconds,
        p50: summary.p50,
        p99: summary.p99,
        missed: latencies.missed,
        samples: summary.count,
      };
    }
    return { pages: timing!.pages, seconds: timing!.seconds, rss, bytesPerPage: storage!.bytes / storage!.pages, progress };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

const cleanups: (() => Promise<unknown>)[] = [];
try {
  const server = await startBenchServer(config, log);
  cleanups.push(() => server.stop());
  const sites = await Promise.all(Array.from({ length: args.sites }, () => startBenchSite(args.pages)));
  cleanups.push(() => Promise.all(sites.map((site) => site.close())));

  const reference = await analysisOnlyRate(sites);
  const run = await crawl(server, sites, args.pages, 0);
  const followed = await crawl(server, sites, args['progress-pages'], args.subscribers);
  const referenceRate = reference.pages / reference.seconds;
  const rate = run.pages / run.seconds;
  const share = rate / referenceRate;
  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  const mib = (value: number) => value.toFixed(0);
  console.log(
    section('Crawl: sites end to end against the analysis pool alone', benchCommand('bench/crawl.bench.ts'), [
      `On ${server.description}. ${args.sites} loopback sites × ${args.pages} pages (20–60 KB articles, each linking ten more pages, ` +
        'answered at once), one batch with maxPagesPerSite ' +
        `${args.pages}; api and worker in processes of their own with the default settings (WORKER_CONCURRENCY=${config.workerConcurrency}, ` +
        `CRAWL_MAX_PER_HOST=${config.maxFetchesPerHost}). The clock runs from createBatch to the last site's finishedAt. ` +
        `Reference: the same pages analysed by the analysis pool (${defaultThreadCount()} threads) in this process, bodies already in memory.`,
      table(
        ['run', 'pages', 'seconds', 'pages/s'],
        [
          ['analysis pool alone (reference)', reference.pages, reference.seconds.toFixed(1), referenceRate.toFixed(1)],
          ['Vantage crawl (queue, fetch, analysis, storage, events)', run.pages, run.seconds.toFixed(1), rate.toFixed(1)],
        ],
      ),
      `Crawl pages/s ÷ analysis-only pages/s = **${(share * 100).toFixed(0)}%** (target ≥ ${TARGETS.rateShare * 100}%: ${verdict(share >= TARGETS.rateShare)}).`,
      `Worker RSS: start ${mib(run.rss.start)} MiB, peak ${mib(run.rss.peak)} MiB, end ${mib(run.rss.end)} MiB ` +
        `(target ≤ ${TARGETS.rssMiB} MiB: ${verdict(run.rss.peak <= TARGETS.rssMiB)}). ` +
        `Storage: ${(run.bytesPerPage / 1024).toFixed(1)} KiB per analysed page (pg_total_relation_size of CrawledPage ÷ its done pages).`,
      followed.progress
        ? `Progress during a crawl of ${args.sites} × ${args['progress-pages']} pages with ${args.subscribers} graphql-ws subscribers ` +
          `(${followed.pages} pages in ${followed.seconds.toFixed(1)} s): ${followed.progress.eventsPerSubscriberPerSecond.toFixed(1)} events per second ` +
          `per subscriber; commit → subscriber delay p50 ${ms(followed.progress.p50)} ms, p99 **${ms(followed.progress.p99)} ms** ` +
          `over ${followed.progress.samples} (subscriber, change) pairs, ${followed.progress.missed} missed ` +
          `(target p99 < ${TARGETS.progressP99Ms} ms: ${verdict(followed.progress.p99 < TARGETS.progressP99Ms && followed.progress.missed === 0)}).`
        : '',
    ]),
  );
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}
