import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH, TARGET } from '../../src/batches/transitions';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';

/**
 * The plpgsql of the transitions is installed by migrations, which are history and never
 * edited, and its current source lives in src/batches/sql: this proves the two agree, so a
 * change to a source file needs a migration, and a migration's change needs the source file.
 */
const SQL_DIR = path.resolve(import.meta.dirname, '../../src/batches/sql');
const sources = fs
  .readdirSync(SQL_DIR)
  .filter((file) => file.endsWith('.sql'))
  .sort()
  .map((file) => ({ name: file.slice(0, -'.sql'.length), text: fs.readFileSync(path.join(SQL_DIR, file), 'utf8') }));

const OURS = `FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname LIKE 'vantage\\_%'`;

describe('the SQL functions of src/batches/sql', () => {
  let database: TestDatabase;
  let migrated: Map<string, string>;
  let fromSource: Map<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await withClient(database.url, async (client) => {
      const definitions = async () =>
        new Map(
          (await client.query<{ name: string; definition: string }>(`SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition ${OURS}`)).rows.map(
            (row) => [row.name, row.definition],
          ),
        );
      migrated = await definitions();
      // In a transaction rolled back afterwards: the migrated functions give way to the sources'.
      await client.query('BEGIN');
      for (const { signature } of (await client.query<{ signature: string }>(`SELECT p.oid::regprocedure::text AS signature ${OURS}`)).rows) {
        await client.query(`DROP FUNCTION ${signature}`);
      }
      for (const { text } of sources) await client.query(text);
      fromSource = await definitions();
      await client.query('ROLLBACK');
    });
  });
  afterAll(() => database?.drop());

  it('are the functions the migrations installed, to the character', () => {
    expect([...fromSource.keys()].sort()).toEqual([...migrated.keys()].sort());
    for (const [name, definition] of migrated) expect(fromSource.get(name), name).toBe(definition);
  });

  it('hold one function each, in a file named after it', () => {
    expect(sources.map(({ name }) => name)).toEqual([...fromSource.keys()].sort());
  });

  it('hold every transition made in plpgsql', () => {
    const inSql = [...Object.values(BATCH), ...Object.values(TARGET)].map((transition) => transition.in).filter((name) => name.startsWith('vantage_'));
    for (const name of inSql) expect(fromSource.has(name), name).toBe(true);
  });
});
