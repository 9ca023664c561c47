import type { Job } from 'pg-boss';
import { createBoss } from '../../src/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseClients } from '../../src/db/prisma';
import { compareBatch } from '../../src/jobs/compareBatch';
import { purgeBatches } from '../../src/jobs/purgeBatches';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import { decodeId } from '../../src/schema/ids';
import { createTestKey } from '../helpers/apiKeys';
import { startTestApp, type TestApp } from '../helpers/app';
import { waitForBatchStatus } from '../helpers/batches';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphql, graphqlData } from '../helpers/graphql';

const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const RUN = `mutation ($id: ID!) { runSiteAudit(projectId: $id) { id } }`;
const RUN_FIELDS = `run { __typename id ... on Batch { status } ... on ExpiredRun { kind status startedAt finishedAt } }`;
const SERIES = `brand { name } isSubject points { at value run { id } }`;
const HISTORY = `query ($id: ID!) { project(id: $id) {
  overall: history(metric: OVERALL_SCORE) { brand { name } isSubject points { at value ${RUN_FIELDS} } }
  seo: history(metric: SEO_SCORE) { ${SERIES} }
  aeo: history(metric: AEO_SCORE) { ${SERIES} }
  technical: history(metric: TECHNICAL_SCORE) { ${SERIES} }
  mentions: history(metric: MENTION_RATE) { ${SERIES} }
  changes { edges { cursor node { kind brand { name } isSubject subject before after message ${RUN_FIELDS} } } pageInfo { hasNextPage } }
} }`;
const COMPARISON = `query ($id: ID!) { batch(id: $id) { finishedAt comparison { ranking { overallScore seoScore aeoScore technicalScore target { url } } } } }`;

const LLMS_TXT = '# Acme\n\n> Trail shoes for long runs.\n\n- [Prices](https://acme.example/prices): every shoe and its price\n';
const faqPage = (withSchema: boolean) => `<!doctype html><html lang="en"><head><title>Rival Shoes: trail shoes compared</title>
  <meta name="description" content="Rival Shoes sells trail running shoes for every kind of ground and weather.">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${withSchema ? '<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"How long do trail shoes last?","acceptedAnswer":{"@type":"Answer","text":"About 800 km."}}]}</script>' : ''}
  </head><body><h1>Rival Shoes</h1><h2>How long do trail shoes last?</h2><p>About 800 km, 20% more on soft ground.</p></body></html>`;
const ownPage = `<!doctype html><html lang="en"><head><title>Acme: trail running shoes</title>
  <meta name="description" content="Acme makes trail running shoes, tested on 3 continents by 40 runners.">
  <meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body><h1>Acme trail shoes</h1><p>Light shoes for long runs.</p></body></html>`;

describe('history and changes of a project over two runs', () => {
  let app: TestApp;
  let clients: DatabaseClients;
  let own: FixtureSite;
  let rival: FixtureSite;
  // What the sites answer: round 2 breaks the brand's llms.txt and adds FAQ schema to the rival's page.
  let round = 1;

  beforeAll(async () => {
    own = await startFixtureSite({
      '/': ownPage,
      '/llms.txt': (_req, res) => {
        if (round === 1) res.writeHead(200, { 'content-type': 'text/plain' }).end(LLMS_TXT);
        else res.writeHead(500, { 'content-type': 'text/plain' }).end('down');
      },
    });
    rival = await startFixtureSite({
      '/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }).end(faqPage(round === 2));
      },
    });
    app = await startTestApp({ LOG_LEVEL: 'silent' });
    clients = connectDatabase(app.databaseUrl, 2, createLogger('silent'));
  });
  afterAll(async () => {
    await clients?.close();
    await app?.close();
    await Promise.all([own, rival].map((site) => site?.close()));
  });

  async function runAudit(projectId: string): Promise<string> {
    const { runSiteAudit: batch } = await graphqlData(app.graphqlUrl, RUN, { id: projectId });
    expect(await waitForBatchStatus(app.graphqlUrl, batch.id)).toBe('COMPLETED');
    return batch.id as string;
  }

  it('records every run as history points equal to the batches\' scores, and the changes of the second run with their messages', async () => {
    const { createProject: project } = await graphqlData(app.graphqlUrl, CREATE, {
      input: { name: 'Trail', brand: { name: 'Acme', domains: [own.origin] }, competitors: [{ name: 'Rival Shoes', domains: [rival.origin] }] },
    });
    const first = await runAudit(project.id);
    round = 2;
    const second = await runAudit(project.id);

    const { project: read } = await graphqlData(app.graphqlUrl, HISTORY, { id: project.id });
    const batches = await Promise.all([first, second].map((id) => graphqlData(app.graphqlUrl, COMPARISON, { id }).then((data) => data.batch)));
    const scoreOf = (batch: any, site: FixtureSite, field: string) =>
      batch.comparison.ranking.find((entry: any) => entry.target.url === `${site.origin}/`)[field];
    for (const [metric, field] of [['overall', 'overallScore'], ['seo', 'seoScore'], ['aeo', 'aeoScore'], ['technical', 'technicalScore']] as const) {
      expect(read[metric]).toEqual(
        [['Acme', true, own], ['Rival Shoes', false, rival]].map(([name, isSubject, site]) => ({
          brand: { name },
          isSubject,
          points: batches.map((batch, index) => ({
            at: batch.finishedAt,
            value: scoreOf(batch, site as FixtureSite, field),
            run: metric === 'overall' ? { __typename: 'Batch', id: [first, second][index], status: 'COMPLETED' } : { id: [first, second][index] },
          })),
        })),
      );
    }
    // Since the second run finished: only its points, read together with a metric asked for without `since`.
    const since = read.overall[0].points[1].at;
    const { project: recent } = await graphqlData(
      app.graphqlUrl,
      `query ($id: ID!, $since: DateTime) { project(id: $id) { recent: history(metric: SEO_SCORE, since: $since) { points { value run { id } } } all: history(metric: SEO_SCORE) { points { value } } } }`,
      { id: project.id, since },
    );
    expect(recent.recent).toEqual(read.seo.map((series: any) => ({ points: series.points.slice(1).map(({ value, run }: any) => ({ value, run })) })));
    expect(recent.all).toEqual(read.seo.map((series: any) => ({ points: series.points.map(({ value }: any) => ({ value })) })));
    expect(read.mentions).toEqual([
      { brand: { name: 'Acme' }, isSubject: true, points: [] },
      { brand: { name: 'Rival Shoes' }, isSubject: false, points: [] },
    ]);

    // Newest run first; one run's changes in the order they were found, the project's own brand first.
    const changes = read.changes.edges.map((edge: any) => edge.node);
    const run = { __typename: 'Batch', id: second, status: 'COMPLETED' };
    const [ownBefore, ownAfter] = batches.map((batch) => scoreOf(batch, own, 'aeoScore'));
    expect(ownBefore - ownAfter).toBeGreaterThanOrEqual(5);
    expect(changes).toEqual([
      {
        kind: 'CHECK_BROKEN',
        brand: { name: 'Acme' },
        isSubject: true,
        subject: 'llms-txt',
        before: 'PASS',
        after: 'FAIL',
        message: 'Your site now fails the llms.txt check: /llms.txt answered HTTP 500.',
        run,
      },
      {
        kind: 'SCORE_DOWN',
        brand: { name: 'Acme' },
        isSubject: true,
        subject: 'AEO_SCORE',
        before: String(ownBefore),
        after: String(ownAfter),
        message: `Your AEO score fell ${ownBefore - ownAfter} points to ${ownAfter}: /llms.txt answered HTTP 500.`,
        run,
      },
      { kind: 'CHECK_FIXED', brand: { name: 'Rival Shoes' }, isSubject: false, subject: 'faq-schema', before: 'FAIL', after: 'PASS', message: 'Rival Shoes added FAQ schema.', run },
    ]);
    expect(read.changes.pageInfo).toEqual({ hasNextPage: false });

    // Compared again (a batch retried, or its job run twice): the run's rows are the same rows, nothing twice.
    const rows = () =>
      Promise.all([
        clients.prisma.projectRun.count(),
        clients.prisma.historyPoint.count(),
        clients.prisma.projectChange.findMany({ orderBy: { id: 'asc' }, select: { id: true, message: true } }),
      ]);
    const recorded = await rows();
    expect(recorded.slice(0, 2)).toEqual([2, 2 * 2 * 4]);
    const secondId = decodeId(second, 'Batch');
    await clients.prisma.batch.update({ where: { id: secondId }, data: { status: 'RUNNING' } });
    const job = { id: 'again', name: 'compare-batch', data: { batchId: secondId } } as Job<unknown>;
    const boss = createBoss(app.databaseUrl, { poolSize: 2 });
    boss.on('error', () => {});
    await boss.start();
    try {
      const deps = { prisma: clients.prisma, boss, llm: null, log: createLogger('silent'), metrics: createMetrics() };
      await compareBatch(deps, job);
      await compareBatch(deps, job);
    } finally {
      await boss.stop({ graceful: false });
    }
    expect(await rows()).toEqual(recorded);

    // Retention: the batches go, what the project recorded of them stays, and names them as expired runs.
    await clients.prisma.batch.updateMany({ data: { finishedAt: new Date(Date.now() - 40 * 24 * 60 * 60 * 1000) } });
    const purge = { id: 'purge', name: 'purge-batches', data: { days: 30 } } as Job<unknown>;
    expect(await purgeBatches({ prisma: clients.prisma, log: createLogger('silent') }, purge)).toBe(2);
    const { project: kept } = await graphqlData(app.graphqlUrl, HISTORY, { id: project.id });
    const expired = (batchId: string) => {
      const runId = Buffer.from(batchId, 'base64').toString().split(':')[1];
      return { __typename: 'ExpiredRun', id: Buffer.from(`ExpiredRun:${runId}`).toString('base64'), kind: 'SITE_AUDIT', status: 'COMPLETED' };
    };
    expect(kept.overall.map((series: any) => series.points.map((point: any) => [point.value, point.run]))).toEqual(
      read.overall.map((series: any) =>
        series.points.map((point: any, index: number) => [point.value, expect.objectContaining(expired([first, second][index]!))]),
      ),
    );
    expect(kept.aeo.map((series: any) => series.points.map((point: any) => point.value))).toEqual(
      read.aeo.map((series: any) => series.points.map((point: any) => point.value)),
    );
    expect(kept.changes.edges.map((edge: any) => edge.node.message)).toEqual(changes.map((change: any) => change.message));
    expect(kept.changes.edges.every((edge: any) => edge.node.run.__typename === 'ExpiredRun')).toBe(true);
    const expiredRun = kept.overall[0].points[1].run;
    expect(expiredRun.finishedAt).toBe(kept.overall[0].points[1].at);
    const { node: found } = await graphqlData(app.graphqlUrl, `query ($id: ID!) { node(id: $id) { id ... on ExpiredRun { kind status } } }`, { id: expiredRun.id });
    expect(found).toEqual({ id: expiredRun.id, kind: 'SITE_AUDIT', status: 'COMPLETED' });
    const purged = await graphql(app.graphqlUrl, `query ($id: ID!) { batch(id: $id) { id } }`, { id: second });
    expect(purged.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Another owner sees neither the run nor the project's history.
    const { key } = await createTestKey(app.databaseUrl, 'other owner');
    const asOther = { authorization: `Bearer ${key}` };
    const node = `query ($id: ID!) { node(id: $id) { id } }`;
    expect((await graphql(app.graphqlUrl, node, { id: expiredRun.id }, asOther)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await graphql(app.graphqlUrl, HISTORY, { id: project.id }, asOther)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
