import { randomBytes, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { PgBoss } from 'pg-boss';
import { portRefusalReason, refusalReason } from '../analysis';
import { recordAudit } from '../auth/audit';
import type { Caller } from '../auth/caller';
import type { WebhookEvent } from '../db/generated/client/client';
import type { PrismaClient, Transaction } from '../db/prisma';
import { notFound, quoted, UserError } from '../errors';
import { sendWebhookDeliveries } from '../queue';
import type { WebhookSender } from './webhookSender';

const MAX_URL_LENGTH = 2048;
export const MAX_WEBHOOKS_PER_PROJECT = 20;
/** Most deliveries `Webhook.deliveries` lists at once. */
export const MAX_DELIVERIES_LISTED = 100;
/** What a webhook may subscribe to; PING is only pingWebhook's. */
const SUBSCRIBABLE: ReadonlySet<WebhookEvent> = new Set(['RUN_COMPLETED', 'RUN_FAILED', 'CHANGE_DETECTED']);

const refuse = (field: string, message: string) => new UserError('BAD_USER_INPUT', message, { field });

/** An http(s) URL the crawler's guard would let a delivery reach; literal private addresses are refused now rather than at every attempt. */
function validUrl(raw: string, allowPrivate: boolean): string {
  if (raw.length > MAX_URL_LENGTH) throw refuse('url', `url is longer than ${MAX_URL_LENGTH} characters.`);
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw refuse('url', `url "${quoted(raw)}" is not an http or https URL.`);
  }
  if (url.username || url.password) throw refuse('url', 'url must not carry a user name or password.');
  const badPort = portRefusalReason(url);
  if (badPort) throw refuse('url', `url "${quoted(raw)}" is refused: ${badPort}.`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate) {
    const reason = isIP(host) ? refusalReason(host) : host === 'localhost' || host.endsWith('.localhost') ? 'the loopback host' : null;
    if (reason) throw refuse('url', `url "${quoted(raw)}" is refused: ${host} is ${reason}; webhooks reach public addresses only.`);
  }
  return url.href;
}

function validEvents(events: readonly WebhookEvent[]): WebhookEvent[] {
  const unique = [...new Set(events)];
  if (unique.length === 0) throw refuse('events', 'events must name at least one event.');
  const other = unique.find((event) => !SUBSCRIBABLE.has(event));
  if (other) throw refuse('events', `events may not include ${other}: pingWebhook sends those on request.`);
  return unique;
}

/** whsec_ and 32 random bytes: kept so that the server can sign, shown to the caller once. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export async function createWebhook(
  prisma: PrismaClient,
  input: { projectId: string; url: string; events: readonly WebhookEvent[] },
  rules: { allowPrivate: boolean },
  caller: Caller,
) {
  const url = validUrl(input.url, rules.allowPrivate);
  const events = validEvents(input.events);
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ hooks: number }[]>`
      SELECT (SELECT count(*) FROM "Webhook" w WHERE w."projectId" = p.id)::int AS hooks
      FROM "Project" p WHERE p.id = ${input.projectId}::uuid AND p."ownerId" = ${caller.ownerId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw notFound('project');
    if (rows[0]!.hooks >= MAX_WEBHOOKS_PER_PROJECT) {
      throw refuse('projectId', `A project has at most ${MAX_WEBHOOKS_PER_PROJECT} webhooks; delete one first.`);
    }
    const secret = newSecret();
    const webhook = await tx.webhook.create({ data: { projectId: input.projectId, url, events, secret } });
    await recordAudit(tx, caller, 'WEBHOOK_CREATED', { projectId: input.projectId });
    return { webhook, secret };
  });
}

/** The caller's webhook, or NOT_FOUND (another owner's too). */
async function ownWebhook(db: PrismaClient | Transaction, webhookId: string, caller: Caller) {
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, project: { ownerId: caller.ownerId } } });
  if (!webhook) throw notFound('webhook');
  return webhook;
}

export async function deleteWebhook(prisma: PrismaClient, webhookId: string, caller: Caller): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const webhook = await ownWebhook(tx, webhookId, caller);
    await tx.webhook.delete({ where: { id: webhook.id } });
    await recordAudit(tx, caller, 'WEBHOOK_DELETED', { projectId: webhook.projectId });
  });
}

/** A test delivery, attempted once now; the delivery as the attempt left it. */
export async function pingWebhook(prisma: PrismaClient, sender: WebhookSender, webhookId: string, caller: Caller) {
  const webhook = await ownWebhook(prisma, webhookId, caller);
  const id = randomUUID();
  const body = deliveryBody({ id, event: 'PING', projectId: webhook.projectId, run: null, status: null, changes: [] });
  await prisma.webhookDelivery.create({ data: { id, webhookId, event: 'PING', body } });
  await sender.attempt(id);
  return prisma.webhookDelivery.findUniqueOrThrow({ where: { id } });
}

interface DeliveryBody {
  id: string;
  event: WebhookEvent;
  projectId: string;
  run: { id: string; type: RunType } | null;
  status: string | null;
  changes: unknown[];
}

/** What a project's run is, as the API names it. */
export type RunType = 'Batch' | 'VisibilityAudit';

/**
 * The JSON every delivery carries, fixed when it is queued (so every attempt signs the same
 * bytes). Project and run by the API's ids, which `project(id)` and `node(id)` take.
 */
function deliveryBody({ id, event, projectId, run, status, changes }: DeliveryBody): string {
  const runId = run && encodeGlobalID(run.type, run.id);
  return JSON.stringify({ id, event, projectId: encodeGlobalID('Project', projectId), runId, status, changes, sentAt: new Date().toISOString() });
}

/**
 * The deliveries of a project run's end, written and queued in the transaction that ends it:
 * RUN_COMPLETED or RUN_FAILED, and CHANGE_DETECTED when the end recorded changes (one delivery
 * carrying them all), to each of the project's webhooks that subscribed to the event. Call it
 * after the changes (ProjectChange rows) are written.
 */
export async function queueRunDeliveries(tx: Transaction, boss: PgBoss, run: { id: string; type: RunType; projectId: string; status: string }) {
  const webhooks = await tx.webhook.findMany({ where: { projectId: run.projectId }, select: { id: true, events: true } });
  if (webhooks.length === 0) return;
  const rows = await tx.projectChange.findMany({
    where: { runId: run.id },
    include: { brand: { select: { name: true, position: true } } },
    orderBy: [{ brand: { position: 'asc' } }, { kind: 'asc' }, { subject: 'asc' }],
  });
  const changes = rows.map((change) => ({
    id: change.id,
    kind: change.kind,
    brand: change.brand.name,
    isSubject: change.brand.position === 0,
    subject: change.subject,
    before: change.before,
    after: change.after,
    message: change.message,
    at: change.at.toISOString(),
  }));
  const events: WebhookEvent[] = [run.status === 'COMPLETED' ? 'RUN_COMPLETED' : 'RUN_FAILED'];
  if (changes.length > 0) events.push('CHANGE_DETECTED');
  const deliveries = webhooks.flatMap((webhook) =>
    events
      .filter((event) => webhook.events.includes(event))
      .map((event) => {
        const id = randomUUID();
        const body = deliveryBody({ id, event, projectId: run.projectId, run, status: run.status, changes });
        return { id, webhookId: webhook.id, event, body };
      }),
  );
  await tx.webhookDelivery.createMany({ data: deliveries });
  await sendWebhookDeliveries(boss, tx, deliveries.map(({ id }) => id));
}
