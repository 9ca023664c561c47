import { decodeGlobalID } from '@pothos/plugin-relay';
import { isUuid } from '../db/prisma';
import { notFound } from '../errors';

const NODE_TYPES: ReadonlySet<string> = new Set(['Batch', 'Target', 'Project', 'ExpiredRun', 'Webhook', 'VisibilityAudit']);

/** The type and database id behind a global ID; null for anything that names no storable object. */
export function parseNodeId(globalId: string): { typename: string; id: string } | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return NODE_TYPES.has(decoded.typename) && isUuid(decoded.id) ? decoded : null;
  } catch {
    return null; // not a global ID at all
  }
}

/** The database id behind a global ID of the given type; anything else is simply not found. */
export function decodeId(globalId: string, typename: 'Batch' | 'Target' | 'Project' | 'Webhook' | 'VisibilityAudit'): string {
  const node = parseNodeId(globalId);
  if (node?.typename === typename) return node.id;
  throw notFound(typename === 'VisibilityAudit' ? 'visibility audit' : typename.toLowerCase());
}
