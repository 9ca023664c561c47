import type { Job } from 'pg-boss';
import { z } from 'zod';
import type { WebhookSender } from '../projects/webhookSender';

const payloadSchema = z.object({ deliveryId: z.uuid() });
export function assertDeliverWebhookPayload(data: unknown): z.infer<typeof payloadSchema> {
  return payloadSchema.parse(data);
}

/** A failed delivery attempt; pg-boss retries the job with backoff (see DELIVER_WEBHOOK's policy). */
export class DeliveryFailed extends Error {
  override readonly name = 'DeliveryFailed';
}

/** One attempt at a webhook delivery; throws when it failed, so that pg-boss tries again later. */
export async function deliverWebhook(deps: { sender: WebhookSender }, job: Job<unknown>): Promise<void> {
  const { deliveryId } = assertDeliverWebhookPayload(job.data);
  const outcome = await deps.sender.attempt(deliveryId);
  if (!outcome.ok) throw new DeliveryFailed(`delivery ${deliveryId}: ${outcome.error}`);
}
