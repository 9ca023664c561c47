import { version } from '../../package.json';
import type { FetchOptions, RequestThrottle } from './fetch/pageFetcher';
import { systemHostLookup, type HostLookup } from './fetch/guardedAgent';
import { defaultThreadCount } from './worker/pool';

export interface AnalyzerOptions {
  /** Sent with every request and matched against robots.txt groups by its product token. */
  userAgent?: string;
  /** Default for the three timeouts below. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Deadline for the whole body once headers arrived (a slow drip ends here). */
  bodyTimeoutMs?: number;
  /** Cap on the decoded (decompressed) HTML. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Lifts the SSRF guard (CRAWL_ALLOW_PRIVATE): loopback and private addresses become fetchable. */
  allowPrivate?: boolean;
  /** Hostnames exempt from the SSRF guard, e.g. an intranet site; every other host stays guarded. */
  allowPrivateHosts?: readonly string[];
  /** Hostname resolution; tests inject a map so that no real DNS is queried. */
  lookup?: HostLookup;
  /** Runs around every request (each redirect hop and its body) to bound requests per host; none by default. */
  throttle?: RequestThrottle;
  /** Worker threads that parse and check pages. */
  threads?: number;
  /** Longest a page's parsing and checks may run; its thread is then stopped and the page fails. */
  analysisTimeoutMs?: number;
  /** Clock for checks that judge age (freshness). */
  now?: () => number;
}

export const DEFAULT_USER_AGENT = `VantageBot/${version}`;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_ANALYSIS_TIMEOUT_MS = 20_000;

export interface ResolvedOptions extends FetchOptions {
  threads: number;
  analysisTimeoutMs: number;
  now: () => number;
}

export function resolveOptions(options: AnalyzerOptions): ResolvedOptions {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    connectTimeoutMs: options.connectTimeoutMs ?? timeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? timeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs ?? timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    allowPrivate: options.allowPrivate ?? false,
    allowPrivateHosts: options.allowPrivateHosts ?? [],
    lookup: options.lookup ?? systemHostLookup,
    throttle: options.throttle ?? ((_host, request) => request()),
    threads: options.threads ?? defaultThreadCount(),
    analysisTimeoutMs: options.analysisTimeoutMs ?? DEFAULT_ANALYSIS_TIMEOUT_MS,
    now: options.now ?? Date.now,
  };
}
