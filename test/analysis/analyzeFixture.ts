import { createAnalyzer, type Analyzer, type AnalyzerOptions, type OriginFiles, type PageReport } from '../../src/analysis';
import { startFixtureServer, type FixtureServer, type Handler } from './fixtureServer';

/** 2026-06-01: checks that judge age are tested against a fixed clock. */
export const FIXED_NOW = Date.parse('2026-06-01T00:00:00Z');

export interface PageFixture {
  body?: string;
  headers?: Record<string, string>;
  status?: number;
  handler?: Handler;
  origin?: Partial<Omit<OriginFiles, 'origin'>>;
}

export interface FixtureAnalyzer {
  server: FixtureServer;
  analyzer: Analyzer;
  /** Serves the fixture at a fresh path and analyses it with the given origin files. */
  analyzePage(fixture: PageFixture): Promise<PageReport>;
  close(): Promise<void>;
}

export async function startFixtureAnalyzer(options: AnalyzerOptions = {}): Promise<FixtureAnalyzer> {
  const server = await startFixtureServer();
  const analyzer = createAnalyzer({ allowPrivate: true, threads: 2, now: () => FIXED_NOW, ...options });
  let pages = 0;
  return {
    server,
    analyzer,
    async analyzePage(fixture) {
      const path = `/page-${++pages}`;
      server.route(
        path,
        fixture.handler ??
          ((_request, response) => {
            response
              .writeHead(fixture.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...fixture.headers })
              .end(fixture.body ?? '');
          }),
      );
      const missing = (name: string) => ({ url: `${server.origin}/${name}`, status: 404, body: '' });
      const originFiles: OriginFiles = {
        origin: server.origin,
        robotsTxt: missing('robots.txt'),
        llmsTxt: missing('llms.txt'),
        sitemap: missing('sitemap.xml'),
        ...fixture.origin,
      };
      return analyzer.analyze(`${server.origin}${path}`, originFiles);
    },
    async close() {
      await analyzer.close();
      await server.close();
    },
  };
}

export function checkOf(report: PageReport, id: string) {
  const check = report.checks.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no check ${id} in the report`);
  return { outcome: check.outcome, message: check.message };
}

/** A small valid page; `head` and `body` are added inside. */
export function page({ head = '', body = '', lang = 'en' }: { head?: string; body?: string; lang?: string }): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Fixture page title</title>${head}</head><body>${body}</body></html>`;
}
