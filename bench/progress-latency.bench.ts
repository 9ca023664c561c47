import pg from 'pg';
import { loadConfig } from '../src/config';
import { integerArgs } from './lib/args';
import { startBenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { ms, summarize } from './lib/stats';
import { memoryOf, spawnVantage } from './lib/vantageProcess';
import { listenForCommits } from './progress/commitStamps';
import type { DeliveryLatencies } from './progress/latencies';
import { runPhase, startGatedSite } from './progress/phase';

const TARGET_P99_MS = 50;

const args = integerArgs({ subscribers: 1000, targets: 50, 'interval-ms': 200, threads: 2 });
const config = loadConfig();
const log = benchLogger();
const server = await startBenchServer(config, log);
const databaseUrl = await server.createDatabase('progress');
const site = await startGatedSite(['reference', 'loaded'], args.targets);
const shared = { DATABASE_URL: databaseUrl, MAX_URLS_PER_BATCH: String(Math.max(50, args.targets)) };
const api = await spawnVantage('api', shared, log);
// One job slot per page, so that every page is in flight before anyone subscribes; the pages
// are held for as long as subscribing and releasing take, so the fetch must not time out.
const worker = await spawnVantage(
  'worker',
  { ...shared, WORKER_CONCURRENCY: String(args.targets), CRAWL_ALLOW_PRIVATE: 'true', CRAWL_TIMEOUT_MS: '600000' },
  log,
);
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const stamps = await listenForCommits(databaseUrl);
try {
  const context = { apiUrl: api.url!, db, site, stamps };
  const phase = { targets: args.targets, threads: args.threads, intervalMs: args['interval-ms'] };
  const reference = await runPhase(context, 'reference', { ...phase, subscribers: 1 });
  const idle = await memoryOf(api.pid);
  let subscribedMemory = idle;
  const loaded = await runPhase(
    { ...context, onSubscribed: async () => void (subscribedMemory = await memoryOf(api.pid)) },
    'loaded',
    { ...phase, subscribers: args.subscribers },
  );
  const after = await memoryOf(api.pid);

  const row = (label: string, result: DeliveryLatencies & { subscribeSeconds: number }) => {
    const summary = summarize(result.samples);
    return [
      label,
      result.subscribeSeconds.toFixed(2),
      summary.count,
      result.missed,
      result.eventsPerSubscriber.toFixed(1),
      ms(summary.p50),
      ms(summary.p99),
      ms(summary.max),
    ];
  };
  const p99 = summarize(loaded.samples).p99;
  console.log(
    section('Progress latency: worker commit to graphql-ws subscribers', benchCommand('bench/progress-latency.bench.ts'), [
      `One api process (\`node --import tsx src/server.ts\`, VANTAGE_ROLE=api) and one worker process (VANTAGE_ROLE=worker, ` +
        `WORKER_CONCURRENCY=${args.targets}) on the bench's PostgreSQL. A batch of ${args.targets} pages, all RUNNING and held by the ` +
        `loopback site; once every subscriber has the current state, one page is released every ${args['interval-ms']} ms, so each ` +
        'release commits one change. Commit time: when a separate LISTEN in the bench heard the NOTIFY of that change. Receipt ' +
        `time: in ${args.threads} worker thread(s) that only receive. A change coalesced into a later event counts until that event ` +
        `arrived. Subscription: \`batchProgress { sequence target { url status error } batch { status progress completedUrls } }\`.`,
      table(
        ['subscribers', 'all subscribed after s', 'samples (subscriber × change)', 'missed', 'events per subscriber', 'p50 ms', 'p99 ms', 'max ms'],
        [row('1 (reference)', reference), row(String(args.subscribers), loaded)],
      ),
      `p99 with ${args.subscribers} subscribers: **${ms(p99)} ms** (target < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : '**not met**'}).`,
      table(
        ['api process memory', 'MiB'],
        [
          ['RSS with 1 finished subscription (before the load)', idle.rssMiB.toFixed(0)],
          [`RSS with ${args.subscribers} subscribers connected`, subscribedMemory.rssMiB.toFixed(0)],
          ['RSS after the run', after.rssMiB.toFixed(0)],
          ['peak RSS (VmHWM)', after.peakMiB.toFixed(0)],
        ],
      ),
    ]),
  );
} finally {
  await stamps.close();
  await db.end();
  await worker.stop();
  await api.stop();
  await site.server.close();
  await server.stop();
}
