// project.history for the four score metrics of a project with 10 brands and 52 weekly runs,
// through GraphQL over real HTTP, against the same rows read with plain SQL, alternately.
// Run: npx tsx bench/projectHistory.bench.ts [--runs 52] [--brands 10] [--requests 300]
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startVantage } from '../src/app';
import { loadConfig } from '../src/config';
import { decodeId } from '../src/schema/ids';
import { graphqlData } from '../test/helpers/graphql';
import { integerArgs } from './lib/args';
import { startBenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { ms, summarize } from './lib/stats';
import { benchAppConfig } from './lib/vantage';

const args = integerArgs({ runs: 52, brands: 10, requests: 300 });
const METRICS = ['OVERALL_SCORE', 'SEO_SCORE', 'AEO_SCORE', 'TECHNICAL_SCORE'] as const;
const WARMUP = 20;
const TARGET_P99_MS = 50;

const historyQuery = (series: string) =>
  `query ($id: ID!) { project(id: $id) { ${METRICS.map((metric) => `${metric.toLowerCase()}: history(metric: ${metric}) { ${series} }`).join(' ')} } }`;
const HISTORY = historyQuery('brand { name } isSubject points { at value run { id } }');
// The same without each point's run: what resolving 2080 Node fields costs.
const HISTORY_VALUES = historyQuery('brand { name } isSubject points { at value }');
// What the resolvers read, in one statement: the brands, every point of the four metrics, and whether each run's batch still exists.
const PLAIN_SQL = `
  SELECT b.id, b.name, b.position, p.metric, p.at, p.value, p."runId", (bt.id IS NOT NULL) AS "batchExists"
  FROM "ProjectBrand" b
  LEFT JOIN "HistoryPoint" p ON p."brandId" = b.id AND p."projectId" = $1 AND p.metric = ANY($2::"HistoryMetric"[])
  LEFT JOIN "Batch" bt ON bt.id = p."runId"
  WHERE b."projectId" = $1
  ORDER BY b.position, p.metric, p.at`;

const config = loadConfig();
const log = benchLogger();
const server = await startBenchServer(config, log);
try {
  const databaseUrl = await server.createDatabase('history');
  const app = await startVantage(benchAppConfig(config, databaseUrl, { role: 'api' }), log);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const graphqlUrl = `${app.url}/graphql`;
    const brand = (index: number) => ({ name: `Brand ${index}`, domains: [`brand-${index}.com`] });
    const { createProject } = await graphqlData<{ createProject: { id: string } }>(
      graphqlUrl,
      `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      { input: { name: 'History bench', brand: brand(0), competitors: Array.from({ length: args.brands - 1 }, (_, index) => brand(index + 1)) } },
    );
    const projectId = decodeId(createProject.id, 'Project');
    const { rows: brands } = await db.query<{ id: string }>(`SELECT id FROM "ProjectBrand" WHERE "projectId" = $1 ORDER BY position`, [projectId]);

    // 52 weekly runs whose batches were purged long ago: every point's run resolves as an ExpiredRun.
    const week = 7 * 24 * 60 * 60 * 1000;
    const start = Date.now() - args.runs * week;
    for (let run = 0; run < args.runs; run++) {
      const runId = randomUUID();
      const at = new Date(start + run * week);
      await db.query(
        `INSERT INTO "ProjectRun" (id, "projectId", kind, status, "startedAt", "finishedAt", summary) VALUES ($1, $2, 'SITE_AUDIT', 'COMPLETED', $3, $3, '{}')`,
        [runId, projectId, at],
      );
      await db.query(
        `INSERT INTO "HistoryPoint" ("runId", "brandId", metric, "projectId", at, value)
         SELECT $1, b, m::"HistoryMetric", $2, $3, floor(random() * 101) FROM unnest($4::uuid[]) b, unnest($5::text[]) m`,
        [runId, projectId, at, brands.map((row) => row.id), METRICS],
      );
    }
    await db.query('ANALYZE');

    const graphqlTimes: number[] = [];
    const valuesTimes: number[] = [];
    const sqlTimes: number[] = [];
    let points = 0;
    for (let round = 0; round < WARMUP + args.requests; round++) {
      let started = performance.now();
      const data = await graphqlData<{ project: Record<string, { points: unknown[] }[]> }>(graphqlUrl, HISTORY, { id: createProject.id });
      const graphqlMs = performance.now() - started;
      started = performance.now();
      await graphqlData(graphqlUrl, HISTORY_VALUES, { id: createProject.id });
      const valuesMs = performance.now() - started;
      started = performance.now();
      const { rowCount } = await db.query(PLAIN_SQL, [projectId, METRICS]);
      const sqlMs = performance.now() - started;
      if (round < WARMUP) continue;
      graphqlTimes.push(graphqlMs);
      valuesTimes.push(valuesMs);
      sqlTimes.push(sqlMs);
      points = Object.values(data.project).flat().reduce((sum, series) => sum + series.points.length, 0);
      if (rowCount !== points) throw new Error(`GraphQL returned ${points} points, SQL ${rowCount} rows`);
    }

    const row = (label: string, samples: number[]) => {
      const summary = summarize(samples);
      return [label, summary.count, ms(summary.p50), ms(summary.p99), ms(summary.max)];
    };
    const p99 = summarize(graphqlTimes).p99;
    console.log(
      section('Project history: four score metrics of 10 brands over 52 weekly runs', benchCommand('bench/projectHistory.bench.ts'), [
        `On ${server.description}. One project of ${args.brands} brands with ${args.runs} runs (${points} points over the four metrics), ` +
          'every run\'s batch purged (each point\'s run resolves as an ExpiredRun). One GraphQL request asks for `history` of ' +
          'OVERALL_SCORE, SEO_SCORE, AEO_SCORE and TECHNICAL_SCORE with `brand { name } isSubject points { at value run { id } }`, ' +
          'over real HTTP to a Vantage api process on 127.0.0.1 (local mode, no key); the same rows are then read with one plain SQL ' +
          `statement (brands, points, whether each run's batch exists) over a pg pool. In turn, ${args.requests} of each after ${WARMUP} warm-ups.`,
        table(['read', 'requests', 'p50 ms', 'p99 ms', 'max ms'], [
          row('GraphQL `project.history` × 4 metrics (HTTP)', graphqlTimes),
          row('the same without `run { id }`', valuesTimes),
          row('plain SQL, same rows', sqlTimes),
        ]),
        `Target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : '**not met**'} (${ms(p99)} ms).`,
      ]),
    );
    if (p99 >= TARGET_P99_MS) process.exitCode = 1;
  } finally {
    await db.end();
    await app.stop();
  }
} finally {
  await server.stop();
}
