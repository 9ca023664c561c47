// Mention analysis against the floor of what it must do: answers per second of compileBrands'
// analyse() on ~2 KB answers naming 10 brands of 3 aliases each, against one precompiled regular
// expression that only finds the same terms; and the event-loop delay while analyseAll() works
// through 1,000 answers, as the scoring job does, against the idle loop's. Run:
// npx tsx bench/mentions.bench.ts [--answers 1000] [--runs 15] [--loopRuns 5]
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { compileBrands, type BrandSpec } from '../src/visibility';
import { integerArgs } from './lib/args';
import { benchCommand, section, table } from './lib/markdown';
import { alternatingMedians } from './lib/stats';

const options = integerArgs({ answers: 1000, runs: 15, loopRuns: 5 });

const BRANDS: BrandSpec[] = Array.from({ length: 10 }, (_, index) => ({
  name: `Brand${index} Outdoor`,
  aliases: [`B${index}X`, `Trailmaster ${index}`, `Bränd${index}`],
  domains: [`brand${index}.com`],
}));
const TERMS = BRANDS.flatMap((brand) => [brand.name, ...brand.aliases!, ...brand.domains!]);

/** Deterministic pseudo-random numbers, so every run analyses the same texts. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const FILLER = `the shoe offers solid grip on wet rock and a wide toe box for long days while cushioning stays
  firm enough for technical descents many runners say the fit is narrow and the upper breathes well in summer`.split(/\s+/);

/** A ~2 KB answer: sentences of filler with brand terms, a numbered list, a Markdown link and a bare URL. */
function answer(next: () => number): string {
  const parts: string[] = ['Here are the best options for trail running.'];
  let list = 1;
  while (parts.join(' ').length < 2000) {
    const words = Array.from({ length: 12 + Math.floor(next() * 12) }, () => FILLER[Math.floor(next() * FILLER.length)]!);
    const roll = next();
    if (roll < 0.35) words.splice(Math.floor(next() * words.length), 0, TERMS[Math.floor(next() * TERMS.length)]!);
    if (roll < 0.1) parts.push(`\n${list++}. ${TERMS[Math.floor(next() * TERMS.length)]!} is recommended:`);
    if (roll > 0.95) words.push(`[review](https://reviews.example/${Math.floor(next() * 1000)}) and https://brand${Math.floor(next() * 10)}.com/shoes`);
    parts.push(`${words.join(' ')}.`);
  }
  return parts.join(' ');
}

const next = random(18);
const texts = Array.from({ length: options.answers }, () => answer(next));
const meanBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / texts.length;
const matcher = compileBrands(BRANDS);
const escaped = TERMS.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
const bareScan = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');

let sink = 0;
function analyseEach(): void {
  for (const text of texts) sink += matcher.analyse({ text }).mentions.length;
}
function scanEach(): void {
  for (const text of texts) for (const _ of text.matchAll(bareScan)) sink++;
}

const [analyseMs, scanMs] = alternatingMedians(options.runs, 3, analyseEach, scanEach) as [number, number];
const perSecond = (ms: number) => options.answers / (ms / 1000);
const ratio = perSecond(analyseMs) / perSecond(scanMs);

/** The event-loop delay (ms) while `work` runs, sampled every 1 ms. */
async function loopDelay(work: () => Promise<unknown>): Promise<{ wallMs: number; p50: number; p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  // One more turn of the loop, so that the last slice's delay is sampled too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  return { wallMs, p50: histogram.percentile(50) / 1e6, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

// Each round analyses the answers as the scoring job does (analyseAll, its default slices), then
// leaves the loop idle for as long: what the idle loop reads is this machine's own delay (other
// processes on its 2 shared CPUs), against which the analysis's is read.
const rounds: { busy: Awaited<ReturnType<typeof loopDelay>>; idle: Awaited<ReturnType<typeof loopDelay>> }[] = [];
let mentions = 0;
for (let round = 0; round < options.loopRuns; round++) {
  const busy = await loopDelay(async () => {
    const analyses = await matcher.analyseAll(texts.map((text) => ({ text })));
    mentions = analyses.reduce((sum, analysis) => sum + analysis.mentions.length, 0);
  });
  const idle = await loopDelay(() => new Promise((resolve) => setTimeout(resolve, busy.wallMs)));
  rounds.push({ busy, idle });
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p99 = median(rounds.map((round) => round.busy.p99));
const delay = (ms: number) => ms.toFixed(1);

console.log(
  section('Mention analysis', benchCommand('bench/mentions.bench.ts'), [
    `Node ${process.version}, ${availableParallelism()} cores available; ${options.answers} answers of ${meanBytes.toFixed(0)} bytes on average, 10 brands × (name, 3 aliases, 1 domain), ${(mentions / options.answers).toFixed(1)} brands named per answer; median of ${options.runs} alternating runs after 3 warm-ups.`,
    table(
      ['work', 'answers/s', 'ms per answer'],
      [
        ['compileBrands(…).analyse(): mentions, positions, sentences, lexicon, citations', perSecond(analyseMs).toFixed(0), (analyseMs / options.answers).toFixed(4)],
        ['one precompiled regular expression finding the same terms', perSecond(scanMs).toFixed(0), (scanMs / options.answers).toFixed(4)],
      ],
    ),
    `analyse() runs at **${(ratio * 100).toFixed(0)} %** of the bare scan's rate (target ≥ 50 %): ${ratio >= 0.5 ? 'met' : '**not met**'}.`,
    table(
      ['round', `analyseAll() of ${options.answers} answers: wall (ms)`, 'p50 / p99 / max delay (ms)', 'idle loop as long: p50 / p99 / max (ms)'],
      rounds.map(({ busy, idle }, index) => [
        index + 1,
        busy.wallMs.toFixed(0),
        `${delay(busy.p50)} / ${delay(busy.p99)} / ${delay(busy.max)}`,
        `${delay(idle.p50)} / ${delay(idle.p99)} / ${delay(idle.max)}`,
      ]),
    ),
    `Event-loop delay p99 while analysing, median of ${options.loopRuns} rounds: ${p99.toFixed(1)} ms (target < 50 ms, sampled every 1 ms, so an idle loop reads about 1 ms): ${p99 < 50 ? 'met' : '**not met**'}.`,
  ]),
);
if (sink < 0) console.log(sink);
