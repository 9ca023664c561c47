import type { ComparedTarget } from '../compare';

/** Host and path without scheme or trailing slash: short enough for a sentence, unique in a batch. */
function siteName(url: string): string {
  try {
    const parsed = new URL(url);
    const path = `${parsed.pathname}${parsed.search}`.replace(/\/$/, '');
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

export type SiteNames = (targetId: string) => string;

export function siteNames(targets: readonly ComparedTarget[]): SiteNames {
  const names = new Map(targets.map((target) => [target.targetId, siteName(target.url)]));
  return (targetId) => names.get(targetId) ?? targetId;
}
