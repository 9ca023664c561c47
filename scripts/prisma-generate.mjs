// Runs `prisma generate` without the native schema engine, which Prisma would otherwise try
// to download: generation does not use it, but the CLI insists that the variable points at
// an executable.
import { spawnSync } from 'node:child_process';

const result = spawnSync('prisma', ['generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
