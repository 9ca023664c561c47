import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { createEvents, EVENT_CHANNEL, watchProject, type ProjectEventRecord, type PushStream } from '../../src/events';
import type { Context } from '../../src/schema/context';
import { allowConnections, createTestDatabase, eventListenerPids, withClient, type TestDatabase } from '../helpers/database';
import { capturedLogger } from '../helpers/logs';
import { waitUntil } from '../helpers/wait';

const OWNER = randomUUID();

describe("watching a project's events", () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let events: Awaited<ReturnType<typeof createEvents>>;
  const captured = capturedLogger();
  const context = (ownerId = OWNER) => ({ prisma, events: events.events, caller: { ownerId } }) as unknown as Context;

  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrisma(database.url, 2);
    events = await createEvents(database.url, captured.log);
    await prisma.owner.create({ data: { id: OWNER, name: 'watcher' } });
  });
  afterAll(async () => {
    await events?.close();
    await prisma?.$disconnect();
    await database?.drop();
  });

  const newProject = async () =>
    (
      await prisma.project.create({
        data: { ownerId: OWNER, name: 'watched', prompts: [], brands: { create: [{ position: 0, name: 'Acme', aliases: [], domains: ['acme.com'] }] } },
      })
    ).id;

  /** A batch of the project, announced as createBatch announces one (its run starts). */
  async function startRun(client: pg.ClientBase, projectId: string): Promise<string> {
    const batchId = randomUUID();
    await client.query('BEGIN');
    await client.query(`INSERT INTO "Batch" (id, name, "totalUrls", "ownerId", "projectId") VALUES ($1, 'run', 1, $2, $3)`, [batchId, OWNER, projectId]);
    await client.query(`SELECT "vantage_announce_batch_change"($1, $2, NULL)`, [EVENT_CHANNEL, batchId]);
    await client.query('COMMIT');
    return batchId;
  }

  /** One committed change of the run's batch; an ending one records a detected change first, as the end of a run does. */
  async function changeRun(client: pg.ClientBase, batchId: string, status: 'RUNNING' | 'COMPLETED') {
    await client.query('BEGIN');
    await client.query(`UPDATE "Batch" SET sequence = sequence + 1, status = $2::"BatchStatus" WHERE id = $1`, [batchId, status]);
    if (status === 'COMPLETED') {
      await client.query(
        `INSERT INTO "ProjectRun" (id, "projectId", kind, status, "startedAt", "finishedAt", summary)
         SELECT id, "projectId", 'SITE_AUDIT', 'COMPLETED', now(), now(), '{}' FROM "Batch" WHERE id = $1`,
        [batchId],
      );
      await client.query(
        `INSERT INTO "ProjectChange" (id, "projectId", "runId", "brandId", kind, subject, message, at)
         SELECT gen_random_uuid(), b."projectId", b.id, pb.id, 'SCORE_UP', 'OVERALL_SCORE', 'Up.', now()
         FROM "Batch" b JOIN "ProjectBrand" pb ON pb."projectId" = b."projectId" WHERE b.id = $1`,
        [batchId],
      );
    }
    await client.query(`SELECT "vantage_announce_batch_change"($1, $2, NULL)`, [EVENT_CHANNEL, batchId]);
    await client.query('COMMIT');
  }

  function recordEvents(stream: PushStream<ProjectEventRecord>) {
    const seen: string[] = [];
    stream.attach({
      next: (event) => seen.push(`${event.sequence} ${event.kind}`),
      end: () => seen.push('end'),
      fail: (error) => seen.push(`failed: ${String(error)}`),
    });
    return seen;
  }

  it('hands over the snapshot, then each event of its runs in order, a run end followed by its changes', async () => {
    const projectId = await newProject();
    await withClient(database.url, async (client) => {
      const earlier = await startRun(client, projectId); // before the watch: only its sequence shows, in the snapshot
      const stream = await watchProject(context(), projectId);
      const seen = recordEvents(stream);
      await changeRun(client, earlier, 'RUNNING');
      await changeRun(client, earlier, 'COMPLETED');
      await waitUntil(async () => seen.length === 4, { what: 'four events' });
      expect(seen).toEqual(['1 SNAPSHOT', '2 RUN_PROGRESS', '3 RUN_ENDED', '4 CHANGE_DETECTED']);
      await stream.close();
    });
  });

  /**
   * Watches the project here and in another process, and runs `meanwhile` while this process's
   * LISTEN connection is lost and cannot come back; then lets it reconnect.
   */
  async function watchWithListenerLost(projectId: string, meanwhile: (writer: pg.Client) => Promise<void>) {
    const lost = await eventListenerPids(database.url); // this process's; the other one below keeps its connection
    const other = await createEvents(database.url, captured.log);
    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    try {
      const here = recordEvents(await watchProject(context(), projectId));
      const there = recordEvents(await watchProject({ ...context(), events: other.events }, projectId));
      await allowConnections(database.url, false);
      await writer.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [lost]);
      await meanwhile(writer);
      await allowConnections(database.url, true);
      await waitUntil(async () => here.length >= 2 && there.length === 5, { what: 'both watchers to hear of the run' });
      return { here, there };
    } finally {
      await allowConnections(database.url, true);
      await writer.end();
      await other.close();
    }
  }

  const wholeRun = async (writer: pg.Client, projectId: string) => {
    const batchId = await startRun(writer, projectId);
    await changeRun(writer, batchId, 'RUNNING');
    await changeRun(writer, batchId, 'COMPLETED');
  };

  it('after its LISTEN connection was lost, hands over every event it missed, as the other processes did', async () => {
    const projectId = await newProject();
    const { here, there } = await watchWithListenerLost(projectId, (writer) => wholeRun(writer, projectId));
    await waitUntil(async () => here.length === 5, { what: 'the missed events' });
    expect(there).toEqual(['0 SNAPSHOT', '1 RUN_STARTED', '2 RUN_PROGRESS', '3 RUN_ENDED', '4 CHANGE_DETECTED']);
    expect(here).toEqual(there);
  });

  it('after an outage longer than the log is kept, hands over a fresh snapshot', async () => {
    const projectId = await newProject();
    const { here } = await watchWithListenerLost(projectId, async (writer) => {
      await wholeRun(writer, projectId);
      await writer.query(`DELETE FROM "ProjectEvent" WHERE "projectId" = $1`, [projectId]); // as reconcileBatches prunes
    });
    expect(here).toEqual(['0 SNAPSHOT', '4 SNAPSHOT']);
  });

  it("fails with NOT_FOUND for another owner's project", async () => {
    const projectId = await newProject();
    await expect(watchProject(context(randomUUID()), projectId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('appends nothing for a batch of no project', async () => {
    const before = await prisma.projectEvent.count();
    await withClient(database.url, async (client) => {
      await client.query(`INSERT INTO "Batch" (id, name, "totalUrls", "ownerId") VALUES ($1, 'one-off', 1, $2)`, [randomUUID(), OWNER]);
    });
    const batch = await prisma.batch.findFirstOrThrow({ where: { name: 'one-off' } });
    await withClient(database.url, (client) => client.query(`SELECT "vantage_announce_batch_change"($1, $2, NULL)`, [EVENT_CHANNEL, batch.id]));
    expect(await prisma.projectEvent.count()).toBe(before);
  });
});
