import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';
import { isLoopbackHost } from './loopback';

/** Says at start who can use the API, and how to create a key when nobody can yet. */
export async function describeAccess(prisma: PrismaClient, config: Config, log: Logger): Promise<void> {
  const usableKeys = await prisma.apiKey.count({ where: { revokedAt: null } });
  const anyKey = usableKeys > 0 || (await prisma.apiKey.findFirst({ select: { id: true } })) !== null;
  if (isLoopbackHost(config.host)) {
    if (!anyKey) log.info('local mode: requests without an API key act as the local owner (listening on loopback, no key exists)');
    return;
  }
  if (usableKeys === 0) {
    log.warn(
      `HOST=${config.host} is not a loopback address, so every request needs an API key, and no usable key exists. ` +
        'Create one with `npm run apikey -- create <name>` (add `--owner local` to keep the batches made in local mode).',
    );
  }
}
