import { getDomain } from 'tldts';

/** A span of a text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

// A URL runs to whitespace, a quote, an angle bracket or a square bracket: what ends links in
// Markdown, HTML and prose. Parentheses are kept and trimmed afterwards when unbalanced.
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"'`[\]]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*_~]+$/;

function trimUnbalanced(candidate: string): string {
  let url = candidate.replace(TRAILING_PUNCTUATION, '');
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return url;
}

/** An http(s) URL as an href without its fragment, with its lower-case host; null when it is none. */
export function parseUrl(raw: string): { url: string; host: string } | null {
  const url = URL.parse(/^www\./i.test(raw) ? `https://${raw}` : raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  url.hash = '';
  return { url: url.href, host: url.hostname };
}

/** Links and bare URLs (with a scheme or starting "www.") in an answer, in order, with where they stand. */
export function urlsInText(text: string): { url: string; host: string; span: Span }[] {
  const found: { url: string; host: string; span: Span }[] = [];
  for (const { raw, start } of rawUrlsInText(text)) {
    const parsed = parseUrl(raw);
    if (parsed) found.push({ ...parsed, span: { start, end: start + raw.length } });
  }
  return found;
}

/** The links and bare URLs of a text as written (trailing punctuation and unbalanced parentheses off), where each starts, not yet parsed. */
export function rawUrlsInText(text: string): { raw: string; start: number }[] {
  const found: { raw: string; start: number }[] = [];
  URL_IN_TEXT.lastIndex = 0;
  for (let match = URL_IN_TEXT.exec(text); match !== null; match = URL_IN_TEXT.exec(text)) found.push({ raw: trimUnbalanced(match[0]), start: match.index });
  return found;
}

/**
 * The registrable domain (eTLD+1 by the Public Suffix List, its private section included, as a
 * project reads its brands' domains) of a host; the host itself for IPs and single labels.
 */
export function registrableDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** True when the host is the domain or one of its subdomains. */
export function hostIsOn(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
