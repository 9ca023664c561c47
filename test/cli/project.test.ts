import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { announcedBatchId, vantage } from './runCli';

// Written out here rather than imported from the CLI, so the test checks the CLI against the contract.
const PROJECT = `query ($id: ID!) { project(id: $id) {
  id name market language prompts maxPagesPerSite createdAt
  brand { name aliases domains } competitors { name aliases domains }
  schedule { cron timezone runs nextRunAt lastRunAt lastError lastErrorAt }
  siteAudits(first: 5) { edges { node { id status } } } } }`;

describe('vantage project', () => {
  let app: TestApp;
  let own: FixtureSite;
  let rival: FixtureSite;
  let hosts: { own: string; rival: string };
  const cli = (args: string[]) => vantage([...args, '--server', app.baseUrl]);

  beforeAll(async () => {
    [own, rival] = await Promise.all([startFixtureSite({ '/': pages.good }), startFixtureSite({ '/': pages.poor })]);
    hosts = { own: new URL(own.url('/')).host, rival: new URL(rival.url('/')).host };
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([own?.close(), rival?.close()]);
  });

  const createArgs = (name: string) => [
    'project', 'create', '--name', name, '--brand', `Own=${hosts.own}`, '--competitor', `Rival=${hosts.rival}`,
    '--market', 'trail shoes', '--prompt', 'Which shoes last?', '--prompt', 'Best trail shoe?',
    '--schedule', '0 6 * * 1', '--timezone', 'Europe/Berlin',
  ];

  it('creates a project from flags, lists it and shows it, as tables and as the API answers with --json', async () => {
    const created = await cli([...createArgs('CLI shoes'), '--json']);
    expect(created.code, created.stderr).toBe(0);
    const project = JSON.parse(created.stdout);
    const { project: stored } = await graphqlData(app.graphqlUrl, PROJECT, { id: project.id });
    const { siteAudits, ...fields } = stored;
    expect(project).toEqual(fields);
    expect(project).toMatchObject({
      name: 'CLI shoes',
      brand: { name: 'Own', domains: [hosts.own] },
      competitors: [{ name: 'Rival', domains: [hosts.rival] }],
      prompts: ['Which shoes last?', 'Best trail shoe?'],
      schedule: { cron: '0 6 * * 1', timezone: 'Europe/Berlin', runs: ['SITE_AUDIT'], lastRunAt: null, lastError: null },
    });

    const list = await cli(['project', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^Project +Name +Brand +Competitors +Next run\n/);
    expect(list.stdout).toMatch(new RegExp(`^${project.id} +CLI shoes +Own +1 +${project.schedule.nextRunAt}$`, 'm'));
    const listed = await cli(['project', 'list', '--json']);
    expect(JSON.parse(listed.stdout).map((each: { id: string }) => each.id)).toContain(project.id);

    const shown = await cli(['project', 'show', project.id]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Project ${project.id} "CLI shoes"\nBrand: Own: ${hosts.own}\nCompetitor: Rival: ${hosts.rival}\nMarket: trail shoes`);
    expect(shown.stdout).toContain(`Schedule: 0 6 * * 1 (Europe/Berlin), starts SITE_AUDIT\n  next run  ${project.schedule.nextRunAt}\n  last run  never`);
    expect(shown.stdout).toContain('Recent site audits\nNone yet.');
    expect(JSON.parse((await cli(['project', 'show', project.id, '--json'])).stdout)).toEqual(stored);
  });

  it('runs a site audit, follows it live to its end, prints the comparison, and show lists the audit', async () => {
    const { stdout } = await cli([...createArgs('CLI run'), '--json']);
    const { id } = JSON.parse(stdout);
    const result = await cli(['project', 'run', id]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\] 100% {2}2\/2 done {2}COMPLETED/);
    expect(result.stdout).toContain('Ranking');
    expect(result.stdout).toContain(`Fix first on http://${hosts.own}/`);
    const batchId = announcedBatchId(result.stderr);

    const shown = await cli(['project', 'show', id]);
    expect(shown.stdout).toMatch(new RegExp(`Recent site audits\\n.*\\n.*\\n${batchId} +COMPLETED +100%`));
    const json = await cli(['project', 'run', id, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).ranking).toHaveLength(2);
  });

  it('exits 2 for bad usage, bad input (with the server\'s reason) and a project that does not exist', async () => {
    const noBrand = await cli(['project', 'create', '--name', 'X', '--competitor', 'R=r.com']);
    expect(noBrand.code).toBe(2);
    expect(noBrand.stderr).toContain('project create needs --name and --brand');
    const badBrand = await cli(['project', 'create', '--name', 'X', '--brand', 'acme.com']);
    expect(badBrand.code).toBe(2);
    expect(badBrand.stderr).toContain('"Name=domain1,domain2"');
    expect((await cli(['project', 'list', '--brand', 'A=a.com'])).stderr).toContain('--brand belong to project create');

    const badCron = await cli(['project', 'create', '--name', 'X', '--brand', 'A=a.com', '--competitor', 'R=r.com', '--schedule', '0 24 * * *']);
    expect(badCron.code).toBe(2);
    expect(badCron.stderr).toMatch(/The cron "0 24 \* \* \*" is not valid/);
    expect(badCron.stdout).toBe('');

    const missing = Buffer.from('Project:00000000-0000-4000-8000-000000000000').toString('base64');
    for (const action of ['show', 'run']) {
      const result = await cli(['project', action, missing]);
      expect(result.code, action).toBe(2);
      expect(result.stderr).toContain('No project with that id.');
    }
  });
});
