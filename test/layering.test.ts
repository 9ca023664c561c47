import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rooms of src/ (a folder, or a file standing alone), top floor first. A room imports only
 * rooms on lower floors, so that every arrow between rooms points down: the GraphQL schema and
 * the job handlers use the batches' services, which use the queue, which uses the database.
 */
const FLOORS = [
  ['server'],
  ['app'],
  ['http'],
  ['schema', 'jobs'],
  ['batches'],
  ['auth'],
  ['events', 'queue', 'metrics'],
  ['analysis', 'db', 'cli'],
  ['shared', 'errors', 'config', 'logger'],
];

const SRC = path.resolve(import.meta.dirname, '../src');
const floorOf = new Map(FLOORS.flatMap((rooms, floor) => rooms.map((room) => [room, floor] as const)));

function roomOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0]!.replace(/\.[cm]?[jt]sx?$/, '');
}

/** Every relative import of every source file, as [importing file, imported path]. */
function imports(): [string, string][] {
  const files = fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs)$/.test(file) && !file.split(path.sep).includes('generated'))
    .map((file) => path.join(SRC, file));
  return files.flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]*)['"]/g)].map(
      ([, specifier]) => [file, path.resolve(path.dirname(file), specifier!)] as [string, string],
    ),
  );
}

describe('the rooms of src/', () => {
  const pairs = imports().filter(([file, target]) => target.startsWith(SRC + path.sep) && roomOf(file) !== roomOf(target));

  it('each stand on a floor', () => {
    const rooms = new Set(pairs.flatMap(([file, target]) => [roomOf(file), roomOf(target)]));
    expect([...rooms].filter((room) => !floorOf.has(room)), 'rooms to add to FLOORS in this test').toEqual([]);
  });

  it('import only rooms on lower floors', () => {
    const upward = pairs
      .filter(([file, target]) => floorOf.get(roomOf(target))! <= floorOf.get(roomOf(file))!)
      .map(([file, target]) => `${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`);
    expect(upward).toEqual([]);
  });
});
