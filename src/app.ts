import type { AddressInfo } from 'node:net';
import { describeAccess } from './auth/access';
import type { Config } from './config';
import { openDatabase } from './db';
import { connectDatabase } from './db/prisma';
import { createEvents } from './events';
import { createConnectionQuota } from './http/connectionQuota';
import { createHttpServer } from './http/server';
import { startWorkers, type Workers } from './jobs';
import { ANALYZE_TARGET, analyzeJobPlan, createBoss, declareQueues } from './jobs/queues';
import type { Logger } from './logger';

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
export async function startVantage(config: Config, log: Logger): Promise<Vantage> {
  const database = await openDatabase(config, log);
  const clients = connectDatabase(database.url, config.workerConcurrency + 10, log);
  const { prisma, pool } = clients;
  const boss = createBoss(database.url, { superviseSeconds: config.queue.superviseSeconds });
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  await boss.start();
  await declareQueues(boss, {
    analyzeMaxAttempts: config.analyzeMaxAttempts,
    targetsPerJob: config.targetsPerJob,
    analyzeExpireSeconds: analyzeJobPlan(config).expireSecondsPerTarget,
    compareExpireSeconds: config.llm ? Math.ceil((config.llm.timeoutMs * (config.llm.retries + 2)) / 1000) + 60 : 120,
    heartbeatSeconds: config.queue.heartbeatSeconds,
    reconcileCron: config.queue.reconcileCron,
    retentionDays: config.queue.retentionDays,
  });

  const events = config.role !== 'worker' ? await createEvents(database.url, log) : null;
  const quota = events ? createConnectionQuota(database.url, config.requestLimits.maxConnectionsPerKey, log) : null;
  const http = createHttpServer({
    role: config.role,
    api: events ? { prisma, boss, events: events.events, config, log } : null,
    connectionQuota: quota,
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
  const workers: Workers | null = config.role !== 'api' ? await startWorkers({ prisma, pool, databaseUrl: database.url, boss, config, log }) : null;

  let stopped: Promise<void> | null = null;
  return {
    url,
    databaseUrl: database.url,
    stop() {
      stopped ??= (async () => {
        const closed = new Promise((resolve) => http.server.close(resolve));
        await http.closeWebSockets();
        await quota?.close();
        http.server.closeAllConnections();
        await closed;
        workers?.handBack(config.shutdownGraceMs);
        await boss.stop({ graceful: true, timeout: config.shutdownGraceMs + HAND_BACK_MS });
        await workers?.stop();
        await events?.close();
        await clients.close();
        await database.stop();
      })();
      return stopped;
    },
  };
}
