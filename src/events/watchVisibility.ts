import type { VisibilityAudit } from '../db/generated/client/client';
import { notFound } from '../errors';
import type { Watcher } from './watchBatch';
import { pushStream, type PushStream } from './pushStream';

const TERMINAL: ReadonlySet<VisibilityAudit['status']> = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

export interface VisibilitySnapshot {
  readonly audit: Readonly<VisibilityAudit>;
  readonly sequence: number;
}

/**
 * The states of one of the caller's visibility audits: the current one first, then the row as
 * read after each announced change, in sequence order (a state is never sent twice or after a
 * later one), ending after the first terminal state. A NOTIFY carries only the new sequence, so
 * each change is read back; changes that come faster than the reads are sent as the latest
 * state, never as a gap that hides an end. It listens before it reads, so no change falls
 * between the snapshot and the stream; after a lost LISTEN connection it reads again.
 * A missing or foreign audit is a NOT_FOUND error of the subscription itself.
 */
export async function watchVisibilityAudit(ctx: Watcher, auditId: string): Promise<PushStream<VisibilitySnapshot>> {
  let last = -1;
  // One read at a time; changes heard during a read ask for one more after it.
  let reading = true;
  let readAgain = false;
  const unlisten = ctx.events.listenToAudit(auditId, () => void refresh());
  const { stream, emit, end, fail } = pushStream<VisibilitySnapshot>(unlisten);
  const read = () => ctx.prisma.visibilityAudit.findFirst({ where: { id: auditId, ownerId: ctx.caller.ownerId } });

  function offer(audit: VisibilityAudit): void {
    if (audit.sequence <= last) return;
    last = audit.sequence;
    emit({ audit, sequence: audit.sequence });
    if (TERMINAL.has(audit.status)) end();
  }

  async function readUntilCurrent(): Promise<void> {
    do {
      readAgain = false;
      const audit = await read();
      if (!audit) throw notFound('visibility audit');
      offer(audit);
    } while (readAgain);
  }

  async function refresh(): Promise<void> {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    await readUntilCurrent().catch(fail);
    reading = false;
  }

  try {
    const current = await read();
    if (!current) throw notFound('visibility audit');
    offer(current);
    if (readAgain) await readUntilCurrent();
    reading = false;
    return stream;
  } catch (error) {
    await stream.close();
    throw error;
  }
}
