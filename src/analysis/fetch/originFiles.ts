import { gunzipSync } from 'node:zlib';
import { declaredSitemaps } from '../robots';
import type { OriginFiles, OriginTextFile } from '../types';
import type { PageFetcher } from './pageFetcher';

/** robots.txt, llms.txt and sitemaps are small; a larger file is recorded as unreadable. */
export const ORIGIN_FILE_MAX_BYTES = 2 * 1024 * 1024;

export async function fetchOriginFiles(fetcher: PageFetcher, origin: string): Promise<OriginFiles> {
  const base = new URL(origin).origin;
  const [robotsTxt, llmsTxt] = await Promise.all([
    fetchTextFile(fetcher, `${base}/robots.txt`),
    fetchTextFile(fetcher, `${base}/llms.txt`),
  ]);
  const declared = declaredSitemaps(robotsTxt, base)[0];
  // Sitemap: lines should be absolute, but a relative one still names the file.
  const sitemapUrl = declared ? resolveOr(declared, base) : `${base}/sitemap.xml`;
  const sitemap = await fetchTextFile(fetcher, sitemapUrl);
  return { origin: base, robotsTxt, llmsTxt, sitemap };
}

function resolveOr(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return `${base}/sitemap.xml`;
  }
}

/** Never throws: a file that cannot be fetched (refused, timed out, too large) is null. */
async function fetchTextFile(fetcher: PageFetcher, url: string): Promise<OriginTextFile | null> {
  try {
    const fetched = await fetcher.fetch(url, { accept: 'text/plain, application/xml, */*;q=0.5', maxBytes: ORIGIN_FILE_MAX_BYTES });
    return { url: fetched.finalUrl, status: fetched.status, body: textOf(fetched.body) };
  } catch {
    return null;
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Sitemaps are often served as .xml.gz files (gzip as content, not as Content-Encoding). */
function textOf(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1]) {
    try {
      return gunzipSync(buffer, { maxOutputLength: ORIGIN_FILE_MAX_BYTES }).toString('utf8');
    } catch {
      return '';
    }
  }
  return buffer.toString('utf8');
}
