import { createGunzip } from 'node:zlib';
import type { PageFetcher } from '../fetch/pageFetcher';
import { declaredSitemaps } from '../robots';
import type { OriginFiles } from '../types';
import { readSitemap } from './sitemapXml';
import { normalizePageUrl } from './urls';

/** Largest sitemap read, as fetched and once a gzip file is inflated (the protocol allows 50 MB; the start of a larger one is read). */
export const SITEMAP_MAX_BYTES = 10 * 1024 * 1024;
/** Sitemap files read per discovery, indexes included. */
export const MAX_SITEMAP_FILES = 25;
/** Index levels followed: an index of indexes is off the protocol but met in the wild. */
export const MAX_SITEMAP_DEPTH = 2;

const SITEMAP_ACCEPT = 'application/xml, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5';
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * The page URLs an origin's sitemaps list, normalised, de-duplicated, in document order, up to
 * `limit` of those `accepts` takes. The sitemaps are the robots.txt `Sitemap:` lines, else
 * /sitemap.xml; indexes are followed depth first to MAX_SITEMAP_DEPTH, over at most
 * MAX_SITEMAP_FILES files. The sitemap fetchOriginFiles already read is not fetched again.
 * Every fetch goes through the page fetcher and its guards. Never throws: a missing, refused
 * or broken sitemap adds no URLs.
 */
export async function sitemapPageUrls(
  fetcher: PageFetcher,
  originFiles: OriginFiles,
  { limit, accepts = () => true }: { limit: number; accepts?: (url: string) => boolean },
): Promise<string[]> {
  const found = new Set<string>();
  const read = new Set<string>();

  async function readFile(url: string, depth: number): Promise<void> {
    if (found.size >= limit || read.size >= MAX_SITEMAP_FILES || read.has(url)) return;
    read.add(url);
    const text = await sitemapText(fetcher, originFiles, url);
    if (text === null) return;
    const children: string[] = [];
    readSitemap(text, (loc, kind) => {
      if (kind === 'sitemapindex') {
        const child = URL.parse(loc, url)?.href;
        if (child) children.push(child);
        return children.length < MAX_SITEMAP_FILES;
      }
      const page = normalizePageUrl(loc, url);
      if (page && accepts(page)) found.add(page);
      return found.size < limit;
    });
    if (depth < MAX_SITEMAP_DEPTH) for (const child of children) await readFile(child, depth + 1);
  }

  for (const root of rootSitemaps(originFiles)) await readFile(root, 0);
  return [...found];
}

function rootSitemaps({ origin, robotsTxt }: OriginFiles): string[] {
  // Sitemap: lines should be absolute, but a relative one still names the file.
  const declared = declaredSitemaps(robotsTxt, origin).flatMap((line) => URL.parse(line, origin)?.href ?? []);
  return declared.length > 0 ? declared : [new URL('/sitemap.xml', origin).href];
}

async function sitemapText(fetcher: PageFetcher, { sitemap }: OriginFiles, url: string): Promise<string | null> {
  if (sitemap?.url === url) return isSuccess(sitemap.status) ? sitemap.body : null;
  try {
    const fetched = await fetcher.fetch(url, { accept: SITEMAP_ACCEPT, maxBytes: SITEMAP_MAX_BYTES });
    if (!isSuccess(fetched.status)) return null;
    return (await withoutGzip(fetched.body)).toString('utf8');
  } catch {
    return null;
  }
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * A `.xml.gz` sitemap is gzip as content (served as application/gzip or octet-stream), not as a
 * Content-Encoding the fetcher undoes, so its magic bytes decide. Inflates at most
 * SITEMAP_MAX_BYTES and keeps what inflated before a cut or a corrupt stretch: the entries up to
 * there are still read.
 */
async function withoutGzip(bytes: Uint8Array): Promise<Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] !== GZIP_MAGIC[0] || buffer[1] !== GZIP_MAGIC[1]) return buffer;
  const gunzip = createGunzip();
  gunzip.end(buffer);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      chunks.push(chunk.subarray(0, SITEMAP_MAX_BYTES - size));
      size += chunks.at(-1)!.length;
      if (size >= SITEMAP_MAX_BYTES) break;
    }
  } catch {
    // A truncated or corrupt stream: what inflated before it is kept.
  } finally {
    gunzip.destroy();
  }
  return Buffer.concat(chunks);
}
