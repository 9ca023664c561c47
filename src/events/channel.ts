import type { Batch, Target } from '../db/generated/client/client';

/** The one channel every Vantage event travels on; each payload is one batch's change. */
export const EVENT_CHANNEL = 'vantage_events';

/**
 * The channel that API keys' creation and revocation travel on, so that every api process
 * closes the sockets they end at once. Payload: an AccessChange as JSON.
 */
export const ACCESS_CHANNEL = 'vantage_access';

/** A key was created (which ends local mode for good) or revoked. */
export interface AccessChange {
  change: 'created' | 'revoked';
  apiKeyId: string;
}

/** The topic access changes are dispatched on in this process. */
export const ACCESS_TOPIC = 'access';

/** Sent to a topic after the LISTEN connection came back: events may have been missed. */
export const RESYNC = Symbol('resync');

/**
 * What a NOTIFY about a batch carries: the batch row exactly as the change left it, so every
 * subscriber in every process sees the same state for the same sequence, without a read. One
 * parsed change is shared, frozen, by every subscriber of the process.
 */
export interface BatchChange {
  readonly batchId: string;
  readonly targetId: string | null;
  readonly sequence: number;
  readonly batch: Readonly<Batch>;
  /** The target as the change left it, so no subscriber has to read it back. */
  readonly target: Readonly<Target> | null;
}

/** The event type a batch's changes are dispatched on in this process. */
export function batchTopic(batchId: string): string {
  return `batch:${batchId}`;
}

/** The topic every change of an owner's batches is also dispatched on, while anyone in the process watches it. */
export function ownerTopic(ownerId: string): string {
  return `owner:${ownerId}`;
}

// A payload is `<batch id> <change as JSON>` (see the target_transitions migration).

export function batchIdOfPayload(payload: string): string {
  return payload.slice(0, payload.indexOf(' '));
}

const DATE_FIELDS = ['createdAt', 'startedAt', 'finishedAt'] as const;

/** A row that crossed NOTIFY as JSON, with its dates made Dates again. */
function revive<Row>(json: Record<string, unknown>): Readonly<Row> {
  for (const field of DATE_FIELDS) if (typeof json[field] === 'string') json[field] = new Date(json[field]);
  return Object.freeze(json) as Row;
}

export function parseBatchChange(payload: string): BatchChange {
  const change = JSON.parse(payload.slice(payload.indexOf(' ') + 1)) as Record<string, unknown>;
  return Object.freeze({
    batchId: change.batchId as string,
    targetId: change.targetId as string | null,
    sequence: change.sequence as number,
    batch: revive<Batch>(change.batch as Record<string, unknown>),
    target: change.target ? revive<Target>(change.target as Record<string, unknown>) : null,
  });
}
