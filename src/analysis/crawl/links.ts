import type { Anchor } from '../page/model';
import { normalizePageUrl } from './urls';

/** Most links a page hands the crawl: far more than a real page's navigation, bounded against link farms. */
export const MAX_PAGE_LINKS = 2000;

/**
 * The pages a crawler may follow from a page: its `<a href>` targets (already resolved against
 * the page URL), normalised, http(s) only, without `rel=nofollow` ones, de-duplicated in page
 * order, at most MAX_PAGE_LINKS. Links inside `<noscript>` and `<template>` are not in the page.
 */
export function followableLinks(anchors: readonly Anchor[]): string[] {
  const links = new Set<string>();
  for (const anchor of anchors) {
    if (!anchor.target || anchor.rel.split(/\s+/).includes('nofollow')) continue;
    const url = normalizePageUrl(anchor.target.href);
    if (url) links.add(url);
    if (links.size >= MAX_PAGE_LINKS) break;
  }
  return [...links];
}
