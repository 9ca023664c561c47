export interface DeliveryLatencies {
  /** One per (subscriber, change): commit until that subscriber held a state at least that new, ms. */
  samples: number[];
  /** (subscriber, change) pairs never covered by any state the subscriber received. */
  missed: number;
  eventsPerSubscriber: number;
}

/**
 * Every committed change counts for every subscriber, even when the api coalesced it into a
 * later state: its latency is the time until the first event whose sequence reached it.
 */
export function deliveryLatencies(
  commits: Map<number, number>,
  fromSequence: number,
  receipts: [sequence: number, receivedAt: number][][],
): DeliveryLatencies {
  const changes = [...commits].filter(([sequence]) => sequence > fromSequence).sort((a, b) => a[0] - b[0]);
  const samples: number[] = [];
  let missed = 0;
  let events = 0;
  for (const received of receipts) {
    events += received.length;
    let next = 0;
    for (const [sequence, committedAt] of changes) {
      while (next < received.length && received[next]![0] < sequence) next++;
      if (next === received.length) missed++;
      else samples.push(received[next]![1] - committedAt);
    }
  }
  return { samples, missed, eventsPerSubscriber: events / Math.max(1, receipts.length) };
}
