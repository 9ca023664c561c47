import { describe, expect, it } from 'vitest';
import { coalesce } from '../../src/db/coalesce';
import { gate } from '../helpers/fixtures';

describe('coalesce (group commit)', () => {
  it('flushes calls of one turn together, and calls made while busy in the next flush', async () => {
    const groups: number[][] = [];
    const first = gate();
    const write = coalesce(async (items: number[]) => {
      groups.push(items);
      if (groups.length === 1) await first.opened;
      return items.map((item) => item * 10);
    }, 1);

    const early = [write(1), write(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const late = [write(3), write(4), write(5)];
    first.open();

    expect(await Promise.all([...early, ...late])).toEqual([10, 20, 30, 40, 50]);
    expect(groups).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('fails only the caller whose item fails, by retrying a failed group one by one', async () => {
    const write = coalesce(async (items: string[]) => {
      if (items.includes('bad')) throw new Error(`refused ${items.join(',')}`);
      return items.map((item) => item.toUpperCase());
    });
    const results = await Promise.allSettled([write('a'), write('bad'), write('c')]);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([
      'A',
      'refused bad',
      'C',
    ]);
  });

  it('keeps writing while one flush hangs', async () => {
    const hung = gate();
    const write = coalesce(async (items: string[]) => {
      if (items.includes('hangs')) await hung.opened;
      return items;
    }, 2);
    const hanging = write('hangs');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await write('next')).toBe('next');
    hung.open();
    expect(await hanging).toBe('hangs');
  });
});
