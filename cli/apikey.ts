// `npm run apikey -- create|list|revoke`: manages API keys in the configured database
// (DATABASE_URL, or the embedded one under VANTAGE_DATA_DIR, joined if a server runs on it).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { createPrisma, isUuid, type PrismaClient } from '../src/db/prisma';
import { createLogger } from '../src/logger';
import { createApiKey, listApiKeys, revokeApiKey } from '../src/auth/apiKeys';
import { LOCAL_OWNER_ID } from '../src/auth/caller';

const USAGE = `Usage:
  npm run apikey -- create <name> [--owner <owner id> | --owner local]
      Creates a key and prints it once. Without --owner the key gets a new owner named <name>;
      --owner local gives it the batches made in local mode.
  npm run apikey -- list
      Every key: id, visible prefix, name, owner, created, last used, revoked.
  npm run apikey -- revoke <id>
      Revokes a key; requests with it are refused from then on.`;


class UsageError extends Error {}

async function run(prisma: PrismaClient, command: string, args: string[], owner: string | undefined) {
  if (command === 'create' && args.length === 1) {
    const ownerId = owner === 'local' ? LOCAL_OWNER_ID : owner;
    if (ownerId !== undefined && !isUuid(ownerId)) throw new UsageError(`--owner takes an owner id or "local"; got "${owner}".`);
    const created = await createApiKey(prisma, { name: args[0]!, ownerId });
    console.log(`Created key ${created.id} "${created.name}" for owner ${created.ownerId}.`);
    console.log('The key is shown now and never again; store it somewhere safe:\n');
    console.log(`  ${created.key}\n`);
    console.log('Send it as "Authorization: Bearer <key>" (HTTP) or { "authorization": "Bearer <key>" } (graphql-ws connection_init).');
    return;
  }
  if (command === 'list' && args.length === 0) {
    const keys = await listApiKeys(prisma);
    if (keys.length === 0) console.log('No API keys.');
    for (const key of keys) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
      const used = key.lastUsedAt ? key.lastUsedAt.toISOString() : 'never';
      console.log(
        `${key.id}  ${key.prefix}…  ${key.name}  owner ${key.owner.name} (${key.owner.id})  created ${key.createdAt.toISOString()}  last used ${used}  ${state}`,
      );
    }
    return;
  }
  if (command === 'revoke' && args.length === 1) {
    const revoked = isUuid(args[0]!) ? await revokeApiKey(prisma, args[0]!) : null;
    if (!revoked) throw new UsageError(`No key with id "${args[0]}" (see \`npm run apikey -- list\`).`);
    console.log(revoked.alreadyRevoked ? `Key ${revoked.id} was already revoked.` : `Revoked key ${revoked.id}.`);
    return;
  }
  throw new UsageError(USAGE);
}

const COMMANDS = new Set(['create', 'list', 'revoke']);

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { owner: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const [command, ...args] = parsed.positionals;
  if (!command || !COMMANDS.has(command)) {
    console.error(USAGE);
    return 1;
  }
  const config = loadConfig();
  // Logs go to stderr so that stdout holds only what the command prints.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const database = await openDatabase(config, log);
  const prisma = createPrisma(database.url, 2);
  try {
    await run(prisma, command, args, parsed.values.owner);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

// main's result is the exit code, and nothing left open after a failure keeps the command running.
process.exit(
  await main().catch((error: Error) => {
    console.error(error.message);
    return 1;
  }),
);
