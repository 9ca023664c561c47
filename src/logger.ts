import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    // API keys and connection strings must never reach a log line.
    redact: ['authorization', 'headers.authorization', 'databaseUrl', 'connectionString', 'password'],
  });
}
