import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reconcileVisibilityAudits } from '../../src/jobs/reconcileVisibilityAudits';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { createLogger } from '../../src/logger';
import { createBoss } from '../../src/queue';
import { withClient } from '../helpers/database';
import { waitUntil } from '../helpers/wait';
import { startAuditApp, uuidOf, type AuditApp } from './auditHarness';

let h: AuditApp;
let prisma: PrismaClient;
let boss: PgBoss;
beforeAll(async () => {
  h = await startAuditApp();
  prisma = createPrisma(h.app.databaseUrl, 2);
  boss = createBoss(h.app.databaseUrl, { poolSize: 2 });
  await boss.start();
}, 60_000);
afterAll(async () => {
  await boss?.stop({ graceful: false });
  await prisma?.$disconnect();
  await h?.close();
});

it('ends the requests whose jobs pg-boss gave up on as failed, once, and the audit completes', { timeout: 60_000 }, async () => {
  const id = await h.runAudit(await h.createProject(['gave up one', 'gave up two', 'gave up three']), { engines: ['slow'], samplesPerPrompt: 10 });
  const auditId = uuidOf(id);
  await waitUntil(async () => (await h.readAudit(id)).requestsDone >= 1, { what: 'a first answer' });
  // As pg-boss leaves a job whose every retry failed.
  const givenUp = await withClient(h.app.databaseUrl, async (client) =>
    (await client.query(`UPDATE pgboss.job SET state = 'failed', completed_on = now() WHERE name = 'visibility-ask' AND data->>'auditId' = $1 AND state = 'created'`, [auditId]))
      .rowCount!,
  );
  expect(givenUp).toBeGreaterThan(0);
  const log = createLogger('silent');
  // Nothing happens while a request job still runs; then the rest is stored as failed.
  const audit = await waitUntil(
    async () => {
      await reconcileVisibilityAudits({ prisma, boss, log });
      const current = await h.readAudit(id);
      return current.status === 'COMPLETED' ? current : null;
    },
    { timeoutMs: 40_000, what: 'the audit to complete' },
  );
  expect(audit).toMatchObject({ requestsTotal: 30, requestsDone: 30, requestsFailed: givenUp });
  expect(audit.answers.totalCount).toBe(30);
  expect(audit.error).toContain(`slow: ${givenUp} of 30 failed (its job gave up after its retries`);
  // Running it again changes nothing.
  expect(await reconcileVisibilityAudits({ prisma, boss, log })).toEqual({ requestsFailed: 0, auditsFailed: 0 });
});
