import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { gate, heldPage, startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData, record, wsClient } from '../helpers/graphql';
import { pages } from '../helpers/pages';

const PROGRESS = `subscription ($id: ID!) { batchProgress(id: $id) {
  sequence target { url status } batch { status progress completedUrls totalUrls } } }`;
const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id status } }`;

interface ProgressEvent {
  batchProgress: {
    sequence: number;
    target: { url: string; status: string } | null;
    batch: { status: string; progress: number; completedUrls: number; totalUrls: number };
  };
}

const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELLED'];

function expectWholeStory(events: ProgressEvent[]) {
  const sequences = events.map((event) => event.batchProgress.sequence);
  const progress = events.map((event) => event.batchProgress.batch.progress);
  for (let i = 1; i < events.length; i++) {
    expect(sequences[i]).toBeGreaterThan(sequences[i - 1]!);
    expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
  }
  const terminal = events.filter((event) => TERMINAL.includes(event.batchProgress.batch.status));
  expect(terminal).toHaveLength(1);
  expect(events.at(-1)).toBe(terminal[0]);
  expect(terminal[0]!.batchProgress.batch).toMatchObject({ status: 'COMPLETED', progress: 100 });
}

describe('a batch from creation to comparison', () => {
  let app: TestApp;
  let site: FixtureSite;
  const release = gate();

  beforeAll(async () => {
    site = await startFixtureSite({
      '/good': pages.good,
      '/medium': pages.medium,
      // Held back until the early subscriber is listening, so its stream sees work happen.
      '/poor': heldPage(release.opened, pages.poor),
    });
    app = await startTestApp();
  });
  afterAll(async () => {
    release.open();
    await app?.close();
    await site?.close();
  });

  it('streams every change to early and late subscribers and ranks the pages by quality', async () => {
    const early = wsClient(app.wsUrl);
    const late = wsClient(app.wsUrl);
    try {
      const { createBatch } = await graphqlData(app.graphqlUrl, CREATE, {
        input: {
          name: 'widgets',
          urls: [site.url('/poor'), site.url('/medium'), site.url('/good')],
          subjectUrl: site.url('/medium'),
        },
      });
      const first = record<ProgressEvent>(early, PROGRESS, { id: createBatch.id });
      await first.waitFor(() => true);
      release.open();
      await first.completed;

      expect(first.events[0]!.batchProgress.target).toBeNull(); // the snapshot comes first
      expect(first.events.length).toBeGreaterThan(2);
      expectWholeStory(first.events);
      const targetEvents = first.events.filter((event) => event.batchProgress.target);
      expect(new Set(targetEvents.map((event) => event.batchProgress.target!.url))).toEqual(
        new Set([site.url('/poor'), site.url('/medium'), site.url('/good')]),
      );

      const second = record<ProgressEvent>(late, PROGRESS, { id: createBatch.id });
      await second.completed;
      expect(second.events).toHaveLength(1);
      expectWholeStory(second.events);
      expect(second.events[0]!.batchProgress.sequence).toBe(first.events.at(-1)!.batchProgress.sequence);

      const { batch } = await graphqlData(
        app.graphqlUrl,
        `query ($id: ID!) { batch(id: $id) { status comparison {
          ranking { rank overallScore target { url } }
          gaps { checkId competitors { url } }
          checks { checkId passedBy { url } failedBy { url } } } } }`,
        { id: createBatch.id },
      );
      expect(batch.status).toBe('COMPLETED');
      const ranking = batch.comparison.ranking as { rank: number; overallScore: number; target: { url: string } }[];
      expect(ranking.map((entry) => entry.target.url)).toEqual([site.url('/good'), site.url('/medium'), site.url('/poor')]);
      expect(ranking.map((entry) => entry.rank)).toEqual([1, 2, 3]);
      expect(ranking[0]!.overallScore).toBeGreaterThan(ranking[1]!.overallScore);
      expect(ranking[1]!.overallScore).toBeGreaterThan(ranking[2]!.overallScore);
      const gapIds = (batch.comparison.gaps as { checkId: string }[]).map((gap) => gap.checkId);
      expect(gapIds).toContain('meta-description'); // the subject lacks one; /good has it
      expect(gapIds).not.toContain('document-title'); // the subject has a title
    } finally {
      await early.dispose();
      await late.dispose();
    }
  });

  it('emits the comparison once for a subscriber that comes after it was stored', async () => {
    const client = wsClient(app.wsUrl);
    try {
      const { batches } = await graphqlData(app.graphqlUrl, `{ batches(status: COMPLETED) { edges { node { id } } } }`);
      const ready = record<{ comparisonReady: { ranking: unknown[] } }>(
        client,
        `subscription ($id: ID!) { comparisonReady(batchId: $id) { ranking { rank } } }`,
        { id: batches.edges[0].node.id },
      );
      await ready.completed;
      expect(ready.events).toHaveLength(1);
      expect(ready.events[0]!.comparisonReady.ranking).toHaveLength(3);
    } finally {
      await client.dispose();
    }
  });
});
