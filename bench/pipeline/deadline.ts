import { waitUntil } from '../../test/helpers/wait';

/**
 * Polls how many items are done until all are or `maxSeconds` after `started` have passed, so
 * a stalled pipeline still ends the bench with a number; returns how many were done. The poll
 * is slow on purpose: the bench's own queries would otherwise compete with what it measures,
 * and the clock stops at the time the database recorded for the last item, not at the poll.
 */
export async function untilDoneOrTimeUp(
  started: number,
  maxSeconds: number,
  countDone: () => Promise<number>,
  total: number,
): Promise<number> {
  const deadline = started + maxSeconds * 1000;
  let done = 0;
  await waitUntil(
    async () => {
      done = await countDone();
      return done >= total || performance.now() >= deadline;
    },
    { what: 'the pipeline', intervalMs: 50, timeoutMs: maxSeconds * 1000 + 60_000 },
  );
  return done;
}
