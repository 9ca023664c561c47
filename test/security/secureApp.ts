import { createApiKey, revokeApiKey, type CreatedApiKey } from '../../src/auth/apiKeys';
import { hashKey } from '../../src/auth/keys';
import { createPrisma, type PrismaClient } from '../../src/db/prisma';
import { startTestApp, type TestApp } from '../helpers/app';
import { capturedLogger } from '../helpers/logs';

export interface SecureTestApp extends TestApp {
  prisma: PrismaClient;
  /** Everything the app logged so far, at debug level and up. */
  logs(): string;
  /** The same, one parsed line each (to filter by level with helpers/logs.ts). */
  logLines(): Record<string, unknown>[];
  /** A key made with src/auth on the app's database, as `npm run apikey -- create` makes it. */
  createKey(name: string, ownerId?: string): Promise<CreatedApiKey>;
  revokeKey(id: string): Promise<void>;
  /** The keys created here, and their hashes, that appear in the logs: must stay empty. */
  secretsInLogs(): string[];
}

/** startTestApp with a logger that writes to memory and helpers to manage keys. */
export async function startSecureApp(env: Record<string, string> = {}): Promise<SecureTestApp> {
  const { log, lines } = capturedLogger('debug');
  const text = () => lines.map((line) => JSON.stringify(line)).join('\n');
  const app = await startTestApp(env, { log });
  const prisma = createPrisma(app.databaseUrl, 2);
  const keys: string[] = [];
  return {
    ...app,
    prisma,
    logs: text,
    logLines: () => lines,
    async createKey(name, ownerId) {
      const created = await createApiKey(prisma, { name, ownerId });
      keys.push(created.key);
      return created;
    },
    async revokeKey(id) {
      await revokeApiKey(prisma, id);
    },
    secretsInLogs() {
      const logged = text();
      const secrets = keys.flatMap((key) => [key, hashKey(key), key.slice(4)]);
      return secrets.filter((secret) => logged.includes(secret));
    },
    async close() {
      await prisma.$disconnect();
      await app.close();
    },
  };
}

/** The same app reached through 127.0.0.1, whatever address it listens on. */
export function loopbackUrl(app: TestApp, path = '/graphql', scheme: 'http' | 'ws' = 'http'): string {
  const url = new URL(app.baseUrl);
  url.hostname = '127.0.0.1';
  url.pathname = path;
  url.protocol = `${scheme}:`;
  return url.href;
}
