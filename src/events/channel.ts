/** The one channel every Vantage event travels on; payloads name their topic. */
export const EVENT_CHANNEL = 'vantage_events';

/** Sent to a topic after the LISTEN connection came back: events may have been missed. */
export const RESYNC = Symbol('resync');

/** The batch row as it was right after a change, as JSON (dates are ISO strings). */
export type BatchRowJson = Record<string, unknown> & { id: string; status: string; sequence: number };

/** The changed target's row, as JSON. */
export type TargetRowJson = Record<string, unknown> & { id: string; status: string };

/**
 * What a NOTIFY about a batch carries: the batch row exactly as the change left it, so every
 * subscriber in every process sees the same state for the same sequence, without a read.
 */
export interface BatchChange {
  batchId: string;
  targetId: string | null;
  sequence: number;
  batch: BatchRowJson;
  /** The target as the change left it, so no subscriber has to read it back. */
  target: TargetRowJson | null;
}

export function batchTopic(batchId: string): string {
  return `batch:${batchId}`;
}
