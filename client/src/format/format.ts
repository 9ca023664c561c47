const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Host and path without the scheme: what a person recognises a site by. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.host}${path}${parsed.search}`;
  } catch {
    return url;
  }
}

export function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** SEO and AEO are acronyms; the rest reads as a word. */
export function categoryLabel(category: string): string {
  return category === 'SEO' || category === 'AEO' ? category : titleCase(category);
}

/** A batch named after its first few sites, for when the user gives no name. */
export function defaultBatchName(urls: readonly string[]): string {
  const sites = urls.slice(0, 3).map(shortUrl).join(', ');
  return urls.length > 3 ? `${sites} and ${urls.length - 3} more` : sites;
}
