import { parseArgs } from 'node:util';

export const defaultServer = 'http://127.0.0.1:4000';

export const usage = `Usage:
  vantage analyze <url...> [--subject URL] [--name NAME] [--server URL] [--key KEY] [--json]
  vantage watch <batchId> [--server URL] [--key KEY] [--json]

  analyze   creates a batch, follows it live, then prints the ranking, the gaps and the insights
  watch     follows a batch that already exists, then prints the same

Options:
  --subject URL   your own site, one of the URLs: its gaps against the others are listed
  --name NAME     the batch name (default: the sites' hosts)
  --server URL    the Vantage server (default ${defaultServer}, or VANTAGE_SERVER)
  --key KEY       API key (default VANTAGE_API_KEY; prefer the variable, arguments show in ps)
  --json          print the comparison as JSON on stdout instead of tables
  -h, --help      show this help

Progress goes to stderr, results to stdout.
Exit codes: 0 batch COMPLETED, 1 batch FAILED or CANCELLED, 2 bad usage or input,
3 server unreachable or refused the request.`;

export type Command =
  | { kind: 'help' }
  | { kind: 'analyze'; urls: string[]; subject?: string; name?: string; connection: Connection; json: boolean }
  | { kind: 'watch'; batchId: string; connection: Connection; json: boolean };

export interface Connection {
  server: string;
  key?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        subject: { type: 'string' },
        name: { type: 'string' },
        server: { type: 'string' },
        key: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return { kind: 'help' };

  const connection: Connection = { server: values.server ?? env.VANTAGE_SERVER ?? defaultServer };
  const key = values.key ?? env.VANTAGE_API_KEY;
  if (key) connection.key = key;

  if (command === 'analyze') {
    if (rest.length === 0) throw new UsageError('analyze needs at least one URL');
    return { kind: 'analyze', urls: rest, subject: values.subject, name: values.name, connection, json: values.json };
  }
  if (command === 'watch') {
    if (rest.length !== 1) throw new UsageError('watch needs exactly one batch id');
    if (values.subject !== undefined || values.name !== undefined) throw new UsageError('--subject and --name belong to analyze');
    return { kind: 'watch', batchId: rest[0]!, connection, json: values.json };
  }
  throw new UsageError(`unknown command "${command}"`);
}
