import pg from 'pg';
import { EVENT_CHANNEL, parseBatchChange } from '../../src/events/channel';

export interface CommitStamps {
  /** When the change with this sequence of the batch was heard, i.e. just after its commit. */
  of(batchId: string): Map<number, number>;
  close(): Promise<void>;
}

/**
 * A LISTEN of its own on Vantage's event channel: PostgreSQL delivers a NOTIFY when the
 * transaction that sent it commits, so the time it arrives here, over loopback on an idle
 * connection, stamps the commit to within a fraction of a millisecond. The api process hears
 * the same NOTIFY at the same moment; everything after that is its fan-out.
 */
export async function listenForCommits(databaseUrl: string): Promise<CommitStamps> {
  const stamps = new Map<string, Map<number, number>>();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('notification', ({ payload }) => {
    const heardAt = performance.timeOrigin + performance.now();
    const data = parseBatchChange(payload!);
    if (!stamps.has(data.batchId)) stamps.set(data.batchId, new Map());
    stamps.get(data.batchId)!.set(data.sequence, heardAt);
  });
  await client.connect();
  await client.query(`LISTEN ${EVENT_CHANNEL}`);
  return {
    of: (batchId) => stamps.get(batchId) ?? new Map(),
    close: () => client.end(),
  };
}
