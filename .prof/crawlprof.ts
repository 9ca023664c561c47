import pg from 'pg';
import { startVantage } from '../src/app';
import { loadConfig } from '../src/config';
import { graphqlData } from '../test/helpers/graphql';
import { startBenchServer } from '../bench/lib/database';
import { benchLogger } from '../bench/lib/log';
import { benchAppConfig } from '../bench/lib/vantage';
import { startBenchSite } from '../bench/crawl/sites';

const PAGES = Number(process.argv[2] ?? 300);
const SITES = Number(process.argv[3] ?? 3);
const log = benchLogger();
const base = loadConfig();
const server = await startBenchServer(base, log);
const url = await server.createDatabase('prof');
const config = benchAppConfig(base, url, { role: 'all', maxPagesPerSite: PAGES });
const sites = await Promise.all(Array.from({ length: SITES }, () => startBenchSite(PAGES)));
const app = await startVantage(config, log);
const db = new pg.Client({ connectionString: url });
await db.connect();
const started = performance.now();
await graphqlData(`${app.url}/graphql`, `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`, {
  input: { name: 'prof', urls: sites.map((s) => s.url), maxPagesPerSite: PAGES },
});
for (;;) {
  const { rows } = await db.query(`SELECT status FROM "Batch" LIMIT 1`);
  if (rows[0].status === 'COMPLETED' || rows[0].status === 'FAILED') break;
  await new Promise((r) => setTimeout(r, 100));
}
const seconds = (performance.now() - started) / 1000;
console.log('pages/s', (PAGES * SITES / seconds).toFixed(1), 'seconds', seconds.toFixed(1));
await db.end();
await app.stop();
await Promise.all(sites.map((s) => s.close()));
await server.stop();
