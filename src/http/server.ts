import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import sirv from 'sirv';
import { AuthenticationError, type Authenticator } from '../auth/authenticator';
import type { Metrics } from '../metrics';
import type { Services } from '../schema/context';
import { attachWebSocket, type ConnectionQuota } from './websocket';

const CLIENT_CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** GraphiQL's page carries its scripts inline, so on the GraphQL path only framing is restricted. */
const GRAPHQL_CSP = "frame-ancestors 'none'";

/** Headers for every response: the web client gets a strict CSP, GraphiQL one it can live with. */
function securityHeaders(graphqlPath: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': graphqlPath ? GRAPHQL_CSP : CLIENT_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

const CLIENT_DIR = path.resolve(import.meta.dirname, '../../client/dist');

export type Readiness = () => Promise<Record<string, boolean | string>>;

export interface HttpOptions {
  /** Answers GET /ready: whether the database and the queue can be reached. */
  readiness: Readiness;
  /** GraphQL, WebSocket and the web client; a worker process serves only /health and /ready. */
  api: Services | null;
  /** Counts each key's WebSocket connections across api processes; with `api`. */
  connectionQuota: ConnectionQuota | null;
  role: string;
  /** GET /metrics, for a METRICS_TOKEN bearer or whoever may use the API (a key, or local mode). */
  metrics: { metrics: Metrics; token: string | null };
  /** Who is calling, for the API and for /metrics. */
  authenticator: Authenticator;
}

export async function createHttpServer(options: HttpOptions) {
  const services = options.api;
  const auth = options.authenticator;
  // Only an api process loads the GraphQL server and its schema: a worker is lighter without them.
  const yoga = services ? (await import('./yoga')).createGraphQLServer(services, auth) : null;
  const client = services && existsSync(CLIENT_DIR) ? sirv(CLIENT_DIR, { single: true, etag: true }) : null;

  const { metrics, token } = options.metrics;
  async function mayReadMetrics(req: IncomingMessage): Promise<boolean> {
    const authorization = req.headers.authorization;
    if (token && authorization && sameText(authorization, `Bearer ${token}`)) return true;
    try {
      await auth.identify({ authorization, host: req.headers.host });
      return true;
    } catch (error) {
      if (error instanceof AuthenticationError) return false;
      throw error;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const headers = securityHeaders(pathname === yoga?.graphqlEndpoint);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (pathname === '/health') return json(res, 200, { status: 'ok', role: options.role });
    if (pathname === '/metrics') {
      if (!(await mayReadMetrics(req))) return json(res, 401, { error: 'a metrics token or an API key is required', code: 'UNAUTHENTICATED' });
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      return res.end(await metrics.registry.metrics());
    }
    if (pathname === '/ready') {
      const checks = await options.readiness();
      const ready = Object.values(checks).every((check) => check === true || check === 'running' || check === 'external');
      return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', role: options.role, checks });
    }
    if (!yoga) return json(res, 404, { error: 'a worker process serves only /health and /ready' });
    if (pathname === yoga.graphqlEndpoint) return yoga(req, res);
    if (client) return client(req, res, () => json(res, 404, { error: 'not found' }));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Vantage</title><p>The web client is not built. GraphiQL is at <a href="/graphql">/graphql</a>.</p>');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      services?.log.error({ err: error }, 'HTTP handler failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  const quota = options.connectionQuota;
  const websocket = services && yoga && quota ? attachWebSocket(server, yoga, auth, quota, services) : null;
  if (websocket) metrics.observeSockets(websocket.stats);
  return { server, closeWebSockets: async () => websocket?.close() };
}

function sameText(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
