import type { Batch, Target } from '../db/generated/client/client';

/** The channel of batches' changes; each payload is one batch's change. */
export const EVENT_CHANNEL = 'vantage_events';

/**
 * The channel that API keys' creation and revocation travel on, so that every api process
 * closes the sockets they end at once. Payload: an AccessChange as JSON.
 */
export const ACCESS_CHANNEL = 'vantage_access';

/**
 * The channel a visibility audit's changes travel on; payload `<audit id> <sequence> <owner id>`,
 * NOTIFYed by the transaction that made the change (src/projects/visibility/audits.ts).
 */
export const VISIBILITY_CHANNEL = 'vantage_visibility';

/** A key was created (which ends local mode for good) or revoked. */
export interface AccessChange {
  change: 'created' | 'revoked';
  apiKeyId: string;
}

/** Sent to a topic after the LISTEN connection came back: events may have been missed. */
export const RESYNC = Symbol('resync');

/**
 * Marks an event that every subscriber in the process is handed as the very same object, frozen:
 * what one subscriber's query makes of it holds for every subscriber of the same owner who asked
 * the same, so it is computed once (see http/sharedEventResults.ts).
 */
export const SHARED = Symbol('shared by every subscriber in the process');

export interface SharedEvent {
  readonly [SHARED]: true;
}

/**
 * The event, frozen and marked shared. Not enumerable, so a copy of it (a spread) is no longer
 * marked: only the very object handed to every subscriber is.
 */
export function shared<Event extends object>(event: Event): Readonly<Event> & SharedEvent {
  return Object.freeze(Object.defineProperty(event, SHARED, { value: true })) as Readonly<Event> & SharedEvent;
}

export function isShared(event: unknown): event is SharedEvent {
  return typeof event === 'object' && event !== null && SHARED in event;
}

/**
 * What a NOTIFY about a batch carries: the batch row exactly as the change left it, so every
 * subscriber in every process sees the same state for the same sequence, without a read. One
 * parsed change is shared by every subscriber of the process.
 */
export interface BatchChange extends SharedEvent {
  readonly batchId: string;
  readonly targetId: string | null;
  readonly sequence: number;
  readonly batch: Readonly<Batch>;
  /** The target as the change left it, so no subscriber has to read it back. */
  readonly target: Readonly<Target> | null;
}

// A payload is `<batch id> <change as JSON>` (see src/batches/sql/vantage_announce_batch_change.sql).

export function batchIdOfPayload(payload: string): string {
  return payload.slice(0, payload.indexOf(' '));
}

const DATE_FIELDS = ['createdAt', 'startedAt', 'finishedAt', 'interruptedAt'] as const;

/** A row that crossed NOTIFY as JSON, with its dates made Dates again. */
function revive<Row>(json: Record<string, unknown>): Readonly<Row> {
  for (const field of DATE_FIELDS) if (typeof json[field] === 'string') json[field] = new Date(json[field]);
  return Object.freeze(json) as Row;
}

export function parseBatchChange(payload: string): BatchChange {
  const change = JSON.parse(payload.slice(payload.indexOf(' ') + 1)) as Record<string, unknown>;
  return shared({
    batchId: change.batchId as string,
    targetId: change.targetId as string | null,
    sequence: change.sequence as number,
    batch: revive<Batch>(change.batch as Record<string, unknown>),
    target: change.target ? revive<Target>(change.target as Record<string, unknown>) : null,
  });
}

/**
 * The channel of projects' events (src/batches/sql/vantage_append_project_events.sql, which
 * names it too). Payload: `<project id> <event as JSON>`, the JSON kept in ProjectEvent.
 */
export const PROJECT_CHANNEL = 'vantage_project_events';

export type ProjectEventKind = 'SNAPSHOT' | 'RUN_STARTED' | 'RUN_PROGRESS' | 'RUN_ENDED' | 'CHANGE_DETECTED';

/** One event of a project's log, or (SNAPSHOT) the project's state at a sequence. */
export interface ProjectEventRecord {
  readonly projectId: string;
  readonly sequence: number;
  readonly kind: ProjectEventKind;
  /** The run (batch or visibility audit) the event is about; for a snapshot, the project's latest batch, if any. */
  readonly runId: string | null;
  /** The run's status as the change left them, and for a batch its pages counted of all. */
  readonly status?: string;
  readonly completedUrls?: number;
  readonly totalUrls?: number;
  /** The ProjectChange a CHANGE_DETECTED event is about. */
  readonly changeId?: string;
}

export function parseProjectEvent(projectId: string, json: string): ProjectEventRecord {
  return shared({ ...(JSON.parse(json) as Omit<ProjectEventRecord, 'projectId'>), projectId });
}
