/** A batch that analyses more than one page per site crawls each target: its targets are sites, not pages. */
export function crawlsSites(batch: { maxPagesPerSite: number }): boolean {
  return batch.maxPagesPerSite > 1;
}
