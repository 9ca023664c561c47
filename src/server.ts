import { startVantage, type Vantage } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const log = createLogger(config.logLevel, undefined, config.logFormat);

/** A terminal's Ctrl-C reaches npm, tsx and Vantage alike, and npm and tsx pass it on again. */
const SAME_SIGNAL_MS = 1000;

let vantage: Vantage;
/** A process that joined another's embedded PostgreSQL reconnects when that comes back on another port. */
let following: Promise<void> = Promise.resolve();

async function start(): Promise<void> {
  vantage = await startVantage(config, log, {
    onDatabaseMoved: () => {
      following = following.then(async () => {
        // The old port may answer nothing or anything (another program took it): jobs pg-boss could
        // not hand back there stay active until they expire, then run again.
        await vantage.stop().catch((error) => log.warn({ err: error }, 'the connections to the old port did not close cleanly; reconnecting anyway'));
        await start();
      });
      following.catch((error) => {
        log.fatal({ err: error }, 'reconnecting to the embedded PostgreSQL failed');
        process.exit(1);
      });
    },
  });
  if (config.role !== 'worker') {
    log.info(`Vantage (${config.role}) is ready: GraphiQL at ${vantage.url}/graphql, web client at ${vantage.url}/`);
  } else {
    log.info(`Vantage worker is ready (concurrency ${config.workerConcurrency}); health at ${vantage.url}/health`);
  }
}

try {
  await start();
  let firstSignalAt: number | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (firstSignalAt !== null) {
        if (Date.now() - firstSignalAt < SAME_SIGNAL_MS) return;
        log.warn({ signal }, 'second signal: exiting without waiting for running jobs');
        process.exit(1);
      }
      firstSignalAt = Date.now();
      log.info({ signal }, 'shutting down');
      following
        .then(() => vantage.stop())
        .then(
          () => {
            log.info('stopped');
            process.exit(0);
          },
          (error) => {
            log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
    });
  }
} catch (error) {
  log.error({ err: error }, (error as Error).message);
  process.exit(1);
}
