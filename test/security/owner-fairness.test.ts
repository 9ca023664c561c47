import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../helpers/database';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';
import { gqlData } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }`;
const STATUS = `query ($id: ID!) { batch(id: $id) { status completedUrls failedUrls } }`;

const HOSTS = 6;
const PAGES_PER_HOST = 4;
/** 2 MB of flat markup: each page keeps an analysis thread busy for a second or so, whatever the parser does with nesting. */
const heavy = `<html lang="en"><body>${'<p>Some words, <a href="/x">a link</a>.</p>'.repeat(50_000)}</body></html>`;

describe('fairness between owners', () => {
  let app: SecureTestApp;
  const sites: FixtureSite[] = [];

  beforeAll(async () => {
    app = await startSecureApp({ WORKER_CONCURRENCY: '8' });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all(sites.map((site) => site.close()));
  });

  it("one owner's many slow pages do not hold up another owner's first page", { timeout: 240_000 }, async () => {
    const attacker = await app.createKey('attacker');
    const victim = await app.createKey('victim');
    for (let host = 0; host < HOSTS; host++) {
      sites.push(await startFixtureSite(Object.fromEntries(Array.from({ length: PAGES_PER_HOST }, (_, i) => [`/heavy${i}`, heavy]))));
    }
    const victimSite = await startFixtureSite({ '/': pages.good });
    sites.push(victimSite);
    const attackerUrls = sites.slice(0, HOSTS).flatMap((site) => Array.from({ length: PAGES_PER_HOST }, (_, i) => site.url(`/heavy${i}`)));

    const flood = (await gqlData(app.graphqlUrl, attacker.key, CREATE, { input: { name: 'flood', urls: attackerUrls } })).createBatch.id;
    const statusOf = async (key: string, id: string) => (await gqlData(app.graphqlUrl, key, STATUS, { id })).batch;
    // The flood's jobs fill the worker as soon as they are queued; the victim asks once their pages arrive.
    await waitUntil(async () => sites.some((site) => site.requests.some((path) => path.startsWith('/heavy'))), {
      what: "the flood's pages to be in flight",
    });

    const asked = performance.now();
    const mine = (await gqlData(app.graphqlUrl, victim.key, CREATE, { input: { name: 'mine', urls: [victimSite.url('/')] } })).createBatch.id;
    await waitUntil(async () => (await statusOf(victim.key, mine)).status === 'COMPLETED', { timeoutMs: 120_000, what: "the victim's batch" });
    const waitedMs = performance.now() - asked;

    // Each job queues behind its owner's pages ahead of it: 24 pages in 12 jobs of 2, then the victim's one.
    const priorities = (ownerId: string) =>
      withClient(app.databaseUrl, async (client) => {
        const { rows } = await client.query<{ priority: number }>(
          `SELECT priority FROM pgboss.job WHERE name = 'analyze-target' AND data->>'ownerId' = $1 ORDER BY priority DESC`,
          [ownerId],
        );
        return rows.map((row) => row.priority);
      });
    expect(await priorities(attacker.ownerId)).toEqual(Array.from({ length: 12 }, (_, job) => 0 - 2 * job));
    expect(await priorities(victim.ownerId)).toEqual([0]);

    const flooding = await statusOf(attacker.key, flood);
    // Still flooding: most of its pages wait for their turn.
    expect(flooding.status).toBe('RUNNING');
    expect(flooding.completedUrls + flooding.failedUrls).toBeLessThan(attackerUrls.length / 2);
    expect(waitedMs).toBeLessThan(10_000);
    await waitUntil(async () => ['COMPLETED', 'FAILED'].includes((await statusOf(attacker.key, flood)).status), {
      timeoutMs: 180_000,
      what: 'the flood to finish',
    });
  });
});
