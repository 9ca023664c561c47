import { decodeGlobalID } from '@pothos/plugin-relay';
import { notFound } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
