import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config';
import { migrate } from '../../src/db/migrate';
import { createBoss } from '../../src/queue';
import { createLogger } from '../../src/logger';
import { withDatabase } from '../helpers/database';
import { startTemporaryPostgres } from '../helpers/temporaryPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL (any database) whose user may create databases. */
    adminDatabaseUrl: string;
    /** The migrated database each test file's database is cloned from. */
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set, else an embedded cluster
 * in a temporary directory. A template database is migrated once; every test file clones it.
 */
export default async function setup(project: TestProject) {
  const config = loadConfig();
  const log = createLogger('warn');
  let stop = async () => {};
  let adminUrl = config.databaseUrl;
  if (!adminUrl) {
    const embedded = await startTemporaryPostgres('vantage-test-', log);
    adminUrl = embedded.url;
    stop = embedded.stop;
  }
  const template = `vantage_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  await migrate(templateUrl, log);
  // pg-boss creates its schema on first start; doing it once here saves every test file the wait.
  const boss = createBoss(templateUrl);
  await boss.start();
  await boss.stop({ graceful: false });
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    await stop();
  };
}
