import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    // API keys and connection strings must never reach a log line.
    redact: ['authorization', 'headers.authorization', 'databaseUrl', 'connectionString', 'password'],
  };
  return destination ? pino(options, destination) : pino(options);
}
