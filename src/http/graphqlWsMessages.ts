import type { ExecutionResult } from 'graphql';
import { MessageType } from 'graphql-ws';

/*
 * The graphql-ws messages Vantage writes as text itself, instead of through graphql-ws's
 * stringifyMessage: a result shared by a thousand subscribers is serialised once, and each
 * subscriber only wraps that text in its own envelope. test/http/graphqlWsMessages.test.ts
 * holds them against the installed graphql-ws; it fails when graphql-ws's shape changes.
 */

/** A result as the payload of a `next` message: graphql-ws writes the same, up to the order of `errors` among the keys. */
export function resultPayload(result: ExecutionResult): string {
  return JSON.stringify(result);
}

/** The `next` messages of the subscription `id`: each payload (see resultPayload) in the subscription's envelope. */
export function nextMessagesOf(id: string): (payloadJson: string) => string {
  const start = `{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`;
  return (payloadJson) => `${start}${payloadJson}}`;
}
