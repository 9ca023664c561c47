import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, withClient, type TestDatabase } from '../helpers/database';
import { graphqlData } from '../helpers/graphql';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { waitUntil } from '../helpers/wait';
import { openAiAnswer, startEngineServer, type EngineServer } from './engineServer';

const RECOVERY = { JOB_HEARTBEAT_SECONDS: '10', QUEUE_SUPERVISE_SECONDS: '1', QUEUE_POLL_SECONDS: '1' };

let database: TestDatabase;
let engines: EngineServer;
const processes: VantageProcess[] = [];

afterAll(async () => {
  await stopProcess(processes);
  await engines?.close();
  await database?.drop();
});

it('completes an audit whose worker was killed mid-audit, with no answer stored or counted twice', { timeout: 90_000 }, async () => {
  database = await createTestDatabase();
  engines = await startEngineServer(() => ({ ...openAiAnswer('Acme is good; Rival too.'), delayMs: 300 }));
  const env = {
    ...RECOVERY,
    DATABASE_URL: database.url,
    ANSWER_ENGINES: JSON.stringify([{ name: 'gpt', kind: 'openai-chat', baseUrl: engines.baseUrl('gpt'), model: 'gpt-model', concurrency: 2 }]),
  };
  const first = await spawnVantage(env);
  processes.push(first);
  const api = `${first.url}/graphql`;
  const { createProject } = await graphqlData(api, `mutation { createProject(input: { name: "P", brand: { name: "Acme", domains: ["acme.com"] },
    competitors: [{ name: "Rival", domains: ["rival.com"] }], prompts: ["one", "two", "three", "four"] }) { id } }`);
  const { runVisibilityAudit } = await graphqlData(api, `mutation($id: ID!) { runVisibilityAudit(projectId: $id, input: { samplesPerPrompt: 3 }) { id } }`, {
    id: createProject.id,
  });
  const auditId = Buffer.from(runVisibilityAudit.id, 'base64').toString().split(':')[1];
  const row = () =>
    withClient(database.url, async (client) => (await client.query(`SELECT status, "requestsDone", "requestsTotal" FROM "VisibilityAudit" WHERE id = $1`, [auditId])).rows[0]);
  await waitUntil(async () => (await row()).requestsDone >= 2, { what: 'two answers' });

  first.kill('SIGKILL');
  await first.exited;
  const requestsAtKill = engines.received.length;
  processes.push(await spawnVantage(env));

  const audit = await waitUntil(async () => {
    const current = await row();
    return current.status === 'COMPLETED' ? current : null;
  }, { timeoutMs: 60_000, what: 'the audit to complete after the kill' });
  expect(audit).toMatchObject({ requestsTotal: 12, requestsDone: 12 });
  const answers = await withClient(database.url, async (client) =>
    (await client.query(`SELECT engine, prompt, sample, count(*)::int AS n FROM "VisibilityAnswer" WHERE "auditId" = $1 GROUP BY 1, 2, 3`, [auditId])).rows,
  );
  expect(answers).toHaveLength(12);
  expect(answers.every((answer) => answer.n === 1)).toBe(true);
  // The requests the killed worker had in flight were asked again; the others were not.
  expect(engines.received.length).toBeGreaterThanOrEqual(12);
  expect(engines.received.length).toBeLessThanOrEqual(requestsAtKill + 12);
});
