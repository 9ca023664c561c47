import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createPrisma } from '../../src/db/prisma';
import { createWebhookSender } from '../../src/projects/webhookSender';
import { createTestKey } from '../helpers/apiKeys';
import { startTestApp, type TestApp } from '../helpers/app';
import { withClient } from '../helpers/database';
import { gate, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphql, graphqlData, record } from '../helpers/graphql';
import { capturedLogger } from '../helpers/logs';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';

const CREATE_PROJECT = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const CREATE_HOOK = `mutation ($projectId: ID!, $url: String!, $events: [WebhookEvent!]!) {
  createWebhook(projectId: $projectId, url: $url, events: $events) { secret webhook { id url events } } }`;
const PING = `mutation ($id: ID!) { pingWebhook(id: $id) { id event status attempts deliveredAt error } }`;
const DELETE_HOOK = `mutation ($id: ID!) { deleteWebhook(id: $id) }`;
const HOOKS = `query ($id: ID!) { project(id: $id) { webhooks { id url events deliveries(first: 10) { id event status attempts deliveredAt error } } } }`;
const RUN = `mutation ($id: ID!) { runSiteAudit(projectId: $id) { id } }`;
const EVENTS = `subscription ($id: ID!) { projectEvents(projectId: $id) {
  sequence kind project { id } run { id ... on Batch { status } } change { kind subject message isSubject brand { name } } } }`;

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback webhook receiver that records each POST and answers as `answer` says. */
async function startReceiver(answer: (received: Received, res: ServerResponse) => void) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const one = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(one);
      answer(one, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.closeAllConnections() ?? server.close(() => resolve())),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** What a receiver does with the Vantage-Signature header, as the README shows. */
function verifies(secret: string, { headers, body }: Received): boolean {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['vantage-signature'])) ?? [];
  return !!t && createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') === v1 && Math.abs(Date.now() / 1000 - Number(t)) < 300;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('project alerts: webhooks and projectEvents', () => {
  const captured = capturedLogger('debug');
  let app: TestApp;
  let keyA: string;
  let keyB: string;
  let brandSite: FixtureSite;
  let rivalSite: FixtureSite;
  let projectId: string;
  const release = gate();
  const receivers: Receiver[] = [];
  const secrets: string[] = [];
  const as = (key: string) => ({
    data: <T = any>(query: string, variables: Record<string, unknown> = {}) => graphqlData<T>(app.graphqlUrl, query, variables, bearer(key)),
    errorCode: async (query: string, variables: Record<string, unknown> = {}) =>
      (await graphql(app.graphqlUrl, query, variables, bearer(key))).errors?.[0]?.extensions?.code,
  });
  const receiver = async (answer: Parameters<typeof startReceiver>[0]) => {
    const started = await startReceiver(answer);
    receivers.push(started);
    return started;
  };
  const createHook = async (url: string, events: string[], key = keyA, id = projectId) => {
    const { createWebhook } = await as(key).data(CREATE_HOOK, { projectId: id, url, events });
    secrets.push(createWebhook.secret);
    return createWebhook as { secret: string; webhook: { id: string } };
  };
  const socketOf = (key: string) =>
    createClient({ url: app.wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams: bearer(key) });

  // The brand's page: held until the first run has been seen running, then worse for the second run.
  let brandPage = pages.good;
  beforeAll(async () => {
    brandSite = await startFixtureSite({
      '/': async (_req, res) => {
        await release.opened;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(brandPage);
      },
    });
    rivalSite = await startFixtureSite({ '/': pages.poor });
    app = await startTestApp(
      { WEBHOOK_RETRY_DELAY_SECONDS: '1', WEBHOOK_TIMEOUT_MS: '500', QUEUE_POLL_SECONDS: '0.5', LOG_LEVEL: 'debug' },
      { log: captured.log },
    );
    [keyA, keyB] = (await Promise.all(['A', 'B'].map((name) => createTestKey(app.databaseUrl, name)))).map((created) => created.key) as [string, string];
    const input = {
      name: 'Watched',
      brand: { name: 'Acme', domains: [new URL(brandSite.origin).host] },
      competitors: [{ name: 'Rival', domains: [new URL(rivalSite.origin).host] }],
    };
    projectId = (await as(keyA).data(CREATE_PROJECT, { input })).createProject.id;
  });
  afterAll(async () => {
    release.open();
    await Promise.all(receivers.map((one) => one.close()));
    await app?.close();
    await brandSite?.close();
    await rivalSite?.close();
  });

  it('signs a ping with the secret shown once, and logs the delivery', async () => {
    const ok = await receiver((_received, res) => res.writeHead(204).end());
    const { secret, webhook } = await createHook(ok.url, ['RUN_COMPLETED']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const { pingWebhook } = await as(keyA).data(PING, { id: webhook.id });
    expect(pingWebhook).toMatchObject({ event: 'PING', status: 204, attempts: 1, error: null });
    expect(pingWebhook.deliveredAt).not.toBeNull();
    expect(ok.received).toHaveLength(1);
    const [sent] = ok.received;
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(verifies(secret, sent!)).toBe(true);
    expect(verifies(`${secret}x`, sent!)).toBe(false);
    expect(JSON.parse(sent!.body)).toMatchObject({ id: pingWebhook.id, event: 'PING', projectId, runId: null, changes: [] });
    const { project } = await as(keyA).data(HOOKS, { id: projectId });
    expect(project.webhooks[0].deliveries[0]).toEqual(pingWebhook);
  });

  it('does not follow a redirect: a 3xx fails the attempt', async () => {
    const target = await receiver((_received, res) => res.writeHead(200).end());
    const redirecting = await receiver((_received, res) => res.writeHead(302, { location: target.url }).end());
    const { webhook } = await createHook(redirecting.url, ['RUN_FAILED']);
    const { pingWebhook } = await as(keyA).data(PING, { id: webhook.id });
    expect(pingWebhook).toMatchObject({ status: 302, attempts: 1, deliveredAt: null, error: expect.stringContaining('redirect') });
    expect(target.received).toHaveLength(0);
  });

  it("answers NOT_FOUND for another owner's project and webhooks", async () => {
    const { webhook } = await createHook((await receiver((_r, res) => res.end())).url, ['RUN_FAILED']);
    expect(await as(keyB).errorCode(CREATE_HOOK, { projectId, url: 'https://hooks.example.com/', events: ['RUN_FAILED'] })).toBe('NOT_FOUND');
    expect(await as(keyB).errorCode(PING, { id: webhook.id })).toBe('NOT_FOUND');
    expect(await as(keyB).errorCode(DELETE_HOOK, { id: webhook.id })).toBe('NOT_FOUND');
    expect(await as(keyB).errorCode(HOOKS, { id: projectId })).toBe('NOT_FOUND');
    const failing = socketOf(keyB);
    const subscription = record(failing, EVENTS, { id: projectId });
    await subscription.completed.catch(() => {}); // the error comes as the stream's only message or as its failure
    expect(subscription.events).toEqual([]);
    expect(JSON.stringify(subscription.errors)).toContain('NOT_FOUND');
    await failing.dispose();
    expect(await as(keyA).data(DELETE_HOOK, { id: webhook.id })).toEqual({ deleteWebhook: webhook.id });
    const audit = await withClient(app.databaseUrl, async (client) =>
      (await client.query(`SELECT action::text FROM "AuditEvent" WHERE action::text LIKE 'WEBHOOK%' ORDER BY "createdAt"`)).rows.map((row) => row.action),
    );
    expect(audit.filter((action) => action === 'WEBHOOK_DELETED')).toHaveLength(1);
    expect(audit.filter((action) => action === 'WEBHOOK_CREATED').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses URLs that are not http(s), too long, or without events, writing nothing', async () => {
    const bad = [
      { url: 'ftp://hooks.example.com/', events: ['RUN_FAILED'] },
      { url: `https://hooks.example.com/${'a'.repeat(2100)}`, events: ['RUN_FAILED'] },
      { url: 'https://hooks.example.com/', events: [] },
      { url: 'https://hooks.example.com/', events: ['PING'] },
    ];
    for (const variables of bad) {
      const result = await graphql(app.graphqlUrl, CREATE_HOOK, { projectId, ...variables }, bearer(keyA));
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: variables.events.length === 1 && variables.events[0] !== 'PING' ? 'url' : 'events' });
    }
  });

  it('streams a run to projectEvents and delivers its end and changes, retrying 500s with backoff and timeouts', async () => {
    const answered = new Map<string, number>();
    const flaky = await receiver((received, res) => {
      const id = String(received.headers['vantage-delivery']);
      answered.set(id, (answered.get(id) ?? 0) + 1);
      res.writeHead(answered.get(id)! <= 2 ? 500 : 200).end();
    });
    const hanging = await receiver(() => {}); // never answers
    const failedOnly = await receiver((_received, res) => res.writeHead(200).end());
    const flakyHook = await createHook(flaky.url, ['RUN_COMPLETED', 'CHANGE_DETECTED']);
    const hangingHook = await createHook(hanging.url, ['RUN_COMPLETED']);
    await createHook(failedOnly.url, ['RUN_FAILED']);

    const socket = socketOf(keyA);
    try {
      const events = record<{ projectEvents: any }>(socket, EVENTS, { id: projectId });
      await events.waitFor((event) => event.projectEvents.kind === 'SNAPSHOT');
      // The first run finds nothing to compare with; the second, after the brand's page got worse, finds changes.
      const firstRun: string = (await as(keyA).data(RUN, { id: projectId })).runSiteAudit.id;
      await events.waitFor((event) => event.projectEvents.kind === 'RUN_PROGRESS' && event.projectEvents.run.id === firstRun);
      release.open();
      await events.waitFor((event) => event.projectEvents.kind === 'RUN_ENDED' && event.projectEvents.run.id === firstRun);
      brandPage = pages.poor;
      const runId: string = (await as(keyA).data(RUN, { id: projectId })).runSiteAudit.id;
      const ended = await events.waitFor((event) => event.projectEvents.kind === 'RUN_ENDED' && event.projectEvents.run.id === runId);
      const recorded = await withClient(app.databaseUrl, async (client) =>
        (
          await client.query(
            `SELECT c.kind::text, c.subject, c.message FROM "ProjectChange" c JOIN "ProjectBrand" b ON b.id = c."brandId"
             WHERE c."runId" = $1 ORDER BY b.position, c.kind, c.subject`,
            [Buffer.from(runId, 'base64').toString().split(':')[1]],
          )
        ).rows as { kind: string; subject: string; message: string }[],
      );
      expect(recorded.length).toBeGreaterThan(0); // the poorer page broke checks and cost points
      await events.waitFor(() => events.events.filter((event) => event.projectEvents.kind === 'CHANGE_DETECTED').length === recorded.length);

      const seen = events.events.map((event) => event.projectEvents);
      expect(seen[0]).toMatchObject({ kind: 'SNAPSHOT', project: { id: projectId } });
      const sequences = seen.map((event) => event.sequence);
      for (let i = 2; i < sequences.length; i++) expect(sequences[i]).toBe(sequences[i - 1]! + 1);
      expect(sequences[1]).toBeGreaterThan(sequences[0]!);
      const ofRun = (id: string) => seen.filter((event) => event.run?.id === id).map((event) => event.kind);
      for (const id of [firstRun, runId]) {
        expect(ofRun(id)[0]).toBe('RUN_STARTED');
        expect(ofRun(id).filter((kind) => kind === 'RUN_PROGRESS').length).toBeGreaterThanOrEqual(2);
      }
      expect(ofRun(firstRun).at(-1)).toBe('RUN_ENDED'); // nothing to compare the first run with
      expect(ofRun(runId).slice(-1 - recorded.length)).toEqual(['RUN_ENDED', ...recorded.map(() => 'CHANGE_DETECTED')]);
      expect(ended.projectEvents.run.status).toBe('COMPLETED');
      const changes = seen.filter((event) => event.kind === 'CHANGE_DETECTED').map((event) => event.change);
      expect(changes.map(({ kind, subject, message }) => ({ kind, subject, message }))).toEqual(recorded);

      // Three deliveries to the flaky receiver (each run's end, the second run's changes), each answered 500, 500, then 200.
      const deliveriesOf = async (webhookId: string) =>
        (await as(keyA).data(HOOKS, { id: projectId })).project.webhooks.find((hook: { id: string }) => hook.id === webhookId).deliveries;
      const delivered = await waitUntil(
        async () => {
          const deliveries = await deliveriesOf(flakyHook.webhook.id);
          return deliveries.length === 3 && deliveries.every((one: { deliveredAt: string | null }) => one.deliveredAt) && deliveries;
        },
        { timeoutMs: 45_000, what: 'the three deliveries to succeed on their third attempt' },
      );
      expect(delivered.map((one: { event: string }) => one.event).sort()).toEqual(['CHANGE_DETECTED', 'RUN_COMPLETED', 'RUN_COMPLETED']);
      for (const one of delivered) expect(one).toMatchObject({ status: 200, attempts: 3, error: null });
      expect(flaky.received).toHaveLength(9);
      const bodies = flaky.received.map((received) => JSON.parse(received.body));
      const changed = bodies.find((body) => body.event === 'CHANGE_DETECTED');
      expect(changed).toMatchObject({ projectId, runId, status: 'COMPLETED' });
      expect(changed.changes.map((change: { message: string }) => change.message)).toEqual(recorded.map((change) => change.message));
      expect(flaky.received.every((received) => verifies(flakyHook.secret, received))).toBe(true);
      // Each attempt sends the same body: a receiver tells a repeat by its id.
      expect(new Set(flaky.received.map((received) => received.body)).size).toBe(3);

      const timedOut = await waitUntil(
        async () => (await deliveriesOf(hangingHook.webhook.id)).find((one: { attempts: number }) => one.attempts >= 2),
        { timeoutMs: 30_000, what: 'the hanging receiver to be tried again' },
      );
      expect(timedOut).toMatchObject({ status: null, deliveredAt: null, error: 'no answer within 500 ms' });
      expect(failedOnly.received).toHaveLength(0);
    } finally {
      await socket.dispose();
    }
  });

  it('never logs a secret', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    const logged = JSON.stringify(captured.lines);
    expect(captured.lines.some((line) => line.msg === 'webhook created')).toBe(true);
    for (const secret of secrets) expect(logged).not.toContain(secret.slice('whsec_'.length));
  });
});

describe('webhooks with default settings', () => {
  let app: TestApp;
  let receiverUrl: string;
  let closeReceiver: () => Promise<void>;
  beforeAll(async () => {
    app = await startTestApp({ VANTAGE_ROLE: 'api', CRAWL_ALLOW_PRIVATE: 'false', LOG_LEVEL: 'silent' });
    const started = await startReceiver((_received, res) => res.writeHead(200).end());
    receiverUrl = started.url;
    closeReceiver = started.close;
  });
  afterAll(async () => {
    await closeReceiver?.();
    await app?.close();
  });

  it('refuses a private or loopback address, and the guard refuses one a name resolves to at connect time', async () => {
    const input = { name: 'Guarded', brand: { name: 'Acme', domains: ['acme.com'] }, competitors: [{ name: 'Rival', domains: ['rival.com'] }] };
    const { createProject } = await graphqlData(app.graphqlUrl, CREATE_PROJECT, { input });
    for (const url of [receiverUrl, 'http://10.1.2.3/hook', 'http://[::1]:8080/', 'http://localhost:9000/']) {
      const result = await graphql(app.graphqlUrl, CREATE_HOOK, { projectId: createProject.id, url, events: ['RUN_COMPLETED'] });
      expect(result.errors?.[0]?.extensions, url).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
    expect(await withClient(app.databaseUrl, async (client) => (await client.query('SELECT count(*)::int AS n FROM "Webhook"')).rows[0].n)).toBe(0);

    // A public name that resolves to loopback passes the input rules; the connection is refused.
    const hookUrl = receiverUrl.replace('127.0.0.1', 'hooks.example.com');
    const { createWebhook } = await graphqlData(app.graphqlUrl, CREATE_HOOK, { projectId: createProject.id, url: hookUrl, events: ['RUN_COMPLETED'] });
    const prisma = createPrisma(app.databaseUrl, 1);
    const sender = createWebhookSender(prisma, {
      allowPrivate: false,
      timeoutMs: 2000,
      lookup: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    try {
      const delivery = await prisma.webhookDelivery.create({
        data: { webhookId: Buffer.from(createWebhook.webhook.id, 'base64').toString().split(':')[1]!, event: 'PING', body: '{}' },
      });
      expect(await sender.attempt(delivery.id)).toMatchObject({ ok: false, status: null, error: expect.stringContaining('loopback') });
      expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ attempts: 1, deliveredAt: null });
    } finally {
      await sender.close();
      await prisma.$disconnect();
    }
  });
});
