import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

/** `auto`: human lines on a terminal, JSON lines otherwise (a pipe, a file, a log collector). */
export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * Log lines to stdout, or to `destination` (the CLI's stderr, a test's buffer): JSON, or one
 * human line per entry (local time, level, message, then its fields).
 */
export function createLogger(level: string, destination?: DestinationStream, format: LogFormat = 'json'): Logger {
  const options = {
    level,
    base: undefined,
    serializers: { err: serializeError, error: serializeError },
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
  const human = format === 'pretty' || (format === 'auto' && !destination && process.stdout.isTTY);
  if (human) {
    return pino(
      options,
      pretty({
        destination: destination ?? 1,
        sync: true,
        colorize: !destination && process.stdout.isTTY,
        translateTime: 'SYS:HH:MM:ss.l',
        singleLine: true,
        // An error's message and code end its line; its stack follows, indented.
        messageFormat: (entry, messageKey) => {
          const error = (entry.err ?? entry.error) as { message?: string; code?: string } | undefined;
          const message = String(entry[messageKey] ?? '');
          if (!error?.message) return message;
          return `${message}: ${error.message}${error.code ? ` (${error.code})` : ''}`;
        },
        errorLikeObjectKeys: ['err', 'error'],
        customPrettifiers: { err: stackOf, error: stackOf },
      }),
    );
  }
  return destination ? pino(options, destination) : pino(options);
}

const stackOf = (error: unknown) => (error as { stack?: string } | undefined)?.stack ?? String(error);

/** The fields of `pg` and Node errors worth a line; anything else (a whole client) never is. */
const ERROR_FIELDS = ['code', 'detail', 'hint', 'syscall', 'address', 'port'] as const;

/**
 * An error as its type, message, code (and the few fields above) and stack, with its cause and,
 * for an AggregateError (a refused connection to every address of a host), its errors' messages.
 * pino's default serializer copies every enumerable property, which for a pg-boss or pg error
 * can be the whole connection with its pool and buffers.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized: Record<string, unknown> = { type: error.name, message: error.message };
  for (const field of ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') serialized[field] = value;
  }
  if (error instanceof AggregateError) serialized.errors = error.errors.map((inner) => (inner instanceof Error ? inner.message : String(inner)));
  serialized.stack = error.stack;
  if (error.cause !== undefined) serialized.cause = serializeError(error.cause);
  return serialized;
}
