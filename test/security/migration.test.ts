import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { LOCAL_OWNER_ID } from '../../src/auth/caller';
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';
import { withClient, withDatabase } from '../helpers/database';

const admin = inject('adminDatabaseUrl');
const name = `vantage_premigration_${randomBytes(4).toString('hex')}`;
afterAll(() => withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

it('gives the batches made before owners existed to the built-in local owner', async () => {
  await withClient(admin, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(admin, name);
  // The database as the first release left it: only the init migration, recorded as applied.
  const init = '20261123000000_init';
  const sql = await fs.readFile(path.join(MIGRATIONS_DIR, init, 'migration.sql'), 'utf8');
  await withClient(url, async (client) => {
    await client.query(sql);
    await client.query(`CREATE TABLE "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
      [crypto.randomUUID(), createHash('sha256').update(sql).digest('hex'), init],
    );
    await client.query(`INSERT INTO "Batch" (id, name, "totalUrls") VALUES (gen_random_uuid(), 'old', 1), (gen_random_uuid(), 'older', 2)`);
  });

  const applied = await migrate(url, createLogger('silent'));
  expect(applied).toContain('20261123120000_security');

  const owners = await withClient(url, async (client) => (await client.query(`SELECT DISTINCT "ownerId" FROM "Batch"`)).rows);
  expect(owners).toEqual([{ ownerId: LOCAL_OWNER_ID }]);
  const local = await withClient(url, async (client) => (await client.query(`SELECT name FROM "Owner" WHERE id = $1`, [LOCAL_OWNER_ID])).rows);
  expect(local).toEqual([{ name: 'local' }]);
});
