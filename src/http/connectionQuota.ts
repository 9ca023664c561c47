import { createAdvisorySlots, type AdvisorySlots } from '../db/advisorySlots';
import type { Logger } from '../logger';

export type { Slot } from '../db/advisorySlots';
export type ConnectionQuota = AdvisorySlots;

/**
 * Open WebSocket connections per key across every api process on the database: each
 * connection holds one of its key's slots until it closes.
 */
export function createConnectionQuota(connectionString: string, maxPerKey: number, log: Logger): ConnectionQuota {
  return createAdvisorySlots(connectionString, { name: 'connection-quota', namespace: 0x56_57_4b_53, maxPerKey }, log);
}
