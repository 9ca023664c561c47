import { startVantage } from './app';
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
const log = createLogger(config.logLevel);

try {
  const vantage = await startVantage(config, log);
  if (config.role !== 'worker') {
    log.info(`Vantage (${config.role}) is ready: GraphiQL at ${vantage.url}/graphql, web client at ${vantage.url}/`);
  } else {
    log.info(`Vantage worker is ready (concurrency ${config.workerConcurrency}); health at ${vantage.url}/health`);
  }
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) {
        log.warn({ signal }, 'second signal: exiting without waiting for running jobs');
        process.exit(1);
      }
      stopping = true;
      log.info({ signal }, 'shutting down');
      vantage.stop().then(
        () => process.exit(0),
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
