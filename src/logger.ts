import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** JSON lines to stdout, or to `destination` (the CLI's stderr, a test's buffer). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    // API keys, their hashes and connection strings must never reach a log line.
    redact: [
      'authorization',
      '*.authorization',
      'headers.authorization',
      '*.headers.authorization',
      'connectionParams',
      '*.connectionParams',
      'apiKey',
      'hash',
      '*.hash',
      'databaseUrl',
      'connectionString',
      'password',
    ],
  };
  return destination ? pino(options, destination) : pino(options);
}
