import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const clientDir = path.resolve(import.meta.dirname, '../../client');
// The client bundles the modules it shares with the CLI, so a change there also makes the build stale.
const sharedDir = path.resolve(import.meta.dirname, '../../shared');

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The server serves client/dist as it was when it started. Testing an old build would test old
 * code, so a missing or stale build fails here with the command that fixes it.
 */
export function assertClientBuilt(): void {
  const builtIndex = path.join(clientDir, 'dist/index.html');
  if (!existsSync(builtIndex)) throw new Error('client/dist is missing: run `npm run client:build` (npm install runs it too).');
  const sourcesChanged = Math.max(
    newestSourceChange(path.join(clientDir, 'src')),
    newestSourceChange(sharedDir),
    statSync(path.join(clientDir, 'index.html')).mtimeMs,
  );
  if (sourcesChanged > statSync(builtIndex).mtimeMs) {
    throw new Error('client/dist is older than client/src or shared: run `npm run client:build` before the browser tests.');
  }
}
