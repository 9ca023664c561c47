import { GraphQLRequestError } from '#shared/transport';
import { defaultBatchName } from '#shared/format';
import { Api } from './api';
import { parseCommand, usage, UsageError, type Command } from './args';
import { CreateBatchMutation } from './operations';
import { executeProject } from './project';
import { reportBatch, reportStartedBatch, type Output } from './run';
import { executeVisibility } from './visibility';

async function execute(command: Exclude<Command, { kind: 'help' }>, output: Output): Promise<number> {
  const api = new Api(command.connection);
  try {
    if (command.kind === 'watch') return await reportBatch(api, command.batchId, command, output, { announce: true });
    if (command.kind === 'visibility-run' || command.kind === 'visibility-watch') return await executeVisibility(api, command, output);
    if (command.kind !== 'analyze') return await executeProject(api, command, output);
    const { createBatch } = await api.request(CreateBatchMutation, {
      input: {
        name: command.name ?? defaultBatchName(command.urls, command.subject),
        urls: command.urls,
        subjectUrl: command.subject ?? null,
        maxPagesPerSite: command.pages ?? null,
      },
    });
    return await reportStartedBatch(api, createBatch, command, output);
  } finally {
    await api.close();
  }
}

/** Maps failures to the exit codes in the usage text. */
function explain(error: unknown, server: string, output: Output): number {
  if (error instanceof UsageError) {
    output.stderr.write(`vantage: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (error instanceof GraphQLRequestError) {
    output.stderr.write(`vantage: ${error.message}\n`);
    if (error.hasCode('UNAUTHENTICATED')) output.stderr.write('The server needs an API key: pass --key or set VANTAGE_API_KEY.\n');
    return error.hasCode('BAD_USER_INPUT') || error.hasCode('NOT_FOUND') ? 2 : 3;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  output.stderr.write(`vantage: cannot reach ${server} (${error instanceof Error ? error.message : String(error)}${cause})\n`);
  return 3;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, output: Output): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv, env);
  } catch (error) {
    return explain(error, '', output);
  }
  if (command.kind === 'help') {
    output.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    return await execute(command, output);
  } catch (error) {
    return explain(error, command.connection.server, output);
  }
}
