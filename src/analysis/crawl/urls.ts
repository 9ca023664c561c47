import { parse as parseHost } from 'tldts';

/** Query parameters that only say where a visitor came from: the page is the same without them. */
const TRACKING_PARAMETERS = new Set(['gclid', 'fbclid', 'msclkid', 'dclid', 'yclid', 'mc_cid', 'mc_eid', '_ga']);
const isTrackingParameter = (name: string) => name.startsWith('utm_') || TRACKING_PARAMETERS.has(name);

/**
 * The one spelling of a page's URL a crawl keys pages by, or null when it is not an absolute
 * http(s) URL (or carries credentials, which the fetcher refuses). The fragment, a default port
 * and tracking parameters go; the other query parameters are sorted by name; the path is kept.
 */
export function normalizePageUrl(url: string, base?: string): string | null {
  const parsed = URL.parse(url, base);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) return null;
  // WHATWG parsing already lower-cases scheme and host and drops a default port.
  parsed.hash = '';
  parsed.search = normalizeQuery(parsed.search);
  return parsed.href;
}

/**
 * Works on the raw `name=value` pairs rather than URLSearchParams, whose serialisation would
 * re-encode values (`/` to `%2F`, `%20` to `+`) and turn a bare `flag` into `flag=`: the
 * server may read those differently. The sort is stable, so repeated names keep their order.
 */
function normalizeQuery(search: string): string {
  const pairs = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({ pair, name: pair.split('=', 1)[0]! }))
    .filter(({ name }) => !isTrackingParameter(decodedName(name).toLowerCase()));
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.length === 0 ? '' : `?${pairs.map(({ pair }) => pair).join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}

/**
 * Whether a URL belongs to the site an entry URL starts: the same host, or the `www`/apex pair
 * of its registrable domain (by the Public Suffix List, private section included, so
 * `a.github.io` and `b.github.io` are two sites), over either scheme, on the same explicit
 * port. An IP address or a host without a registrable domain (`localhost`) is one site per host
 * and port: two servers on two ports of 127.0.0.1 are two sites.
 */
export function sameSite(entryUrl: string): (url: string) => boolean {
  const entry = URL.parse(entryUrl);
  if (!entry) return () => false;
  const entryHost = withoutTrailingDot(entry.hostname);
  const { domain, isIp } = parseHost(entryHost, { allowPrivateDomains: true });
  const siteHosts = new Set([entryHost]);
  if (!isIp && domain && (entryHost === domain || entryHost === `www.${domain}`)) {
    siteHosts.add(domain).add(`www.${domain}`);
  }
  return (url) => {
    const candidate = URL.parse(url);
    if (!candidate || (candidate.protocol !== 'http:' && candidate.protocol !== 'https:')) return false;
    // An empty port is the scheme's default, so http://a/ and https://a/ are one site.
    return candidate.port === entry.port && siteHosts.has(withoutTrailingDot(candidate.hostname));
  };
}

/** `example.com.` is `example.com` spelled fully qualified. */
const withoutTrailingDot = (host: string) => (host.endsWith('.') ? host.slice(0, -1) : host);

/** File extensions whose URLs are not HTML pages: documents, media, code, data, archives, fonts. */
const NON_HTML_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'epub', 'csv', 'txt',
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp', 'tif', 'tiff', 'heic',
  'mp3', 'mp4', 'm4a', 'm4v', 'webm', 'ogg', 'oga', 'ogv', 'wav', 'flac', 'aac', 'mov', 'avi', 'mkv', 'wmv',
  'css', 'js', 'mjs', 'map', 'wasm', 'json', 'xml', 'rss', 'atom',
  'zip', 'gz', 'tgz', 'tar', 'bz2', 'xz', '7z', 'rar', 'exe', 'msi', 'dmg', 'apk', 'iso', 'bin',
  'woff', 'woff2', 'ttf', 'otf', 'eot',
]);

/**
 * False when the URL's path ends in an extension that is obviously not an HTML page; true
 * otherwise (no extension, `.html`, `.php`, …). The Content-Type decides for the rest.
 */
export function looksLikeHtml(url: string): boolean {
  const path = URL.parse(url)?.pathname ?? url.split(/[?#]/, 1)[0]!;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  const dot = lastSegment.lastIndexOf('.');
  return dot === -1 || !NON_HTML_EXTENSIONS.has(lastSegment.slice(dot + 1).toLowerCase());
}
