import { startVantage } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestApp {
  baseUrl: string;
  graphqlUrl: string;
  wsUrl: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The real Vantage (api + workers) on 127.0.0.1 with a port of its own and a database of its
 * own, allowed to crawl loopback fixture sites. `env` overrides any setting; `log` replaces
 * the logger (to read what the app logged).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { database?: TestDatabase; log?: Logger } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    CRAWL_ALLOW_PRIVATE: 'true',
    CRAWL_TIMEOUT_MS: '5000',
    WORKER_CONCURRENCY: '4',
    LOG_LEVEL: 'warn',
    // The per-owner quotas have tests of their own (test/security); elsewhere they only get in the way.
    MAX_RUNNING_BATCHES_PER_OWNER: '10000',
    MAX_URLS_PER_DAY: '1000000',
    ...env,
    DATABASE_URL: database.url,
  });
  const vantage = await startVantage(config, options.log ?? createLogger(config.logLevel));
  const baseUrl = vantage.url;
  return {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    wsUrl: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    databaseUrl: database.url,
    async close() {
      await vantage.stop();
      if (!options.database) await database.drop();
    },
  };
}
