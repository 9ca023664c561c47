import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

export interface Database {
  url: string;
  /** Stops the embedded cluster, if this process started one. */
  stop(): Promise<void>;
}

/** The configured PostgreSQL, or the embedded one when DATABASE_URL is unset; migrated. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const database = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres(config.dataDir, log);
  try {
    await migrate(database.url, log);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
