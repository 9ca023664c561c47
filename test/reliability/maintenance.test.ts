import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseClients, type PrismaClient } from '../../src/db/prisma';
import { compareBatch } from '../../src/jobs/compareBatch';
import { purgeBatches } from '../../src/jobs/purgeBatches';
import { createBoss } from '../../src/queue';
import { reconcileBatches } from '../../src/jobs/reconcileBatches';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import type { PgBoss, Job } from 'pg-boss';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch as createBatchOverGraphQL } from '../helpers/batches';


describe('maintenance', () => {
  let app: TestApp;
  let clients: DatabaseClients;
  let prisma: PrismaClient;
  let boss: PgBoss;
  const log = createLogger('silent');

  beforeAll(async () => {
    // API only: the test plays the broken worker by editing rows and jobs directly.
    app = await startTestApp({ VANTAGE_ROLE: 'api' });
    clients = connectDatabase(app.databaseUrl, 4, log);
    prisma = clients.prisma;
    boss = createBoss(app.databaseUrl);
    await boss.start();
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false });
    await clients?.close();
    await app?.close();
  });

  const createBatch = async (name: string, urls: string[]) => {
    await createBatchOverGraphQL(app.graphqlUrl, { name, urls });
    return prisma.batch.findFirstOrThrow({ where: { name }, include: { targets: { orderBy: { position: 'asc' } } } });
  };
  const compareJobs = (batchId: string) =>
    prisma.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE name = 'compare-batch' AND singleton_key = ${batchId}`;

  it('repairs batches whose rows and jobs disagree, and a second pass changes nothing', async () => {
    // A batch whose jobs pg-boss gave up on (every retry failed, or the worker died each time).
    const abandoned = await createBatch('abandoned', ['https://a.invalid/1', 'https://a.invalid/2']);
    await prisma.$executeRaw`UPDATE pgboss.job SET state = 'failed' WHERE id = ${abandoned.targets[0]!.jobId}::uuid`;
    await prisma.$executeRaw`UPDATE pgboss.job SET state = 'cancelled' WHERE id = ${abandoned.targets[1]!.jobId}::uuid`;
    await prisma.$executeRaw`UPDATE "Target" SET status = 'RUNNING', attempts = 3 WHERE id = ${abandoned.targets[0]!.id}::uuid`;
    await prisma.batch.update({ where: { id: abandoned.id }, data: { status: 'RUNNING' } });

    // A batch whose only target finished but whose counters and comparison never followed.
    const stalled = await createBatch('stalled', ['https://b.invalid/']);
    await prisma.$executeRaw`UPDATE pgboss.job SET state = 'completed' WHERE id = ${stalled.targets[0]!.jobId}::uuid`;
    await prisma.target.update({ where: { id: stalled.targets[0]!.id }, data: { status: 'FAILED', error: 'timed out' } });
    await prisma.batch.update({ where: { id: stalled.id }, data: { status: 'RUNNING' } });

    // A healthy batch with its jobs still queued must be left alone.
    const healthy = await createBatch('healthy', ['https://c.invalid/']);

    expect(await reconcileBatches({ ...clients, boss, log })).toEqual({ targetsFailed: 2, countersFixed: 1, comparisonsQueued: 1 });

    const after = await prisma.batch.findUniqueOrThrow({
      where: { id: abandoned.id },
      include: { targets: { orderBy: { position: 'asc' } } },
    });
    expect(after).toMatchObject({ completedUrls: 2, failedUrls: 2, status: 'RUNNING' });
    expect(after.targets.map((target) => target.status)).toEqual(['FAILED', 'FAILED']);
    expect(after.targets[0]!.error).toMatch(/did not finish/);
    expect(await compareJobs(abandoned.id)).toEqual([{ state: 'created' }]);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: stalled.id } })).toMatchObject({ completedUrls: 1, failedUrls: 1 });
    expect(await compareJobs(stalled.id)).toEqual([{ state: 'created' }]);
    expect(await prisma.batch.findUniqueOrThrow({ where: { id: healthy.id } })).toMatchObject({ status: 'PENDING', completedUrls: 0 });

    expect(await reconcileBatches({ ...clients, boss, log })).toEqual({ targetsFailed: 0, countersFixed: 0, comparisonsQueued: 0 });
  });

  it('ends a batch whose every job was given up on before any page started: it never stays PENDING', async () => {
    const neverStarted = await createBatch('never started', ['https://d.invalid/1', 'https://d.invalid/2']);
    for (const target of neverStarted.targets) {
      await prisma.$executeRaw`UPDATE pgboss.job SET state = 'failed' WHERE id = ${target.jobId}::uuid`;
    }

    expect(await reconcileBatches({ ...clients, boss, log })).toMatchObject({ targetsFailed: 2 });
    expect(await compareJobs(neverStarted.id)).toEqual([{ state: 'created' }]);
    const job = { id: 'compare', name: 'compare-batch', data: { batchId: neverStarted.id } } as Job<unknown>;
    await compareBatch({ prisma, boss, llm: null, log, metrics: createMetrics() }, job);

    expect(await prisma.batch.findUniqueOrThrow({ where: { id: neverStarted.id } })).toMatchObject({
      status: 'FAILED',
      completedUrls: 2,
      failedUrls: 2,
    });
  });

  it('prunes the kept changes of batches that ended more than ten minutes ago', async () => {
    const ended = await createBatch('ended a while ago', ['https://g.invalid/']);
    const endedJustNow = await createBatch('ended just now', ['https://h.invalid/']);
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60 * 1000);
    await prisma.batch.update({ where: { id: ended.id }, data: { status: 'CANCELLED', finishedAt: elevenMinutesAgo } });
    await prisma.batch.update({ where: { id: endedJustNow.id }, data: { status: 'CANCELLED', finishedAt: new Date() } });
    const kept = (batchId: string) => prisma.batchEvent.count({ where: { batchId } });
    expect(await kept(ended.id)).toBe(1); // its announcement at creation

    await reconcileBatches({ ...clients, boss, log });
    expect(await kept(ended.id)).toBe(0);
    expect(await kept(endedJustNow.id)).toBe(1);
  });

  it('purges finished batches older than the retention and keeps the rest', async () => {
    const old = await createBatch('old and done', ['https://d.invalid/']);
    const recent = await createBatch('recent and done', ['https://e.invalid/']);
    const running = await createBatch('old but running', ['https://f.invalid/']);
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    await prisma.batch.update({ where: { id: old.id }, data: { status: 'COMPLETED', finishedAt: longAgo } });
    await prisma.batch.update({ where: { id: recent.id }, data: { status: 'COMPLETED', finishedAt: new Date() } });
    await prisma.batch.update({ where: { id: running.id }, data: { status: 'RUNNING', createdAt: longAgo } });

    const purged = await purgeBatches({ prisma, log }, { id: 'x', name: 'purge-batches', data: { days: 30 } } as Job<unknown>);
    expect(purged).toBe(1);
    expect(await prisma.batch.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await prisma.target.count({ where: { batchId: old.id } })).toBe(0);
    expect(await prisma.batch.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await prisma.batch.findUnique({ where: { id: running.id } })).not.toBeNull();
  });
});
