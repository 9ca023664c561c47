import { pino, type Logger } from 'pino';

/** Benches print their results on stdout, so everything the app logs goes to stderr. */
export function benchLogger(level = 'warn'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
