import pg from 'pg';
import { loadConfig } from '../src/config';
import { integerArgs } from './lib/args';
import { startBenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { ms, summarize } from './lib/stats';
import { spawnVantage } from './lib/vantageProcess';
import { listenForCommits } from './progress/commitStamps';
import { runIdealPhase } from './progress/ideal';
import type { DeliveryLatencies } from './progress/latencies';
import { runPhase, startGatedSite, type PhaseResult } from './progress/phase';

const TARGET_P99_MS = 50;

const args = integerArgs({ subscribers: 1000, targets: 50, 'interval-ms': 200, threads: 2 });
const config = loadConfig();
const log = benchLogger();
// Stopped in reverse order however far the set-up got, so no child process outlives the bench.
const cleanups: (() => Promise<unknown>)[] = [];
try {
  const server = await startBenchServer(config, log);
  cleanups.push(() => server.stop());
  const databaseUrl = await server.createDatabase('progress');
  const site = await startGatedSite(['reference', 'loaded'], args.targets);
  const shared = {
    DATABASE_URL: databaseUrl,
    MAX_URLS_PER_BATCH: String(Math.max(50, args.targets)),
    MAX_RUNNING_BATCHES_PER_OWNER: '1000000',
    MAX_URLS_PER_DAY: '1000000000',
    // All subscribers connect as the local owner; the per-key connection cap is not measured here.
    MAX_CONNECTIONS_PER_KEY: '1000000',
    // Every page of the batch is on one loopback host; lift the per-host politeness limit. The
    // api process plans the jobs with it too: one job per page, so every page is in flight.
    CRAWL_MAX_PER_HOST: String(args.targets),
  };
  const api = await spawnVantage('api', shared, log);
  cleanups.push(() => api.stop());
  // One job slot per page, so that every page is in flight before anyone subscribes; the pages
  // are held for as long as subscribing and releasing take, so the fetch must not time out.
  const worker = await spawnVantage(
    'worker',
    {
      ...shared,
      // A worker runs at most half its WORKER_CONCURRENCY jobs of one host (a pg-boss limit).
      WORKER_CONCURRENCY: String(args.targets * 2),
      CRAWL_ALLOW_PRIVATE: 'true',
      CRAWL_TIMEOUT_MS: '600000',
    },
    log,
  );
  cleanups.push(() => worker.stop());
  // Closed before the worker stops, so that pages still held fail at once instead of timing out.
  cleanups.push(() => site.server.close());
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const stamps = await listenForCommits(databaseUrl);
  cleanups.push(() => stamps.close());

  const context = { apiUrl: api.url!, db, site, stamps, apiPid: api.pid };
  const phase = { targets: args.targets, threads: args.threads, intervalMs: args['interval-ms'] };
  const reference = await runPhase(context, 'reference', { ...phase, subscribers: 1 });
  const loaded = await runPhase(context, 'loaded', { ...phase, subscribers: args.subscribers });
  const ideal = await runIdealPhase({ ...phase, subscribers: args.subscribers });

  const latencyRow = (label: string, result: DeliveryLatencies & { subscribeSeconds: number }) => {
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
  const cpuRow = (label: string, result: PhaseResult, subscribers: number) => {
    const cpu = result.finishedUsage.cpuSeconds - result.subscribedUsage.cpuSeconds;
    const delivered = result.eventsPerSubscriber * subscribers;
    return [
      label,
      cpu.toFixed(2),
      delivered.toFixed(0),
      ((cpu * 1000) / delivered).toFixed(3),
      result.benchCpuSeconds.toFixed(2),
      `${(result.machineBusy * 100).toFixed(0)}%`,
    ];
  };
  const idealCpuRow = () => {
    const delivered = ideal.eventsPerSubscriber * args.subscribers;
    return [idealLabel, ideal.cpuSeconds.toFixed(2), delivered.toFixed(0), ((ideal.cpuSeconds * 1000) / delivered).toFixed(3), '–', '–'];
  };
  const p99 = summarize(loaded.samples).p99;
  const idealP99 = summarize(ideal.samples).p99;
  const idealLabel = `${args.subscribers} on the ideal server (reference)`;
  console.log(
    section('Progress latency: worker commit to graphql-ws subscribers', benchCommand('bench/progress-latency.bench.ts'), [
      `On ${server.description}. One api process (\`node --import tsx src/server.ts\`, VANTAGE_ROLE=api) and one worker process (VANTAGE_ROLE=worker, ` +
        `WORKER_CONCURRENCY=${args.targets * 2}, CRAWL_MAX_PER_HOST=${args.targets}) on the bench's PostgreSQL. A batch of ${args.targets} pages, all RUNNING and held by the ` +
        `loopback site; once every subscriber has the current state, one page is released every ${args['interval-ms']} ms, so each ` +
        'release commits one change (the last one two: the page, then the comparison that ends the batch). Commit time: when a ' +
        `separate LISTEN in the bench heard the NOTIFY of that change. Receipt time: in ${args.threads} worker thread(s) that only ` +
        'receive. A change coalesced into a later event counts until that event arrived. Subscription: ' +
        '`batchProgress { sequence target { url status error } batch { status progress completedUrls } }`. ' +
        'The references: the same with a single subscriber, on the same api process just before; and, just after, the same ' +
        'subscriber threads and graphql-ws clients against an ideal server (`bench/progress/idealServer.ts`, a process of its ' +
        'own that only speaks the protocol: one serialisation per change, written to every subscription, no GraphQL, no ' +
        'database), with as many changes at the same interval, each timed from when that server starts writing it. It is the ' +
        'least this machine takes to deliver a change to that many graphql-ws clients.',
      table(
        ['subscribers', 'all subscribed after s', 'samples (subscriber × change)', 'missed', 'events per subscriber', 'p50 ms', 'p99 ms', 'max ms'],
        [latencyRow('1 (reference)', reference), latencyRow(String(args.subscribers), loaded), latencyRow(idealLabel, ideal)],
      ),
      `p99 with ${args.subscribers} subscribers: **${ms(p99)} ms** (target < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : '**not met**'}); ` +
        `on the ideal server in the same run: ${ms(idealP99)} ms.`,
      table(
        [
          'from all subscribed to all completed',
          'server CPU s (api process, or ideal server)',
          'events sent',
          'server CPU ms per event sent',
          'bench process CPU s',
          'machine CPU busy',
        ],
        [
          cpuRow('1 subscriber (reference)', reference, 1),
          cpuRow(`${args.subscribers} subscribers`, loaded, args.subscribers),
          idealCpuRow(),
        ],
      ),
      table(
        ['api process memory (/proc/<pid>/status)', 'MiB'],
        [
          ['RSS after the 1-subscriber reference', reference.finishedUsage.rssMiB.toFixed(0)],
          [`RSS with ${args.subscribers} subscribers connected`, loaded.subscribedUsage.rssMiB.toFixed(0)],
          ['RSS after the run', loaded.finishedUsage.rssMiB.toFixed(0)],
          ['peak RSS (VmHWM)', loaded.finishedUsage.peakMiB.toFixed(0)],
        ],
      ),
    ]),
  );
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
