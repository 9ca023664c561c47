import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch } from '../helpers/batches';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { PARTIAL_NOTE, reportHtml } from '../../shared/reportHtml';
import { waitUntil } from '../helpers/wait';
import { announcedBatchId, run, startVantage, vantage } from './runCli';

// Written out here rather than imported from the CLI, so the test checks the CLI against the contract.
const COMPARISON = `query ($id: ID!) { batch(id: $id) { comparison {
  createdAt
  partial
  ranking { rank indexable excludedReason overallScore seoScore aeoScore technicalScore target { id url isSubject } }
  subject { rank analysedCompetitors target { id url } }
  notAnalysed { error target { id url isSubject } }
  checks { checkId category passedBy { id url } failedBy { id url } warnedBy { id url } }
  gaps { checkId title subjectOutcome message howToFix estimatedGain pagesAffected competitors { id url } }
  insights { title body severity source } } } }`;

/** A loopback port with nothing listening: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function apiComparison(app: TestApp, id: string) {
  const { batch } = await graphqlData(app.graphqlUrl, COMPARISON, { id });
  return batch.comparison;
}

describe('the vantage CLI', () => {
  let app: TestApp;
  let site: FixtureSite;
  const release = gate();

  beforeAll(async () => {
    site = await startFixtureSite({
      '/good': pages.good,
      '/medium': pages.medium,
      '/poor': pages.poor,
      // The best page's HTML, answered with a 404: analysed, well scored, and not indexable.
      '/gone': { status: 404, body: pages.good },
      // Answered only when the tests end: a batch that is still running when the CLI is interrupted.
      '/held': heldPage(release.opened, pages.medium),
    });
    // One attempt: a page that cannot be fetched fails at once instead of after retries.
    app = await startTestApp({ ANALYZE_MAX_ATTEMPTS: '1' });
  });

  afterAll(async () => {
    release.open();
    await app?.close();
    await site?.close();
  });

  it('analyses the sites, shows progress, and prints the ranking, what to fix first and the insights', async () => {
    const [good, medium, poor] = [site.url('/good'), site.url('/medium'), site.url('/poor')];
    const result = await vantage(['analyze', poor, medium, good, '--subject', medium, '--name', 'CLI shops', '--server', app.baseUrl]);

    expect(result.stderr).toContain('CLI shops');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\] 100% {2}3\/3 done {2}COMPLETED/);
    for (const url of [good, medium, poor]) expect(result.stderr).toContain(`SUCCEEDED ${url}`);

    const comparison = await apiComparison(app, announcedBatchId(result.stderr));
    const rankingLines = result.stdout.split('\n').filter((line) => /^\s*\d+ {2}http/.test(line));
    expect(rankingLines).toHaveLength(comparison.ranking.length);
    comparison.ranking.forEach((ranked: { rank: number; overallScore: number; target: { url: string } }, index: number) => {
      expect(rankingLines[index]).toMatch(new RegExp(`^\\s*${ranked.rank} {2}${ranked.target.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*\\s${ranked.overallScore}\\s`));
    });
    expect(rankingLines.map((line) => /http\S+/.exec(line)![0])).toEqual([good, medium, poor]);
    // One numbered row per gap, in the API's order (most points first): title, gain, how to fix (wrapped).
    const fixFirst = result.stdout.split('\n\n').find((section) => section.startsWith(`Fix first on ${medium}\n`)) ?? '';
    expect(comparison.gaps.length).toBeGreaterThan(1);
    const gains = comparison.gaps.map((gap: { estimatedGain: number }) => gap.estimatedGain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    const rows = fixFirst.split('\n').filter((line) => /^\s*\d+ {2}/.test(line));
    expect(rows.map((line) => line.trim().split(/ {2,}/).slice(0, 3))).toEqual(
      comparison.gaps.map((gap: { title: string; estimatedGain: number }, index: number) => [
        String(index + 1),
        gap.title,
        `+${Number.isInteger(gap.estimatedGain) ? gap.estimatedGain : gap.estimatedGain.toFixed(1)} point${gap.estimatedGain === 1 ? '' : 's'}`,
      ]),
    );
    const collapsed = fixFirst.replace(/\s+/g, ' ');
    for (const gap of comparison.gaps) expect(collapsed).toContain(gap.howToFix.split(' ').slice(0, 6).join(' '));
    expect(fixFirst).not.toMatch(/question-headings|meta-description/);
    expect(result.stdout).toContain('Insights');
    expect(comparison.insights.length).toBeGreaterThan(0); // or the loop below asserts nothing
    for (const insight of comparison.insights) expect(result.stdout).toContain(insight.severity);
  });

  it('says why a subject that could not be analysed has no gaps, and lists the sites not analysed', async () => {
    const mine = `http://127.0.0.1:${await closedPort()}/`;
    const result = await vantage(['analyze', mine, site.url('/good'), site.url('/poor'), '--subject', mine, '--server', app.baseUrl]);
    expect(result.code, result.stderr).toBe(0);

    const comparison = await apiComparison(app, announcedBatchId(result.stderr));
    expect(comparison.subject).toMatchObject({ rank: null, target: { url: mine } });
    expect(comparison.notAnalysed).toHaveLength(1);
    const [{ error }] = comparison.notAnalysed;
    expect(error).toBeTruthy();

    expect(result.stdout).toContain(`Fix first on ${mine}\nNothing to list: it could not be analysed (${error}).`);
    expect(result.stdout).not.toContain('No site was marked as yours');
    const notAnalysed = result.stdout.split('\n\n').find((section) => section.startsWith('Not analysed\n'));
    // Long reasons wrap within their column, so compare with the whitespace collapsed.
    const collapse = (text: string) => text.replace(/\s+/g, ' ');
    expect(collapse(notAnalysed ?? '')).toContain(collapse(`${mine} (my site) ${error}`));
  });

  it('ranks a 404 page below an indexable site with a lower score and says why in the ranking', async () => {
    const [gone, poor] = [site.url('/gone'), site.url('/poor')];
    const result = await vantage(['analyze', gone, poor, '--server', app.baseUrl]);
    expect(result.code, result.stderr).toBe(0);

    const comparison = await apiComparison(app, announcedBatchId(result.stderr));
    expect(comparison.ranking.map((entry: { target: { url: string } }) => entry.target.url)).toEqual([poor, gone]);
    expect(comparison.ranking[1].overallScore).toBeGreaterThan(comparison.ranking[0].overallScore);
    const ranking = result.stdout.trim().split('\n\n').find((section) => section.startsWith('Ranking\n'))!.split('\n');
    expect(ranking[1]).toMatch(/ Note$/);
    expect(ranking.find((line) => line.includes(poor))).not.toContain('Not indexable');
    expect(ranking.find((line) => line.includes(gone))).toMatch(/\s{2}Not indexable: Answers 404$/);
  });

  it('prints exactly the API comparison with --json', async () => {
    const result = await vantage(['analyze', site.url('/good'), site.url('/poor'), '--server', app.baseUrl, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toEqual(await apiComparison(app, announcedBatchId(result.stderr)));
  });

  it('also writes the check matrix and the gaps as CSV files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vantage-csv-'));
    try {
      const [checks, gaps] = [path.join(dir, 'checks.csv'), path.join(dir, 'gaps.csv')];
      const mine = site.url('/poor');
      const args = ['analyze', mine, site.url('/good'), '--subject', mine, '--server', app.baseUrl, '--checks-csv', checks, '--gaps-csv', gaps];
      const result = await vantage(args);
      expect(result.code, result.stderr).toBe(0);
      const comparison = await apiComparison(app, announcedBatchId(result.stderr));
      const lines = (file: string) => readFile(file, 'utf8').then((text) => text.trimEnd().split('\r\n'));
      const checkLines = await lines(checks);
      expect(checkLines[0]).toBe(`Check,Category,${comparison.ranking.map((ranked: { target: { url: string } }) => ranked.target.url).map((url: string) => (url === mine ? `${url} (my site)` : url)).join(',')}`);
      expect(checkLines).toHaveLength(2 + comparison.checks.length);
      const gapLines = await lines(gaps);
      expect(gapLines[0]).toBe('Check,Check id,Category,Estimated gain (points),Found on your page,How to fix,Competitors that pass');
      expect(comparison.gaps.length).toBeGreaterThan(0);
      expect(gapLines.slice(1).map((line) => line.split(',')[1])).toEqual(comparison.gaps.map((gap: { checkId: string }) => gap.checkId));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes the printable report with --report: the comparison as HTML, every value escaped', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vantage-report-'));
    try {
      const file = path.join(dir, 'report.html');
      const mine = site.url('/poor');
      const name = `<script>alert(1)</script>"onload=x '&`;
      const args = ['analyze', mine, site.url('/good'), '--subject', mine, '--name', name, '--server', app.baseUrl, '--report', file];
      const result = await vantage(args);
      expect(result.code, result.stderr).toBe(0);
      const comparison = await apiComparison(app, announcedBatchId(result.stderr));
      const html = await readFile(file, 'utf8');
      // The same document the web client offers, made by the module both share.
      expect(html).toBe(reportHtml(name, comparison));
      expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=x &#39;&amp;</h1>');
      expect(html).not.toContain('<script');
      for (const id of ['ranking', 'chart', 'gaps', 'matrix', 'insights']) expect(html).toContain(`<section id="${id}">`);
      expect(html).toContain('@media print');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints each progress line after the page lines it counts, through a pipe', async () => {
    // Pages that finish together: one event's counts can be older than its list of targets.
    const urls = Array.from({ length: 8 }, (_, i) => site.url(`/good?page=${i}`));
    const result = await vantage(['analyze', ...urls, '--server', app.baseUrl, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const latest = new Map<string, string>();
    const miscounts: string[] = [];
    for (const line of result.stderr.split('\n')) {
      const page = /^ {2}(\S+) +(http\S+)/.exec(line);
      if (page) latest.set(page[2]!, page[1]!);
      const progress = /\] +\d+% {2}(\d+)\/\d+ done(?:, (\d+) failed)?/.exec(line);
      if (!progress) continue;
      const printed = [...latest.values()];
      const finished = printed.filter((status) => status === 'SUCCEEDED' || status === 'FAILED').length;
      const failed = printed.filter((status) => status === 'FAILED').length;
      if (Number(progress[1]) !== finished || Number(progress[2] ?? 0) !== failed) miscounts.push(`${line} after ${finished} finished, ${failed} failed`);
    }
    expect(miscounts, result.stderr).toEqual([]);
    expect(result.stderr).toMatch(/ 8\/8 done {2}COMPLETED/);
  });

  it('attaches to an existing batch with watch, naming it first', async () => {
    const batchId = await createBatch(app.graphqlUrl, { name: 'watched', urls: [site.url('/medium')] });
    const result = await vantage(['watch', batchId, '--server', app.baseUrl, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe(`Batch ${batchId} "watched"`);
    expect(JSON.parse(result.stdout)).toEqual(await apiComparison(app, batchId));
  });

  it('exits 1 when the batch does not complete', async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}/`;
    const result = await vantage(['analyze', unreachable, '--server', app.baseUrl, '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`FAILED    ${unreachable}`);
    expect(result.stderr).toMatch(/ended FAILED/);
  });

  it('prints the comparison of the pages a cancelled batch analysed, marked partial, and exits 1', async () => {
    const urls = [site.url('/good'), site.url('/medium'), site.url('/held')];
    const id = await createBatch(app.graphqlUrl, { name: 'cancelled', urls });
    const query = 'query ($id: ID!) { batch(id: $id) { targets { status } } }';
    await waitUntil(async () => (await graphqlData(app.graphqlUrl, query, { id })).batch.targets.filter((target: { status: string }) => target.status === 'SUCCEEDED').length === 2, {
      what: 'two pages analysed',
    });
    await graphqlData(app.graphqlUrl, 'mutation ($id: ID!) { cancelBatch(id: $id) { status } }', { id });

    const result = await vantage(['watch', id, '--server', app.baseUrl]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`Batch ${id} ended CANCELLED: Cancelled by request.`);
    expect(result.stdout.trim().split('\n')[0]).toBe(PARTIAL_NOTE);
    const ranked = result.stdout.split('\n').filter((line) => /^\s*\d+ {2}http/.test(line));
    expect(ranked.map((line) => /http\S+/.exec(line)![0]).sort()).toEqual([site.url('/good'), site.url('/medium')].sort());
    expect(result.stdout).toContain('Cancelled before it was analysed.');
  });

  it("exits 2 with the server's message for bad input, and for a batch that does not exist", async () => {
    const bad = await vantage(['analyze', site.url('/good'), 'not a url', '--server', app.baseUrl]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a url');
    expect(bad.stdout).toBe('');

    const missing = await vantage(['watch', 'QmF0Y2g6bm8tc3VjaC1iYXRjaA', '--server', app.baseUrl]);
    expect(missing.code).toBe(2);
  });

  it('exits 2 on bad usage and 3 when the server cannot be reached', async () => {
    const usage = await vantage(['analyze']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage:');

    const nothing = await vantage([]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Usage:');
    expect(nothing.stdout).toBe('');

    const unknown = await vantage(['analyze', site.url('/good'), '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('vantage: unknown option "--frobnicate"');

    const notAServer = await vantage(['analyze', site.url('/good'), '--server', 'not-a-server']);
    expect(notAServer.code).toBe(2);
    expect(notAServer.stderr).toContain('--server "not-a-server" is not an http(s) URL');

    const unreachable = await vantage(['analyze', site.url('/good'), '--server', `http://127.0.0.1:${await closedPort()}`]);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain('cannot reach');
  });

  it('leaves the batch running on Ctrl-C and says how to reattach', async () => {
    const cli = startVantage(['analyze', site.url('/held'), '--server', app.baseUrl]);
    await waitUntil(async () => /^Batch \S+ /m.test(cli.output.stderr), { what: 'the batch announced' });
    const batchId = announcedBatchId(cli.output.stderr);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(130);
    expect(cli.output.stderr).toContain(`Reattach with: vantage watch ${batchId}`);
    expect(cli.output.stderr).toContain(`Left batch ${batchId} running.`);
    const { batch } = await graphqlData(app.graphqlUrl, 'query ($id: ID!) { batch(id: $id) { status } }', { id: batchId });
    expect(batch.status).toMatch(/PENDING|RUNNING/);
  });

  it('cancels the batch on a second Ctrl-C and says so', async () => {
    const cli = startVantage(['analyze', site.url('/held'), '--server', app.baseUrl]);
    await waitUntil(async () => /^Batch \S+ /m.test(cli.output.stderr), { what: 'the batch announced' });
    const batchId = announcedBatchId(cli.output.stderr);
    cli.child.kill('SIGINT');
    await waitUntil(async () => cli.output.stderr.includes('Press Ctrl-C again'), { what: 'the offer to cancel' }).catch((error: Error) => {
      throw new Error(`${error.message}; the CLI wrote: ${JSON.stringify(cli.output.stderr)}`);
    });
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(1);
    expect(cli.output.stderr).toContain(`Cancelled batch ${batchId} (now CANCELLED).`);
    const { batch } = await graphqlData(app.graphqlUrl, 'query ($id: ID!) { batch(id: $id) { status } }', { id: batchId });
    expect(batch.status).toBe('CANCELLED');
  });

  it('runs as `npx vantage` from the repository root', async () => {
    const result = await run('npx', ['--no-install', 'vantage', '--help']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('vantage analyze <url...>');
  });
});
