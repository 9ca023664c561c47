// Analysis time against input size for deeply nested pages: linear cost means each doubling of
// the page about doubles the time (ratio near 2); a quadratic parser shows a ratio near 4.
// Run: npx tsx bench/nesting.bench.ts [div] [quote] [cite] [unmatched] [--smallest-kib 1024] [--sizes 4] [--runs 3]
import { availableParallelism } from 'node:os';
import type { OriginFiles } from '../src/analysis';
import { analyzePage } from '../src/analysis/worker/analyzePage';
import { integerArgs } from './lib/args';
import { benchCommand, section, table } from './lib/markdown';

const ORIGIN_FILES: OriginFiles = { origin: 'https://example.com', robotsTxt: null, llmsTxt: null, sitemap: null };

/** Page shapes that make a naive parser or collector work per open element on every tag or text. */
const SHAPES: Record<string, { title: string; page: (bytes: number) => string }> = {
  div: {
    title: "`'<div>'.repeat(n) + '</div>'.repeat(n)` (the issue's repro)",
    page: (bytes) => '<div>'.repeat(Math.floor(bytes / 11)) + '</div>'.repeat(Math.floor(bytes / 11)),
  },
  quote: {
    title: "`'<q>x'.repeat(n)`: every text lands inside every open quotation",
    page: (bytes) => '<q>x'.repeat(Math.floor(bytes / 4)),
  },
  cite: {
    title: "`'<q>'.repeat(511) + '<cite>'.repeat(n)`: each <cite> looks for the quotation it attributes",
    page: (bytes) => '<q>'.repeat(511) + '<cite>'.repeat(Math.floor(bytes / 6)),
  },
  unmatched: {
    title: "`'<div>'.repeat(511) + '</x>'.repeat(n)`: each end tag searches the open elements and finds nothing",
    page: (bytes) => '<div>'.repeat(511) + '</x>'.repeat(Math.floor(bytes / 4)),
  },
};

function analysisMs(html: string): number {
  const body = new TextEncoder().encode(html);
  const started = performance.now();
  analyzePage({
    fetched: { finalUrl: 'https://example.com/nested', status: 200, headers: { 'content-type': ['text/html; charset=utf-8'] }, body, fetchMs: 1, timeToFirstByteMs: 1, redirectChain: [] },
    originFiles: ORIGIN_FILES,
    analyzedAt: Date.now(),
  });
  return performance.now() - started;
}

const positional = process.argv.slice(2).filter((argument, index, all) => !argument.startsWith('--') && !all[index - 1]?.startsWith('--'));
const options = integerArgs({ 'smallest-kib': 1024, sizes: 4, runs: 3 }, process.argv.slice(2).filter((argument) => !positional.includes(argument)));
const shapes = positional.length > 0 ? positional : Object.keys(SHAPES);

const body: string[] = [`Node ${process.version}, ${availableParallelism()} cores available; analyzePage on the main thread, median of ${options.runs} runs after one warm-up.`];
analysisMs(SHAPES.div!.page(64 * 1024));
for (const name of shapes) {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`unknown shape ${name}; known: ${Object.keys(SHAPES).join(', ')}`);
  const rows: string[][] = [];
  let previous: number | null = null;
  for (let step = 0; step < options.sizes; step++) {
    const html = shape.page(options['smallest-kib'] * 1024 * 2 ** step);
    const times = Array.from({ length: options.runs }, () => analysisMs(html)).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    rows.push([html.length >= 2 ** 19 ? `${(html.length / 2 ** 20).toFixed(1)} MiB` : `${(html.length / 2 ** 10).toFixed(0)} KiB`, median.toFixed(0), previous === null ? '–' : `${(median / previous).toFixed(2)}x`]);
    previous = median;
  }
  body.push(`### ${shape.title}`, table(['page', 'analysis (ms)', 'ratio to the previous size'], rows));
}
console.log(section('Analysis time against nesting size', benchCommand('bench/nesting.bench.ts'), body));
