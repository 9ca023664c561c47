import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres, type EmbeddedOptions } from './embedded';
import { migrate } from './migrate';

export interface Database {
  url: string;
  /** null for an external PostgreSQL; whether the embedded cluster is alive otherwise. */
  embeddedRunning(): Promise<boolean | null>;
  /** Stops the embedded cluster, if this process started one. */
  stop(): Promise<void>;
}

/**
 * The configured PostgreSQL, or the embedded one when DATABASE_URL is unset; migrated.
 * `onMoved`: see EmbeddedOptions (a process that joined the embedded cluster of another).
 */
export async function openDatabase(config: Config, log: Logger, onMoved?: EmbeddedOptions['onMoved']): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log, { onMoved });
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
