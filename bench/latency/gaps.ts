export interface GapOptions {
  jobs: number;
  gapMinMs: number;
  gapMaxMs: number;
}

/**
 * Runs `once` `jobs` times, one after another, with an idle gap of random length between
 * them: no job arrives in a burst, and the gaps do not line up with any polling period, so a
 * worker that only polls would show its polling delay here.
 */
export async function oneAtATime(options: GapOptions, once: (index: number) => Promise<void>): Promise<void> {
  for (let index = 0; index < options.jobs; index++) {
    await once(index);
    const gap = options.gapMinMs + Math.random() * (options.gapMaxMs - options.gapMinMs);
    await new Promise((resolve) => setTimeout(resolve, gap));
  }
}
