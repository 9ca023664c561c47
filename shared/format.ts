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

/** A batch named after its first few sites, for when the user gives no name. */
export function defaultBatchName(urls: readonly string[]): string {
  const sites = urls.slice(0, 3).map(shortUrl).join(', ');
  return urls.length > 3 ? `${sites} and ${urls.length - 3} more` : sites;
}
