import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

export interface Database {
  url: string;
  /** null for an external PostgreSQL; whether the embedded cluster is alive otherwise. */
  embeddedRunning(): Promise<boolean | null>;
  /** Stops the embedded cluster, if this process started one. */
  stop(): Promise<void>;
}

/** The configured PostgreSQL, or the embedded one when DATABASE_URL is unset; migrated. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log);
  const database: Database = embedded
    ? { url: embedded.url, embeddedRunning: embedded.isRunning, stop: embedded.stop }
    : { url: config.databaseUrl!, embeddedRunning: async () => null, stop: async () => {} };
  try {
    await migrate(database.url, log);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
