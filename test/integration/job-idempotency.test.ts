import type { Job, PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analysis';
import { loadConfig } from '../../src/config';
import { connectDatabase, type DatabaseClients, type PrismaClient } from '../../src/db/prisma';
import { LOCAL_OWNER_ID } from '../../src/auth/caller';
import { analyzeTarget, assertAnalyzeTargetPayload, type AnalyzeTargetDeps } from '../../src/jobs/analyzeTarget';
import { finishTargets, startTargets, targetTransitions } from '../../src/batches/targets';
import { ANALYZE_TARGET, WORKER_STOPS_ALLOWED, createBoss } from '../../src/queue';
import { reconcileBatches } from '../../src/jobs/reconcileBatches';
import { EVENT_CHANNEL } from '../../src/events/channel';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import { startTestApp, type TestApp } from '../helpers/app';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { createBatch } from '../helpers/batches';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';

describe('an analyze-target job that runs more than once, or holds several targets', () => {
  let app: TestApp;
  let site: FixtureSite;
  let clients: DatabaseClients;
  let prisma: PrismaClient;
  let deps: AnalyzeTargetDeps;
  const held = gate();
  const handBack = gate();
  const pastDeadline = gate();
  const running = new AbortController();

  beforeAll(async () => {
    let dropped = false;
    site = await startFixtureSite({
      '/a': pages.good,
      '/b': pages.poor,
      '/held': heldPage(held.opened, pages.good),
      '/held-then-stop': heldPage(handBack.opened, pages.good),
      '/held-past-deadline': heldPage(pastDeadline.opened, pages.good),
      // The connection drops on the first request: a failure another attempt may get past.
      '/flaky': (_req, res) => {
        if (dropped) return void res.writeHead(200, { 'content-type': 'text/html' }).end(pages.good);
        dropped = true;
        res.destroy();
      },
      ...Object.fromEntries(['/s1', '/s2', '/s3', '/r1', '/r2', '/t1', '/t2', '/o1', '/o2'].map((path) => [path, pages.good])),
    });
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
      pool: clients.pool,
      boss,
      analyzer: createAnalyzer(config.crawl),
      pagesInFlight: 2,
      maxAttempts: 3,
      log,
      metrics: createMetrics(),
      transitions: targetTransitions(clients.pool, boss),
      stopping: running.signal,
      abandon: new AbortController().signal,
    };
  });
  afterAll(async () => {
    pastDeadline.open();
    await deps?.boss.stop({ graceful: false });
    await deps?.analyzer.close();
    await clients?.close();
    await app?.close();
    await site?.close();
  });

  /** A delivery of the job as pg-boss makes it; `retryCount` above 0 is a rerun. */
  const jobWith = (data: object, retryCount = 0) =>
    ({ id: crypto.randomUUID(), name: ANALYZE_TARGET, data, retryCount, signal: new AbortController().signal }) as Job<unknown>;
  const targetsOf = (name: string) => prisma.target.findMany({ where: { batch: { name } }, orderBy: { position: 'asc' } });
  const requestsOf = (...paths: string[]) => site.requests.filter((path) => paths.includes(path));

  const compareJobsOf = async (batchId: string) =>
    (
      await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'compare-batch' AND data->>'batchId' = ${batchId}`
    )[0]!.n;

  it('counts its target once, stores one analysis and queues one comparison', async () => {
    await createBatch(app.graphqlUrl, { name: 'twice', urls: [site.url('/a'), site.url('/b')] });
    const created = await prisma.target.findMany({ orderBy: { position: 'asc' } });
    const [first, second] = created.map((target) => target.id) as [string, string];
    // The payload of jobs queued before a job could hold several targets.
    const jobFor = (targetId: string) => jobWith({ targetId });

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

  it('queues the comparison in the transaction that counts the last target, so reconcile never sees one without the other', async () => {
    await createBatch(app.graphqlUrl, { name: 'reconcile race', urls: [site.url('/a')] });
    const target = await prisma.target.findFirstOrThrow({ where: { batch: { name: 'reconcile race' } } });
    await startTargets(clients.pool, [target.id]);
    // A worker held between counting the batch's last target and asking for its comparison.
    const asking = gate();
    const letGo = gate();
    const heldBoss = {
      send: async (...args: Parameters<PgBoss['send']>) => {
        asking.open();
        await letGo.opened;
        return deps.boss.send(...args);
      },
    } as PgBoss;
    const finishing = finishTargets(clients.pool, heldBoss, [{ targetId: target.id, outcome: { error: 'gave up' } }]);
    await asking.opened;

    const report = await reconcileBatches({ prisma, pool: clients.pool, boss: deps.boss, log: createLogger('silent') });
    letGo.open();
    await finishing;

    expect(report).toEqual({ targetsFailed: 0, countersFixed: 0, comparisonsQueued: 0 });
    expect(await compareJobsOf(target.batchId)).toBe(1);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: target.batchId } })).toMatchObject({ completedUrls: 1, failedUrls: 1 });
  });

  it('leaves a target another run counted while this one was fetching it as that run left it', async () => {
    await createBatch(app.graphqlUrl, { name: 'overtaken', urls: [site.url('/held')] });
    const target = await prisma.target.findFirstOrThrow({ where: { batch: { name: 'overtaken' } } });
    const run = analyzeTarget(deps, jobWith({ targetIds: [target.id] }));
    await waitUntil(async () => site.requests.includes('/held'), { what: 'the held page to be requested' });
    // Meanwhile another run of the job counts the target.
    await finishTargets(clients.pool, deps.boss, [{ targetId: target.id, outcome: { error: 'gave up' } }]);
    held.open();
    await run;

    expect(await compareJobsOf(target.batchId)).toBe(1);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: target.batchId } })).toMatchObject({ completedUrls: 1, failedUrls: 1 });
    expect(await prisma.pageAnalysis.count({ where: { targetId: target.id } })).toBe(0);
  });

  it('analyses each target of a several-target job once, and a rerun of the finished job fetches nothing', async () => {
    await createBatch(app.graphqlUrl, { name: 'several', urls: ['/s1', '/s2', '/s3'].map((path) => site.url(path)) });
    const targets = await targetsOf('several');
    const job = { targetIds: targets.map((target) => target.id) };

    await analyzeTarget(deps, jobWith(job));
    await analyzeTarget(deps, jobWith(job, 1));

    expect(requestsOf('/s1', '/s2', '/s3')).toEqual(['/s1', '/s2', '/s3']);
    expect((await targetsOf('several')).map((target) => [target.status, target.attempts])).toEqual([
      ['SUCCEEDED', 1],
      ['SUCCEEDED', 1],
      ['SUCCEEDED', 1],
    ]);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: targets[0]!.batchId } })).toMatchObject({ completedUrls: 3, failedUrls: 0 });
    expect(await compareJobsOf(targets[0]!.batchId)).toBe(1);
  });

  it('lets the other targets finish when one attempt fails, then fails the job so its retry does only that one', async () => {
    await createBatch(app.graphqlUrl, { name: 'one flaky', urls: [site.url('/flaky'), site.url('/r1'), site.url('/r2')] });
    const targets = await targetsOf('one flaky');
    const job = { targetIds: targets.map((target) => target.id) };

    await expect(analyzeTarget(deps, jobWith(job))).rejects.toThrow(/Could not fetch/);
    // Back to PENDING: no worker has it in hand until the retry.
    expect((await targetsOf('one flaky')).map((target) => target.status)).toEqual(['PENDING', 'SUCCEEDED', 'SUCCEEDED']);
    expect(await compareJobsOf(targets[0]!.batchId)).toBe(0);

    await analyzeTarget(deps, jobWith(job, 1));

    expect(requestsOf('/flaky', '/r1', '/r2')).toEqual(['/flaky', '/r1', '/r2', '/flaky']);
    expect((await targetsOf('one flaky')).map((target) => [target.status, target.attempts])).toEqual([
      ['SUCCEEDED', 2],
      ['SUCCEEDED', 1],
      ['SUCCEEDED', 1],
    ]);
    expect(await compareJobsOf(targets[0]!.batchId)).toBe(1);
  });

  it('on a rerun analyses the targets never tried before the one its last run was analysing', async () => {
    await createBatch(app.graphqlUrl, { name: 'rerun order', urls: [site.url('/o1'), site.url('/o2')] });
    const [interrupted, untried] = (await targetsOf('rerun order')).map((target) => target.id) as [string, string];
    // What a worker killed while fetching the first page left behind.
    await prisma.$queryRaw`SELECT * FROM "vantage_start_targets"(${EVENT_CHANNEL}, ARRAY[${interrupted}]::uuid[])`;

    await analyzeTarget(deps, jobWith({ targetIds: [interrupted, untried] }, 1));

    expect(requestsOf('/o1', '/o2')).toEqual(['/o2', '/o1']);
    expect((await targetsOf('rerun order')).map((target) => target.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  });

  /** The batch's one analyze job, claimed as a worker's fetch would. */
  async function claimJobOf(name: string): Promise<Job<unknown>> {
    const [target] = await targetsOf(name);
    await prisma.$executeRaw`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = ${target!.jobId}::uuid`;
    const job = (await deps.boss.getJobById(ANALYZE_TARGET, target!.jobId!))!;
    return { ...job, signal: new AbortController().signal };
  }
  const jobRows = (ids: (string | null)[]) =>
    prisma.$queryRaw<{ id: string; state: string; retryCount: number; data: unknown }[]>`
      SELECT id, state::text, retry_count AS "retryCount", data FROM pgboss.job WHERE id = ANY(${ids}::uuid[]) ORDER BY created_on`;

  it('when its worker begins to stop, finishes the page in hand and hands the rest to a fresh job, spending no retry', async () => {
    await createBatch(app.graphqlUrl, { name: 'stopping', urls: [site.url('/held-then-stop'), site.url('/t1'), site.url('/t2')] });
    const job = await claimJobOf('stopping');

    const run = analyzeTarget(deps, job);
    await waitUntil(async () => site.requests.includes('/held-then-stop'), { what: 'the first page to be requested' });
    running.abort();
    handBack.open();
    await run;

    const targets = await targetsOf('stopping');
    expect(targets.map((target) => [target.status, target.attempts])).toEqual([
      ['SUCCEEDED', 1],
      ['PENDING', 0],
      ['PENDING', 0],
    ]);
    // Two jobs share the host's three pages: this one holds the first and the third.
    const fresh = targets[2]!.jobId;
    expect(await jobRows([job.id, fresh])).toEqual([
      { id: job.id, state: 'completed', retryCount: 0, data: { targetIds: [targets[0]!.id, targets[2]!.id], ownerId: LOCAL_OWNER_ID, maxPagesPerSite: 1 } },
      { id: fresh, state: 'created', retryCount: 0, data: { targetIds: [targets[2]!.id], ownerId: LOCAL_OWNER_ID, maxPagesPerSite: 1 } },
    ]);
    expect(requestsOf('/t2')).toEqual([]);
  });

  it('at the grace deadline hands the page in hand back too, without using up its attempt', async () => {
    const abandon = new AbortController();
    const stopping = new AbortController();
    await createBatch(app.graphqlUrl, { name: 'abandoned', urls: [site.url('/held-past-deadline'), site.url('/t1')] });
    const job = await claimJobOf('abandoned');

    const run = analyzeTarget({ ...deps, stopping: stopping.signal, abandon: abandon.signal }, job);
    await waitUntil(async () => (await targetsOf('abandoned'))[0]!.status === 'RUNNING', { what: 'the first page to start' });
    stopping.abort();
    abandon.abort();
    await run;
    pastDeadline.open();

    const targets = await targetsOf('abandoned');
    expect(targets.map((target) => [target.status, target.attempts, target.workerStops])).toEqual([
      ['PENDING', 0, 0],
      ['PENDING', 0, 0],
    ]);
    expect(await jobRows([job.id, targets[0]!.jobId])).toEqual([
      { id: job.id, state: 'completed', retryCount: 0, data: { targetIds: [targets[0]!.id], ownerId: LOCAL_OWNER_ID, maxPagesPerSite: 1 } },
      { id: targets[0]!.jobId, state: 'created', retryCount: 0, data: { targetIds: [targets[0]!.id], ownerId: LOCAL_OWNER_ID, maxPagesPerSite: 1 } },
    ]);
  });

  it('ends a page whose worker stopped too often FAILED with how often, without fetching it again', async () => {
    await createBatch(app.graphqlUrl, { name: 'worker stops', urls: [site.url('/t2')] });
    const [target] = await targetsOf('worker stops');
    // A run that started the page, then WORKER_STOPS_ALLOWED runs that found it still RUNNING: each worker was killed.
    for (let run = 0; run <= WORKER_STOPS_ALLOWED; run++) await startTargets(clients.pool, [target!.id]);
    const requestsBefore = requestsOf('/t2').length;
    expect((await targetsOf('worker stops')).map((t) => [t.status, t.attempts, t.workerStops])).toEqual([['RUNNING', 1, WORKER_STOPS_ALLOWED]]);

    await analyzeTarget({ ...deps, stopping: new AbortController().signal }, jobWith({ targetIds: [target!.id] }, 3));

    expect((await targetsOf('worker stops')).map((t) => [t.status, t.attempts, t.error])).toEqual([
      ['FAILED', 1, `The analysis did not finish: its worker stopped ${WORKER_STOPS_ALLOWED + 1} times while analysing this page.`],
    ]);
    expect(requestsOf('/t2')).toHaveLength(requestsBefore);
  });

  it('refuses a payload that names no target', () => {
    expect(() => assertAnalyzeTargetPayload({ targetIds: [] })).toThrow();
    expect(() => assertAnalyzeTargetPayload({ targetIds: ['not a uuid'] })).toThrow();
    expect(assertAnalyzeTargetPayload({ targetId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      targetIds: ['00000000-0000-4000-8000-000000000000'],
    });
  });
});
