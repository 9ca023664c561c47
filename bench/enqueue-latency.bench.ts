import { loadConfig } from '../src/config';
import { integerArgs } from './lib/args';
import { startBenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { ms, summarize } from './lib/stats';
import { measureBareStarts } from './latency/bareStarts';
import { measureVantageStarts } from './latency/vantageStarts';

const args = integerArgs({ jobs: 300, 'gap-min-ms': 20, 'gap-max-ms': 120 });
const config = loadConfig();
const log = benchLogger();
const server = await startBenchServer(config, log);
try {
  const gaps = { jobs: args.jobs, gapMinMs: args['gap-min-ms'], gapMaxMs: args['gap-max-ms'] };
  const bare = await measureBareStarts(await server.createDatabase('bare'), { ...gaps, concurrency: config.workerConcurrency }, log);
  const vantage = await measureVantageStarts(config, await server.createDatabase('latency'), gaps, log);
  const row = (label: string, samples: number[]) => {
    const summary = summarize(samples);
    return [label, summary.count, ms(summary.p50), ms(summary.p99), ms(summary.max)];
  };
  console.log(
    section('Enqueue-to-start latency (LISTEN/NOTIFY on)', benchCommand('bench/enqueue-latency.bench.ts'), [
      `On ${server.description}. ${args.jobs} jobs, sent one at a time; each is waited for until it ended, then ${args['gap-min-ms']}–${args['gap-max-ms']} ms ` +
        `(random) of idle time. WORKER_CONCURRENCY=${config.workerConcurrency}. created_on is the enqueueing transaction's start ` +
        '(for Vantage, the createBatch transaction), so these include that transaction\'s own time up to its commit.',
      table(
        ['from created_on to', 'jobs', 'p50 ms', 'p99 ms', 'max ms'],
        [
          row('bare pg-boss: started_on (fetched)', bare.pickup),
          row('bare pg-boss: handler called', bare.handler),
          row('Vantage analyze-target: started_on (fetched)', vantage.pickup),
          row('Vantage analyze-target: target startedAt (handler began)', vantage.handler),
          row('(for scale: the createBatch request, as its client timed it)', vantage.createBatchRoundTrip),
        ],
      ),
    ]),
  );
} finally {
  await server.stop();
}
