import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_REPORTED_LIST_ITEMS } from '../../src/analysis';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';

// Issue 14, item 2: 8 pages of 190k <h2> took the server from 300 MB to 1.71 GB. Vantage runs as
// its own process here, so that its resident memory (analysis threads included) is read alone.
const PAGES = 8;
const PAGE_BYTES = 5_000_000;
const RSS_LIMIT_MIB = 600;

function headingFlood(): { html: string; headings: number } {
  const parts = ['<!doctype html><html lang="en"><title>Flood</title><h1>Flood</h1>'];
  let size = parts[0]!.length;
  for (let index = 0; size < PAGE_BYTES - 40; index++) {
    const heading = `<h2>Heading number ${index}</h2>`;
    parts.push(heading);
    size += heading.length;
  }
  // The <h1> and every <h2>: one heading per part.
  return { html: parts.join(''), headings: parts.length };
}

async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) / 1024;
}

let database: TestDatabase;
let vantage: VantageProcess;
let site: FixtureSite;
const flood = headingFlood();

beforeAll(async () => {
  database = await createTestDatabase();
  vantage = await spawnVantage({ DATABASE_URL: database.url, WORKER_CONCURRENCY: '8' });
  site = await startFixtureSite(Object.fromEntries(Array.from({ length: PAGES }, (_, index) => [`/flood-${index}`, flood.html])));
});

afterAll(async () => {
  await stopProcess([vantage]);
  await site?.close();
  await database?.drop();
});

it(`analyses ${PAGES} heading-flood pages of 5 MB in under ${RSS_LIMIT_MIB} MiB, storing the first headings and the true count`, { timeout: 180_000 }, async () => {
  const graphqlUrl = `${vantage.url}/graphql`;
  const samples: number[] = [await residentMiB(vantage.pid)];
  const sampler = setInterval(() => void residentMiB(vantage.pid).then((mib) => samples.push(mib), () => {}), 100);
  let batch;
  try {
    const urls = Array.from({ length: PAGES }, (_, index) => site.url(`/flood-${index}`));
    const id = await createBatch(graphqlUrl, { name: 'heading flood', urls });
    expect(await waitForBatchStatus(graphqlUrl, id, ['COMPLETED', 'FAILED'], 150_000)).toBe('COMPLETED');
    ({ batch } = await graphqlData(
      graphqlUrl,
      `query ($id: ID!) { batch(id: $id) { targets { status error analysis { headingCount headings { level text } } } } }`,
      { id },
    ));
    samples.push(await residentMiB(vantage.pid));
  } finally {
    clearInterval(sampler);
  }
  const peak = Math.max(...samples);
  console.log(`heading flood: ${flood.headings} headings per page; Vantage RSS from ${samples[0]!.toFixed(0)} MiB to a peak of ${peak.toFixed(0)} MiB over ${samples.length} samples`);
  expect(peak).toBeLessThan(RSS_LIMIT_MIB);
  for (const target of batch.targets) {
    expect(target).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(target.analysis.headingCount).toBe(flood.headings);
    expect(target.analysis.headings).toHaveLength(MAX_REPORTED_LIST_ITEMS);
    expect(target.analysis.headings.slice(0, 2)).toEqual([{ level: 1, text: 'Flood' }, { level: 2, text: 'Heading number 0' }]);
  }
});
