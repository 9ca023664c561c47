import { waitUntil } from '../../test/helpers/wait';

/**
 * Polls how many items are done until all are or `maxSeconds` after `started` have passed, so
 * a stalled pipeline still ends the bench with a number; returns how many were done.
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
    { what: 'the pipeline', intervalMs: 5, timeoutMs: maxSeconds * 1000 + 60_000 },
  );
  return done;
}
