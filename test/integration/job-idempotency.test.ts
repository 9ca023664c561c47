import type { Job } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis';
import { loadConfig } from '../../src/config';
import { connectDatabase, type DatabaseClients, type PrismaClient } from '../../src/db/prisma';
import { analyzeTarget, targetTransitions, type AnalyzeTargetDeps } from '../../src/jobs/analyzeTarget';
import { ANALYZE_TARGET, createBoss } from '../../src/jobs/queues';
import { EVENT_CHANNEL } from '../../src/events/channel';
import { createLogger } from '../../src/logger';
import { startTestApp, type TestApp } from '../helpers/app';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { createBatch } from '../helpers/batches';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';

describe('an analyze-target job that runs more than once', () => {
  let app: TestApp;
  let site: FixtureSite;
  let clients: DatabaseClients;
  let prisma: PrismaClient;
  let deps: AnalyzeTargetDeps;
  const held = gate();

  beforeAll(async () => {
    site = await startFixtureSite({ '/a': pages.good, '/b': pages.poor, '/held': heldPage(held.opened, pages.good) });
    // API only, so the test itself plays the worker and can deliver one job twice.
    app = await startTestApp({ VANTAGE_ROLE: 'api' });
    const log = createLogger('silent');
    clients = connectDatabase(app.databaseUrl, 4, log);
    prisma = clients.prisma;
    const boss = createBoss(app.databaseUrl);
    await boss.start();
    const config = loadConfig({ CRAWL_ALLOW_PRIVATE: 'true' });
    deps = {
      prisma,
      boss,
      analyzer: createAnalyzer(config.crawl),
      maxAttempts: 3,
      log,
      transitions: targetTransitions(clients.pool, boss),
    };
  });
  afterAll(async () => {
    await deps?.boss.stop({ graceful: false });
    await deps?.analyzer.close();
    await clients?.close();
    await app?.close();
    await site?.close();
  });

  const compareJobsOf = async (batchId: string) =>
    (
      await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'compare-batch' AND data->>'batchId' = ${batchId}`
    )[0]!.n;

  it('counts its target once, stores one analysis and queues one comparison', async () => {
    await createBatch(app.graphqlUrl, { name: 'twice', urls: [site.url('/a'), site.url('/b')] });
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
    expect(await compareJobsOf(batch.id)).toBe(1);
  });

  it('asks for the comparison when the run that counted the last target died before asking', async () => {
    await createBatch(app.graphqlUrl, { name: 'died after counting', urls: [site.url('/a')] });
    const target = await prisma.target.findFirstOrThrow({ where: { batch: { name: 'died after counting' } } });
    // What the dead run committed: the target started and counted, and no compare job sent.
    await prisma.$queryRaw`SELECT * FROM "vantage_start_targets"(${EVENT_CHANNEL}, ARRAY[${target.id}]::uuid[])`;
    await prisma.$queryRaw`SELECT * FROM "vantage_finish_targets"(${EVENT_CHANNEL}, ARRAY[${target.id}]::uuid[], ARRAY['gave up'], ARRAY[NULL]::jsonb[])`;
    expect(await compareJobsOf(target.batchId)).toBe(0);

    await analyzeTarget(deps, { id: crypto.randomUUID(), name: ANALYZE_TARGET, data: { targetId: target.id } } as Job<unknown>);

    expect(await compareJobsOf(target.batchId)).toBe(1);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: target.batchId } })).toMatchObject({ completedUrls: 1, failedUrls: 1 });
  });

  it('asks for the comparison when another run counted the target while this one was fetching it', async () => {
    await createBatch(app.graphqlUrl, { name: 'overtaken', urls: [site.url('/held')] });
    const target = await prisma.target.findFirstOrThrow({ where: { batch: { name: 'overtaken' } } });
    const run = analyzeTarget(deps, { id: crypto.randomUUID(), name: ANALYZE_TARGET, data: { targetId: target.id } } as Job<unknown>);
    await waitUntil(async () => site.requests.includes('/held'), { what: 'the held page to be requested' });
    // Meanwhile another run of the job counts the target and dies before asking for the comparison.
    await prisma.$queryRaw`SELECT * FROM "vantage_finish_targets"(${EVENT_CHANNEL}, ARRAY[${target.id}]::uuid[], ARRAY['gave up'], ARRAY[NULL]::jsonb[])`;
    held.open();
    await run;

    expect(await compareJobsOf(target.batchId)).toBe(1);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: target.batchId } })).toMatchObject({ completedUrls: 1, failedUrls: 1 });
    expect(await prisma.pageAnalysis.count({ where: { targetId: target.id } })).toBe(0);
  });
});
