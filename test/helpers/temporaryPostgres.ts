import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import type { Logger } from '../../src/logger';

/** An embedded PostgreSQL in a fresh temporary directory, removed again by `stop`. */
export async function startTemporaryPostgres(prefix: string, log: Logger): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  // Run as root, the cluster belongs to the postgres user, who must reach the directory.
  await fs.chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres(dataDir, log);
  return {
    url: embedded.url,
    async stop() {
      await embedded.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
