import { Worker } from 'node:worker_threads';
import { createApiKey } from '../src/auth/apiKeys';
import { loadConfig } from '../src/config';
import { createPrisma } from '../src/db/prisma';
import { graphqlData } from '../test/helpers/graphql';
import type { FloodCounts, FloodInput } from './flood/floodThread';
import { integerArgs } from './lib/args';
import { startBenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { ms, summarize } from './lib/stats';
import { spawnVantage, usageOf } from './lib/vantageProcess';

/**
 * A keyed owner's latency for a small query, on an idle api process and while keyless clients
 * send 1 MB bodies as fast as they are answered (issue 14: the server used to read and parse
 * them before it checked the key). The api runs in a process of its own, the flood in a thread
 * of its own; idle and flooded phases alternate, so that the load of a shared machine moves both.
 */
const args = integerArgs({ samples: 300, rounds: 5, connections: 4, 'body-kib': 1024 });
const config = loadConfig();
const log = benchLogger();
const server = await startBenchServer(config, log);
const QUERY = '{ batches(first: 1) { edges { node { id } } } }';

type Phase = { latencies: number[]; apiCpuSeconds: number; benchCpuSeconds: number; seconds: number };
const newPhase = (): Phase => ({ latencies: [], apiCpuSeconds: 0, benchCpuSeconds: 0, seconds: 0 });

try {
  const databaseUrl = await server.createDatabase('flood');
  const api = await spawnVantage('api', { DATABASE_URL: databaseUrl }, log);
  const flood = new Worker(new URL('./flood/floodThread.ts', import.meta.url), {
    workerData: { graphqlUrl: `${api.url}/graphql`, connections: args.connections, bodyBytes: args['body-kib'] * 1024 } satisfies FloodInput,
  });
  flood.once('error', (error) => log.error({ err: error }, 'the flood thread failed'));
  const nextMessage = () => new Promise<{ type: string; counts?: FloodCounts }>((resolve) => flood.once('message', resolve));
  try {
    const prisma = createPrisma(databaseUrl, 1);
    const { key } = await createApiKey(prisma, { name: 'bench' }).finally(() => prisma.$disconnect());
    const graphqlUrl = `${api.url}/graphql`;

    /** Sequential keyed requests, each timed from send to parsed answer, with the CPU the api and this process used meanwhile. */
    async function measure(count: number, phase: Phase): Promise<void> {
      const [apiBefore, benchBefore, started] = [await usageOf(api.pid), process.cpuUsage(), performance.now()];
      for (let i = 0; i < count; i++) {
        const sent = performance.now();
        await graphqlData(graphqlUrl, QUERY, {}, { authorization: `Bearer ${key}` });
        phase.latencies.push(performance.now() - sent);
      }
      const benchUsed = process.cpuUsage(benchBefore);
      phase.seconds += (performance.now() - started) / 1000;
      phase.apiCpuSeconds += (await usageOf(api.pid)).cpuSeconds - apiBefore.cpuSeconds;
      phase.benchCpuSeconds += (benchUsed.user + benchUsed.system) / 1e6;
    }

    await measure(30, newPhase()); // warm-up: connections, JIT, the database's caches
    const idle = newPhase();
    const flooded = newPhase();
    const counts: FloodCounts = {};
    const perRound = Math.ceil(args.samples / args.rounds);
    for (let round = 0; round < args.rounds; round++) {
      await measure(perRound, idle);
      flood.postMessage('flood');
      await nextMessage(); // the flood's first answer came
      await measure(perRound, flooded);
      flood.postMessage('pause');
      for (const [outcome, count] of Object.entries((await nextMessage()).counts!)) counts[outcome] = (counts[outcome] ?? 0) + count;
    }

    const idleSummary = summarize(idle.latencies);
    const floodSummary = summarize(flooded.latencies);
    const cpu = (phase: Phase) => `${((phase.apiCpuSeconds / phase.seconds) * 100).toFixed(0)}%`;
    const row = (label: string, phase: Phase, summary: ReturnType<typeof summarize>) => [
      label,
      summary.count,
      ms(summary.p50),
      ms(summary.p99),
      ms(summary.max),
      cpu(phase),
      `${((phase.benchCpuSeconds / phase.seconds) * 100).toFixed(0)}%`,
    ];
    const floodTotal = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const outcomes = Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([outcome, count]) => `${count} × ${outcome === 'closed' ? 'connection closed before the whole body was sent' : `HTTP ${outcome}`}`)
      .join(', ');
    console.log(
      section('A keyed owner under an anonymous large-body flood', benchCommand('bench/anonymous-flood.bench.ts'), [
        `On ${server.description}; one api process (\`VANTAGE_ROLE=api\`, default settings). The owner sends \`${QUERY}\` with its key, ` +
          `one request after another, ${idleSummary.count} times idle and ${floodSummary.count} times while ${args.connections} keyless ` +
          `connections send ${args['body-kib']} KiB JSON bodies as fast as they are answered (each on a new connection), in ` +
          `${args.rounds} alternating rounds. CPU: of one core, the api process's and the bench's own (the flood thread and the owner's client).`,
        table(
          ['phase', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'api CPU', 'bench CPU'],
          [row('idle', idle, idleSummary), row('under the flood', flooded, floodSummary)],
        ),
        `Under the flood / idle: p50 ${(floodSummary.p50 / idleSummary.p50).toFixed(2)}x, p99 ${(floodSummary.p99 / idleSummary.p99).toFixed(2)}x. ` +
          `The flood's ${floodTotal} requests in ${flooded.seconds.toFixed(1)} s (${(floodTotal / flooded.seconds).toFixed(0)}/s): ${outcomes}.`,
      ]),
    );
  } finally {
    await flood.terminate();
    await api.stop();
  }
} finally {
  await server.stop();
}
