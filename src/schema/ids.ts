import { decodeGlobalID } from '@pothos/plugin-relay';
import { notFound } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NODE_TYPES: ReadonlySet<string> = new Set(['Batch', 'Target']);

/** Whether a decoded global ID can name a stored object at all (a known type and a UUID). */
export function isNodeId(globalId: { typename: string; id: string }): boolean {
  return NODE_TYPES.has(globalId.typename) && UUID.test(globalId.id);
}

/** The database id behind a global ID of the given type; anything else is simply not found. */
export function decodeId(globalId: string, typename: 'Batch' | 'Target'): string {
  try {
    const { typename: actual, id } = decodeGlobalID(globalId);
    if (actual === typename && UUID.test(id)) return id;
  } catch {
    // not a global ID at all
  }
  throw notFound(typename.toLowerCase());
}
