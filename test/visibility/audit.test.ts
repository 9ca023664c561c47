import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templatePrompts } from '../../src/visibility';
import { withClient } from '../helpers/database';
import { startFixtureSite } from '../helpers/fixtures';
import { pages } from '../helpers/pages';
import { record } from '../helpers/graphql';
import { waitUntil } from '../helpers/wait';
import { GENERATED, KEYS, startAuditApp, type AuditApp, type ScriptedAnswers, uuidOf } from './auditHarness';
import { openAiAnswer, perplexityAnswer } from './engineServer';

/** The e2e answer set: per engine, per prompt, per call (order of arrival). */
const SCRIPTED: ScriptedAnswers = {
  gpt: {
    'best trail shoes': [
      openAiAnswer('For trail shoes, Acme is the best choice. Rival is also good.', ['https://www.acme.com/trail']),
      openAiAnswer('Rival and Acme both make trail shoes.'),
    ],
    'trail shoes for beginners': [
      openAiAnswer('Rival is recommended for beginners. See https://reviews.example.org/rival for a test.'),
      openAiAnswer('Rival is great for beginners; Zenith is fine too.'),
    ],
    'waterproof trail shoes': [openAiAnswer('Zenith makes waterproof shoes.'), openAiAnswer('Nothing specific comes to mind.')],
  },
  pplx: {
    'best trail shoes': [
      perplexityAnswer('Acme leads; Zenith follows.', ['https://acme.com/a', 'https://outdoor.example.net/best']),
      perplexityAnswer('Acme is popular.', ['https://outdoor.example.net/best']),
    ],
    'trail shoes for beginners': [
      perplexityAnswer('Rival is best for beginners.', [], ['https://rival.com/beginners']),
      perplexityAnswer('Rival and Zenith are both solid.', ['https://rival.com/x', 'https://reviews.example.org/z']),
    ],
    'waterproof trail shoes': [
      perplexityAnswer("Zenith's waterproof line is good.", ['https://zenith.io/w']),
      perplexityAnswer('Acme Trail GTX is waterproof.'),
    ],
  },
};


/** Independent of src/: the 95 % Wilson score interval. */
function wilson(k: number, n: number) {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = ((z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-9);

let h: AuditApp;
beforeAll(async () => {
  h = await startAuditApp(SCRIPTED);
}, 60_000);
afterAll(() => h?.close());

describe('a visibility audit', () => {
  it('lists the configured engines by name and model, never their keys', async () => {
    const { answerEngines } = await h.data('{ answerEngines { name model citesSources } }');
    expect(answerEngines.map((engine: { name: string }) => engine.name)).toEqual(['gpt', 'pplx', 'flaky', 'down', 'slow', 'shift', 'faulty']);
    expect(answerEngines[1]).toEqual({ name: 'pplx', model: 'pplx-model', citesSources: true });
  });

  it('asks every prompt of every engine samplesPerPrompt times, and scores the answers as computed by hand', async () => {
    const projectId = await h.createProject(['best trail shoes', 'trail shoes for beginners', 'waterproof trail shoes']);
    const id = await h.runAudit(projectId, { engines: ['gpt', 'pplx'], samplesPerPrompt: 2 });
    const audit = await h.finished(id);
    expect(audit).toMatchObject({ status: 'COMPLETED', stage: 'DONE', progress: 100, requestsTotal: 12, requestsDone: 12, requestsFailed: 0, error: null, promptsSource: 'PROJECT' });
    expect(audit.project.id).toBe(projectId);
    // Every request's tokens: 6 × 42 (gpt) + 6 × 50 (pplx).
    expect(audit.tokensUsed).toBe(6 * 42 + 6 * 50);
    expect(audit.answers.totalCount).toBe(12);
    expect(h.engines.received.filter((request) => request.engine === 'gpt').every((request) => request.authorization === `Bearer ${KEYS.GPT_KEY}` && request.model === 'gpt-model')).toBe(true);

    const [acme, rival, zenith] = audit.brands;
    expect(audit.brands.map((brand: { brand: { name: string } }) => brand.brand.name)).toEqual(['Acme', 'Rival', 'Zenith']);
    expect(acme.isSubject).toBe(true);
    // Acme is named by 5 of 12 answers, Rival by 6, Zenith by 5: 16 namings in all.
    for (const [brand, named] of [[acme, 5], [rival, 6], [zenith, 5]] as const) {
      close(brand.mentionRate, named / 12);
      close(brand.mentionRateLow, wilson(named, 12).low);
      close(brand.mentionRateHigh, wilson(named, 12).high);
      close(brand.shareOfVoice, named / 16);
    }
    // 9 cited URLs: acme.com 2, rival.com 2, zenith.io 1, the rest third-party.
    close(acme.citationShare, 2 / 9);
    close(rival.citationShare, 2 / 9);
    close(zenith.citationShare, 1 / 9);
    // Positions: Acme 1,2,1,1,1; Rival 2,1,1,1,1,1; Zenith 2,1,2,2,1.
    close(acme.averagePosition, 6 / 5);
    close(rival.averagePosition, 7 / 6);
    close(zenith.averagePosition, 8 / 5);
    const gpt = acme.byEngine.find((entry: { engine: string }) => entry.engine === 'gpt');
    const pplx = acme.byEngine.find((entry: { engine: string }) => entry.engine === 'pplx');
    close(gpt.mentionRate, 2 / 6);
    close(gpt.mentionRateLow, wilson(2, 6).low);
    close(gpt.shareOfVoice, 2 / 8);
    close(gpt.citationShare, 1 / 2);
    close(pplx.mentionRate, 3 / 6);
    close(pplx.shareOfVoice, 3 / 8);
    close(pplx.citationShare, 1 / 7);

    expect(audit.promptResults).toEqual([
      { prompt: 'best trail shoes', named: ['Acme', 'Rival'], subjectMentionRate: 1, lost: false },
      { prompt: 'trail shoes for beginners', named: ['Rival', 'Zenith'], subjectMentionRate: 0, lost: true },
      { prompt: 'waterproof trail shoes', named: ['Zenith'], subjectMentionRate: 0.25, lost: false },
    ]);
    expect(audit.citedDomains.map((entry: { domain: string; citations: number; brand: string | null }) => [entry.domain, entry.citations, entry.brand])).toEqual([
      ['acme.com', 2, 'Acme'],
      ['example.net', 2, null],
      ['example.org', 2, null],
      ['rival.com', 2, 'Rival'],
      ['zenith.io', 1, 'Zenith'],
    ]);
    expect(audit.insights).toContainEqual(expect.objectContaining({ title: 'Rival is named where Acme is not', source: 'rules' }));
    expect(audit.insights).toContainEqual(expect.objectContaining({ title: 'Sources the engines cite where you are missing', body: expect.stringContaining('example.org (2)') }));
    // The pages cited for the one lost prompt, with the brand's site as the subject, in a batch of their own.
    const cited = audit.citedPagesBatch.targets;
    expect(cited[0]).toEqual({ url: 'https://acme.com/', isSubject: true });
    expect(cited.slice(1).map((target: { url: string }) => target.url).sort()).toEqual(
      ['https://reviews.example.org/rival', 'https://reviews.example.org/z', 'https://rival.com/beginners', 'https://rival.com/x'],
    );

    const alias = audit.answers.edges.map((edge: { node: unknown }) => edge.node).find((answer: { text: string }) => answer.text === 'Acme Trail GTX is waterproof.');
    expect(alias.mentions).toEqual([{ brand: 'Acme', position: 1, context: 'Acme Trail GTX is waterproof.', sentiment: 'NEUTRAL', recommended: false, sentimentSource: 'LEXICON' }]);
    const { node: filtered } = await h.data(`query($id: ID!) { node(id: $id) { ... on VisibilityAudit { answers(engine: "pplx", brand: "Zenith") { totalCount } } } }`, { id });
    expect(filtered.answers.totalCount).toBe(3);
    const { node: project } = await h.data(`query($id: ID!) { node(id: $id) { ... on Project { visibilityAudits { edges { node { id } } } } } }`, { id: projectId });
    expect(project.visibilityAudits.edges).toEqual([{ node: { id } }]);
  });

  it('asks the insight model for prompts when the project has none, and falls back to the templates when its answer is no list', async () => {
    const generated = await h.finished(await h.runAudit(await h.createProject([]), { engines: ['gpt'], samplesPerPrompt: 1 }));
    expect(generated).toMatchObject({ status: 'COMPLETED', promptsSource: 'MODEL', prompts: GENERATED, requestsTotal: 12 });
    expect(h.engines.received.find((request) => request.engine === 'llm')?.authorization).toBe(`Bearer ${KEYS.LLM_API_KEY}`);
    const fallback = await h.finished(await h.runAudit(await h.createProject([], h.ownerA, 'garden tools'), { engines: ['gpt'], samplesPerPrompt: 1 }));
    const templates = templatePrompts({ brand: { name: 'Acme' }, competitors: [{ name: 'Rival' }, { name: 'Zenith' }], market: 'garden tools', language: 'en' });
    expect(fallback).toMatchObject({ status: 'COMPLETED', promptsSource: 'TEMPLATES', prompts: templates, requestsTotal: templates.length });
    // A model that fails (its error quoting its key, which the log line then leaves out): the templates too.
    const failed = await h.finished(await h.runAudit(await h.createProject([], h.ownerA, 'echoing market'), { engines: ['gpt'], samplesPerPrompt: 1 }));
    expect(failed).toMatchObject({ status: 'COMPLETED', promptsSource: 'TEMPLATES' });
    expect(h.seen()).toContain('[key removed]');
  });


  it('answers a sample from the cache within the TTL: no request is sent for it', async () => {
    const prompts = ['cached prompt one', 'cached prompt two'];
    const projectId = await h.createProject(prompts);
    await h.finished(await h.runAudit(projectId, { engines: ['gpt'], samplesPerPrompt: 1 }));
    const before = h.engines.received.length;
    const second = await h.finished(await h.runAudit(projectId, { engines: ['gpt'], samplesPerPrompt: 2 }));
    // Sample 1 of each prompt came from the cache; only sample 2 was asked.
    const sent = h.engines.received.slice(before).filter((request) => request.engine === 'gpt');
    expect(sent.map((request) => request.prompt).sort()).toEqual([...prompts].sort());
    const answers = second.answers.edges.map((edge: { node: { sample: number; cached: boolean; tokensUsed: number } }) => edge.node);
    expect(answers.filter((answer: { cached: boolean }) => answer.cached).map((answer: { sample: number }) => answer.sample)).toEqual([1, 1]);
    expect(second.tokensUsed).toBe(2 * 42);
    expect(second.status).toBe('COMPLETED');
  });


  it('streams the audit live: snapshot first, sequence-ordered, progress never back, completed at the end', async () => {
    // The slow engine (400 ms an answer, one at a time): the audit is still running when the subscription starts.
    const projectId = await h.createProject(['live one', 'live two']);
    const id = await h.runAudit(projectId, { engines: ['slow'], samplesPerPrompt: 2 });
    const client = h.subscriber();
    const stranger = h.subscriber(h.ownerB);
    try {
      const query = `subscription($id: ID!) { visibilityProgress(id: $id) { sequence audit { status stage progress requestsDone } } }`;
      const live = record<{ visibilityProgress: { sequence: number; audit: { status: string; progress: number; requestsDone: number } } }>(client, query, { id });
      const foreign = record(stranger, query, { id });
      await live.completed;
      h.responses.push(JSON.stringify(live.events));
      const states = live.events.map((event) => event.visibilityProgress);
      expect(states.length).toBeGreaterThan(1);
      for (const [index, state] of states.entries()) {
        if (index === 0) continue;
        expect(state.sequence).toBeGreaterThan(states[index - 1]!.sequence);
        expect(state.audit.progress).toBeGreaterThanOrEqual(states[index - 1]!.audit.progress);
      }
      expect(states.at(-1)!.audit).toMatchObject({ status: 'COMPLETED', progress: 100, requestsDone: 4 });
      await foreign.completed.catch(() => {});
      expect(foreign.events).toEqual([]);
      expect(JSON.stringify(foreign.errors)).toContain('NOT_FOUND');
    } finally {
      await client.dispose();
      await stranger.dispose();
    }
  });

  it('sends the pages cited for lost prompts through the normal page analysis, beside the brand\'s site', async () => {
    const site = await startFixtureSite({ '/cited': pages.good });
    try {
      h.shift.answer = `Rival is the pick, as ${site.url('/cited')} shows.`;
      const audit = await h.finished(await h.runAudit(await h.createProject(['cited pages prompt']), { engines: ['shift'], samplesPerPrompt: 1 }));
      expect(audit.promptResults).toEqual([{ prompt: 'cited pages prompt', named: ['Rival'], subjectMentionRate: 0, lost: true }]);
      expect(audit.citedPagesBatch.targets).toEqual([
        { url: 'https://acme.com/', isSubject: true },
        { url: site.url('/cited'), isSubject: false },
      ]);
      const batch = await waitUntil(
        async () => {
          const { node } = await h.data(`query($id: ID!) { node(id: $id) { ... on Batch { targets { url status } } } }`, { id: audit.citedPagesBatch.id });
          return node.targets[1].status === 'SUCCEEDED' ? node : null;
        },
        { what: 'the cited page to be analysed' },
      );
      expect(batch.targets[1].url).toBe(site.url('/cited'));
      expect(site.requests).toContain('/cited');
    } finally {
      await site.close();
    }
  });

  it('says per lost prompt and engine what the cited pages have that the brand\'s page lacks, once their batch is compared', async () => {
    const page = (extra: string, figures: string) => `<!doctype html><html lang="en"><head><title>Trail shoes that grip on wet rock</title>
      <meta name="description" content="Which trail shoes grip best on wet rock, tested on real trails.">
      <meta name="viewport" content="width=device-width, initial-scale=1">${extra}</head>
      <body><h1>Trail shoes that grip</h1><h2>Which trail shoe grips best on wet rock?</h2>
      <p>The shoes with soft lugs grip best on wet rock${figures}, and runners keep them for long days on technical ground.</p></body></html>`;
    const faq = `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: 'Which trail shoe grips best on wet rock?', acceptedAnswer: { '@type': 'Answer', text: 'The shoes with soft lugs.' } }],
    })}</script>`;
    const figures = ': 72 % of 1,200 runners slipped less, at $120 a pair';
    const cited = await startFixtureSite({ '/faq': page(faq, figures), '/figures': page('', figures) });
    const brand = await startFixtureSite({ '/': page('', '') });
    try {
      h.shift.answer = `Rival is the pick for wet rock, as ${cited.url('/faq')} and ${cited.url('/figures')} show.`;
      const id = await h.runAudit(await h.createProject(['lost to richer pages'], h.ownerA, 'trail running shoes', [new URL(brand.origin).host]), {
        engines: ['shift'],
        samplesPerPrompt: 1,
      });
      const audit = await h.finished(id);
      expect(audit.citedPagesBatch.targets).toEqual([
        { url: brand.url('/'), isSubject: true },
        { url: cited.url('/faq'), isSubject: false },
        { url: cited.url('/figures'), isSubject: false },
      ]);
      const title = 'What the pages shift cites for "lost to richer pages" have';
      const withCited = await waitUntil(
        async () => {
          const read = await h.readAudit(id);
          return read.insights.some((insight: { title: string }) => insight.title === title) ? read : null;
        },
        { timeoutMs: 60_000, what: 'the cited-pages insight' },
      );
      expect(withCited.insights.filter((insight: { title: string }) => insight.title.startsWith('What the pages'))).toEqual([
        {
          title,
          body: `The pages shift cites for "lost to richer pages" have statistics (2 of 2: ${cited.url('/faq')}, ${cited.url('/figures')}) and FAQ schema (1 of 2: ${cited.url('/faq')}); yours, ${brand.url('/')}, has neither.`,
          severity: 'OPPORTUNITY',
          source: 'rules',
        },
      ]);
      // The audit's own insights are still there, before it.
      expect(audit.insights.length).toBeGreaterThan(0);
      expect(withCited.insights.slice(0, audit.insights.length)).toEqual(audit.insights);
    } finally {
      await cited.close();
      await brand.close();
    }
  });

  it('writes no cited-pages insight when the brand lost no prompt', async () => {
    const cited = await startFixtureSite({ '/cited': pages.good });
    try {
      h.shift.answer = `Acme and Rival are both good picks, as ${cited.url('/cited')} shows.`;
      const audit = await h.finished(await h.runAudit(await h.createProject(['won, citing a page']), { engines: ['shift'], samplesPerPrompt: 1 }));
      expect(audit.promptResults).toEqual([{ prompt: 'won, citing a page', named: ['Acme', 'Rival'], subjectMentionRate: 1, lost: false }]);
      expect(audit.citedPagesBatch).toBeNull();
      expect(audit.insights.filter((insight: { title: string }) => insight.title.startsWith('What the pages'))).toEqual([]);
      expect(cited.requests).toEqual([]);
    } finally {
      await cited.close();
    }
  });

  it('judges sentiment and recommendation and writes the insights with the insight model, and with the lexicon and rules where it fails, saying which', async () => {
    h.shift.answer = 'Acme is terrible and overpriced.';
    const judged = async (prompt: string) => (await h.finished(await h.runAudit(await h.createProject([prompt]), { engines: ['shift'], samplesPerPrompt: 1 })));
    h.model.mode = 'positive';
    const byModel = await judged('judged by the model');
    h.model.mode = 'fail';
    const byLexicon = await judged('judged by the lexicon');
    const mention = (audit: { answers: { edges: { node: { mentions: unknown[] } }[] } }) => audit.answers.edges[0]!.node.mentions[0];
    expect(mention(byModel)).toMatchObject({ brand: 'Acme', sentiment: 'POSITIVE', recommended: true, sentimentSource: 'insight-model' });
    expect(byModel.brands[0]).toMatchObject({ sentiment: 1, recommendationRate: 1 });
    expect(mention(byLexicon)).toMatchObject({ brand: 'Acme', sentiment: 'NEGATIVE', recommended: false, sentimentSource: 'LEXICON' });
    expect(byLexicon.brands[0]).toMatchObject({ sentiment: -1, recommendationRate: 0 });
    expect(byModel).toMatchObject({ insights: [{ title: 'Model insight', body: 'Written by the model.', severity: 'INFO', source: 'insight-model' }], insightsFailure: null });
    expect(byLexicon.insights.length).toBeGreaterThan(0);
    expect(byLexicon.insights.every((insight: { source: string }) => insight.source === 'rules')).toBe(true);
    expect(byLexicon.insightsFailure).toMatch(/^insight-model: HTTP 500/);
  });

  it('feeds the project history, and reports a mention change only when the 95 % intervals do not overlap', async () => {
    const projectId = await h.createProject(['shift a', 'shift b']);
        // New prompts for each audit, so that none is answered from the cache.
    const audit = async (prompts: string[], answer: string) => {
      await h.data(`mutation($id: ID!, $prompts: [String!]) { updateProject(id: $id, input: { prompts: $prompts }) { id } }`, { id: projectId, prompts });
      h.shift.answer = answer;
      const id = await h.runAudit(projectId, { engines: ['shift'], samplesPerPrompt: 3 });
      await h.finished(id);
      return id;
    };
    const first = await audit(['shift a', 'shift b'], 'Rival is the one to buy.');
    // The project's event stream carries the audits as runs: started, progressing, ended, then its changes.
    const client = h.subscriber();
    type ProjectEvent = { sequence: number; kind: string; run: { __typename: string; id: string } | null; change: { kind: string } | null };
    const events = record<{ projectEvents: ProjectEvent }>(
      client,
      `subscription($id: ID!) { projectEvents(projectId: $id) { sequence kind run { __typename id } change { kind } } }`,
      { id: projectId },
    );
    // And its webhooks hear of the audit's end and changes.
    const received: { event: string; runId: string; changes: { kind: string; brand: string }[] }[] = [];
    const receiver = await startFixtureSite({
      '/hook': (req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          received.push(JSON.parse(body));
          res.end();
        });
      },
    });
    await h.data(`mutation($id: ID!, $url: String!) { createWebhook(projectId: $id, url: $url, events: [RUN_COMPLETED, CHANGE_DETECTED]) { secret } }`, {
      id: projectId,
      url: receiver.url('/hook'),
    });
    let runs: string[];
    try {
      const snapshot = await events.waitFor((event) => event.projectEvents.kind === 'SNAPSHOT');
      expect(snapshot.projectEvents.run, "the snapshot names the project's latest run, here an audit").toEqual({ __typename: 'VisibilityAudit', id: first });
      const second = await audit(['shift c', 'shift d'], 'Acme is the one to buy.');
      await waitUntil(async () => received.length === 2, { timeoutMs: 20_000, what: 'both webhook deliveries' });
      expect(received.map((body) => [body.event, body.runId]).sort()).toEqual([['CHANGE_DETECTED', second], ['RUN_COMPLETED', second]]);
      expect(received.find((body) => body.event === 'CHANGE_DETECTED')!.changes.map((change) => [change.kind, change.brand])).toEqual([
        ['MENTION_GAINED', 'Acme'],
        ['MENTION_LOST', 'Rival'],
      ]);
      await events.waitFor((event) => event.projectEvents.change?.kind === 'MENTION_LOST');
      const stream = events.events.map((event) => event.projectEvents).slice(1);
      expect(stream.map((event) => event.sequence)).toEqual(stream.map((_, index) => stream[0]!.sequence + index));
      expect(stream.every((event) => event.run?.__typename === 'VisibilityAudit' && event.run.id === second)).toBe(true);
      const kinds = stream.map((event) => event.kind);
      expect(kinds[0]).toBe('RUN_STARTED');
      expect(kinds.slice(1, -3).every((kind) => kind === 'RUN_PROGRESS')).toBe(true);
      expect(kinds.slice(-3)).toEqual(['RUN_ENDED', 'CHANGE_DETECTED', 'CHANGE_DETECTED']);
      expect(stream.slice(-2).map((event) => event.change?.kind)).toEqual(['MENTION_GAINED', 'MENTION_LOST']);
      runs = [first, second, await audit(['shift e', 'shift f'], 'Acme is the one to buy.')];
    } finally {
      await client.dispose();
      await receiver.close();
    }
    // Through the API: the brand's series first, each point's run the visibility audit it came from.
    const { project } = await h.data(
      `query($id: ID!) { project(id: $id) {
        history(metric: MENTION_RATE) { isSubject brand { name } points { value run { __typename id } } }
        changes { edges { node { kind message run { __typename id } } } } } }`,
      { id: projectId },
    );
    expect(project.history[0]).toMatchObject({ isSubject: true, brand: { name: 'Acme' } });
    expect(project.history[0].points).toEqual(runs.map((id, index) => ({ value: [0, 1, 1][index], run: { __typename: 'VisibilityAudit', id } })));
    expect(project.changes.edges.map(({ node }: { node: { kind: string; run: { id: string } } }) => [node.kind, node.run.id])).toEqual([
      ['MENTION_GAINED', runs[1]],
      ['MENTION_LOST', runs[1]],
    ]);
    const [points, changes] = await withClient(h.app.databaseUrl, async (client) => [
      (await client.query(
        `SELECT b.name, h.metric::text, h.value FROM "HistoryPoint" h JOIN "ProjectBrand" b ON b.id = h."brandId" WHERE h."projectId" = $1 ORDER BY h.at, b.position, h.metric`,
        [uuidOf(projectId)],
      )).rows,
      (await client.query(
        `SELECT b.name, c.kind::text, c.subject, c.before, c.after FROM "ProjectChange" c JOIN "ProjectBrand" b ON b.id = c."brandId" WHERE c."projectId" = $1 ORDER BY c.at, b.position`,
        [uuidOf(projectId)],
      )).rows,
    ]);
    // 3 runs × 3 brands × 3 metrics.
    expect(points).toHaveLength(27);
    expect(points.filter((point) => point.name === 'Acme' && point.metric === 'MENTION_RATE').map((point) => point.value)).toEqual([0, 1, 1]);
    expect(points.filter((point) => point.name === 'Rival' && point.metric === 'SHARE_OF_VOICE').map((point) => point.value)).toEqual([1, 0, 0]);
    // 0 of 6 then 6 of 6: [0, 0.39] and [0.61, 1] do not overlap; the third run is the second again.
    expect(changes).toEqual([
      { name: 'Acme', kind: 'MENTION_GAINED', subject: 'MENTION_RATE', before: '0', after: '1' },
      { name: 'Rival', kind: 'MENTION_LOST', subject: 'MENTION_RATE', before: '1', after: '0' },
    ]);
  });


  it('never shows a key in a GraphQL response or a log line', () => {
    for (const key of Object.values(KEYS)) expect(h.seen()).not.toContain(key);
  });
});
