import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import type { Logger } from '../../src/logger';

/** An embedded PostgreSQL in a fresh temporary directory, removed again by `stop`. */
export async function startTemporaryPostgres(prefix: string, log: Logger) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  // Run as root, the cluster belongs to the postgres user, who must reach the directory.
  await fs.chmod(dataDir, 0o755);
  let running = await startEmbeddedPostgres(dataDir, log);
  const port = Number(new URL(running.url).port);
  return {
    url: running.url,
    dataDir,
    /** Stops the cluster but keeps its files, for `restart`. */
    halt: () => running.stop(),
    /** Starts the cluster again on the same port, so that `url` still reaches it. */
    async restart() {
      running = await startEmbeddedPostgres(dataDir, log, { port });
    },
    async stop() {
      await running.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
