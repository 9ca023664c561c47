import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKey } from '../helpers/apiKeys';
import { startTestApp, type TestApp } from '../helpers/app';
import { createBatch, waitForBatchStatus } from '../helpers/batches';
import { createTestDatabase } from '../helpers/database';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { record, wsClient } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { spawnVantage, stopProcess, type VantageProcess } from '../helpers/processes';
import { waitUntil } from '../helpers/wait';

const TOKEN = 'metrics-token-for-the-scraper';

interface Scrape {
  status: number;
  families: MetricFamily[];
  text: string;
}

async function scrape(baseUrl: string, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(`${baseUrl}/metrics`, { headers });
  const text = await response.text();
  return { status: response.status, families: response.status === 200 ? parsePrometheusTextFormat(text) : [], text };
}

/** The value of the counter or gauge sample of `name` whose labels include `labels` (0 when there is none). */
function valueOf({ families }: Scrape, name: string, labels: Record<string, string> = {}): number {
  const family = families.find((candidate) => candidate.name === name);
  const sample = family?.metrics.find((metric) => Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value));
  return Number(sample?.value ?? 0);
}

/** A histogram's count for one label set, read from the text: the parser merges labelled histograms. */
function countOf({ text }: Scrape, name: string, labels = ''): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}_count${labels} `));
  return Number(line?.split(' ')[1] ?? 0);
}

describe('GET /metrics', () => {
  let app: TestApp;
  let site: FixtureSite;

  beforeAll(async () => {
    site = await startFixtureSite({ '/good': pages.good, '/also-good': pages.good });
    app = await startTestApp({ METRICS_TOKEN: TOKEN, ANALYZE_MAX_ATTEMPTS: '1' });
  });
  afterAll(async () => {
    await app?.close();
    await site?.close();
  });

  it('parses as Prometheus text, and its counters and gauges move when a batch runs', async () => {
    const before = await scrape(app.baseUrl); // local mode: no key needed yet
    expect(before.families.map((family) => family.name)).toEqual(
      expect.arrayContaining(['vantage_queue_jobs', 'vantage_batches', 'vantage_db_pool_connections', 'vantage_process_cpu_seconds_total']),
    );

    const closed = await startFixtureSite({});
    await closed.close(); // its port now refuses connections
    const socket = wsClient(app.wsUrl);
    const id = await createBatch(app.graphqlUrl, {
      name: 'metrics',
      urls: [site.url('/good'), site.url('/also-good'), closed.url('/refused')],
    });
    const progress = record(socket, `subscription ($id: ID!) { batchProgress(id: $id) { sequence } }`, { id });
    await waitUntil(async () => valueOf(await scrape(app.baseUrl), 'vantage_subscriptions') === 1, {
      what: 'the subscription to be counted',
    });
    expect(valueOf(await scrape(app.baseUrl), 'vantage_websocket_connections')).toBe(1);
    expect(await waitForBatchStatus(app.graphqlUrl, id)).toBe('COMPLETED');
    await progress.completed;

    let after = before;
    const moved = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);
    // The comparison job is counted when its handler returns, just after the batch's end commits.
    await waitUntil(
      async () => {
        after = await scrape(app.baseUrl);
        return moved('vantage_jobs_total', { queue: 'compare-batch', outcome: 'completed' }) === 1;
      },
      { what: 'the comparison job to be counted' },
    );
    expect(moved('vantage_pages_analysed_total', { outcome: 'succeeded' })).toBe(2);
    expect(moved('vantage_pages_analysed_total', { outcome: 'failed' })).toBe(1);
    expect(moved('vantage_fetch_errors_total', { kind: 'network' })).toBe(1);
    expect(moved('vantage_jobs_total', { queue: 'analyze-target', outcome: 'completed' })).toBeGreaterThanOrEqual(2);
    const histogramMoved = (name: string, labels = '') => countOf(after, name, labels) - countOf(before, name, labels);
    expect(histogramMoved('vantage_job_duration_seconds', '{queue="compare-batch"}')).toBe(1);
    expect(histogramMoved('vantage_event_fanout_seconds')).toBeGreaterThan(0);
    expect(valueOf(after, 'vantage_batches', { status: 'COMPLETED' })).toBe(1);
    expect(valueOf(after, 'vantage_db_pool_connections', { state: 'open' })).toBeGreaterThan(0);
    await socket.dispose();
  });

  it('once a key exists, answers only a key or the metrics token', async () => {
    const { key } = await createTestKey(app.databaseUrl, 'scraper');
    expect((await scrape(app.baseUrl)).status).toBe(401);
    expect((await scrape(app.baseUrl, { authorization: 'Bearer not-the-token' })).status).toBe(401);
    expect((await scrape(app.baseUrl, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await scrape(app.baseUrl, { authorization: `Bearer ${key}` })).status).toBe(200);
  });
});

describe('GET /metrics on a worker process', () => {
  let worker: VantageProcess | undefined;
  afterAll(() => stopProcess([worker]));

  it('is served there too', async () => {
    const database = await createTestDatabase();
    try {
      worker = await spawnVantage({ DATABASE_URL: database.url, VANTAGE_ROLE: 'worker', METRICS_TOKEN: TOKEN });
      const { status, families } = await scrape(worker.url, { authorization: `Bearer ${TOKEN}` });
      expect(status).toBe(200);
      expect(families.some((family) => family.name === 'vantage_queue_jobs')).toBe(true);
    } finally {
      await stopProcess([worker]);
      worker = undefined;
      await database.drop();
    }
  });
});
