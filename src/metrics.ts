import type pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PrismaClient } from './db/prisma';

/** What a process's metrics read from when scraped: the database's view is the same on every process. */
export interface MetricsSources {
  prisma: PrismaClient;
  boss: PgBoss;
  pool: pg.Pool;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const FANOUT_SECONDS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25];

/**
 * One process's Prometheus metrics (`GET /metrics`): counters and histograms the code moves as
 * things happen, and gauges read from the database and the pools at each scrape. A registry
 * per process (not prom-client's global one), so tests can run several apps in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  let sources: MetricsSources | null = null;
  let socketStats: () => { connections: number; operations: number } = () => ({ connections: 0, operations: 0 });
  collectDefaultMetrics({ register: registry, prefix: 'vantage_' });
  const registers = [registry];

  new Gauge({
    name: 'vantage_queue_jobs',
    help: 'Jobs per queue and state (pg-boss counts, refreshed by its monitor every QUEUE_SUPERVISE_SECONDS).',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      if (!sources) return;
      for (const queue of await sources.boss.getQueues()) {
        this.set({ queue: queue.name, state: 'queued' }, queue.queuedCount);
        this.set({ queue: queue.name, state: 'deferred' }, queue.deferredCount);
        this.set({ queue: queue.name, state: 'active' }, queue.activeCount);
        this.set({ queue: queue.name, state: 'all' }, queue.totalCount);
      }
    },
  });
  new Gauge({
    name: 'vantage_batches',
    help: 'Batches per status, across every owner.',
    labelNames: ['status'],
    registers,
    async collect() {
      if (!sources) return;
      const counts = await sources.prisma.batch.groupBy({ by: ['status'], _count: { _all: true } });
      this.reset();
      for (const { status, _count } of counts) this.set({ status }, _count._all);
    },
  });
  new Gauge({
    name: 'vantage_db_pool_connections',
    help: 'Connections of the pool under Prisma: open, idle, and requests waiting for one.',
    labelNames: ['state'],
    registers,
    collect() {
      if (!sources) return;
      this.set({ state: 'open' }, sources.pool.totalCount);
      this.set({ state: 'idle' }, sources.pool.idleCount);
      this.set({ state: 'waiting' }, sources.pool.waitingCount);
    },
  });

  new Gauge({
    name: 'vantage_websocket_connections',
    help: 'Open graphql-ws connections (accepted ones: their key checked).',
    registers,
    collect() {
      this.set(socketStats().connections);
    },
  });
  new Gauge({
    name: 'vantage_subscriptions',
    help: 'Operations running on graphql-ws connections (subscriptions, mostly).',
    registers,
    collect() {
      this.set(socketStats().operations);
    },
  });

  return {
    registry,
    jobs: new Counter({ name: 'vantage_jobs_total', help: 'Jobs this process ran, by queue and outcome.', labelNames: ['queue', 'outcome'], registers }),
    jobSeconds: new Histogram({
      name: 'vantage_job_duration_seconds',
      help: 'How long the jobs this process ran took, by queue.',
      labelNames: ['queue'],
      buckets: SECONDS,
      registers,
    }),
    pages: new Counter({ name: 'vantage_pages_analysed_total', help: 'Pages this process finished, by outcome.', labelNames: ['outcome'], registers }),
    fetchErrors: new Counter({
      name: 'vantage_fetch_errors_total',
      help: 'Failed attempts at a page, by kind (timeout, refused, http-status, blocked, too-large, robots, other).',
      labelNames: ['kind'],
      registers,
    }),
    /** Where the database gauges read from. */
    observeDatabase(from: MetricsSources) {
      sources = from;
    },
    /** Where the WebSocket gauges read from, once the server is up. */
    observeSockets(stats: typeof socketStats) {
      socketStats = stats;
    },
    fanoutSeconds: new Histogram({
      name: 'vantage_event_fanout_seconds',
      help: "Time to hand one committed change to every one of this process's subscribers.",
      buckets: FANOUT_SECONDS,
      registers,
    }),
    llmSeconds: new Histogram({
      name: 'vantage_llm_request_duration_seconds',
      help: 'Language-model requests (all attempts of one), by outcome.',
      labelNames: ['outcome'],
      buckets: SECONDS,
      registers,
    }),
    llmTokens: new Counter({ name: 'vantage_llm_tokens_total', help: 'Tokens the language model reported, by kind.', labelNames: ['kind'], registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
