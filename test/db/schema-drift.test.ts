import fs from 'node:fs';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';

/**
 * The committed SQL migrations are written by hand (Prisma's schema engine cannot be fetched
 * here), so this proves that the database they build is the one schema.prisma describes.
 */
interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface Dmmf {
  datamodel: {
    models: { name: string; fields: DmmfField[] }[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: { model: string; type: 'id' | 'unique' | 'normal'; fields: { name: string; sortOrder?: 'asc' | 'desc' }[] }[];
  };
}

const schemaFile = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');
const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', fs.readFileSync(schemaFile, 'utf8')]], noColor: true })),
) as Dmmf;
const models = dmmf.datamodel.models;

function expectedColumnType(field: DmmfField): string {
  if (field.kind === 'enum') return field.isList ? `_${field.type}` : field.type;
  const native = field.nativeType?.[0];
  const base =
    native === 'Uuid' ? 'uuid'
    : native === 'Timestamptz' ? 'timestamptz'
    : ({ String: 'text', Int: 'int4', Boolean: 'bool', DateTime: 'timestamp', Json: 'jsonb', Float: 'float8', BigInt: 'int8' } as Record<string, string>)[field.type];
  if (!base) throw new Error(`add a mapping for ${field.type}`);
  return field.isList ? `_${base}` : base;
}

describe('the migrated database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  const query = <T>(sql: string) => withClient(database.url, async (client) => (await client.query(sql)).rows as T[]);

  it('has exactly the tables and columns of schema.prisma, with their types and nullability', async () => {
    const columns = await query<{ table: string; column: string; type: string; nullable: boolean }>(`
      SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS type, c.is_nullable = 'YES' AS nullable
      FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`);
    const actual = columns.map((c) => `${c.table}.${c.column}: ${c.type}${c.nullable ? '?' : ''}`).sort();
    const expected = models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind !== 'object')
          // Postgres cannot mark array columns NOT NULL in a way Prisma relies on; Prisma leaves them nullable.
          .map((field) => `${model.name}.${field.name}: ${expectedColumnType(field)}${field.isRequired && !field.isList ? '' : '?'}`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the enums of schema.prisma with their values in order', async () => {
    const rows = await query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    const actual = Object.fromEntries(rows.map((row) => [row.name, row.values]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it('has the primary keys, unique and plain indexes of schema.prisma, column order and direction included', async () => {
    const rows = await query<{ table: string; primary: boolean; unique: boolean; columns: string[] }>(`
      SELECT t.relname AS table, i.indisprimary AS primary, i.indisunique AS unique,
        array_agg(a.attname || CASE WHEN (i.indoption[k.n - 1] & 1) = 1 THEN ' desc' ELSE '' END ORDER BY k.n)::text[] AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE ns.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`);
    const actual = rows.map((r) => `${r.table} ${r.primary ? 'id' : r.unique ? 'unique' : 'normal'} (${r.columns.join(', ')})`).sort();
    const expected = dmmf.datamodel.indexes
      .map((index) => {
        const columns = index.fields.map((f) => `${f.name}${f.sortOrder === 'desc' ? ' desc' : ''}`);
        return `${index.model} ${index.type} (${columns.join(', ')})`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the foreign keys of the relations, with their delete rule', async () => {
    const rows = await query<{ table: string; columns: string[]; target: string; target_columns: string[]; on_delete: string }>(`
      SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS target,
        (SELECT array_agg(attname ORDER BY n)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(num, n)
           JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.num) AS columns,
        (SELECT array_agg(attname ORDER BY n)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(num, n)
           JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.num) AS target_columns,
        CASE c.confdeltype WHEN 'c' THEN 'Cascade' WHEN 'r' THEN 'Restrict' WHEN 'n' THEN 'SetNull' WHEN 'a' THEN 'NoAction' ELSE 'SetDefault' END AS on_delete
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`);
    const unquote = (name: string) => name.replace(/"/g, '');
    const actual = rows
      .map((r) => `${unquote(r.table)}(${r.columns.join(',')}) -> ${unquote(r.target)}(${r.target_columns.join(',')}) on delete ${r.on_delete}`)
      .sort();
    const expected = models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.relationFromFields?.length)
          .map(
            (field) =>
              `${model.name}(${field.relationFromFields!.join(',')}) -> ${field.type}(${field.relationToFields!.join(',')}) on delete ${field.relationOnDelete ?? 'Restrict'}`,
          ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('records every migration as applied, the way prisma migrate deploy does', async () => {
    const applied = await query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      'SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const committed = fs
      .readdirSync(path.resolve(import.meta.dirname, '../../prisma/migrations'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(applied.map((row) => row.migration_name)).toEqual(committed);
    for (const row of applied) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
