import { lookup as systemLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { refusalReason } from './addressPolicy';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to every address it has; injectable so tests never touch real DNS. */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemHostLookup: HostLookup = async (hostname) => {
  const addresses = await systemLookup(hostname, { all: true, verbatim: true });
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** Raised inside the connector; the page fetcher turns it into a non-retryable AnalysisError. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
}

export interface AddressGuard {
  /** Lifts the guard entirely (tests, intranet deployments). */
  allowPrivate: boolean;
  /** Hostnames that may resolve to private addresses while every other host stays guarded. */
  allowPrivateHosts: readonly string[];
  lookup: HostLookup;
}

/**
 * An undici Agent whose every connection, first request or redirect, goes through one check:
 * the host is resolved here, each of its addresses is vetted, and the socket is opened to the
 * vetted address itself, so a second DNS answer can never slip in between check and connect.
 */
export function createGuardedAgent(guard: AddressGuard, connectTimeoutMs: number): Agent {
  const connectToAddress = buildConnector({ timeout: connectTimeoutMs });
  const exemptHosts = new Set(guard.allowPrivateHosts.map((host) => host.toLowerCase()));
  const connect: buildConnector.connector = (options, callback) => {
    const guarded = !guard.allowPrivate && !exemptHosts.has(options.hostname.toLowerCase());
    withTimeout(vettedAddress(options.hostname, guarded, guard.lookup), connectTimeoutMs, options.hostname).then(
      (address) => connectToAddress({ ...options, hostname: address }, callback),
      (error: Error) => callback(error, null),
    );
  };
  return new Agent({ connect });
}

async function vettedAddress(hostname: string, guarded: boolean, lookup: HostLookup): Promise<string> {
  const addresses = isIP(hostname) ? [hostname] : (await lookup(hostname)).map(({ address }) => address);
  if (addresses.length === 0) throw new Error(`${hostname} has no address`);
  if (guarded) {
    for (const address of addresses) {
      const reason = refusalReason(address);
      if (!reason) continue;
      const subject = address === hostname ? `${address} is` : `${hostname} resolves to ${address},`;
      throw new BlockedAddressError(`${subject} ${reason}`);
    }
  }
  return addresses[0]!;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, hostname: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`resolving ${hostname} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
