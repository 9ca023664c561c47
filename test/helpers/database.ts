import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: fast, isolated, real. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `vantage_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
  return {
    url: withDatabase(adminUrl, name),
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Whether the database takes new connections; said from another database, as PostgreSQL requires. */
export const allowConnections = (databaseUrl: string, allow: boolean) =>
  withClient(inject('adminDatabaseUrl'), (client) =>
    client.query(`ALTER DATABASE "${new URL(databaseUrl).pathname.slice(1)}" WITH ALLOW_CONNECTIONS ${allow}`),
  );

/** The pids of the event LISTEN connections (src/events/fanOut.ts) open on the database now. */
export const eventListenerPids = (databaseUrl: string) =>
  withClient(databaseUrl, async (client) =>
    (await client.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'vantage-events' AND datname = current_database()`)).rows.map(
      (row) => row.pid as number,
    ),
  );
