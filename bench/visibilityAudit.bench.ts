// Visibility audit overhead: one audit of 50 prompts × 3 engines × 3 samples, every engine a
// loopback server answering each request after exactly 200 ms, against an ideal client sending
// the same requests to the same servers under the same per-engine concurrency, alternately.
// Run: npx tsx bench/visibilityAudit.bench.ts [--prompts 50] [--samples 3] [--concurrency 2] [--rounds 2] [--delay-ms 200]
import pg from 'pg';
import pLimit from 'p-limit';
import { loadConfig } from '../src/config';
import { decodeId } from '../src/schema/ids';
import { graphqlData } from '../test/helpers/graphql';
import { waitUntil } from '../test/helpers/wait';
import { openAiAnswer, startEngineServer } from '../test/visibility/engineServer';
import { integerArgs } from './lib/args';
import { startBenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { spawnVantage } from './lib/vantageProcess';

const args = integerArgs({ prompts: 50, samples: 3, concurrency: 2, rounds: 2, 'delay-ms': 200 });
const ENGINES = ['alpha', 'beta', 'gamma'];
const TARGET_RATIO = 1.1;
const ANSWER = 'For trail running, Acme Trail and Rival are the usual picks; Zenith is cheaper. See https://reviews.example/trail-shoes';

const config = loadConfig();
const log = benchLogger();
const cleanups: (() => Promise<unknown>)[] = [];
try {
  const server = await startBenchServer(config, log);
  cleanups.push(() => server.stop());
  const engines = await startEngineServer(() => ({ ...openAiAnswer(ANSWER, ['https://acme.com/shoes']), delayMs: args['delay-ms'] }));
  cleanups.push(() => engines.close());
  const engineConfig = ENGINES.map((name) => ({
    name,
    kind: 'openai-chat',
    baseUrl: engines.baseUrl(name),
    model: `${name}-model`,
    concurrency: args.concurrency,
    // The per-minute budget is not what is measured: set above what the audit sends.
    requestsPerMinute: 100_000,
  }));
  const databaseUrl = await server.createDatabase('visibility');
  const shared = { DATABASE_URL: databaseUrl, ANSWER_ENGINES: JSON.stringify(engineConfig) };
  const api = await spawnVantage('api', shared, log);
  cleanups.push(() => api.stop());
  const worker = await spawnVantage('worker', shared, log);
  cleanups.push(() => worker.stop());
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const graphqlUrl = `${api.url}/graphql`;

  // Every round asks prompts of its own, so that no answer comes from the cache.
  const promptsOf = (round: string) => Array.from({ length: args.prompts }, (_, index) => `${round}: best trail running shoes for use ${index + 1}?`);

  /** One audit of a new project, from the runVisibilityAudit request to the finishedAt the database recorded. */
  async function vantageRound(round: string, prompts = promptsOf(round)) {
    const { createProject } = await graphqlData<{ createProject: { id: string } }>(
      graphqlUrl,
      `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      {
        input: {
          name: `Visibility bench ${round}`,
          market: 'trail running shoes',
          brand: { name: 'Acme', aliases: ['Acme Trail'], domains: ['acme.com'] },
          competitors: [
            { name: 'Rival', domains: ['rival.com'] },
            { name: 'Zenith', domains: ['zenith.io'] },
          ],
          prompts,
        },
      },
    );
    const sentAt = Date.now();
    const { runVisibilityAudit } = await graphqlData<{ runVisibilityAudit: { id: string } }>(
      graphqlUrl,
      `mutation ($id: ID!, $input: RunVisibilityAuditInput) { runVisibilityAudit(projectId: $id, input: $input) { id } }`,
      { id: createProject.id, input: { samplesPerPrompt: args.samples } },
    );
    const auditId = decodeId(runVisibilityAudit.id, 'VisibilityAudit');
    const audit = await waitUntil(
      async () =>
        (
          await db.query<{ status: string; finishedAt: Date | null; requestsTotal: number; requestsFailed: number; cached: number; error: string | null }>(
            `SELECT status, "finishedAt", "requestsTotal", "requestsFailed", error,
                    (SELECT count(*)::int FROM "VisibilityAnswer" WHERE "auditId" = a.id AND cached) AS cached
             FROM "VisibilityAudit" a WHERE id = $1 AND status IN ('COMPLETED', 'FAILED', 'CANCELLED')`,
            [auditId],
          )
        ).rows[0],
      { timeoutMs: 600_000, intervalMs: 20, what: `audit ${auditId} to end` },
    );
    if (audit.status !== 'COMPLETED' || audit.requestsFailed > 0 || audit.cached > 0) {
      throw new Error(`audit ${auditId} ended ${audit.status} with ${audit.requestsFailed} failed and ${audit.cached} cached requests: ${audit.error}`);
    }
    const { rows } = await db.query<{ last: Date }>(`SELECT max("createdAt") AS last FROM "VisibilityAnswer" WHERE "auditId" = $1`, [auditId]);
    const firstRequest = Math.min(...engines.received.filter((request) => request.prompt.startsWith(`${round}:`)).map((request) => request.at));
    const finished = audit.finishedAt!.getTime();
    return {
      seconds: (finished - sentAt) / 1000,
      requests: audit.requestsTotal,
      // Where the time went: before the first request reached an engine, asking, after the last answer was stored.
      phases: [firstRequest - sentAt, rows[0]!.last.getTime() - firstRequest, finished - rows[0]!.last.getTime()].map((ms) => (ms / 1000).toFixed(2)),
    };
  }

  /** The same requests straight to the same servers: per engine at most `concurrency` at once, nothing else. */
  async function idealRound(round: string) {
    const started = performance.now();
    let requests = 0;
    await Promise.all(
      engineConfig.map((engine) => {
        const slots = pLimit(engine.concurrency);
        return Promise.all(
          promptsOf(round).flatMap((prompt) =>
            Array.from({ length: args.samples }, () =>
              slots(async () => {
                const response = await fetch(`${engine.baseUrl}/chat/completions`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({ model: engine.model, messages: [{ role: 'user', content: prompt }] }),
                });
                const body = (await response.json()) as { choices: { message: { content: string } }[] };
                if (!response.ok || !body.choices[0]?.message.content) throw new Error(`the ideal client got ${response.status}`);
                requests++;
              }),
            ),
          ),
        );
      }),
    );
    return { seconds: (performance.now() - started) / 1000, requests };
  }

  // Untimed: one small audit, so that the worker's first (connections, JIT) is not in round 1.
  await vantageRound('warm-up', ['warm-up: best trail running shoes?']);
  const rows: (string | number)[][] = [];
  const ratios: number[] = [];
  for (let round = 1; round <= args.rounds; round++) {
    const vantage = await vantageRound(`round ${round} vantage`);
    const ideal = await idealRound(`round ${round} ideal`);
    const ratio = vantage.seconds / ideal.seconds;
    ratios.push(ratio);
    rows.push([round, `${vantage.requests} in ${vantage.seconds.toFixed(2)} s`, `${ideal.requests} in ${ideal.seconds.toFixed(2)} s`, `${ratio.toFixed(3)}x`, vantage.phases.join(' / ')]);
  }
  const worst = Math.max(...ratios);
  const perEngine = args.prompts * args.samples;
  const floor = (Math.ceil(perEngine / args.concurrency) * args['delay-ms']) / 1000;
  console.log(
    section('Visibility audit overhead: Vantage against an ideal client', benchCommand('bench/visibilityAudit.bench.ts'), [
      `On ${server.description}. Three engines (openai-chat), each answering every chat-completions request after ` +
        `${args['delay-ms']} ms from one loopback server in the bench process; each configured with concurrency ${args.concurrency} ` +
        '(requestsPerMinute 100000, so that the per-minute budget does not bind). Vantage: an api and a worker process, ' +
        `default settings otherwise (QUEUE_POLL_SECONDS=${config.queue.pollSeconds}); a new project of ${args.prompts} prompts ` +
        `(new prompts each round: no cache hit), runVisibilityAudit with samplesPerPrompt ${args.samples}, timed from the ` +
        'mutation to the finishedAt of the COMPLETED audit (prompts stage, asking, analysing, scoring, insights). Ideal: the same ' +
        `number of requests per engine sent with fetch, at most ${args.concurrency} at once per engine, the three engines at once. ` +
        `The floor for either: ${Math.ceil(perEngine / args.concurrency)} rounds of ${args['delay-ms']} ms = ${floor.toFixed(1)} s. Vantage and ideal alternate, ` +
        'after one untimed warm-up audit of one prompt.',
      table(['round', 'Vantage audit', 'ideal client', 'Vantage ÷ ideal', 'Vantage s to first request / asking / after the last answer'], rows),
      `Target Vantage within 10 % of ideal (≤ ${TARGET_RATIO}x) in every round: ${worst <= TARGET_RATIO ? 'met' : '**not met**'} (worst ${worst.toFixed(3)}x).`,
    ]),
  );
  if (worst > TARGET_RATIO) process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
