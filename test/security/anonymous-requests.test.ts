import { request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse } from '../helpers/graphql';
import { bearer, gql, gqlData } from './client';
import { startSecureApp, type SecureTestApp } from './secureApp';

const DECLARED_BYTES = 1_000_000;

interface EarlyAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: GraphQLResponse;
}

/**
 * A POST that declares a body of about 1 MB but sends only its first KiB, and then waits: the
 * answer can only come from a server that did not wait for the body, let alone parse it.
 */
function answerBeforeBody(url: string, headers: Record<string, string> = {}): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(DECLARED_BYTES), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) as GraphQLResponse });
          req.destroy();
        });
      },
    );
    req.on('error', reject);
    req.write(`{"query":"{ __typename }","variables":{"padding":"${'x'.repeat(1024)}`);
  });
}

const codeOf = (answer: EarlyAnswer) => answer.body.errors?.[0]?.extensions?.code;

describe('requests without a usable key', () => {
  let app: SecureTestApp;
  let key: string;

  beforeAll(async () => {
    app = await startSecureApp({ VANTAGE_ROLE: 'api', UNAUTHENTICATED_REQUESTS_PER_MINUTE: '5' });
    ({ key } = await app.createKey('owner')); // local mode is over
  });
  afterAll(async () => {
    expect(app?.secretsInLogs()).toEqual([]);
    await app?.close();
  });

  it('are refused with UNAUTHENTICATED before their body is read', async () => {
    const answer = await answerBeforeBody(app.graphqlUrl);
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer');
    expect(answer.headers.connection).toBe('close'); // nor is the rest read
    expect(codeOf(answer)).toBe('UNAUTHENTICATED');
  }, 10_000);

  it('are refused with RATE_LIMITED past the per-address rate, body unread, while a keyed owner is served', async () => {
    const unknownKey = bearer('vtg_thisKeyWasNeverIssuedByVantageAtAllNoNoNo0');
    const answers: EarlyAnswer[] = [];
    for (let i = 0; i < 8; i++) answers.push(await answerBeforeBody(app.graphqlUrl, i % 2 ? unknownKey : {}));

    // Five in the minute (one of them in the test above), then RATE_LIMITED.
    expect(answers.map(codeOf)).toEqual([...Array(4).fill('UNAUTHENTICATED'), ...Array(4).fill('RATE_LIMITED')]);
    const limited = answers.at(-1)!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({
      limit: 'UNAUTHENTICATED_REQUESTS_PER_MINUTE',
      retryAfterSeconds: Number(limited.headers['retry-after']),
    });

    // The same address with a key is not limited.
    expect((await gqlData(app.graphqlUrl, key, '{ __typename }')).__typename).toBe('Query');
  }, 20_000);

  it('a failure while checking the key is logged and answered as a masked INTERNAL_SERVER_ERROR', async () => {
    await app.prisma.$executeRawUnsafe(`ALTER TABLE "ApiKey" RENAME TO "ApiKeyAway"`);
    try {
      const answer = await gql(app.graphqlUrl, key, '{ __typename }');
      expect(answer.status).toBe(500);
      const [error] = answer.body.errors!;
      expect(error).toEqual({
        message: expect.stringMatching(/^Internal error \(request id [0-9a-f-]+\)\.$/),
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
      });
      expect(app.logs()).toContain(String(error!.extensions!.requestId));
    } finally {
      await app.prisma.$executeRawUnsafe(`ALTER TABLE "ApiKeyAway" RENAME TO "ApiKey"`);
    }
  });
});
