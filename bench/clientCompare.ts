import { launchChromium } from '../test/browser/chromium';
import { benchPage, comparisonSelectors, loadComparison, reportData, serveBuild } from './lib/comparisonPage';
import { ms, percentile } from './lib/stats';

/**
 * `npx tsx bench/clientCompare.ts [--loads N] NAME=DIST_DIR ...`: builds of the web client compared
 * on the comparison screen of client.bench.ts (10 sites × 36 checks), for deciding what to keep on
 * a machine others share. Each round loads every build once, in turn, so the load of the machine
 * falls on all alike; besides the wall time client.bench.ts reports, a Chromium trace of each load
 * gives the renderer main thread's CPU time over the same span (thread time, which other processes
 * on the machine stretch far less than they stretch the wall clock), split into style, layout,
 * paint (pre-paint, paint, layerize and commit) and garbage collection; what is left is mostly script.
 * It also reports when the data was in hand after navigation, to show a change that moves work
 * before the data arrives.
 * Build a variant with `npx vite build client --outDir /tmp/variant`.
 */
const loadsArg = process.argv.indexOf('--loads');
const loads = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 12;
const builds = process.argv
  .slice(2)
  .filter((arg) => arg.includes('='))
  .map((arg) => ({ name: arg.slice(0, arg.indexOf('=')), dir: arg.slice(arg.indexOf('=') + 1) }));
if (builds.length === 0) throw new Error('Name at least one build: NAME=DIST_DIR');

const answer = JSON.stringify(reportData(10, 36));
const phases: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
};
const columns = ['before', 'wall', 'cpu', 'style', 'layout', 'paint', 'gc'] as const;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
}

/** CPU milliseconds of the main thread per phase between the "data" and "rendered" marks. */
function mainThreadTimes(events: TraceEvent[]): Record<string, number> {
  const mark = (name: string) => events.find((event) => event.name === name && event.cat.includes('blink.user_timing'))!;
  const [start, end] = [mark('data'), mark('rendered')];
  const times: Record<string, number> = { cpu: 0, style: 0, layout: 0, paint: 0, gc: 0 };
  for (const event of events) {
    if (event.ph !== 'X' || event.tid !== start.tid || event.ts < start.ts || event.ts > end.ts) continue;
    const cpu = (event.tdur ?? 0) / 1000;
    // Top-level tasks hold everything else, so their thread time is the whole.
    if (event.name === 'RunTask') times.cpu! += cpu;
    const phase = phases[event.name];
    if (phase) times[phase]! += cpu;
  }
  return times;
}

const servers = await Promise.all(builds.map((build) => serveBuild(build.dir)));
const samples = builds.map(() => Object.fromEntries(columns.map((column) => [column, [] as number[]])));
const browser = await launchChromium();
try {
  // Round 0 is untimed: it warms Chromium's caches of each bundle.
  for (let round = 0; round <= loads; round++) {
    for (const [index, { origin }] of servers.entries()) {
      const page = await benchPage(browser, answer, comparisonSelectors);
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
      const { before, render: wall } = await loadComparison(page, origin);
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      await page.close();
      if (round === 0) continue;
      const times: Record<string, number> = { before, wall, ...mainThreadTimes(trace.traceEvents) };
      for (const column of columns) samples[index]![column]!.push(times[column]!);
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
}

console.log(
  `Medians of ${loads} loads each, alternately (ms): before, from navigation to the data in hand (loading and starting the bundle); wall, from the data to the screen as client.bench.ts measures it; then the main thread's CPU time of that span.\n`,
);
console.log(`| build | ${columns.join(' | ')} |`);
console.log(`| --- |${columns.map(() => ' --- |').join('')}`);
for (const [index, build] of builds.entries()) {
  console.log(`| ${build.name} | ${columns.map((column) => ms(percentile(samples[index]![column]!, 50))).join(' | ')} |`);
}
