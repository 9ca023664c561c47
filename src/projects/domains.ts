import { isIP } from 'node:net';
import { parse } from 'tldts';

/** A brand's domain as stored, or why the given text is not one. */
export type DomainReading = { domain: string } | { problem: string };

/**
 * The registrable domain a caller means by `raw`, a domain or a URL: `https://www.Example.com/`
 * and `shop.example.com` are both `example.com`. The public suffix list decides what is
 * registrable, its private section included, so `a.github.io` stays apart from `b.github.io`.
 * An IP address is refused unless private addresses may be crawled (a local or test setup);
 * then it is kept with its port, as nothing else could reach a server on another port.
 */
export function readDomain(raw: string, allowIpAddresses: boolean): DomainReading {
  const text = raw.trim();
  if (!text) return { problem: 'is empty' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { problem: 'is neither a domain nor a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'is not an http(s) URL' };
  if (url.username || url.password) return { problem: 'must not contain credentials' };
  if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) {
    if (!allowIpAddresses) return { problem: 'is an IP address; give the domain name' };
    return { domain: url.host };
  }
  const parsed = parse(url.hostname, { allowPrivateDomains: true });
  if (!parsed.domain || !(parsed.isIcann || parsed.isPrivate)) {
    return { problem: 'has no registrable domain under a known public suffix' };
  }
  return { domain: parsed.domain };
}

/** True for a domain that `readDomain` kept as an IP address (with its port, if any). */
function isAddress(domain: string): boolean {
  return domain.startsWith('[') || isIP(domain.replace(/:\d+$/, '')) !== 0;
}

/**
 * The URL a site audit starts from. A named site over https; an IP address (kept only where
 * private addresses may be crawled) over http, since such a server rarely has a certificate.
 */
export function siteUrlOf(domain: string): string {
  return `${isAddress(domain) ? 'http' : 'https'}://${domain}/`;
}
