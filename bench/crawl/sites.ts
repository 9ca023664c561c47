import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePage } from '../analysisPages';

export interface BenchSite {
  url: string;
  close(): Promise<void>;
}

const KB = 1024;

/** Page k's size, 20–60 KB, spread evenly and the same on every run. */
export function pageBytes(k: number): number {
  return (20 + ((k * 37) % 41)) * KB;
}

/** Article bodies by size, made once: 41 sizes, not one string per page. */
const bodies = new Map<number, string>();

/**
 * Page k of a site of `size` pages: an article of pageBytes(k) whose navigation links pages
 * 10k+1 … 10k+10, so that a breadth-first crawl from / finds every page. No canonical: each
 * page is indexable under its own URL.
 */
export function sitePage(k: number, size: number): string {
  const bytes = pageBytes(k);
  let body = bodies.get(bytes);
  if (!body) {
    body = generatePage(bytes).replace('<link rel="canonical" href="https://example.com/article">', '');
    bodies.set(bytes, body);
  }
  const links = Array.from({ length: 10 }, (_, i) => 10 * k + i + 1)
    .filter((n) => n < size)
    .map((n) => `<a href="/p${n}">Part ${n}</a>`)
    .join(' ');
  return body.replace('<a href="/">Home</a> <a href="/blog">Blog</a>', `<a href="/">Home</a> ${links}`);
}

/** A loopback site answering every page at once (robots.txt, llms.txt and sitemap.xml are 404s). */
export async function startBenchSite(size: number): Promise<BenchSite> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    const k = path === '/' ? 0 : /^\/p(\d+)$/.exec(path)?.[1];
    if (k === undefined || Number(k) >= size) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(sitePage(Number(k), size));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
