/**
 * batchProgress sends the snapshot first and then every change; after a reconnect it sends a fresh
 * snapshot. Anything whose sequence is not above the last one accepted is old news.
 */
export function createSequenceGate(): (sequence: number) => boolean {
  let lastAccepted = Number.NEGATIVE_INFINITY;
  return (sequence) => {
    if (sequence <= lastAccepted) return false;
    lastAccepted = sequence;
    return true;
  };
}
