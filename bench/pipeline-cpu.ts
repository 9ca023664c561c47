import { loadConfig } from '../src/config';
import { integerArgs } from './lib/args';
import { startBenchServer } from './lib/database';
import { benchLogger } from './lib/log';
import { benchCommand, section, table } from './lib/markdown';
import { measureBarePgBoss } from './pipeline/bareBoss';
import { measureCpuShares } from './pipeline/cpuShares';
import { measureVantage } from './pipeline/vantageTargets';

// Not part of `npm run bench`: where the pipeline bench's CPU goes, per item, on each side.
const args = integerArgs({ jobs: 4000, 'bare-jobs': 8000, batch: 50 });
const config = loadConfig();
const log = benchLogger();
const server = await startBenchServer(config, log);
try {
  const limits = { chunk: args.batch, maxSeconds: 120 };
  const bare = await measureCpuShares(async () =>
    measureBarePgBoss(await server.createDatabase('bare'), { ...limits, jobs: args['bare-jobs'], concurrency: config.workerConcurrency }, log),
  );
  const vantage = await measureCpuShares(async () => measureVantage(config, await server.createDatabase('pipeline'), { ...limits, jobs: args.jobs }, log));
  const row = (label: string, { result, cpu }: typeof bare) => {
    const perItem = (seconds: number) => ((seconds * 1000) / result.items).toFixed(2);
    return [label, result.items, (result.items / result.seconds).toFixed(0), perItem(cpu.postgres), perItem(cpu.main), perItem(cpu.otherThreads), perItem(cpu.postgres + cpu.main + cpu.otherThreads)];
  };
  console.log(
    section('Pipeline CPU per item', benchCommand('bench/pipeline-cpu.ts'), [
      `On ${server.description}; WORKER_CONCURRENCY=${config.workerConcurrency}. The pipeline bench's two sides, each with its set-up and warm-up included, ` +
        "CPU from /proc sampled every 50 ms (the sampling's own cost included): every PostgreSQL process, this process's main thread (Vantage, the " +
        'fixture sites and the bench client), and its other threads (the analysis thread, GC and compiler threads).',
      table(
        ['side', 'items', 'items/s', 'PostgreSQL ms/item', 'main thread ms/item', 'other threads ms/item', 'total CPU ms/item'],
        [row('bare pg-boss, no-op jobs', bare), row('Vantage pages', vantage)],
      ),
    ]),
  );
} finally {
  await server.stop();
}
