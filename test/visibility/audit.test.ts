import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKey } from '../helpers/apiKeys';
import { startTestApp, type TestApp } from '../helpers/app';
import { withClient } from '../helpers/database';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql, record } from '../helpers/graphql';
import { capturedLogger } from '../helpers/logs';
import { waitUntil } from '../helpers/wait';
import { templatePrompts } from '../../src/visibility';
import { openAiAnswer, perplexityAnswer, startEngineServer, type EngineServer, type Reply, type Script } from './engineServer';

const KEYS = { GPT_KEY: 'sk-gpt-SECRET-7f3a9c', PPLX_KEY: 'pplx-SECRET-41b2e8', DOWN_KEY: 'sk-down-SECRET-0d9e11', LLM_API_KEY: 'sk-llm-SECRET-5c0ffe' };
/** What the insight model answers when asked for prompts about trail running shoes. */
const GENERATED = Array.from({ length: 12 }, (_, index) => `generated question ${index + 1}`);

/** The e2e answer set: per engine, per prompt, per call (order of arrival). */
const SCRIPTED: Record<string, Record<string, Reply[]>> = {
  gpt: {
    'best trail shoes': [
      openAiAnswer('For trail shoes, Acme is the best choice. Rival is also good.', ['https://www.acme.com/trail']),
      openAiAnswer('Rival and Acme both make trail shoes.'),
    ],
    'trail shoes for beginners': [
      openAiAnswer('Rival is recommended for beginners. See https://reviews.example.org/rival for a test.'),
      openAiAnswer('Rival is great for beginners; Zenith is fine too.'),
    ],
    'waterproof trail shoes': [openAiAnswer('Zenith makes waterproof shoes.'), openAiAnswer('Nothing specific comes to mind.')],
  },
  pplx: {
    'best trail shoes': [
      perplexityAnswer('Acme leads; Zenith follows.', ['https://acme.com/a', 'https://outdoor.example.net/best']),
      perplexityAnswer('Acme is popular.', ['https://outdoor.example.net/best']),
    ],
    'trail shoes for beginners': [
      perplexityAnswer('Rival is best for beginners.', [], ['https://rival.com/beginners']),
      perplexityAnswer('Rival and Zenith are both solid.', ['https://rival.com/x', 'https://reviews.example.org/z']),
    ],
    'waterproof trail shoes': [
      perplexityAnswer("Zenith's waterproof line is good.", ['https://zenith.io/w']),
      perplexityAnswer('Acme Trail GTX is waterproof.'),
    ],
  },
};

const script: Script = (request) => {
  const scripted = SCRIPTED[request.engine]?.[request.prompt]?.[request.call];
  if (scripted) return scripted;
  switch (request.engine) {
    // The insight model: a usable list for one market, an answer that is none for any other.
    case 'llm':
      return openAiAnswer(request.prompt.includes('trail running shoes') ? GENERATED.map((prompt, index) => `${index + 1}. ${prompt}`).join('\n') : 'Sorry, I cannot help.');
    case 'flaky':
      return request.call === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'slow down' } } } : openAiAnswer('Acme, then Rival.');
    // An engine that is down, and whose error body echoes the key it was sent.
    case 'down':
      return { status: 500, body: { error: { message: `internal error for ${request.authorization}` } } };
    case 'slow':
      return { ...openAiAnswer('Acme is fine.'), delayMs: 400 };
    default:
      return openAiAnswer('Acme and Rival are both options.');
  }
};

let engines: EngineServer;
let app: TestApp;
const logs = capturedLogger('debug');
/** Every GraphQL response body, to search for keys. */
const responses: string[] = [];
let ownerA: string;
let ownerB: string;

async function gql(query: string, variables: Record<string, unknown> = {}, key = ownerA) {
  const result = await graphql(app.graphqlUrl, query, variables, { authorization: `Bearer ${key}` });
  responses.push(JSON.stringify(result));
  return result;
}

async function data(query: string, variables: Record<string, unknown> = {}, key = ownerA) {
  const result = await gql(query, variables, key);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function createProject(prompts: string[], key = ownerA, market = 'trail running shoes'): Promise<string> {
  const { createProject: project } = await data(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        name: 'Trail shoes',
        market,
        brand: { name: 'Acme', aliases: ['Acme Trail'], domains: ['acme.com'] },
        competitors: [
          { name: 'Rival', domains: ['rival.com'] },
          { name: 'Zenith', domains: ['zenith.io'] },
        ],
        prompts,
      },
    },
    key,
  );
  return project.id;
}

async function runAudit(projectId: string, input: Record<string, unknown>, key = ownerA): Promise<string> {
  const { runVisibilityAudit } = await data(
    `mutation($id: ID!, $input: RunVisibilityAuditInput) { runVisibilityAudit(projectId: $id, input: $input) { id status } }`,
    { id: projectId, input },
    key,
  );
  return runVisibilityAudit.id;
}

const AUDIT = `query($id: ID!) { node(id: $id) { ... on VisibilityAudit {
  status stage progress sequence engines samplesPerPrompt prompts promptsSource requestsTotal requestsDone requestsFailed tokensUsed error
  project { id }
  brands { brand { name } isSubject mentionRate mentionRateLow mentionRateHigh shareOfVoice citationShare averagePosition sentiment recommendationRate
    byEngine { engine mentionRate mentionRateLow mentionRateHigh shareOfVoice citationShare } }
  citedDomains { domain citations share brand }
  promptResults { prompt named subjectMentionRate lost }
  insights { title body severity source }
  citedPagesBatch { id }
  answers(first: 100) { totalCount edges { node { prompt engine model sample text cached tokensUsed latencyMs error citations mentions { brand position context sentiment recommended sentimentSource } } } }
} } }`;

async function readAudit(id: string) {
  return (await data(AUDIT, { id })).node;
}

/** Waits for the audit to end, checking on the way that progress and sequence never go back. */
async function finished(id: string) {
  let last = { progress: 0, sequence: 0 };
  return waitUntil(
    async () => {
      const audit = await readAudit(id);
      expect(audit.progress).toBeGreaterThanOrEqual(last.progress);
      expect(audit.sequence).toBeGreaterThanOrEqual(last.sequence);
      last = audit;
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(audit.status) ? audit : null;
    },
    { timeoutMs: 30_000, what: `audit ${id} to end` },
  );
}

/** Independent of src/: the 95 % Wilson score interval. */
function wilson(k: number, n: number) {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = ((z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-9);

beforeAll(async () => {
  engines = await startEngineServer(script);
  const engine = (name: string, kind: string, extra: Record<string, unknown> = {}) => ({ name, kind, baseUrl: engines.baseUrl(name), model: `${name}-model`, ...extra });
  app = await startTestApp(
    {
      ...KEYS,
      ANSWER_ENGINES: JSON.stringify([
        engine('gpt', 'openai-chat', { apiKeyEnv: 'GPT_KEY' }),
        engine('pplx', 'perplexity', { apiKeyEnv: 'PPLX_KEY' }),
        engine('flaky', 'openai-chat'),
        engine('down', 'openai-chat', { apiKeyEnv: 'DOWN_KEY' }),
        engine('slow', 'openai-chat', { concurrency: 1 }),
      ]),
      ANSWER_RETRIES: '1',
      ANSWER_TIMEOUT_MS: '5000',
      QUEUE_POLL_SECONDS: '0.5',
      LOG_LEVEL: 'debug',
      LLM_BASE_URL: engines.baseUrl('llm'),
      LLM_MODEL: 'insight-model',
      LLM_RETRIES: '0',
    },
    { log: logs.log },
  );
  ownerA = (await createTestKey(app.databaseUrl, 'owner A')).key;
  ownerB = (await createTestKey(app.databaseUrl, 'owner B')).key;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await engines?.close();
});

describe('a visibility audit', () => {
  it('lists the configured engines by name and model, never their keys', async () => {
    const { answerEngines } = await data('{ answerEngines { name model citesSources } }');
    expect(answerEngines.map((engine: { name: string }) => engine.name)).toEqual(['gpt', 'pplx', 'flaky', 'down', 'slow']);
    expect(answerEngines[1]).toEqual({ name: 'pplx', model: 'pplx-model', citesSources: true });
  });

  it('asks every prompt of every engine samplesPerPrompt times, and scores the answers as computed by hand', async () => {
    const projectId = await createProject(['best trail shoes', 'trail shoes for beginners', 'waterproof trail shoes']);
    const id = await runAudit(projectId, { engines: ['gpt', 'pplx'], samplesPerPrompt: 2 });
    const audit = await finished(id);
    expect(audit).toMatchObject({ status: 'COMPLETED', stage: 'DONE', progress: 100, requestsTotal: 12, requestsDone: 12, requestsFailed: 0, error: null, promptsSource: 'PROJECT' });
    expect(audit.project.id).toBe(projectId);
    // Every request's tokens: 6 × 42 (gpt) + 6 × 50 (pplx).
    expect(audit.tokensUsed).toBe(6 * 42 + 6 * 50);
    expect(audit.answers.totalCount).toBe(12);
    expect(engines.received.filter((request) => request.engine === 'gpt').every((request) => request.authorization === `Bearer ${KEYS.GPT_KEY}` && request.model === 'gpt-model')).toBe(true);

    const [acme, rival, zenith] = audit.brands;
    expect(audit.brands.map((brand: { brand: { name: string } }) => brand.brand.name)).toEqual(['Acme', 'Rival', 'Zenith']);
    expect(acme.isSubject).toBe(true);
    // Acme is named by 5 of 12 answers, Rival by 6, Zenith by 5: 16 namings in all.
    for (const [brand, named] of [[acme, 5], [rival, 6], [zenith, 5]] as const) {
      close(brand.mentionRate, named / 12);
      close(brand.mentionRateLow, wilson(named, 12).low);
      close(brand.mentionRateHigh, wilson(named, 12).high);
      close(brand.shareOfVoice, named / 16);
    }
    // 9 cited URLs: acme.com 2, rival.com 2, zenith.io 1, the rest third-party.
    close(acme.citationShare, 2 / 9);
    close(rival.citationShare, 2 / 9);
    close(zenith.citationShare, 1 / 9);
    // Positions: Acme 1,2,1,1,1; Rival 2,1,1,1,1,1; Zenith 2,1,2,2,1.
    close(acme.averagePosition, 6 / 5);
    close(rival.averagePosition, 7 / 6);
    close(zenith.averagePosition, 8 / 5);
    const gpt = acme.byEngine.find((entry: { engine: string }) => entry.engine === 'gpt');
    const pplx = acme.byEngine.find((entry: { engine: string }) => entry.engine === 'pplx');
    close(gpt.mentionRate, 2 / 6);
    close(gpt.mentionRateLow, wilson(2, 6).low);
    close(gpt.shareOfVoice, 2 / 8);
    close(gpt.citationShare, 1 / 2);
    close(pplx.mentionRate, 3 / 6);
    close(pplx.shareOfVoice, 3 / 8);
    close(pplx.citationShare, 1 / 7);

    expect(audit.promptResults).toEqual([
      { prompt: 'best trail shoes', named: ['Acme', 'Rival'], subjectMentionRate: 1, lost: false },
      { prompt: 'trail shoes for beginners', named: ['Rival', 'Zenith'], subjectMentionRate: 0, lost: true },
      { prompt: 'waterproof trail shoes', named: ['Zenith'], subjectMentionRate: 0.25, lost: false },
    ]);
    expect(audit.citedDomains.map((entry: { domain: string; citations: number; brand: string | null }) => [entry.domain, entry.citations, entry.brand])).toEqual([
      ['acme.com', 2, 'Acme'],
      ['example.net', 2, null],
      ['example.org', 2, null],
      ['rival.com', 2, 'Rival'],
      ['zenith.io', 1, 'Zenith'],
    ]);
    expect(audit.insights).toContainEqual(expect.objectContaining({ title: 'Rival is named where Acme is not', source: 'rules' }));
    expect(audit.insights).toContainEqual(expect.objectContaining({ title: 'Sources the engines cite where you are missing', body: expect.stringContaining('example.org (2)') }));
    expect(audit.citedPagesBatch).toBeNull();

    const alias = audit.answers.edges.map((edge: { node: unknown }) => edge.node).find((answer: { text: string }) => answer.text === 'Acme Trail GTX is waterproof.');
    expect(alias.mentions).toEqual([{ brand: 'Acme', position: 1, context: 'Acme Trail GTX is waterproof.', sentiment: 'NEUTRAL', recommended: false, sentimentSource: 'LEXICON' }]);
    const { node: filtered } = await data(`query($id: ID!) { node(id: $id) { ... on VisibilityAudit { answers(engine: "pplx", brand: "Zenith") { totalCount } } } }`, { id });
    expect(filtered.answers.totalCount).toBe(3);
    const { node: project } = await data(`query($id: ID!) { node(id: $id) { ... on Project { visibilityAudits { edges { node { id } } } } } }`, { id: projectId });
    expect(project.visibilityAudits.edges).toEqual([{ node: { id } }]);
  });

  it('asks the insight model for prompts when the project has none, and falls back to the templates when its answer is no list', async () => {
    const generated = await finished(await runAudit(await createProject([]), { engines: ['gpt'], samplesPerPrompt: 1 }));
    expect(generated).toMatchObject({ status: 'COMPLETED', promptsSource: 'MODEL', prompts: GENERATED, requestsTotal: 12 });
    expect(engines.received.find((request) => request.engine === 'llm')?.authorization).toBe(`Bearer ${KEYS.LLM_API_KEY}`);
    const fallback = await finished(await runAudit(await createProject([], ownerA, 'garden tools'), { engines: ['gpt'], samplesPerPrompt: 1 }));
    const templates = templatePrompts({ brand: { name: 'Acme' }, competitors: [{ name: 'Rival' }, { name: 'Zenith' }], market: 'garden tools', language: 'en' });
    expect(fallback).toMatchObject({ status: 'COMPLETED', promptsSource: 'TEMPLATES', prompts: templates, requestsTotal: templates.length });
  });

  it('waits out Retry-After on a 429, then stores the answer', async () => {
    const projectId = await createProject(['flaky prompt']);
    const audit = await finished(await runAudit(projectId, { engines: ['flaky'], samplesPerPrompt: 1 }));
    expect(audit).toMatchObject({ status: 'COMPLETED', requestsDone: 1, requestsFailed: 0 });
    const asked = engines.received.filter((request) => request.engine === 'flaky');
    expect(asked).toHaveLength(2);
    expect(asked[1]!.at - asked[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('fails only the share of an engine that is down, and says so', async () => {
    const projectId = await createProject(['downtime prompt']);
    const audit = await finished(await runAudit(projectId, { engines: ['gpt', 'down'], samplesPerPrompt: 2 }));
    expect(audit).toMatchObject({ status: 'COMPLETED', requestsTotal: 4, requestsDone: 4, requestsFailed: 2 });
    expect(audit.error).toContain('down: 2 of 2 failed');
    const failed = audit.answers.edges.map((edge: { node: { error: string | null; engine: string } }) => edge.node).filter((answer: { error: string | null }) => answer.error);
    expect(failed.map((answer: { engine: string }) => answer.engine)).toEqual(['down', 'down']);
    expect(failed[0].error).toContain('HTTP 500');
    // Failed requests count in no score.
    close(audit.brands[0].mentionRate, 1);
  });

  it('ends FAILED with the reason when every request failed', async () => {
    const projectId = await createProject(['nobody answers']);
    const audit = await finished(await runAudit(projectId, { engines: ['down'], samplesPerPrompt: 1 }));
    expect(audit).toMatchObject({ status: 'FAILED', requestsDone: 1, requestsFailed: 1, brands: [] });
    expect(audit.error).toMatch(/^Every request failed\. down: 1 of 1 failed \(HTTP_STATUS: HTTP 500/);
  });

  it('answers a sample from the cache within the TTL: no request is sent for it', async () => {
    const prompts = ['cached prompt one', 'cached prompt two'];
    const projectId = await createProject(prompts);
    await finished(await runAudit(projectId, { engines: ['gpt'], samplesPerPrompt: 1 }));
    const before = engines.received.length;
    const second = await finished(await runAudit(projectId, { engines: ['gpt'], samplesPerPrompt: 2 }));
    // Sample 1 of each prompt came from the cache; only sample 2 was asked.
    const sent = engines.received.slice(before);
    expect(sent.map((request) => request.prompt).sort()).toEqual([...prompts].sort());
    const answers = second.answers.edges.map((edge: { node: { sample: number; cached: boolean; tokensUsed: number } }) => edge.node);
    expect(answers.filter((answer: { cached: boolean }) => answer.cached).map((answer: { sample: number }) => answer.sample)).toEqual([1, 1]);
    expect(second.tokensUsed).toBe(2 * 42);
    expect(second.status).toBe('COMPLETED');
  });

  it('cancels mid-audit: no request starts after it and nothing is stored after it', async () => {
    const projectId = await createProject(['slow one', 'slow two', 'slow three']);
    const id = await runAudit(projectId, { engines: ['slow'], samplesPerPrompt: 3 });
    await waitUntil(async () => (await readAudit(id)).requestsDone >= 2, { what: 'two answers' });
    const { cancelVisibilityAudit: cancelled } = await data(`mutation($id: ID!) { cancelVisibilityAudit(id: $id) { status requestsDone } }`, { id });
    const cancelledAt = Date.now();
    expect(cancelled.status).toBe('CANCELLED');
    // Settled: none of the audit's request jobs is queued or running any more.
    await waitUntil(
      () =>
        withClient(app.databaseUrl, async (client) => {
          const { rows } = await client.query(
            `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'visibility-ask' AND data->>'auditId' = $1 AND state IN ('created', 'retry', 'active')`,
            [Buffer.from(id, 'base64').toString().split(':')[1]],
          );
          return rows[0].n === 0;
        }),
      { what: 'the request jobs to settle' },
    );
    expect(engines.received.filter((request) => request.engine === 'slow' && request.at > cancelledAt)).toEqual([]);
    const audit = await readAudit(id);
    expect(audit).toMatchObject({ status: 'CANCELLED', requestsDone: cancelled.requestsDone, brands: [] });
    expect(audit.answers.totalCount).toBe(cancelled.requestsDone);
    expect(audit.requestsDone).toBeLessThan(9);
  });

  it('streams the audit live: snapshot first, sequence-ordered, progress never back, completed at the end', async () => {
    // The slow engine (400 ms an answer, one at a time): the audit is still running when the subscription starts.
    const projectId = await createProject(['live one', 'live two']);
    const id = await runAudit(projectId, { engines: ['slow'], samplesPerPrompt: 2 });
    const client = createClient({ url: app.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${ownerA}` }, lazy: true, retryAttempts: 0 });
    const stranger = createClient({ url: app.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${ownerB}` }, lazy: true, retryAttempts: 0 });
    try {
      const query = `subscription($id: ID!) { visibilityProgress(id: $id) { sequence audit { status stage progress requestsDone } } }`;
      const live = record<{ visibilityProgress: { sequence: number; audit: { status: string; progress: number; requestsDone: number } } }>(client, query, { id });
      const foreign = record(stranger, query, { id });
      await live.completed;
      responses.push(JSON.stringify(live.events));
      const states = live.events.map((event) => event.visibilityProgress);
      expect(states.length).toBeGreaterThan(1);
      for (const [index, state] of states.entries()) {
        if (index === 0) continue;
        expect(state.sequence).toBeGreaterThan(states[index - 1]!.sequence);
        expect(state.audit.progress).toBeGreaterThanOrEqual(states[index - 1]!.audit.progress);
      }
      expect(states.at(-1)!.audit).toMatchObject({ status: 'COMPLETED', progress: 100, requestsDone: 4 });
      await foreign.completed.catch(() => {});
      expect(foreign.events).toEqual([]);
      expect(JSON.stringify(foreign.errors)).toContain('NOT_FOUND');
    } finally {
      await client.dispose();
      await stranger.dispose();
    }
  });

  it("keeps owners apart: another owner's audit is not found", async () => {
    const projectId = await createProject(['isolated prompt']);
    const id = await runAudit(projectId, { engines: ['gpt'], samplesPerPrompt: 1 });
    const read = await gql(AUDIT, { id }, ownerB);
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cancel = await gql(`mutation($id: ID!) { cancelVisibilityAudit(id: $id) { id } }`, { id }, ownerB);
    expect(cancel.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const run = await gql(`mutation($id: ID!) { runVisibilityAudit(projectId: $id) { id } }`, { id: projectId }, ownerB);
    expect(run.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await finished(id);
  });

  it('refuses unknown engines and samplesPerPrompt outside 1..10, writing nothing', async () => {
    const projectId = await createProject(['refused prompt']);
    const unknown = await gql(`mutation($id: ID!) { runVisibilityAudit(projectId: $id, input: { engines: ["nope"] }) { id } }`, { id: projectId });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'engines' });
    const samples = await gql(`mutation($id: ID!) { runVisibilityAudit(projectId: $id, input: { samplesPerPrompt: 11 }) { id } }`, { id: projectId });
    expect(samples.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'samplesPerPrompt' });
    const { node } = await data(`query($id: ID!) { node(id: $id) { ... on Project { visibilityAudits { edges { node { id } } } } } }`, { id: projectId });
    expect(node.visibilityAudits.edges).toEqual([]);
  });

  it('never shows a key in a GraphQL response, a stored answer or a log line', async () => {
    const everything = [...responses, ...logs.lines.map((line) => JSON.stringify(line))].join('\n');
    expect(logs.lines.length).toBeGreaterThan(0);
    for (const key of Object.values(KEYS)) expect(everything).not.toContain(key);
    // The down engine echoed its key in every error body: it was cut out of the stored error.
    expect(responses.join('\n')).toContain('[key removed]');
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
