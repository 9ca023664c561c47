import type { PgBoss } from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { createLogger } from '../../src/logger';
import { startDueRuns, type SchedulerDeps } from '../../src/projects/scheduler';
import { createBoss, SCHEDULE_RUNS } from '../../src/queue';
import { createTestKey } from '../helpers/apiKeys';
import { startTestApp, type TestApp } from '../helpers/app';
import { waitForBatchStatus } from '../helpers/batches';
import { withClient } from '../helpers/database';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';

const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id schedule { nextRunAt } } }`;
const SCHEDULE = `query ($id: ID!) { project(id: $id) {
  schedule { nextRunAt lastRunAt lastError lastErrorAt }
  siteAudits(first: 50) { edges { node { id status totalUrls targets { url isSubject } } } } } }`;
const CANCEL = `mutation ($id: ID!) { cancelBatch(id: $id) { status } }`;
const MINUTE = 60_000;
const LIMITS = { maxUrlsPerBatch: 50, maxPagesPerSite: 500, maxRunningBatches: 1000, maxUrlsPerDay: 1_000_000 };

/** The row id under a global ID ("Project:<uuid>", base64). */
const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
const projectInput = (name: string, runs: string[] = ['SITE_AUDIT']) => ({
  name,
  brand: { name: `${name} own`, domains: [`${name.toLowerCase().replace(/\W/g, '')}-own.com`] },
  competitors: [{ name: `${name} rival`, domains: [`${name.toLowerCase().replace(/\W/g, '')}-rival.com`] }],
  schedule: { cron: '* * * * *', timezone: 'UTC', runs },
});

/** A scheduler "process": a Prisma pool and a pg-boss of its own, as a worker process has. */
async function schedulerProcess(databaseUrl: string): Promise<SchedulerDeps & { close(): Promise<void> }> {
  const prisma: PrismaClient = createPrisma(databaseUrl, 3);
  const boss: PgBoss = createBoss(databaseUrl, { poolSize: 2 });
  boss.on('error', () => {});
  await boss.start();
  return {
    prisma,
    boss,
    limits: LIMITS,
    jobPlan: { targetsPerJob: 10, maxFetchesPerHost: 2, expireSecondsPerTarget: 60 },
    answerEngines: [],
    log: createLogger('silent'),
    async close() {
      await boss.stop({ graceful: false });
      await prisma.$disconnect();
    },
  };
}

describe('the project scheduler', () => {
  let app: TestApp;
  let key: string;
  let busyKey: string;
  let one: Awaited<ReturnType<typeof schedulerProcess>>;
  let two: Awaited<ReturnType<typeof schedulerProcess>>;
  const as = (apiKey: string) => <T = any>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlData<T>(app.graphqlUrl, query, variables, { authorization: `Bearer ${apiKey}` });

  beforeAll(async () => {
    // API only: no worker takes the audits' jobs (their batches stay PENDING) or the cron's schedule-runs jobs.
    app = await startTestApp({ VANTAGE_ROLE: 'api', LOG_LEVEL: 'silent' });
    [key, busyKey] = (await Promise.all(['scheduler', 'busy'].map((name) => createTestKey(app.databaseUrl, name)))).map((made) => made.key) as [
      string,
      string,
    ];
    [one, two] = await Promise.all([schedulerProcess(app.databaseUrl), schedulerProcess(app.databaseUrl)]);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await app?.close();
  });
  // Every test's projects are due on its own test clock; none may be due on the next test's.
  afterEach(() => withClient(app.databaseUrl, (client) => client.query('DELETE FROM "Project"')));

  const create = async (apiKey: string, input: Record<string, unknown>) => {
    const { createProject } = await as(apiKey)(CREATE, { input });
    return { id: createProject.id as string, due: new Date(createProject.schedule.nextRunAt) };
  };
  const read = async (apiKey: string, id: string) => {
    const { project } = await as(apiKey)(SCHEDULE, { id });
    return { schedule: project.schedule, audits: project.siteAudits.edges.map((edge: any) => edge.node) };
  };
  const cancelAll = async (apiKey: string, id: string) => {
    for (const audit of (await read(apiKey, id)).audits) if (audit.status === 'PENDING') await as(apiKey)(CANCEL, { id: audit.id });
  };

  it('starts exactly one run per due slot with two scheduler processes racing, and moves the schedule on', async () => {
    const projects = await Promise.all(['Race A', 'Race B', 'Race C'].map((name) => create(key, projectInput(name))));
    const due = projects[0]!.due;
    expect(projects.every((project) => project.due.getTime() === due.getTime())).toBe(true);
    expect(await startDueRuns(one, at(due, -1))).toEqual([]); // not due a millisecond early

    for (let slot = 0; slot < 4; slot++) {
      const now = at(due, slot * MINUTE + 7_000);
      // Each process runs several passes at once, as pg-boss cron ticks and a slow pass may overlap.
      const turns = (await Promise.all([one, two, one, two].map((process) => startDueRuns(process, now)))).flat();
      expect(turns.map((turn) => turn.batchIds.length)).toEqual([1, 1, 1]);
      for (const project of projects) {
        const { schedule, audits } = await read(key, project.id);
        expect(audits, `slot ${slot}`).toHaveLength(slot + 1);
        expect(schedule).toEqual({
          lastRunAt: now.toISOString(),
          nextRunAt: at(due, (slot + 1) * MINUTE).toISOString(),
          lastError: null,
          lastErrorAt: null,
        });
        await cancelAll(key, project.id); // the run ends before the next slot
      }
    }
  });

  it('starts one catch-up run, not one per missed slot, when no scheduler ran across several slots', async () => {
    const { id, due } = await create(key, projectInput('Catch up'));
    const now = at(due, 2 * MINUTE + 30_000); // the slots at due, due + 1 and due + 2 minutes all missed
    const [turns, again] = [await startDueRuns(one, now), await startDueRuns(two, now)];
    expect(turns).toEqual([{ projectId: rowId(id), batchIds: [expect.any(String)], auditIds: [], error: null }]);
    expect(again).toEqual([]);
    const { schedule, audits } = await read(key, id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ status: 'PENDING', totalUrls: 2, targets: [{ url: 'https://catchup-own.com/', isSubject: true }, { isSubject: false }] });
    expect(schedule).toMatchObject({ lastRunAt: now.toISOString(), nextRunAt: at(due, 3 * MINUTE).toISOString() });
  });

  it('starts no second run while the last one is going, says so on the schedule, and runs again once it ended', async () => {
    const { id, due } = await create(key, projectInput('Long run'));
    const first = at(due, 1_000);
    await startDueRuns(one, first);
    const [going] = (await read(key, id)).audits;

    const second = at(due, MINUTE + 1_000);
    const [skipped] = await startDueRuns(two, second);
    expect(skipped!.batchIds).toEqual([]);
    let { schedule, audits } = await read(key, id);
    expect(audits).toHaveLength(1);
    expect(schedule.lastError).toMatch(/^The previous site audit \(batch [0-9a-f-]+\) is still pending, so no second one was started\.$/);
    expect(schedule).toMatchObject({ lastRunAt: first.toISOString(), lastErrorAt: second.toISOString(), nextRunAt: at(due, 2 * MINUTE).toISOString() });

    await as(key)(CANCEL, { id: going.id });
    const third = at(due, 2 * MINUTE + 1_000);
    await startDueRuns(one, third);
    ({ schedule, audits } = await read(key, id));
    expect(audits).toHaveLength(2);
    expect(schedule).toEqual({ lastRunAt: third.toISOString(), nextRunAt: at(due, 3 * MINUTE).toISOString(), lastError: null, lastErrorAt: null });
  });

  it("records a run the owner's limits refuse on the project, starting nothing", async () => {
    const { id, due } = await create(busyKey, projectInput('Busy owner'));
    await as(busyKey)(`mutation { createBatch(input: { name: "one-off", urls: ["https://one-off.example/"] }) { id } }`);
    const now = at(due, 1_000);
    const [turn] = await startDueRuns({ ...one, limits: { ...LIMITS, maxRunningBatches: 1 } }, now);
    expect(turn).toMatchObject({ projectId: rowId(id), batchIds: [] });
    const { schedule, audits } = await read(busyKey, id);
    expect(audits).toEqual([]);
    expect(schedule).toEqual({
      lastRunAt: null,
      nextRunAt: at(due, MINUTE).toISOString(),
      lastError: 'The site audit was refused: 1 of your batches are pending or running, the most allowed at once; try again when one has finished.',
      lastErrorAt: now.toISOString(),
    });
    const batches = await withClient(app.databaseUrl, (client) => client.query(`SELECT count(*)::int AS n FROM "Batch" WHERE "projectId" = $1`, [rowId(id)]));
    expect(batches.rows[0].n).toBe(0);
  });

  it('starts a visibility audit of every configured engine, says why not when none is configured, and never a second while one is going', async () => {
    const { id, due } = await create(key, projectInput('Visible', ['SITE_AUDIT', 'VISIBILITY_AUDIT']));
    const noEngine = 'No visibility audit was started: no answer engine is configured (the operator sets ANSWER_ENGINES).';
    const first = at(due, 1_000);
    const [unconfigured] = await startDueRuns(one, first);
    expect(unconfigured).toEqual({ projectId: rowId(id), batchIds: [expect.any(String)], auditIds: [], error: noEngine });
    expect((await read(key, id)).schedule).toMatchObject({ lastRunAt: first.toISOString(), lastError: noEngine });

    const withEngines = { ...one, answerEngines: ['Scripted A', 'Scripted B'] };
    const second = at(due, MINUTE + 1_000);
    const [started] = await startDueRuns(withEngines, second);
    expect(started).toMatchObject({ projectId: rowId(id), auditIds: [expect.any(String)] });
    const audit = await withClient(app.databaseUrl, (client) =>
      client.query(`SELECT "projectId", engines, "samplesPerPrompt", status::text FROM "VisibilityAudit" WHERE id = $1`, [started!.auditIds[0]]),
    );
    expect(audit.rows).toEqual([{ projectId: rowId(id), engines: ['Scripted A', 'Scripted B'], samplesPerPrompt: 3, status: 'PENDING' }]);

    const [busy] = await startDueRuns(withEngines, at(due, 2 * MINUTE + 1_000));
    expect(busy!.auditIds).toEqual([]);
    expect(busy!.error).toContain(`The previous visibility audit (${started!.auditIds[0]}) is still pending, so no second one was started.`);
  });
});

describe('the schedule-runs job', () => {
  let app: TestApp;
  let site: FixtureSite;
  let rival: FixtureSite;
  let boss: PgBoss;

  beforeAll(async () => {
    [site, rival] = await Promise.all([startFixtureSite({ '/': pages.good }), startFixtureSite({ '/': pages.poor })]);
    app = await startTestApp({ LOG_LEVEL: 'silent' });
    boss = createBoss(app.databaseUrl, { poolSize: 2 });
    boss.on('error', () => {});
    await boss.start();
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false });
    await app?.close();
    await site?.close();
    await rival?.close();
  });

  it('is declared and scheduled every minute, and its worker starts a due run that completes', async () => {
    expect(await boss.getQueue(SCHEDULE_RUNS)).toMatchObject({ name: SCHEDULE_RUNS, policy: 'singleton' });
    expect((await boss.getSchedules()).filter((schedule) => schedule.name === SCHEDULE_RUNS)).toMatchObject([{ cron: '* * * * *' }]);

    const [host, rivalHost] = [site, rival].map((fixture) => new URL(fixture.url('/')).host);
    const { createProject } = await graphqlData(app.graphqlUrl, CREATE, {
      input: { ...projectInput('Job'), brand: { name: 'Own', domains: [host] }, competitors: [{ name: 'Rival', domains: [rivalHost] }] },
    });
    // Due a moment ago, as when the worker was down at its slot.
    await withClient(app.databaseUrl, (client) =>
      client.query(`UPDATE "Project" SET "nextRunAt" = now() - interval '1 second' WHERE id = $1`, [rowId(createProject.id)]),
    );
    await boss.send(SCHEDULE_RUNS, null);
    const audit = await waitUntil(
      async () => (await graphqlData(app.graphqlUrl, SCHEDULE, { id: createProject.id })).project.siteAudits.edges[0]?.node,
      { what: 'the scheduled site audit' },
    );
    expect(audit.targets).toEqual([{ url: `http://${host}/`, isSubject: true }, { url: `http://${rivalHost}/`, isSubject: false }]);
    expect(await waitForBatchStatus(app.graphqlUrl, audit.id)).toBe('COMPLETED');
    const { project } = await graphqlData(app.graphqlUrl, SCHEDULE, { id: createProject.id });
    expect(project.schedule.lastRunAt).not.toBeNull();
    expect(new Date(project.schedule.nextRunAt).getTime()).toBeGreaterThan(Date.now() - MINUTE);
  });
});
