import { createPubSub } from 'graphql-yoga';
import type { Logger } from '../logger';
import type { BatchChange, RESYNC } from './channel';
import { createPostgresEventTarget } from './postgresEventTarget';

export * from './channel';

export type BatchTopicMessage = BatchChange | typeof RESYNC;

export type Events = ReturnType<
  typeof createPubSub<{ batch: [batchId: string, message: BatchTopicMessage]; owner: [ownerId: string, message: BatchTopicMessage] }>
>;

export async function createEvents(connectionString: string, log: Logger) {
  const handle = await createPostgresEventTarget(connectionString, log);
  const pubsub: Events = createPubSub({ eventTarget: handle.eventTarget as never });
  return { pubsub, close: handle.close };
}
