import { loadConfig } from '../src/config';
import { integerArgs } from './lib/args';
import { startBenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { ms, summarize } from './lib/stats';
import { measureBarePgBoss } from './pipeline/bareBoss';
import { measureVantage } from './pipeline/vantageTargets';

const TARGET_RATIO = 0.5;

const args = integerArgs({ jobs: 1000, batch: 50, 'max-seconds': 45 });
const config = loadConfig();
const log = benchLogger();
const server = await startBenchServer(config, log);
try {
  const limits = { jobs: args.jobs, chunk: args.batch, maxSeconds: args['max-seconds'] };
  const bare = await measureBarePgBoss(await server.createDatabase('bare'), { ...limits, concurrency: config.workerConcurrency }, log);
  // Not Vantage's settings: what the same queue does when each fetch that comes back full is
  // followed by another at once, instead of a wait for the next NOTIFY or poll.
  const bursting = await measureBarePgBoss(
    await server.createDatabase('burst'),
    { ...limits, concurrency: config.workerConcurrency, workOptions: { batchSize: config.workerConcurrency, burstWhenBatchFull: true } },
    log,
  );
  const vantage = await measureVantage(config, await server.createDatabase('pipeline'), limits, log);
  const bareRate = bare.items / bare.seconds;
  const vantageRate = vantage.items / vantage.seconds;
  const ratio = vantageRate / bareRate;
  const cutShort = bare.items < args.jobs || vantage.items < args.jobs;
  const verdict = cutShort
    ? '**not meaningful**: a side hit the time limit, so both rates measure waiting, not work'
    : ratio >= TARGET_RATIO
      ? 'met'
      : '**not met**';
  const active = (result: { activeMs: number[] }) => {
    const summary = summarize(result.activeMs);
    return [ms(summary.p50), ms(summary.p99)];
  };
  const finished = (items: number) => (items === args.jobs ? `${items}` : `**${items} of ${args.jobs}** (time limit)`);
  console.log(
    section('Pipeline overhead: bare pg-boss jobs vs Vantage pages', benchCommand('bench/pipeline.bench.ts'), [
      `On ${server.description}. ${args.jobs} items, enqueued ${args.batch} at a time while the workers run, at most ${args['max-seconds']} s per side; ` +
        `WORKER_CONCURRENCY=${config.workerConcurrency}. Bare pg-boss: no-op handlers on a \`notify: true\` queue of a ` +
        '`createBoss` instance, `localConcurrency` as Vantage. Vantage: `createBatch` over GraphQL, analyze-target on an ' +
        `instant loopback page (each batch's pages spread over ${vantage.sites} sites, so that CRAWL_MAX_PER_HOST=` +
        `${config.maxFetchesPerHost} leaves every worker slot a host), then compare-batch per batch. ` +
        'The clock of each side stops at the time the database recorded for its last item. ' +
        'Each side first runs one untimed warm-up of one item per worker. ' +
        '"Job active" is pg-boss started_on → completed_on of each finished item: the work a worker slot does per item.',
      table(
        ['pipeline', 'items finished', 'seconds', 'items/s', 'job active p50 ms', 'job active p99 ms'],
        [
          ['bare pg-boss (no-op jobs completed)', finished(bare.items), bare.seconds.toFixed(2), bareRate.toFixed(1), ...active(bare)],
          [
            `for scale, not Vantage's settings: bare pg-boss with batchSize ${config.workerConcurrency}, burstWhenBatchFull, one worker`,
            finished(bursting.items),
            bursting.seconds.toFixed(2),
            (bursting.items / bursting.seconds).toFixed(1),
            ...active(bursting),
          ],
          [
            `Vantage (pages analysed; ${vantage.batchesCompleted} of ${vantage.batches} batches COMPLETED)`,
            finished(vantage.items),
            vantage.seconds.toFixed(2),
            vantageRate.toFixed(1),
            ...active(vantage),
          ],
        ],
      ),
      `Vantage pages/s ÷ bare pg-boss jobs/s = **${(ratio * 100).toFixed(0)}%** ` +
        `(target ≥ ${TARGET_RATIO * 100}%: ${verdict}). ` +
        `The last page finished ${vantage.targetsSeconds.toFixed(2)} s after the first createBatch.`,
    ]),
  );
} finally {
  await server.stop();
}
