import type { AddressInfo } from 'node:net';
import { describeAccess } from './auth/access';
import { createAuthenticator } from './auth/authenticator';
import type { Config } from './config';
import { openDatabase } from './db';
import { connectDatabase } from './db/prisma';
import { createEvents } from './events';
import { createConnectionQuota } from './http/websocket';
import { createHttpServer } from './http/server';
import { startWorkers, type Workers } from './jobs';
import type { Logger } from './logger';
import { createMetrics } from './metrics';
import { ANALYZE_TARGET, analyzeJobPlan, createBoss, declareQueues, declareVisibilityQueues } from './queue';

/** How long the jobs still running at the shutdown's grace deadline get to hand their pages back. */
const HAND_BACK_MS = 5000;

export interface Vantage {
  /** Base URL of the HTTP server (GraphQL for api processes, only health for workers). */
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Composition root: database -> queue -> events -> schema -> HTTP/WebSocket -> workers.
 * `stop` undoes it in reverse: subscriptions complete and no new requests come in, workers
 * take no new jobs and finish the running ones within the grace period (the rest are handed
 * back to the queue), connections close, and the embedded PostgreSQL stops last.
 */
export async function startVantage(
  config: Config,
  log: Logger,
  hooks: { /** This process joined the embedded PostgreSQL, which came back on another port. */ onDatabaseMoved?: () => void } = {},
): Promise<Vantage> {
  const database = await openDatabase(config, log, hooks.onDatabaseMoved);
  const clients = connectDatabase(database.url, config.pools.database, log);
  const { prisma, pool } = clients;
  const boss = createBoss(database.url, { superviseSeconds: config.queue.superviseSeconds, poolSize: config.pools.queue });
  let stopping = false;
  boss.on('error', bossErrorLogger(log, () => stopping));
  await boss.start();
  const jobPlan = analyzeJobPlan(config);
  await declareQueues(boss, {
    analyzeMaxAttempts: config.analyzeMaxAttempts,
    targetsPerJob: config.targetsPerJob,
    analyzeExpireSeconds: jobPlan.expireSecondsPerTarget,
    compareExpireSeconds: config.llm ? Math.ceil((config.llm.timeoutMs * (config.llm.retries + 2)) / 1000) + 60 : 120,
    heartbeatSeconds: config.queue.heartbeatSeconds,
    reconcileCron: config.queue.reconcileCron,
    retentionDays: config.queue.retentionDays,
    webhookRetryDelaySeconds: config.webhooks.retryDelaySeconds,
    webhookTimeoutSeconds: Math.ceil(config.webhooks.timeoutMs / 1000),
  });
  await declareVisibilityQueues(boss, config);

  const metrics = createMetrics();
  metrics.observeDatabase({ prisma, boss, pool });
  const events = config.role !== 'worker' ? await createEvents(database.url, log, metrics.fanoutSeconds) : null;
  const quota = events ? createConnectionQuota(database.url, config.requestLimits.maxConnectionsPerKey, log) : null;
  const http = await createHttpServer({
    role: config.role,
    api: events ? { prisma, boss, jobPlan, events: events.events, config, log } : null,
    connectionQuota: quota,
    authenticator: createAuthenticator(prisma, { listenHost: config.host }),
    metrics: { metrics, token: config.metricsToken },
    readiness: async () => {
      const embedded = await database.embeddedRunning();
      return {
        database: await prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
        queue: await boss.getQueue(ANALYZE_TARGET).then(Boolean, () => false),
        embeddedPostgres: embedded === null ? 'external' : embedded ? 'running' : 'stopped',
      };
    },
  });
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(config.port, config.host, resolve);
  });
  const { port } = http.server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (events) await describeAccess(prisma, config, log);
  const workers: Workers | null = config.role !== 'api' ? await startWorkers({ prisma, pool, databaseUrl: database.url, boss, config, log, metrics }) : null;

  let stopped: Promise<void> | null = null;
  return {
    url,
    databaseUrl: database.url,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        const closed = new Promise((resolve) => http.server.close(resolve));
        await http.closeWebSockets();
        await quota?.close();
        http.server.closeAllConnections();
        await closed;
        workers?.handBack(config.shutdownGraceMs);
        try {
          await boss.stop({ graceful: true, timeout: config.shutdownGraceMs + HAND_BACK_MS });
        } finally {
          // pg-boss's stop fails when the database is already gone; the rest must close all the same.
          await workers?.stop();
          await events?.close();
          await clients.close();
          await database.stop();
        }
      })();
      return stopped;
    },
  };
}

/** PostgreSQL ending or refusing a session: an outage or a restart, which pg-boss rides out. */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);
const CONNECTION_LOST_QUIET_MS = 30_000;

/**
 * pg-boss reports every failed poll of every queue, so an outage was hundreds of ERROR lines:
 * a lost connection is one WARN line per 30 s (with how many it stands for). Connections
 * pg-boss is closing can still report PostgreSQL ending their sessions: debug while stopping.
 */
export function bossErrorLogger(log: Logger, stopping: () => boolean) {
  let quietUntil = 0;
  let repeated = 0;
  return (error: Error & { code?: string }) => {
    if (stopping()) return log.debug({ err: error }, 'pg-boss error while stopping');
    const lost = CONNECTION_LOST.has(error.code ?? '') || error.message.includes('Connection terminated');
    if (!lost) return log.error({ err: error }, 'pg-boss error');
    if (Date.now() < quietUntil) {
      repeated++;
      return;
    }
    log.warn({ err: error, repeated }, 'pg-boss lost its database connection; it reconnects on its own');
    quietUntil = Date.now() + CONNECTION_LOST_QUIET_MS;
    repeated = 0;
  };
}
