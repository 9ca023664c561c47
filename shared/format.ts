/** 512 bytes, 20 KB, 2.5 MB: sizes as a site owner reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Host and path without the scheme: what a person recognises a site by. Only the root path is
 * dropped: /blog and /blog/ can be two targets of one batch, and their names must differ too.
 */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.host}${path}${parsed.search}`;
  } catch {
    return url;
  }
}

/**
 * A short name for a batch the user gave none: the subject's host (or the first site's) and
 * how many others it is compared with, so it fits on one line.
 */
export function defaultBatchName(urls: readonly string[], subjectUrl?: string | null): string {
  const first = subjectUrl ?? urls[0];
  if (first === undefined) return 'Batch';
  const host = hostOf(first);
  const others = urls.length - 1;
  if (others <= 0) return host;
  const noun = subjectUrl ? 'competitor' : 'other site';
  return `${host} vs ${others} ${noun}${others === 1 ? '' : 's'}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Batch.progress: the percent of `total` pages finished, rounded down (100 for none at all). */
export function percentDone(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((100 * done) / total);
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Text set inside a sentence: "Response time" becomes "response time"; "HTTPS" and "llms.txt" stay. */
export function inSentence(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** A gap's estimated gain of overall score: "+2.5 points", "+1 point"; one decimal only where it has one. */
export function formatGain(points: number): string {
  return `+${Number.isInteger(points) ? points : points.toFixed(1)} ${points === 1 ? 'point' : 'points'}`;
}

/** "7 failing, 2 warning of 25": how many of the pages a site issue applies to fail or warn on it. */
export function issueReach(issue: { failingPages: number; warningPages: number; applicablePages: number }): string {
  const parts = [...(issue.failingPages ? [`${issue.failingPages} failing`] : []), ...(issue.warningPages ? [`${issue.warningPages} warning`] : [])];
  return `${parts.join(', ')} of ${issue.applicablePages}`;
}
