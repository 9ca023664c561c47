import { expect } from 'vitest';
import { createTestKey } from '../helpers/apiKeys';
import { startTestApp, type TestApp } from '../helpers/app';
import { graphql, wsClient } from '../helpers/graphql';
import { capturedLogger } from '../helpers/logs';
import { waitUntil } from '../helpers/wait';
import { openAiAnswer, startEngineServer, type EngineServer, type Reply, type Script } from './engineServer';

export const KEYS = { GPT_KEY: 'sk-gpt-SECRET-7f3a9c', PPLX_KEY: 'pplx-SECRET-41b2e8', DOWN_KEY: 'sk-down-SECRET-0d9e11', LLM_API_KEY: 'sk-llm-SECRET-5c0ffe' };
/** What the insight model answers when asked for prompts about trail running shoes. */
export const GENERATED = Array.from({ length: 12 }, (_, index) => `generated question ${index + 1}`);

/** Per engine, per prompt, per call (order of arrival): answers a test writes. */
export type ScriptedAnswers = Record<string, Record<string, Reply[]>>;

export const AUDIT = `query($id: ID!) { node(id: $id) { ... on VisibilityAudit {
  status stage progress sequence engines samplesPerPrompt prompts promptsSource requestsTotal requestsDone requestsFailed tokensUsed error
  project { id }
  brands { brand { name } isSubject mentionRate mentionRateLow mentionRateHigh shareOfVoice citationShare averagePosition sentiment recommendationRate
    byEngine { engine mentionRate mentionRateLow mentionRateHigh shareOfVoice citationShare } }
  citedDomains { domain citations share brand }
  promptResults { prompt named subjectMentionRate lost }
  insights { title body severity source }
  insightsFailure
  citedPagesBatch { id name targets { url isSubject } }
  answers(first: 100) { totalCount edges { node { prompt engine model sample text cached tokensUsed latencyMs error citations mentions { brand position context sentiment recommended sentimentSource } } } }
} } }`;

/**
 * Vantage with six scripted engines on loopback (gpt, pplx: the scripted answers, else a default
 * one; flaky: 429 with Retry-After first; down: 500 echoing its key; slow: 400 ms an answer, one
 * at a time; shift: whatever `shift.answer` says; faulty: a fault per prompt) and an insight model
 * (prompts; mention judgements and insights as `model.mode` says), as two owners with keys.
 * Every GraphQL response and log line is kept, to search for keys.
 */
export async function startAuditApp(scripted: ScriptedAnswers = {}) {
  const shift = { answer: '' };
  /** How the insight model judges mentions and writes insights: it fails (the lexicon and the rules do), or calls each mention positive and recommended and writes one insight. */
  const model: { mode: 'fail' | 'positive' } = { mode: 'fail' };
  const script: Script = (request) => {
    const answer = scripted[request.engine]?.[request.prompt]?.[request.call];
    if (answer) return answer;
    switch (request.engine) {
      // The insight model: a usable list for one market, an error echoing its key for another,
      // an answer that is no list for any other.
      case 'llm':
        if (request.prompt.startsWith('Write insights')) {
          if (model.mode === 'fail') return { status: 500, body: { error: { message: 'no insights today' } } };
          return openAiAnswer(JSON.stringify({ insights: [{ title: 'Model insight', body: 'Written by the model.', severity: 'INFO' }] }));
        }
        if (request.prompt.startsWith('Judge')) {
          if (model.mode === 'fail') return { status: 500, body: { error: { message: `no judging with ${request.authorization}` } } };
          const sentences = request.prompt.split('\n').filter((line) => /^\d+\. /.test(line));
          return openAiAnswer(JSON.stringify({ judgements: sentences.map((_, i) => ({ i, sentiment: 'POSITIVE', recommended: true })) }));
        }
        if (request.prompt.includes('echoing market')) return { status: 500, body: { error: { message: `bad key ${request.authorization}` } } };
        return openAiAnswer(request.prompt.includes('trail running shoes') ? GENERATED.map((prompt, index) => `${index + 1}. ${prompt}`).join('\n') : 'Sorry, I cannot help.');
      case 'flaky':
        return request.call === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'slow down' } } } : openAiAnswer('Acme, then Rival.');
      // An engine that is down, and whose error body echoes the key it was sent.
      case 'down':
        return { status: 500, body: { error: { message: `internal error for ${request.authorization}` } } };
      case 'shift':
        return openAiAnswer(shift.answer);
      // One fault per prompt.
      case 'faulty':
        if (request.prompt === 'invalid json') return { body: '{"choices": [' };
        if (request.prompt === 'empty answer') return openAiAnswer('   ');
        if (request.prompt === 'huge answer') return openAiAnswer(`Acme ${'x'.repeat(5 * 1024 * 1024)}`);
        if (request.prompt === '500 then fine') return request.call === 0 ? { status: 500, body: 'oops' } : openAiAnswer('Acme is fine.');
        return openAiAnswer('Acme.');
      case 'slow':
        return { ...openAiAnswer('Acme is fine.'), delayMs: 400 };
      default:
        return openAiAnswer('Acme and Rival are both options.');
    }
  };
  const engines: EngineServer = await startEngineServer(script);
  const logs = capturedLogger('debug');
  const responses: string[] = [];
  const engine = (name: string, kind: string, extra: Record<string, unknown> = {}) => ({ name, kind, baseUrl: engines.baseUrl(name), model: `${name}-model`, ...extra });
  const app: TestApp = await startTestApp(
    {
      ...KEYS,
      ANSWER_ENGINES: JSON.stringify([
        engine('gpt', 'openai-chat', { apiKeyEnv: 'GPT_KEY' }),
        engine('pplx', 'perplexity', { apiKeyEnv: 'PPLX_KEY' }),
        engine('flaky', 'openai-chat'),
        engine('down', 'openai-chat', { apiKeyEnv: 'DOWN_KEY' }),
        engine('slow', 'openai-chat', { concurrency: 1 }),
        engine('shift', 'openai-chat'),
        engine('faulty', 'openai-chat'),
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
  const ownerA = (await createTestKey(app.databaseUrl, 'owner A')).key;
  const ownerB = (await createTestKey(app.databaseUrl, 'owner B')).key;

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

  /** A project of Acme (acme.com, or `domains`: a loopback site's address) against Rival and Zenith. */
  async function createProject(prompts: string[], key = ownerA, market = 'trail running shoes', domains = ['acme.com']): Promise<string> {
    const { createProject: project } = await data(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      {
        input: {
          name: 'Trail shoes',
          market,
          brand: { name: 'Acme', aliases: ['Acme Trail'], domains },
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

  const readAudit = async (id: string) => (await data(AUDIT, { id })).node;

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

  /** A graphql-ws client of the app, as an owner (dispose it). */
  const subscriber = (key = ownerA) => wsClient(app.wsUrl, { authorization: `Bearer ${key}` });

  /** Every response and log line so far, as one text to search. */
  const seen = () => [...responses, ...logs.lines.map((line) => JSON.stringify(line))].join('\n');

  return {
    app,
    engines,
    ownerA,
    ownerB,
    shift,
    model,
    responses,
    gql,
    data,
    createProject,
    runAudit,
    readAudit,
    finished,
    subscriber,
    seen,
    async close() {
      await app.close();
      await engines.close();
    },
  };
}

export type AuditApp = Awaited<ReturnType<typeof startAuditApp>>;

/** The global ID's database id. */
export const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;
