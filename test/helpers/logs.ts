import { createLogger, type Logger } from '../../src/logger';

/** A real pino logger whose lines the test can read back. */
export function capturedLogger(level = 'info'): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** pino's numeric levels: 40 warn, 50 error, 60 fatal. */
export const atLeast = (lines: Record<string, unknown>[], level: number) => lines.filter((line) => Number(line.level) >= level);
