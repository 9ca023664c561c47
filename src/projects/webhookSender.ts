import { createHmac } from 'node:crypto';
import { request } from 'undici';
import { BlockedAddressError, createGuardedAgent, systemHostLookup, type HostLookup } from '../analysis';
import type { PrismaClient } from '../db/prisma';

export interface WebhookSenderOptions {
  /** CRAWL_ALLOW_PRIVATE: the crawler's guard is lifted for webhooks too. */
  allowPrivate: boolean;
  /** Per attempt, connection to last byte of the answer's head (WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  lookup?: HostLookup;
}

/** What one attempt came to; `ok` once a 2xx answered (now or by an earlier attempt). */
export interface AttemptOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as the README shows receivers how to check. */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Sends deliveries. Every connection goes through the crawler's address guard (private
 * addresses refused unless allowed, checked on the address actually connected to), redirects
 * are not followed (a 3xx fails the attempt), and an attempt that has no answer within the
 * timeout fails. One sender per process; `close` ends its connections.
 */
export function createWebhookSender(prisma: PrismaClient, options: WebhookSenderOptions) {
  const agent = createGuardedAgent(
    { allowPrivate: options.allowPrivate, allowPrivateHosts: [], lookup: options.lookup ?? systemHostLookup },
    options.timeoutMs,
  );

  /** Posts the body once; never throws. */
  async function post(url: string, secret: string, body: string, deliveryId: string): Promise<Omit<AttemptOutcome, 'ok'>> {
    try {
      const answer = await request(url, {
        method: 'POST',
        dispatcher: agent,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Vantage-Webhooks',
          'vantage-delivery': deliveryId,
          'vantage-signature': signature(secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await answer.body.dump(); // the answer's body is not read, only its status
      const status = answer.statusCode;
      if (status >= 200 && status < 300) return { status, error: null };
      return { status, error: status >= 300 && status < 400 ? `redirected (${status}); redirects are not followed` : `answered ${status}` };
    } catch (error) {
      // undici hands the connector's refusal over as the error or as its cause.
      const blocked = [error, (error as { cause?: unknown }).cause].find((one) => one instanceof BlockedAddressError);
      if (blocked) return { status: null, error: `refused: ${blocked.message}` };
      if ((error as Error).name === 'TimeoutError') return { status: null, error: `no answer within ${options.timeoutMs} ms` };
      return { status: null, error: (error as Error).message || String(error) };
    }
  }

  return {
    /**
     * One attempt at a delivery: counted on its row before the POST (so a crash mid-way still
     * counts it), its outcome written after. A delivery already delivered is not sent again.
     */
    async attempt(deliveryId: string): Promise<AttemptOutcome> {
      const claimed = await prisma.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ deliveredAt: Date | null; status: number | null }[]>`
          SELECT "deliveredAt", status FROM "WebhookDelivery" WHERE id = ${deliveryId}::uuid FOR UPDATE`;
        if (!row || row.deliveredAt) return { done: row ? { ok: true, status: row.status, error: null } : null };
        return {
          delivery: await tx.webhookDelivery.update({
            where: { id: deliveryId },
            data: { attempts: { increment: 1 } },
            select: { body: true, webhook: { select: { url: true, secret: true } } },
          }),
        };
      });
      if (!claimed.delivery) return claimed.done ?? { ok: false, status: null, error: 'the delivery was deleted with its webhook' };
      const { url, secret } = claimed.delivery.webhook;
      const outcome = await post(url, secret, claimed.delivery.body, deliveryId);
      const ok = outcome.error === null;
      await prisma.webhookDelivery.updateMany({
        where: { id: deliveryId },
        data: { status: outcome.status, error: outcome.error, ...(ok && { deliveredAt: new Date() }) },
      });
      return { ok, ...outcome };
    },
    close: () => agent.close(),
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
