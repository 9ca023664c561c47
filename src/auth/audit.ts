import type { Transaction } from '../db/prisma';
import type { Caller } from './caller';

export type AuditAction =
  | 'BATCH_CREATED'
  | 'BATCH_CANCELLED'
  | 'BATCH_RETRIED'
  | 'API_KEY_CREATED'
  | 'API_KEY_REVOKED'
  | 'PROJECT_CREATED'
  | 'PROJECT_UPDATED'
  | 'PROJECT_DELETED'
  | 'WEBHOOK_CREATED'
  | 'WEBHOOK_DELETED'
  | 'VISIBILITY_AUDIT_STARTED'
  | 'VISIBILITY_AUDIT_CANCELLED';

/**
 * Writes an audit row in the caller's transaction, so the row exists exactly when the change
 * it describes does.
 */
export async function recordAudit(
  tx: Transaction,
  caller: Caller,
  action: AuditAction,
  subject: { batchId?: string; apiKeyId?: string; urls?: number; projectId?: string; visibilityAuditId?: string },
): Promise<void> {
  await tx.auditEvent.create({ data: { ownerId: caller.ownerId, actorKeyId: caller.apiKeyId, action, ...subject } });
}
