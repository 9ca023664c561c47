import { request } from 'undici';
import { AnalysisError } from '../types';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface FetchedPage {
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  fetchMs: number;
  redirectChain: string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function fetchPage(url: string, limits: FetchLimits): Promise<FetchedPage> {
  const started = performance.now();
  const redirectChain: string[] = [];
  let current = url;
  for (;;) {
    const response = await requestOnce(current, limits);
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(response.status) && location) {
      redirectChain.push(current);
      if (redirectChain.length > limits.maxRedirects) {
        throw new AnalysisError(`More than ${limits.maxRedirects} redirects starting at ${url}.`, false);
      }
      current = new URL(location, current).href;
      if (redirectChain.includes(current)) {
        throw new AnalysisError(`Redirect loop: ${[...redirectChain, current].join(' -> ')}.`, false);
      }
      continue;
    }
    return {
      ...response,
      finalUrl: current,
      fetchMs: Math.round(performance.now() - started),
      redirectChain,
    };
  }
}

async function requestOnce(url: string, limits: FetchLimits) {
  try {
    const response = await request(url, {
      method: 'GET',
      headers: { 'user-agent': limits.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      headersTimeout: limits.timeoutMs,
      bodyTimeout: limits.timeoutMs,
      signal: AbortSignal.timeout(limits.timeoutMs * 2),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > limits.maxBytes) {
        response.body.destroy();
        throw new AnalysisError(`The page is larger than ${limits.maxBytes} bytes.`, false);
      }
      chunks.push(chunk);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: response.statusCode, headers, body: Buffer.concat(chunks) };
  } catch (error) {
    if (error instanceof AnalysisError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AnalysisError(`Could not fetch ${url}: ${reason}`, true);
  }
}
