import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { firstErrorCode, post } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const QUERY = JSON.stringify({ query: '{ __typename }' });
const FRIEND = 'https://dashboard.example';

/** The HTTP status of a WebSocket handshake sent with the given Origin. */
function handshake(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { origin });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode!);
      ws.terminate();
    });
    ws.once('error', (error) => (error.message.includes('Unexpected server response') ? undefined : reject(error)));
  });
}

describe('browser safety', () => {
  let app: SecureTestApp;
  let sameOrigin: string;

  beforeAll(async () => {
    // Local mode: exactly when a foreign page could otherwise use the API without a key.
    app = await startSecureApp({ VANTAGE_ROLE: 'api', CORS_ORIGINS: FRIEND });
    sameOrigin = new URL(app.baseUrl).origin;
  });
  afterAll(() => app?.close());

  it('answers same-origin requests and requests without an Origin', async () => {
    expect((await post(app.graphqlUrl, QUERY, { origin: sameOrigin })).body.data).toEqual({ __typename: 'Query' });
    expect((await post(app.graphqlUrl, QUERY)).body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses other origins outright, with no CORS headers', async () => {
    const answer = await post(app.graphqlUrl, QUERY, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body.data).toBeUndefined();
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(app.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the origins in CORS_ORIGINS in, with CORS headers naming only them', async () => {
    const preflight = await fetch(app.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: FRIEND, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(FRIEND);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const answer = await post(app.graphqlUrl, QUERY, { origin: FRIEND });
    expect(answer.headers.get('access-control-allow-origin')).toBe(FRIEND);
    expect(answer.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a request a form or a simple fetch could send (CSRF) unless it carries the header', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const answer = await post(app.graphqlUrl, QUERY, { 'content-type': contentType });
      expect(answer.status).toBe(403);
      expect(answer.body.errors?.[0]?.message).toMatch(/CSRF/);
    }
    const get = await fetch(`${app.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(403);
    const withHeader = await fetch(`${app.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses WebSocket handshakes from other origins', async () => {
    expect(await handshake(app.wsUrl, 'https://evil.example')).toBe(403);
    expect(await handshake(app.wsUrl, FRIEND)).toBe(101);
    expect(await handshake(app.wsUrl, sameOrigin)).toBe(101);
  });

  it('sends security headers: a strict CSP on the client, one GraphiQL can live with on /graphql', async () => {
    const client = await fetch(`${app.baseUrl}/`);
    const csp = client.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(client.headers.get('x-content-type-options')).toBe('nosniff');
    expect(client.headers.get('referrer-policy')).toBe('no-referrer');

    const graphiql = await fetch(app.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/graphiql/i);
    // GraphiQL's page carries its scripts inline: a default-src 'self' here would break it.
    expect(graphiql.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(graphiql.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses the opaque origin "null" (sandboxed frames, file: pages)', async () => {
    const answer = await post(app.graphqlUrl, QUERY, { origin: 'null' });
    expect(answer.status).toBe(403);
    expect(firstErrorCode(answer)).toBe('FORBIDDEN');
  });
});
