import type { Prisma, PrismaClient } from '../db/prisma';
import { notFound } from '../errors';
import { RESYNC, parseProjectEvent, shared, type ProjectEventRecord } from './channel';
import type { ProjectMessage } from './fanOut';
import { pushStream, type PushStream } from './pushStream';
import type { Watcher } from './watchBatch';

/**
 * The events of one of the caller's projects as they are committed: a SNAPSHOT of the project
 * at its current sequence first, then every event with a higher sequence, for as long as the
 * consumer listens. Like watchBatch, it listens before it reads, so nothing falls between the
 * snapshot and the stream, and after a lost LISTEN connection it hands over the events it
 * missed from the kept log (ProjectEvent), then a new snapshot if even those were pruned.
 * NOT_FOUND for a missing or foreign project, as an error of the subscription itself.
 */
export async function watchProject(ctx: Watcher, projectId: string): Promise<PushStream<ProjectEventRecord>> {
  // Messages that come while a read is in flight (the first one, or a catch-up) wait for it.
  let early: ProjectMessage[] | null = [];
  let last = -1;
  const unlisten = ctx.events.listenToProject(projectId, (message) => {
    if (early) early.push(message);
    else take(message);
  });
  const { stream, emit, fail } = pushStream<ProjectEventRecord>(unlisten);

  function offer(event: ProjectEventRecord): void {
    if (event.sequence <= last) return;
    last = event.sequence;
    emit(event);
  }

  function take(message: ProjectMessage): void {
    if (message !== RESYNC) return offer(message);
    early = [];
    void catchUp().then(drainEarly, fail);
  }

  async function catchUp(): Promise<void> {
    const kept = await ctx.prisma.projectEvent.findMany({
      where: { projectId, sequence: { gt: last } },
      orderBy: { sequence: 'asc' },
      select: { payload: true },
    });
    for (const { payload } of kept) offer(parseProjectEvent(projectId, payload));
    // Kept events are pruned a while after they are written (reconcileBatches): after a longer
    // outage a fresh snapshot stands for those that are gone.
    const project = await ctx.prisma.project.findUnique({ where: { id: projectId }, select: SNAPSHOT_FIELDS });
    if (project) offer(snapshotOf(projectId, project));
  }

  function drainEarly(): void {
    const waiting = early ?? [];
    early = null;
    // `take` may begin a catch-up, which sets `early` again: the rest then waits for it too.
    const catchingUp = () => early as ProjectMessage[] | null;
    while (waiting.length > 0 && !catchingUp()) take(waiting.shift()!);
    catchingUp()?.unshift(...waiting);
  }

  try {
    const project = await ctx.prisma.project.findFirst({ where: { id: projectId, ownerId: ctx.caller.ownerId }, select: SNAPSHOT_FIELDS });
    if (!project) throw notFound('project');
    offer(snapshotOf(projectId, project));
    drainEarly();
    return stream;
  } catch (error) {
    await stream.close();
    throw error;
  }
}

/** What a snapshot needs: the last event's sequence and the latest run of each kind. */
const LATEST = { select: { id: true, createdAt: true }, orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }], take: 1 };
const SNAPSHOT_FIELDS = { eventSequence: true, batches: LATEST, visibilityAudits: LATEST } satisfies Prisma.ProjectSelect;

type Run = { id: string; createdAt: Date };

function snapshotOf(projectId: string, project: { eventSequence: number; batches: Run[]; visibilityAudits: Run[] }): ProjectEventRecord {
  const [latest] = [...project.batches, ...project.visibilityAudits].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return shared({ projectId, sequence: project.eventSequence, kind: 'SNAPSHOT', runId: latest?.id ?? null });
}
