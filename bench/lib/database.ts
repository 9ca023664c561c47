import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import { startTemporaryPostgres } from '../../test/helpers/temporaryPostgres';

export interface BenchServer {
  /** Which PostgreSQL the numbers come from, e.g. "embedded PostgreSQL 18.1". */
  description: string;
  /** A new, empty database on the server, dropped by `stop`. */
  createDatabase(label: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server a bench runs on: DATABASE_URL's when configured, else an embedded
 * cluster in a temporary directory. Every measurement gets databases of its own on it.
 */
export async function startBenchServer(config: Config, log: Logger): Promise<BenchServer> {
  let adminUrl = config.databaseUrl;
  let stopServer = async () => {};
  if (!adminUrl) {
    const embedded = await startTemporaryPostgres('vantage-bench-', log);
    adminUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const created: string[] = [];
  const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
  return {
    description: `${config.databaseUrl ? "DATABASE_URL's" : 'embedded'} PostgreSQL ${rows[0]!.server_version}`,
    async createDatabase(label) {
      const name = `vantage_bench_${label}_${randomBytes(4).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.href;
    },
    async stop() {
      for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await stopServer();
    },
  };
}
