/** Open WebSocket connections per key in this process; one process cannot be flooded through one key. */
export function createConnectionQuota(maxPerKey: number) {
  const open = new Map<string, number>();
  return {
    /** Counts a connection for the key; false (and nothing counted) when the key is at its limit. */
    take(key: string): boolean {
      const count = open.get(key) ?? 0;
      if (count >= maxPerKey) return false;
      open.set(key, count + 1);
      return true;
    },
    release(key: string): void {
      const count = (open.get(key) ?? 1) - 1;
      if (count <= 0) open.delete(key);
      else open.set(key, count);
    },
  };
}
