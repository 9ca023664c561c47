import ipaddr from 'ipaddr.js';
import type { Config } from '../config';
import type { PrismaClient } from '../db/prisma';
import type { Logger } from '../logger';

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

/** True for names and addresses that only this machine can reach: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(name)) return false;
  const address = ipaddr.process(name); // IPv4-mapped IPv6 becomes IPv4
  return address.range() === 'loopback';
}

/** The host name of a Host header value (`127.0.0.1:4000`, `[::1]:4000`); null when it has none. */
export function hostnameOf(hostHeader: string | null | undefined): string | null {
  if (!hostHeader) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}
