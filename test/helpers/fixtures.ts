import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FixturePage =
  | string
  | { status?: number; headers?: Record<string, string>; body?: string }
  | ((req: IncomingMessage, res: ServerResponse) => void | Promise<void>);

export interface FixtureSite {
  origin: string;
  url(path: string): string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A loopback web site serving the given pages by path; anything else is a 404. */
export async function startFixtureSite(pages: Record<string, FixturePage>): Promise<FixtureSite> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture').pathname;
    requests.push(path);
    const page = pages[path];
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } else if (typeof page === 'function') {
      Promise.resolve(page(req, res)).catch(() => res.destroy());
    } else if (typeof page === 'string') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else {
      res.writeHead(page.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.body ?? '');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Fixture sites a test file starts as it goes, all closed at its end (`closeAll` in afterAll). */
export function fixtureSites() {
  const started: FixtureSite[] = [];
  return {
    async start(pages: Record<string, FixturePage>): Promise<FixtureSite> {
      const site = await startFixtureSite(pages);
      started.push(site);
      return site;
    },
    closeAll: async () => void (await Promise.all(started.map((site) => site.close()))),
  };
}

/** Holds responses until `open()` is called, so a test can catch work in flight without sleeping. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** A page that answers only once `until` resolves: work caught in flight, no sleeps. */
export function heldPage(until: Promise<void>, body: string): FixturePage {
  return async (_req, res) => {
    await until;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };
}
