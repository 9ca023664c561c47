import type { Job } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis';
import { loadConfig } from '../../src/config';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { analyzeTarget, targetTransitions, type AnalyzeTargetDeps } from '../../src/jobs/analyzeTarget';
import { ANALYZE_TARGET, createBoss } from '../../src/jobs/queues';
import { EVENT_CHANNEL } from '../../src/events/channel';
import { createLogger } from '../../src/logger';
import { startTestApp, type TestApp } from '../helpers/app';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';

describe('an analyze-target job that runs more than once', () => {
  let app: TestApp;
  let site: FixtureSite;
  let prisma: PrismaClient;
  let deps: AnalyzeTargetDeps;

  beforeAll(async () => {
    site = await startFixtureSite({ '/a': pages.good, '/b': pages.poor });
    // API only, so the test itself plays the worker and can deliver one job twice.
    app = await startTestApp({ VANTAGE_ROLE: 'api' });
    prisma = createPrisma(app.databaseUrl, 4);
    const boss = createBoss(app.databaseUrl);
    await boss.start();
    const config = loadConfig({ CRAWL_ALLOW_PRIVATE: 'true' });
    deps = {
      prisma,
      boss,
      analyzer: createAnalyzer(config.crawl),
      maxAttempts: 3,
      log: createLogger('silent'),
      transitions: targetTransitions(prisma, boss),
    };
  });
  afterAll(async () => {
    await deps?.boss.stop({ graceful: false });
    await deps?.analyzer.close();
    await prisma?.$disconnect();
    await app?.close();
    await site?.close();
  });

  it('counts its target once, stores one analysis and queues one comparison', async () => {
    await graphqlData(app.graphqlUrl, `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`, {
      input: { name: 'twice', urls: [site.url('/a'), site.url('/b')] },
    });
    const created = await prisma.target.findMany({ orderBy: { position: 'asc' } });
    const [first, second] = created.map((target) => target.id) as [string, string];
    const jobFor = (targetId: string) => ({ id: crypto.randomUUID(), name: ANALYZE_TARGET, data: { targetId } }) as Job<unknown>;

    // The same delivery twice at once (a retry racing a slow first attempt), then once more late.
    await Promise.all([analyzeTarget(deps, jobFor(first)), analyzeTarget(deps, jobFor(first))]);
    await analyzeTarget(deps, jobFor(first));
    await analyzeTarget(deps, jobFor(second));
    await Promise.all([analyzeTarget(deps, jobFor(second)), analyzeTarget(deps, jobFor(second))]);

    const batch = await prisma.batch.findFirstOrThrow({ where: { targets: { some: { id: first } } } });
    expect(batch).toMatchObject({ totalUrls: 2, completedUrls: 2, failedUrls: 0 });
    expect(await prisma.pageAnalysis.count({ where: { targetId: { in: [first, second] } } })).toBe(2);
    const targets = await prisma.target.findMany({ where: { batchId: batch.id } });
    expect(targets.map((target) => target.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const compareJobs = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'compare-batch' AND data->>'batchId' = ${batch.id}`;
    expect(compareJobs[0]!.n).toBe(1);
  });

  it('asks for the comparison when the run that counted the last target died before asking', async () => {
    await graphqlData(
      app.graphqlUrl,
      `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`,
      { input: { name: 'died after counting', urls: [site.url('/a')] } },
    );
    const target = await prisma.target.findFirstOrThrow({ where: { batch: { name: 'died after counting' } } });
    // What the dead run committed: the target started and counted, and no compare job sent.
    await prisma.$queryRaw`SELECT * FROM "vantage_start_targets"(${EVENT_CHANNEL}, ARRAY[${target.id}]::uuid[])`;
    await prisma.$queryRaw`SELECT * FROM "vantage_finish_targets"(${EVENT_CHANNEL}, ARRAY[${target.id}]::uuid[], ARRAY['gave up'], ARRAY[NULL]::jsonb[])`;
    const compareJobs = async () =>
      (
        await prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'compare-batch' AND data->>'batchId' = ${target.batchId}`
      )[0]!.n;
    expect(await compareJobs()).toBe(0);

    await analyzeTarget(deps, { id: crypto.randomUUID(), name: ANALYZE_TARGET, data: { targetId: target.id } } as Job<unknown>);

    expect(await compareJobs()).toBe(1);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: target.batchId } })).toMatchObject({ completedUrls: 1, failedUrls: 1 });
  });
});
