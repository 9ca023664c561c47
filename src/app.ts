import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { openDatabase } from './db';
import { createPrisma } from './db/prisma';
import { createEvents } from './events';
import { createHttpServer } from './http/server';
import { startWorkers, type Workers } from './jobs';
import { createBoss, declareQueues } from './jobs/queues';
import type { Logger } from './logger';

export interface Vantage {
  /** Base URL of the HTTP server; null for a worker-only process. */
  url: string | null;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Composition root: database -> queue -> events -> schema -> HTTP/WebSocket -> workers.
 * `stop` undoes it in reverse: no new requests or jobs, running jobs finish, connections
 * close, and the embedded PostgreSQL (if this process started it) stops last.
 */
export async function startVantage(config: Config, log: Logger): Promise<Vantage> {
  const database = await openDatabase(config, log);
  const prisma = createPrisma(database.url, config.workerConcurrency + 10);
  const boss = createBoss(database.url);
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  await boss.start();
  await declareQueues(boss, {
    analyzeMaxAttempts: config.analyzeMaxAttempts,
    analyzeExpireSeconds: Math.ceil((config.crawl.timeoutMs * 4) / 1000) + 30,
    compareExpireSeconds: config.llm ? Math.ceil((config.llm.timeoutMs * (config.llm.retries + 2)) / 1000) + 60 : 120,
  });

  const servesApi = config.role !== 'worker';
  const events = servesApi ? await createEvents(database.url, log) : null;
  const http = events
    ? createHttpServer(
        { prisma, boss, pubsub: events.pubsub, config, log },
        {
          readiness: async () => ({
            database: await prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
            queue: await boss.getQueue('analyze-target').then(() => true, () => false),
          }),
        },
      )
    : null;
  let url: string | null = null;
  if (http) {
    await new Promise<void>((resolve, reject) => {
      http.server.once('error', reject);
      http.server.listen(config.port, config.host, resolve);
    });
    const { port } = http.server.address() as AddressInfo;
    url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  }
  const workers: Workers | null = config.role !== 'api' ? await startWorkers({ prisma, boss, config, log }) : null;

  return {
    url,
    databaseUrl: database.url,
    async stop() {
      if (http) {
        const closed = new Promise((resolve) => http.server.close(resolve));
        await http.closeWebSockets();
        http.server.closeAllConnections();
        await closed;
      }
      await workers?.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
      await events?.close();
      await prisma.$disconnect();
      await database.stop();
    },
  };
}
