import type { PrismaClient } from '../db/prisma';
import { LOCAL_CALLER, type Caller } from './caller';
import { bearerKey, hashKey } from './keys';
import { hostnameOf, isLoopbackHost } from './access';

/**
 * Why a request was refused: the HTTP answer is UNAUTHENTICATED for all; WebSocket close codes
 * differ. `local-mode-ended`: a socket opened keyless in local mode, after a key was created.
 */
export type Rejection = 'missing' | 'malformed' | 'unknown' | 'revoked' | 'local-mode-ended';

export class AuthenticationError extends Error {
  constructor(readonly reason: Rejection) {
    super(
      reason === 'missing'
        ? 'An API key is required: send "Authorization: Bearer <key>" (create one with `npm run apikey -- create <name>`).'
        : reason === 'malformed'
          ? 'The authorization must have the form "Bearer <key>".'
          : reason === 'local-mode-ended'
            ? 'Local mode has ended (an API key exists): connect with a key.'
            : 'The API key is unknown or revoked.',
    );
    this.name = 'AuthenticationError';
  }
}

export interface Credentials {
  /** The Authorization header, or the `authorization` of a graphql-ws connection_init payload. */
  authorization: unknown;
  /** The Host header the request came with. */
  host: string | null | undefined;
}

/** lastUsedAt is a hint for people, not an access log: one write per key per minute is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns credentials into a Caller. Keys are checked against the database on every request and
 * subscription, so a revoked key stops working at once.
 *
 * Local mode: while the server listens only on loopback and no API key exists, a request
 * without a key acts as the built-in local owner, provided it names a loopback host (a
 * rebinding web page that reaches 127.0.0.1 under its own domain name does not).
 */
export function createAuthenticator(prisma: PrismaClient, options: { listenHost: string }) {
  const listensOnLoopbackOnly = isLoopbackHost(options.listenHost);
  // Keys are revoked, never deleted, so once one exists local mode is over for good.
  let keyExists = false;

  async function anyKeyExists(): Promise<boolean> {
    keyExists ||= (await prisma.apiKey.findFirst({ select: { id: true } })) !== null;
    return keyExists;
  }

  async function localModeApplies(host: string | null | undefined): Promise<boolean> {
    const hostname = hostnameOf(host);
    return listensOnLoopbackOnly && hostname !== null && isLoopbackHost(hostname) && !(await anyKeyExists());
  }

  async function identify({ authorization, host }: Credentials): Promise<Caller> {
    if (authorization === undefined || authorization === null || authorization === '') {
      if (await localModeApplies(host)) return LOCAL_CALLER;
      throw new AuthenticationError('missing');
    }
    const key = typeof authorization === 'string' ? bearerKey(authorization) : null;
    if (!key) throw new AuthenticationError('malformed');
    // Raw SQL: if the query fails, its error names no parameter, so the hash cannot reach a log.
    const [row] = await prisma.$queryRaw<{ id: string; ownerId: string; revokedAt: Date | null; lastUsedAt: Date | null }[]>`
      SELECT id, "ownerId", "revokedAt", "lastUsedAt" FROM "ApiKey" WHERE hash = ${hashKey(key)}`;
    if (!row) throw new AuthenticationError('unknown');
    if (row.revokedAt) throw new AuthenticationError('revoked');
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    }
    return { ownerId: row.ownerId, apiKeyId: row.id };
  }

  /** Throws when a caller identified earlier (an open WebSocket) may no longer act. */
  async function confirm(caller: Caller, host: string | null | undefined): Promise<void> {
    if (caller.apiKeyId === null) {
      if (!(await localModeApplies(host))) throw new AuthenticationError('local-mode-ended');
      return;
    }
    const row = await prisma.apiKey.findUnique({ where: { id: caller.apiKeyId }, select: { revokedAt: true } });
    if (!row) throw new AuthenticationError('unknown');
    if (row.revokedAt) throw new AuthenticationError('revoked');
  }

  return { identify, confirm };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
