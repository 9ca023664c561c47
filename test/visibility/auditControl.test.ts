import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { withClient } from '../helpers/database';
import { graphql } from '../helpers/graphql';
import { waitUntil } from '../helpers/wait';
import { AUDIT, KEYS, startAuditApp, uuidOf, type AuditApp } from './auditHarness';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-9);

let h: AuditApp;
beforeAll(async () => {
  h = await startAuditApp();
}, 60_000);
afterAll(() => h?.close());

describe('a visibility audit under faults, cancels and other owners', () => {
  it('waits out Retry-After on a 429, then stores the answer', async () => {
    const projectId = await h.createProject(['flaky prompt']);
    const audit = await h.finished(await h.runAudit(projectId, { engines: ['flaky'], samplesPerPrompt: 1 }));
    // No prompt was lost: no cited-pages batch.
    expect(audit).toMatchObject({ status: 'COMPLETED', requestsDone: 1, requestsFailed: 0, citedPagesBatch: null });
    const asked = h.engines.received.filter((request) => request.engine === 'flaky');
    expect(asked).toHaveLength(2);
    expect(asked[1]!.at - asked[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('fails only the share of an engine that is down, and says so', async () => {
    const projectId = await h.createProject(['downtime prompt']);
    const audit = await h.finished(await h.runAudit(projectId, { engines: ['gpt', 'down'], samplesPerPrompt: 2 }));
    expect(audit).toMatchObject({ status: 'COMPLETED', requestsTotal: 4, requestsDone: 4, requestsFailed: 2 });
    expect(audit.error).toContain('down: 2 of 2 failed');
    const failed = audit.answers.edges.map((edge: { node: { error: string | null; engine: string } }) => edge.node).filter((answer: { error: string | null }) => answer.error);
    expect(failed.map((answer: { engine: string }) => answer.engine)).toEqual(['down', 'down']);
    expect(failed[0].error).toContain('HTTP 500');
    // Failed requests count in no score.
    close(audit.brands[0].mentionRate, 1);
  });

  it('stores each broken answer as a failed request with its reason: invalid JSON, an empty answer, a 5 MB answer; retries a 500', async () => {
    const prompts = ['invalid json', 'empty answer', 'huge answer', '500 then fine'];
    const audit = await h.finished(await h.runAudit(await h.createProject(prompts), { engines: ['faulty'], samplesPerPrompt: 1 }));
    expect(audit).toMatchObject({ status: 'COMPLETED', requestsTotal: 4, requestsDone: 4, requestsFailed: 3 });
    const byPrompt = Object.fromEntries(audit.answers.edges.map(({ node }: { node: { prompt: string; error: string | null; text: string } }) => [node.prompt, node]));
    expect(byPrompt['invalid json'].error).toMatch(/^INVALID_JSON: /);
    expect(byPrompt['empty answer'].error).toMatch(/^EMPTY_ANSWER: /);
    expect(byPrompt['huge answer'].error).toMatch(/^TOO_LARGE: the response is larger than 1048576 bytes/);
    expect(byPrompt['500 then fine']).toMatchObject({ error: null, text: 'Acme is fine.' });
    expect(h.engines.received.filter((request) => request.prompt === '500 then fine')).toHaveLength(2);
  });

  it('ends FAILED with the reason when every request failed', async () => {
    const projectId = await h.createProject(['nobody answers']);
    const audit = await h.finished(await h.runAudit(projectId, { engines: ['down'], samplesPerPrompt: 1 }));
    expect(audit).toMatchObject({ status: 'FAILED', requestsDone: 1, requestsFailed: 1, brands: [] });
    expect(audit.error).toMatch(/^Every request failed\. down: 1 of 1 failed \(HTTP_STATUS: HTTP 500/);
  });


  it('cancels mid-audit: no request starts after it and nothing is stored after it', async () => {
    const projectId = await h.createProject(['slow one', 'slow two', 'slow three']);
    // 30 requests, one at a time: more than the workers' pollers hold, so some are still queued at the cancel.
    const id = await h.runAudit(projectId, { engines: ['slow'], samplesPerPrompt: 10 });
    await waitUntil(async () => (await h.readAudit(id)).requestsDone >= 2, { what: 'two answers' });
    const { cancelVisibilityAudit: cancelled } = await h.data(`mutation($id: ID!) { cancelVisibilityAudit(id: $id) { status requestsDone } }`, { id });
    const cancelledAt = Date.now();
    expect(cancelled.status).toBe('CANCELLED');
    // Settled: none of the audit's request jobs is queued or running any more.
    await waitUntil(
      () =>
        withClient(h.app.databaseUrl, async (client) => {
          const { rows } = await client.query(
            `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'visibility-ask' AND data->>'auditId' = $1 AND state IN ('created', 'retry', 'active')`,
            [uuidOf(id)],
          );
          return rows[0].n === 0;
        }),
      { what: 'the request jobs to settle' },
    );
    expect(h.engines.received.filter((request) => request.engine === 'slow' && request.at > cancelledAt)).toEqual([]);
    const dropped = await withClient(h.app.databaseUrl, async (client) =>
      (await client.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'visibility-ask' AND data->>'auditId' = $1 AND state = 'cancelled'`, [uuidOf(id)])).rows[0].n,
    );
    expect(dropped).toBeGreaterThan(0);
    const audit = await h.readAudit(id);
    expect(audit).toMatchObject({ status: 'CANCELLED', requestsDone: cancelled.requestsDone, brands: [] });
    expect(audit.answers.totalCount).toBe(cancelled.requestsDone);
    expect(audit.requestsDone).toBeLessThan(30);
  });


  it("keeps owners apart: another owner's audit is not found", async () => {
    const projectId = await h.createProject(['isolated prompt']);
    const id = await h.runAudit(projectId, { engines: ['gpt'], samplesPerPrompt: 1 });
    const read = await h.gql(AUDIT, { id }, h.ownerB);
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cancel = await h.gql(`mutation($id: ID!) { cancelVisibilityAudit(id: $id) { id } }`, { id }, h.ownerB);
    expect(cancel.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const run = await h.gql(`mutation($id: ID!) { runVisibilityAudit(projectId: $id) { id } }`, { id: projectId }, h.ownerB);
    expect(run.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await h.finished(id);
  });

  it('refuses unknown engines and samplesPerPrompt outside 1..10, writing nothing', async () => {
    const projectId = await h.createProject(['refused prompt']);
    const unknown = await h.gql(`mutation($id: ID!) { runVisibilityAudit(projectId: $id, input: { engines: ["nope"] }) { id } }`, { id: projectId });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'engines' });
    const samples = await h.gql(`mutation($id: ID!) { runVisibilityAudit(projectId: $id, input: { samplesPerPrompt: 11 }) { id } }`, { id: projectId });
    expect(samples.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'samplesPerPrompt' });
    const { node } = await h.data(`query($id: ID!) { node(id: $id) { ... on Project { visibilityAudits { edges { node { id } } } } } }`, { id: projectId });
    expect(node.visibilityAudits.edges).toEqual([]);
  });

  it('never shows a key in a GraphQL response, a stored answer or a log line', async () => {
    for (const key of Object.values(KEYS)) expect(h.seen()).not.toContain(key);
    // The down engine echoed its key in every error body: it was cut out of the stored error.
    expect(h.responses.join('\n')).toContain('[key removed]');
  });
});

describe('a server with no answer engine', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await startTestApp();
  }, 60_000);
  afterAll(() => bare?.close());

  it('lists none and refuses an audit, naming ANSWER_ENGINES', async () => {
    const { data: engineList } = await graphql(bare.graphqlUrl, '{ answerEngines { name } }');
    expect(engineList.answerEngines).toEqual([]);
    const created = await graphql(bare.graphqlUrl, `mutation { createProject(input: { name: "P", brand: { name: "Acme", domains: ["acme.com"] }, competitors: [{ name: "Rival", domains: ["rival.com"] }] }) { id } }`);
    const refused = await graphql(bare.graphqlUrl, `mutation($id: ID!) { runVisibilityAudit(projectId: $id) { id } }`, { id: created.data.createProject.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('ANSWER_ENGINES');
    const rows = await withClient(bare.databaseUrl, (client) => client.query('SELECT count(*)::int AS n FROM "VisibilityAudit"'));
    expect(rows.rows[0].n).toBe(0);
  });
});
