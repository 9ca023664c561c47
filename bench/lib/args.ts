import { parseArgs } from 'node:util';

/**
 * Integer options from the command line (`--jobs 500` or `--jobs=500`), each with its default;
 * an unknown option or a value that is not a non-negative integer stops the bench with a message.
 */
export function integerArgs<T extends Record<string, number>>(defaults: T, argv = process.argv.slice(2)): T {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: 'string' as const }])),
    strict: true,
  });
  const parsed: Record<string, number> = { ...defaults };
  for (const [name, raw] of Object.entries(values)) {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got ${String(raw)}`);
    parsed[name] = value;
  }
  return parsed as T;
}
