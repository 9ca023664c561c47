import type { Agent } from 'undici';
import { AnalysisError } from '../types';
import { portRefusalReason } from './addressPolicy';
import type { HostLookup } from './guardedAgent';
import { toAnalysisError } from './fetchErrors';
import { createGuardedAgent } from './guardedAgent';
import { discard, readBody } from './readBody';

export interface FetchOptions {
  userAgent: string;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
  allowPrivateHosts: readonly string[];
  lookup: HostLookup;
  throttle: RequestThrottle;
}

export type RequestThrottle = <T>(host: string, request: () => Promise<T>) => Promise<T>;

export type ResponseHeaders = Record<string, string[]>;

export interface FetchedResource {
  finalUrl: string;
  status: number;
  headers: ResponseHeaders;
  body: Uint8Array;
  /** From the first request to the last body byte, redirects included. */
  fetchMs: number;
  /** From the final request to its response headers. */
  timeToFirstByteMs: number;
  /** Every URL that answered with a redirect, in order; the final URL is not in it. */
  redirectChain: string[];
}

export interface FetchHooks {
  accept: string;
  maxBytes?: number;
  /** Runs before every hop, redirects included; throw to refuse the URL. */
  beforeRequest?(url: URL): void;
  /** Runs on the final response before its body is read; throw to refuse it. */
  beforeBody?(response: { url: string; status: number; headers: ResponseHeaders }): void;
}

/** Fetches one URL at a time, following its redirects, under the SSRF guard and size limits. */
export interface PageFetcher {
  fetch(url: string, hooks: FetchHooks): Promise<FetchedResource>;
  /** Ends requests still in flight (nobody waits for them any more) and closes the connections. */
  close(): Promise<void>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function createPageFetcher(options: FetchOptions): PageFetcher {
  const agent = createGuardedAgent(options, options.connectTimeoutMs);
  return {
    async fetch(url, hooks) {
      try {
        return await fetchFollowingRedirects(agent, url, options, hooks);
      } catch (error) {
        throw toAnalysisError(error, url);
      }
    },
    close: () => agent.destroy(),
  };
}

async function fetchFollowingRedirects(
  agent: Agent,
  url: string,
  options: FetchOptions,
  hooks: FetchHooks,
): Promise<FetchedResource> {
  let fetchMs = 0;
  const redirectChain: string[] = [];
  let current = parseFetchableUrl(url);
  for (;;) {
    hooks.beforeRequest?.(current);
    const hop = current;
    // The throttle's wait for a turn is not the site's time, so only the requests are timed.
    const answer = await options.throttle(hop.host, async () => {
      const requestStarted = performance.now();
      try {
        return await requestOnce(agent, hop, options, hooks, requestStarted);
      } finally {
        fetchMs += performance.now() - requestStarted;
      }
    });
    if ('final' in answer) return { ...answer.final, fetchMs: Math.round(fetchMs), redirectChain };
    redirectChain.push(current.href);
    const next = parseFetchableUrl(new URL(answer.location, current).href);
    if (redirectChain.includes(next.href)) {
      throw new AnalysisError(`Redirect loop: ${[...redirectChain, next.href].join(' -> ')}.`, false);
    }
    if (redirectChain.length > options.maxRedirects) {
      throw new AnalysisError(
        `More than ${options.maxRedirects} redirects: ${[...redirectChain, next.href].join(' -> ')}.`,
        false,
      );
    }
    current = next;
  }
}

type HopAnswer = { location: string } | { final: Omit<FetchedResource, 'fetchMs' | 'redirectChain'> };

/** One request: a redirect's location, or the final response with its body read. */
async function requestOnce(agent: Agent, url: URL, options: FetchOptions, hooks: FetchHooks, started: number): Promise<HopAnswer> {
  const response = await agent.request({
    origin: url.origin,
    path: url.pathname + url.search,
    method: 'GET',
    headers: { 'user-agent': options.userAgent, accept: hooks.accept, 'accept-encoding': 'gzip, deflate, br' },
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
  });
  const timeToFirstByteMs = Math.round(performance.now() - started);
  const headers = normaliseHeaders(response.headers);
  const location = headers.location?.[0];
  if (REDIRECT_STATUSES.has(response.statusCode) && location) {
    await response.body.dump();
    return { location };
  }
  try {
    hooks.beforeBody?.({ url: url.href, status: response.statusCode, headers });
  } catch (error) {
    discard(response.body);
    throw error;
  }
  const body = await readBody(response.body, headers['content-encoding']?.join(','), {
    maxBytes: hooks.maxBytes ?? options.maxBytes,
    deadlineMs: options.bodyTimeoutMs,
  });
  return { final: { finalUrl: url.href, status: response.statusCode, headers, body, timeToFirstByteMs } };
}

function parseFetchableUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AnalysisError(`"${url}" is not a valid URL.`, false);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AnalysisError(`Only http and https URLs can be analysed, not ${parsed.protocol} (${url}).`, false);
  }
  if (parsed.username || parsed.password) {
    throw new AnalysisError(`URLs with credentials are not fetched (${parsed.host}).`, false);
  }
  const badPort = portRefusalReason(parsed);
  if (badPort) throw new AnalysisError(`Refused to fetch ${parsed.host}: ${badPort}.`, false);
  return parsed;
}

function normaliseHeaders(raw: Record<string, string | string[] | undefined>): ResponseHeaders {
  const headers: ResponseHeaders = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return headers;
}
