import { shortUrl } from '#shared/format';
import type { ComparedTarget } from '../types';

export type SiteNames = (targetId: string) => string;

/** Each target's short URL: short enough for a sentence, unique in a batch. */
export function siteNames(targets: readonly ComparedTarget[]): SiteNames {
  const names = new Map(targets.map((target) => [target.targetId, shortUrl(target.url)]));
  return (targetId) => names.get(targetId) ?? targetId;
}
