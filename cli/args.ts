import { parseArgs } from 'node:util';
import type { CreateProjectInput, RunKind } from './gql/graphql';

export const defaultServer = 'http://127.0.0.1:4000';

export const usage = `Usage:
  vantage analyze <url...> [--subject URL] [--name NAME] [--pages N] [--server URL] [--key KEY] [--json] [--checks-csv FILE] [--gaps-csv FILE] [--report FILE]
  vantage watch <batchId> [--server URL] [--key KEY] [--json] [--checks-csv FILE] [--gaps-csv FILE] [--report FILE]
  vantage project create --name NAME --brand "Name=domain,..." --competitor "Name=domain,..." [...]
  vantage project list|show <projectId>|run <projectId> [--server URL] [--key KEY] [--json]
  vantage visibility run <projectId> [--engine NAME]... [--samples N] [--server URL] [--key KEY] [--json]
  vantage visibility watch <auditId> [--server URL] [--key KEY] [--json]

  analyze          creates a batch, follows it live, then prints the ranking, what to fix first and the insights;
                   with --pages above 1 it crawls each site and also prints per site its scores, pages
                   indexable and excluded, and its top issues by estimated gain
  watch            follows a batch that already exists, then prints the same
  project create   creates a project: a brand, its competitors and an optional schedule
  project list     lists your projects
  project show     prints a project: brands, schedule (next and last run, last error), recent site audits
  project run      starts a site audit of the project and follows it like analyze
  visibility run   asks the answer engines the project's prompts, follows the audit live, then prints
                   per brand its mention rate (95 % interval), share of voice, citation share,
                   average position, sentiment and recommendation rate, per engine the mention
                   rates, the lost prompts, the cited domains and the insights
  visibility watch follows a visibility audit that already exists, then prints the same

Options:
  --subject URL   your own site, one of the URLs: what it should fix first is listed
  --name NAME     the batch name (default: the sites' hosts)
  --pages N       pages to analyse per site (default 1: just the URL given); above 1 each site is
                  crawled from its URL (sitemaps, then links), and two URLs of one site are refused
  --server URL    the Vantage server (default ${defaultServer}, or VANTAGE_SERVER)
  --key KEY       API key (default VANTAGE_API_KEY; prefer the variable, arguments show in ps)
  --json          print the comparison (the project, the projects, the audit) as JSON on stdout instead of tables
  --checks-csv FILE  also write the check matrix (checks down, sites across) as CSV
  --gaps-csv FILE    also write the subject's gaps as CSV
  --report FILE      also write the comparison as an HTML report styled for print (scores, chart, gaps, checks, insights)
  -h, --help      show this help

Options of project create:
  --name NAME             the project's name
  --brand "Name=d1,d2"    your brand and its domains (the first is the site audited)
  --competitor "Name=d"   a competitor, same form; give 1 to 10
  --market TEXT           what the brand sells, e.g. "trail running shoes"
  --language TAG          BCP 47 tag of the prompts (default en)
  --prompt TEXT           a question a buyer would ask an answer engine; repeat it
  --schedule "CRON"       a five-field cron, e.g. "0 6 * * 1"; the project then runs on its own
  --timezone ZONE         the IANA time zone the cron is read in (default UTC)
  --runs KIND,...         what the schedule starts: SITE_AUDIT (default), VISIBILITY_AUDIT

Options of visibility run:
  --engine NAME   an answer engine the server is configured with (ANSWER_ENGINES); repeat it (default all)
  --samples N     how often each prompt is asked of each engine, 1 to 10 (default 3)

Progress goes to stderr, results to stdout. A cancelled batch prints the comparison of the
pages it analysed before it was cancelled, marked partial (exit 1).
A bare host (example.com) is read as https://example.com/.
Ctrl-C while following a batch or audit leaves it running and says how to reattach (exit 130);
a second Ctrl-C within 3 seconds cancels it (exit 1).
Exit codes: 0 batch or audit COMPLETED (or the project command done), 1 batch or audit FAILED or
CANCELLED, 2 bad usage or input (such as no answer engine configured), or no such batch, audit
or project, 3 server unreachable or refused the request.`;

export type Command =
  | { kind: 'help' }
  | { kind: 'analyze'; urls: string[]; subject?: string; name?: string; pages?: number; connection: Connection; json: boolean; files: ExportFiles }
  | { kind: 'watch'; batchId: string; connection: Connection; json: boolean; files: ExportFiles }
  | { kind: 'project-create'; input: CreateProjectInput; connection: Connection; json: boolean }
  | { kind: 'project-list'; connection: Connection; json: boolean }
  | { kind: 'project-show' | 'project-run'; projectId: string; connection: Connection; json: boolean; files: ExportFiles }
  | { kind: 'visibility-run'; projectId: string; engines?: string[]; samples?: number; connection: Connection; json: boolean }
  | { kind: 'visibility-watch'; auditId: string; connection: Connection; json: boolean };

/** Files the comparison is also written to: the check matrix and the gaps as CSV, the printable report as HTML. */
export interface ExportFiles {
  checks?: string;
  gaps?: string;
  report?: string;
}

export interface Connection {
  server: string;
  key?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const options = {
  subject: { type: 'string' },
  name: { type: 'string' },
  server: { type: 'string' },
  key: { type: 'string' },
  brand: { type: 'string' },
  competitor: { type: 'string', multiple: true },
  market: { type: 'string' },
  language: { type: 'string' },
  prompt: { type: 'string', multiple: true },
  schedule: { type: 'string' },
  timezone: { type: 'string' },
  runs: { type: 'string' },
  engine: { type: 'string', multiple: true },
  samples: { type: 'string' },
  pages: { type: 'string' },
  json: { type: 'boolean', default: false },
  'checks-csv': { type: 'string' },
  'gaps-csv': { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof options }>>['values'];

/** The flags of project create alone. */
const projectFlags = ['brand', 'competitor', 'market', 'language', 'prompt', 'schedule', 'timezone', 'runs'] as const;
/** The flags of visibility run alone. */
const visibilityFlags = ['engine', 'samples'] as const;
const exportFiles = (values: Values): ExportFiles => ({ checks: values['checks-csv'], gaps: values['gaps-csv'], report: values.report });
const given = (values: Values, flags: readonly (keyof Values)[]) => flags.filter((flag) => values[flag] !== undefined).map((flag) => `--${flag}`);

export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(parseArgsProblem(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') return { kind: 'help' };
  if (command === undefined) throw new UsageError('say what to do: analyze, watch, project or visibility');

  const connection: Connection = { server: serverUrl(values.server ?? env.VANTAGE_SERVER ?? defaultServer) };
  const key = values.key ?? env.VANTAGE_API_KEY;
  if (key) connection.key = key;

  if (command !== 'analyze' && values.pages !== undefined) throw new UsageError('--pages belongs to analyze');
  if (command === 'project') return parseProjectCommand(rest, values, connection);
  if (command === 'visibility') return parseVisibilityCommand(rest, values, connection);
  const visibilityOnly = given(values, visibilityFlags);
  if (visibilityOnly.length > 0) throw new UsageError(`${visibilityOnly.join(', ')} belong to visibility run`);
  const files = exportFiles(values);
  const createOnly = given(values, projectFlags);
  if (createOnly.length > 0) throw new UsageError(`${createOnly.join(', ')} belong to project create`);

  if (command === 'analyze') {
    if (rest.length === 0) throw new UsageError('analyze needs at least one URL');
    const command: Command = { kind: 'analyze', urls: rest, subject: values.subject, name: values.name, connection, json: values.json, files };
    // The range (1..MAX_PAGES_PER_SITE) is the server's to check; here only that it is a whole number.
    if (values.pages !== undefined) command.pages = wholeNumber('--pages', values.pages);
    return command;
  }
  if (command === 'watch') {
    if (rest.length !== 1) throw new UsageError('watch needs exactly one batch id');
    if (values.subject !== undefined || values.name !== undefined) throw new UsageError('--subject and --name belong to analyze');
    return { kind: 'watch', batchId: rest[0]!, connection, json: values.json, files };
  }
  throw new UsageError(`unknown command "${command}"`);
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} "${text}" is not a whole number`);
  return Number(text);
}

/** Node's own wording suggests `-- "--flag"` with a quote left open; say it plainly instead. */
function parseArgsProblem(error: Error & { code?: string }): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option "${option}"`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `option "${option}" needs a value`;
  return error.message;
}

/** The server must be an http(s) URL: anything else is a usage mistake, not an unreachable server. */
function serverUrl(server: string): string {
  let url: URL | null = null;
  try {
    url = new URL(server);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--server "${server}" is not an http(s) URL such as ${defaultServer}`);
  }
  return server;
}

/** "Acme=acme.com,acme.de" as a brand: the name before the first "=", the domains after it. */
function brandOf(flag: string, text: string) {
  const separator = text.indexOf('=');
  const domains = text.slice(separator + 1).split(',').map((domain) => domain.trim()).filter(Boolean);
  if (separator <= 0 || domains.length === 0) throw new UsageError(`${flag} "${text}" is not of the form "Name=domain1,domain2"`);
  return { name: text.slice(0, separator).trim(), domains };
}

function parseProjectCommand(rest: string[], values: Values, connection: Connection): Command {
  const [action, ...ids] = rest;
  const { json } = values;
  if (values.subject !== undefined) throw new UsageError('--subject belongs to analyze');
  if (action === 'create') {
    if (ids.length > 0) throw new UsageError('project create takes flags only, no ids');
    const { name, brand, schedule: cron, timezone } = values;
    if (!name || !brand) throw new UsageError('project create needs --name and --brand');
    if (!cron && (timezone !== undefined || values.runs !== undefined)) throw new UsageError('--timezone and --runs need --schedule');
    const runs = (values.runs ?? 'SITE_AUDIT').split(',').map((kind) => kind.trim().toUpperCase()) as RunKind[];
    const input: CreateProjectInput = {
      name,
      brand: brandOf('--brand', brand),
      competitors: (values.competitor ?? []).map((each) => brandOf('--competitor', each)),
      market: values.market ?? null,
      language: values.language ?? null,
      prompts: values.prompt ?? null,
      schedule: cron ? { cron, timezone: timezone ?? 'UTC', runs } : null,
    };
    return { kind: 'project-create', input, connection, json };
  }
  const misplaced = given(values, ['name', ...projectFlags, ...visibilityFlags]);
  if (misplaced.length > 0) throw new UsageError(`${misplaced.join(', ')} belong to project create`);
  if (action === 'list') {
    if (ids.length > 0) throw new UsageError('project list takes no ids');
    return { kind: 'project-list', connection, json };
  }
  if (action === 'show' || action === 'run') {
    if (ids.length !== 1) throw new UsageError(`project ${action} needs exactly one project id`);
    return { kind: `project-${action}`, projectId: ids[0]!, connection, json, files: exportFiles(values) };
  }
  throw new UsageError(action ? `unknown project command "${action}"` : 'project needs a command: create, list, show or run');
}

function parseVisibilityCommand(rest: string[], values: Values, connection: Connection): Command {
  const [action, ...ids] = rest;
  const { json } = values;
  const misplaced = given(values, ['subject', 'name', ...projectFlags, 'checks-csv', 'gaps-csv', 'report']);
  if (misplaced.length > 0) throw new UsageError(`${misplaced.join(', ')} do not apply to visibility`);
  if (action !== 'run' && action !== 'watch') {
    throw new UsageError(action ? `unknown visibility command "${action}"` : 'visibility needs a command: run or watch');
  }
  if (ids.length !== 1) throw new UsageError(`visibility ${action} needs exactly one ${action === 'run' ? 'project' : 'audit'} id`);
  if (action === 'watch') {
    const runOnly = given(values, visibilityFlags);
    if (runOnly.length > 0) throw new UsageError(`${runOnly.join(', ')} belong to visibility run`);
    return { kind: 'visibility-watch', auditId: ids[0]!, connection, json };
  }
  const command: Command = { kind: 'visibility-run', projectId: ids[0]!, connection, json };
  if (values.engine) command.engines = values.engine;
  if (values.samples !== undefined) {
    // The range (1..10) is the server's to check; here only that it is a whole number.
    command.samples = wholeNumber('--samples', values.samples);
  }
  return command;
}
