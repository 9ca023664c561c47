import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { gate } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { openAiAnswer, perplexityAnswer, startEngineServer, type EngineServer } from '../visibility/engineServer';
import { waitUntil } from '../helpers/wait';
import { startVantage, vantage } from './runCli';

// Written out here rather than imported from the CLI, so the test checks the CLI against the contract.
const AUDIT = `query ($id: ID!) { node(id: $id) { ... on VisibilityAudit {
  id status stage engines samplesPerPrompt prompts promptsSource requestsTotal requestsDone requestsFailed tokensUsed error
  createdAt startedAt finishedAt project { id name }
  brands { brand { name aliases domains } isSubject mentionRate mentionRateLow mentionRateHigh shareOfVoice citationShare
    averagePosition sentiment recommendationRate byEngine { engine mentionRate mentionRateLow mentionRateHigh shareOfVoice citationShare } }
  promptResults { prompt named subjectMentionRate lost }
  citedDomains { domain citations share brand }
  insights { title body severity source }
  insightsFailure
  citedPagesBatch { id name status } } } }`;

const CREATE_PROJECT = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const LOST = 'Which trail shoes are best?';
const WON = 'Which trail shoes last longest?';
/** Answered 15 s late: an audit still asking when the CLI is interrupted (long enough for that, short enough not to hold the app's shutdown long). */
const HELD = 'Which trail shoes never wear out?';
const missingProject = Buffer.from('Project:00000000-0000-4000-8000-000000000000').toString('base64');

const auditIdOf = (stderr: string) => {
  const match = /^Visibility audit (\S+) /m.exec(stderr);
  if (!match) throw new Error(`The CLI announced no audit:\n${stderr}`);
  return match[1]!;
};

describe('vantage visibility run', () => {
  let engines: EngineServer;
  // The held prompt's answer comes only when the tests are over: an audit caught while asking.
  const held = gate();
  let app: TestApp;
  let bare: TestApp;
  let projectId: string;
  const createProject = async (target: TestApp, prompts = [LOST, WON]) =>
    (
      await graphqlData(target.graphqlUrl, CREATE_PROJECT, {
        input: {
          name: 'CLI visibility',
          market: 'trail running shoes',
          brand: { name: 'Acme', aliases: ['Acme Trail'], domains: ['acme.com'] },
          competitors: [
            { name: 'Rival', domains: ['rival.com'] },
            { name: 'Zenith', domains: ['zenith.io'] },
          ],
          prompts,
        },
      })
    ).createProject.id as string;

  beforeAll(async () => {
    // Answers written for the test: one prompt the brand loses to Rival, one it wins; Perplexity cites sources.
    engines = await startEngineServer((request) => {
      if (request.prompt === HELD) return held.opened.then(() => openAiAnswer('Acme.'));
      const text = request.prompt === LOST ? 'Rival is the best, Zenith is fine too.' : 'Acme lasts longest, then Rival.';
      if (request.engine === 'pplx') return perplexityAnswer(text, ['https://rival.com/shoes', 'https://reviews.example/trail'], []);
      return openAiAnswer(text, request.prompt === WON ? ['https://acme.com/trail'] : []);
    });
    const engine = (name: string, kind: string) => ({ name, kind, baseUrl: engines.baseUrl(name), model: `${name}-model` });
    [app, bare] = await Promise.all([
      startTestApp({ ANSWER_ENGINES: JSON.stringify([engine('gpt', 'openai-chat'), engine('pplx', 'perplexity')]), QUEUE_POLL_SECONDS: '0.5', ANSWER_RETRIES: '0' }),
      startTestApp(),
    ]);
    projectId = await createProject(app);
  });
  afterAll(async () => {
    held.open();
    await Promise.all([app?.close(), bare?.close()]);
    await engines?.close();
  });

  it('follows the audit live and prints exactly the API audit with --json', async () => {
    const result = await vantage(['visibility', 'run', projectId, '--samples', '2', '--server', app.baseUrl, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\] 100% {2}DONE {2}8\/8 requests done {2}COMPLETED/);
    const printed = JSON.parse(result.stdout);
    const { node } = await graphqlData(app.graphqlUrl, AUDIT, { id: auditIdOf(result.stderr) });
    // The cited-pages batch goes on running after the audit ends: its status may move between the two reads.
    const citedPagesBatch = { ...node.citedPagesBatch, status: expect.stringMatching(/^(PENDING|RUNNING|COMPLETED)$/) };
    expect(printed).toEqual({ ...node, citedPagesBatch });
    expect(printed).toMatchObject({ status: 'COMPLETED', engines: ['gpt', 'pplx'], samplesPerPrompt: 2, requestsTotal: 8 });
  });

  it("prints every brand's mention rate, the engines, the lost prompts, the cited domains and the insights", async () => {
    const result = await vantage(['visibility', 'run', projectId, '--engine', 'pplx', '--samples', '1', '--server', app.baseUrl]);
    expect(result.code, result.stderr).toBe(0);
    const { node: audit } = await graphqlData(app.graphqlUrl, AUDIT, { id: auditIdOf(result.stderr) });
    expect(audit.engines).toEqual(['pplx']);
    const percent = (rate: number) => `${Math.round(rate * 100)}%`;
    const lines = result.stdout.split('\n');
    expect(audit.brands).toHaveLength(3);
    for (const brand of audit.brands) {
      const name = brand.isSubject ? `${brand.brand.name} (your brand)` : brand.brand.name;
      const line = lines.find((each) => each.startsWith(`${name} `));
      expect(line, name).toContain(`${percent(brand.mentionRate)} (${percent(brand.mentionRateLow)}–${percent(brand.mentionRateHigh)})`);
    }
    expect(result.stdout.indexOf('Acme (your brand)')).toBeLessThan(result.stdout.indexOf('Rival '));
    expect(result.stdout).toMatch(/^pplx +\d+%/m);
    expect(result.stdout).toMatch(new RegExp(`^${LOST.replace('?', '\\?')} +Rival`, 'm'));
    expect(audit.citedDomains.length).toBeGreaterThan(0);
    for (const domain of audit.citedDomains) expect(result.stdout).toMatch(new RegExp(`^ *\\d+ +${domain.domain.replace(/\./g, '\\.')} +${domain.citations} +${percent(domain.share)}`, 'm'));
    expect(audit.insights.length).toBeGreaterThan(0);
    for (const insight of audit.insights) expect(result.stdout).toContain(insight.severity);
  });

  it('leaves the audit running on Ctrl-C, and cancels it on a second one', async () => {
    const cli = startVantage(['visibility', 'run', await createProject(app, [HELD]), '--samples', '1', '--server', app.baseUrl]);
    await waitUntil(async () => /ASKING/.test(cli.output.stderr), { what: 'the audit asking' });
    const auditId = auditIdOf(cli.output.stderr);
    cli.child.kill('SIGINT');
    await waitUntil(async () => cli.output.stderr.includes('Press Ctrl-C again'), { what: 'the offer to cancel' });
    expect(cli.output.stderr).toContain(`Reattach with: vantage visibility watch ${auditId}`);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(1);
    expect(cli.output.stderr).toContain(`Cancelled visibility audit ${auditId} (now CANCELLED).`);
    const { node } = await graphqlData(app.graphqlUrl, 'query ($id: ID!) { node(id: $id) { ... on VisibilityAudit { status } } }', { id: auditId });
    expect(node.status).toBe('CANCELLED');

    const watched = await vantage(['visibility', 'watch', auditId, '--server', app.baseUrl]);
    expect(watched.code).toBe(1);
    expect(watched.stderr).toContain(`Visibility audit ${auditId} ended CANCELLED`);
  });

  it('exits 2 with the server saying to set ANSWER_ENGINES when no engine is configured', async () => {
    const result = await vantage(['visibility', 'run', await createProject(bare), '--server', bare.baseUrl]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ANSWER_ENGINES');
    expect(result.stderr).not.toContain('Usage:');
    expect(result.stdout).toBe('');
  });

  it('exits 2 for a project that does not exist, and for bad usage', async () => {
    const missing = await vantage(['visibility', 'run', missingProject, '--server', app.baseUrl]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No project with that id.');
    expect(missing.stderr).not.toContain('Usage:');

    const badSamples = await vantage(['visibility', 'run', projectId, '--samples', 'many', '--server', app.baseUrl]);
    expect(badSamples.code).toBe(2);
    expect(badSamples.stderr).toContain('--samples "many" is not a whole number');
    const tooMany = await vantage(['visibility', 'run', projectId, '--samples', '11', '--server', app.baseUrl]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('samplesPerPrompt');
  });
});
