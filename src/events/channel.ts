/** The one channel every Vantage event travels on; payloads name their topic. */
export const EVENT_CHANNEL = 'vantage_events';

/** Sent to a topic after the LISTEN connection came back: events may have been missed. */
export const RESYNC = Symbol('resync');

/** What a NOTIFY about a batch carries: enough to order it; subscribers read the rows. */
export interface BatchChange {
  batchId: string;
  targetId: string | null;
  sequence: number;
}

export function batchTopic(batchId: string): string {
  return `batch:${batchId}`;
}
