import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createTestKey } from '../helpers/apiKeys';
import { waitForBatchStatus } from '../helpers/batches';
import { withClient } from '../helpers/database';
import { startFixtureSite, type FixtureSite } from '../helpers/fixtures';
import { graphql, graphqlData } from '../helpers/graphql';
import { pages } from '../helpers/pages';
import { waitUntil } from '../helpers/wait';

const PROJECT_FIELDS = `id name market language prompts maxPagesPerSite createdAt
  brand { name aliases domains } competitors { name aliases domains }
  schedule { cron timezone runs nextRunAt lastRunAt }`;
const CREATE = `mutation ($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { ${PROJECT_FIELDS} } }`;
const READ = `query ($id: ID!) { project(id: $id) { ${PROJECT_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteProject(id: $id) }`;
const RUN = `mutation ($id: ID!) { runSiteAudit(projectId: $id) { id name status totalUrls targets { url isSubject } } }`;
const SITE_AUDITS = `query ($id: ID!) { project(id: $id) { siteAudits(first: 10) { edges { node { id status } } pageInfo { hasNextPage } } } }`;
const AUDIT = `{ auditEvents(first: 20) { edges { node { action projectId batch { id } } } } }`;
const MISSING_PROJECT = Buffer.from('Project:00000000-0000-4000-8000-000000000000').toString('base64');

const shoes = {
  name: 'Trail shoes',
  brand: { name: 'Acme', aliases: ['Acme Run'], domains: ['https://www.Acme-Shoes.com/', 'acme-shoes.de'] },
  competitors: [
    { name: 'Rival', domains: ['rival-shoes.com'] },
    { name: 'Other', domains: ['shop.other-shoes.co.uk'] },
  ],
  market: 'trail running shoes',
  prompts: ['Which trail shoes last longest?'],
  schedule: { cron: '0 6 * * 1', timezone: 'Europe/Berlin', runs: ['SITE_AUDIT'] },
};

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('projects over GraphQL', () => {
  let app: TestApp;
  let keyA: string;
  let keyB: string;
  let keyC: string;
  const as = (key: string) => ({
    data: <T = any>(query: string, variables: Record<string, unknown> = {}) => graphqlData<T>(app.graphqlUrl, query, variables, bearer(key)),
    errors: async (query: string, variables: Record<string, unknown> = {}) => {
      const result = await graphql(app.graphqlUrl, query, variables, bearer(key));
      // A nullable root field (project) answers null beside its error; a non-null one nulls data.
      expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
      return result.errors!;
    },
  });

  beforeAll(async () => {
    // API only (no worker takes the audits' jobs); IP addresses refused as in production.
    app = await startTestApp({ VANTAGE_ROLE: 'api', CRAWL_ALLOW_PRIVATE: 'false', MAX_RUNNING_BATCHES_PER_OWNER: '2', LOG_LEVEL: 'silent' });
    [keyA, keyB, keyC] = (await Promise.all(['A', 'B', 'C'].map((name) => createTestKey(app.databaseUrl, name)))).map(
      (created) => created.key,
    ) as [string, string, string];
  });
  afterAll(() => app?.close());

  /** Rows of every table a project mutation writes to. */
  const counts = () =>
    withClient(app.databaseUrl, async (client) => {
      const { rows } = await client.query(`SELECT
        (SELECT count(*) FROM "Project")::int AS projects,
        (SELECT count(*) FROM "ProjectBrand")::int AS brands,
        (SELECT count(*) FROM "AuditEvent")::int AS audits,
        (SELECT count(*) FROM "Batch")::int AS batches,
        (SELECT coalesce(max("updatedAt"), 'epoch') FROM "Project") AS "lastUpdate"`);
      return rows[0] as Record<string, unknown>;
    });

  it('creates a project as given, normalised, with its next run computed, and reads it back', async () => {
    const before = Date.now();
    const { createProject: project } = await as(keyA).data(CREATE, { input: shoes });
    expect(project).toMatchObject({
      name: 'Trail shoes',
      brand: { name: 'Acme', aliases: ['Acme Run'], domains: ['acme-shoes.com', 'acme-shoes.de'] },
      competitors: [
        { name: 'Rival', aliases: [], domains: ['rival-shoes.com'] },
        { name: 'Other', aliases: [], domains: ['other-shoes.co.uk'] },
      ],
      market: 'trail running shoes',
      language: 'en',
      prompts: ['Which trail shoes last longest?'],
      maxPagesPerSite: 1,
      schedule: { cron: '0 6 * * 1', timezone: 'Europe/Berlin', runs: ['SITE_AUDIT'], lastRunAt: null },
    });
    // The next Monday 06:00 in Berlin: within a week, on a whole hour (UTC+1 or UTC+2).
    const next = new Date(project.schedule.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(before);
    expect(next.getTime() - before).toBeLessThanOrEqual(7 * 24 * 3600_000);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(next)).toBe(
      'Mon 06:00',
    );

    expect((await as(keyA).data(READ, { id: project.id })).project).toEqual(project);
    const { node } = await as(keyA).data(`query ($id: ID!) { node(id: $id) { id ... on Project { name } } }`, { id: project.id });
    expect(node).toEqual({ id: project.id, name: 'Trail shoes' });
    const { projects } = await as(keyA).data(`{ projects { edges { node { id } } pageInfo { hasNextPage } } }`);
    expect(projects).toEqual({ edges: [{ node: { id: project.id } }], pageInfo: { hasNextPage: false } });
    const { auditEvents } = await as(keyA).data(AUDIT);
    expect(auditEvents.edges[0].node).toEqual({ action: 'PROJECT_CREATED', projectId: project.id, batch: null });
  });

  const rival = (index: number) => ({ name: `Rival ${index}`, domains: [`rival${index}.com`] });
  const refused: [string, Record<string, unknown>, string, RegExp][] = [
    ['an empty name', { name: ' ' }, 'name', /name must not be empty/],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name', /name is longer than 100 characters/],
    ['an empty brand name', { brand: { name: '', domains: ['acme.com'] } }, 'brand.name', /brand\.name must not be empty/],
    ['a competitor name over 100 characters', { competitors: [{ name: 'c'.repeat(101), domains: ['r.com'] }] }, 'competitors[0].name', /longer than 100/],
    ['an IP address without CRAWL_ALLOW_PRIVATE', { brand: { name: 'Acme', domains: ['http://192.168.1.10/'] } }, 'brand.domains[0]', /"http:\/\/192\.168\.1\.10\/" is an IP address/],
    ['a domain that is not registrable', { competitors: [{ name: 'X', domains: ['co.uk'] }] }, 'competitors[0].domains[0]', /"co\.uk" has no registrable domain/],
    ['a brand without domains', { brand: { name: 'Acme', domains: [] } }, 'brand.domains', /at least one domain/],
    ['no competitors', { competitors: [] }, 'competitors', /Give 1 to 10 competitors; got 0/],
    ['eleven competitors', { competitors: Array.from({ length: 11 }, (_, i) => rival(i)) }, 'competitors', /got 11/],
    ['one domain for two brands', { competitors: [{ name: 'Copy', domains: ['https://www.acme.com/x'] }] }, 'competitors[0].domains[0]', /is acme\.com, which brand\.domains\[0\] already names/],
    ['101 prompts', { prompts: Array.from({ length: 101 }, (_, i) => `q${i}`) }, 'prompts', /at most 100 entries; got 101/],
    ['maxPagesPerSite above MAX_PAGES_PER_SITE', { maxPagesPerSite: 501 }, 'maxPagesPerSite', /1 to 500; got 501/],
    ['a language that is no BCP 47 tag', { language: 'english please' }, 'language', /not a BCP 47 tag/],
    ['a cron of six fields', { schedule: { cron: '0 0 6 * * 1', runs: ['SITE_AUDIT'] } }, 'schedule.cron', /has 6 fields; give five/],
    ['a cron out of range', { schedule: { cron: '0 24 * * *', runs: ['SITE_AUDIT'] } }, 'schedule.cron', /"0 24 \* \* \*" is not valid: .*0-23/],
    ['an unknown time zone', { schedule: { cron: '0 6 * * 1', timezone: 'Europe/Atlantis', runs: ['SITE_AUDIT'] } }, 'schedule.timezone', /"Europe\/Atlantis" is not an IANA time zone/],
    ['a schedule that starts no run', { schedule: { cron: '0 6 * * 1', runs: [] } }, 'schedule.runs', /Say which runs/],
  ];

  it.each(refused)('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, change, field, message) => {
    const before = await counts();
    const base = { name: 'P', brand: { name: 'Acme', domains: ['acme.com'] }, competitors: [rival(0)] };
    const errors = await as(keyA).errors(CREATE, { input: { ...base, ...change } });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors[0]!.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('updates what it is given, keeps the rest, and keeps a brand that keeps its site', async () => {
    const { createProject: project } = await as(keyA).data(CREATE, { input: { ...shoes, name: 'To update' } });
    const brandIds = () =>
      withClient(app.databaseUrl, async (client) => {
        const { rows } = await client.query(`SELECT pb.id, pb.domains[1] AS site FROM "ProjectBrand" pb JOIN "Project" p ON p.id = pb."projectId" WHERE p.name = 'To update'`);
        return Object.fromEntries(rows.map((row) => [row.site, row.id]));
      });
    const before = await brandIds();

    const { updateProject: renamed } = await as(keyA).data(UPDATE, {
      id: project.id,
      input: {
        competitors: [
          { name: 'New', domains: ['new-shoes.com'] },
          { name: 'Rival Shoes', aliases: ['Rival'], domains: ['www.rival-shoes.com', 'rival.shop'] },
        ],
        prompts: [],
        market: null,
      },
    });
    expect(renamed).toEqual({
      ...project,
      competitors: [
        { name: 'New', aliases: [], domains: ['new-shoes.com'] },
        { name: 'Rival Shoes', aliases: ['Rival'], domains: ['rival-shoes.com', 'rival.shop'] },
      ],
      prompts: [],
      market: null,
    });
    const after = await brandIds();
    expect(after['acme-shoes.com']).toBe(before['acme-shoes.com']);
    expect(after['rival-shoes.com']).toBe(before['rival-shoes.com']);
    expect(after['other-shoes.co.uk']).toBeUndefined();
    expect(after['new-shoes.com']).toBeDefined();

    const { updateProject: unscheduled } = await as(keyA).data(UPDATE, { id: project.id, input: { schedule: null, name: 'Renamed' } });
    expect(unscheduled).toMatchObject({ name: 'Renamed', schedule: null });
    const before2 = Date.now();
    const { updateProject: rescheduled } = await as(keyA).data(UPDATE, {
      id: project.id,
      input: { schedule: { cron: '*/5 * * * *', runs: ['SITE_AUDIT', 'VISIBILITY_AUDIT'] } },
    });
    expect(rescheduled.schedule).toMatchObject({ cron: '*/5 * * * *', timezone: 'UTC', runs: ['SITE_AUDIT', 'VISIBILITY_AUDIT'] });
    const next = new Date(rescheduled.schedule.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(before2);
    expect(next.getTime() - before2).toBeLessThanOrEqual(5 * 60_000);
    expect(next.getUTCMinutes() % 5).toBe(0);
    expect(next.getUTCSeconds()).toBe(0);

    const { auditEvents } = await as(keyA).data(AUDIT);
    expect(auditEvents.edges.slice(0, 4).map((edge: any) => edge.node)).toEqual([
      { action: 'PROJECT_UPDATED', projectId: project.id, batch: null },
      { action: 'PROJECT_UPDATED', projectId: project.id, batch: null },
      { action: 'PROJECT_UPDATED', projectId: project.id, batch: null },
      { action: 'PROJECT_CREATED', projectId: project.id, batch: null },
    ]);
  });

  it('swaps the brand and a competitor, each keeping its identity', async () => {
    const { createProject: project } = await as(keyA).data(CREATE, { input: { ...shoes, name: 'Swapped' } });
    const ids = async () =>
      withClient(app.databaseUrl, async (client) => {
        const { rows } = await client.query(
          `SELECT pb.domains[1] AS site, pb.id FROM "ProjectBrand" pb JOIN "Project" p ON p.id = pb."projectId" WHERE p.name = 'Swapped' ORDER BY pb.position`,
        );
        return rows as { site: string; id: string }[];
      });
    const before = await ids();
    const { updateProject: swapped } = await as(keyA).data(UPDATE, {
      id: project.id,
      input: { brand: shoes.competitors[0], competitors: [shoes.brand, shoes.competitors[1]] },
    });
    expect([swapped.brand.name, ...swapped.competitors.map((brand: { name: string }) => brand.name)]).toEqual(['Rival', 'Acme', 'Other']);
    expect(await ids()).toEqual([before[1], before[0], before[2]]);
  });

  it('pages through the caller\'s projects, newest first', async () => {
    const key = (await createTestKey(app.databaseUrl, 'D')).key;
    for (const name of ['one', 'two', 'three']) await as(key).data(CREATE, { input: { ...shoes, name } });
    const PAGE = `query ($after: String) { projects(first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    const first = (await as(key).data(PAGE)).projects;
    expect(first.edges.map((edge: any) => edge.node.name)).toEqual(['three', 'two']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await as(key).data(PAGE, { after: first.pageInfo.endCursor })).projects;
    expect(second).toEqual({ edges: [{ node: { name: 'one' } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });
    const refused = await as(key).errors(PAGE, { after: 'not a cursor' });
    expect(refused[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses an invalid update whole, naming the field, and writes nothing', async () => {
    const { createProject: project } = await as(keyA).data(CREATE, { input: { ...shoes, name: 'Untouched' } });
    for (const [input, field] of [
      [{ name: 'Changed', competitors: [{ name: 'Self', domains: ['acme-shoes.de'] }] }, 'competitors[0].domains[0]'],
      [{ name: 'Changed', schedule: { cron: '0 6 * * 1', timezone: 'UTC+2', runs: ['SITE_AUDIT'] } }, 'schedule.timezone'],
      [{ name: null }, 'name'],
    ] as const) {
      const before = await counts();
      const errors = await as(keyA).errors(UPDATE, { id: project.id, input });
      expect(errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    }
    expect((await as(keyA).data(READ, { id: project.id })).project).toEqual(project);
  });

  it("gives another owner NOT_FOUND for the project, exactly as for a missing one, and changes nothing", async () => {
    const { createProject: project } = await as(keyA).data(CREATE, { input: { ...shoes, name: "A's secret project" } });
    const before = await counts();
    for (const [query, variables] of [
      [READ, (id: string) => ({ id })],
      [`query ($id: ID!) { node(id: $id) { id } }`, (id: string) => ({ id })],
      [UPDATE, (id: string) => ({ id, input: { name: 'Taken over' } })],
      [DELETE, (id: string) => ({ id })],
      [RUN, (id: string) => ({ id })],
    ] as const) {
      const foreign = await as(keyB).errors(query, variables(project.id));
      const missing = await as(keyB).errors(query, variables(MISSING_PROJECT));
      expect(foreign[0]!.extensions!.code).toBe('NOT_FOUND');
      expect(foreign).toEqual(missing);
      expect(JSON.stringify(foreign)).not.toContain('secret');
    }
    expect(await counts()).toEqual(before);
    expect((await as(keyB).data(`{ projects { edges { node { id } } } }`)).projects.edges).toEqual([]);
    expect((await as(keyA).data(READ, { id: project.id })).project).toEqual(project);
    // A batch id is not a project id.
    const { createBatch } = await as(keyA).data(`mutation { createBatch(input: { name: "b", urls: ["https://a.test/"] }) { id } }`);
    expect((await as(keyA).errors(READ, { id: createBatch.id }))[0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('runs a site audit: a batch of each brand\'s first domain, the brand the subject, listed in siteAudits', async () => {
    const { createProject: project } = await as(keyA).data(CREATE, { input: { ...shoes, name: 'Audited' } });
    const { runSiteAudit: batch } = await as(keyA).data(RUN, { id: project.id });
    expect(batch).toMatchObject({
      name: 'Audited: site audit',
      status: 'PENDING',
      totalUrls: 3,
      targets: [
        { url: 'https://acme-shoes.com/', isSubject: true },
        { url: 'https://rival-shoes.com/', isSubject: false },
        { url: 'https://other-shoes.co.uk/', isSubject: false },
      ],
    });
    const { project: withAudits } = await as(keyA).data(SITE_AUDITS, { id: project.id });
    expect(withAudits.siteAudits).toEqual({ edges: [{ node: { id: batch.id, status: 'PENDING' } }], pageInfo: { hasNextPage: false } });
    const { batches } = await as(keyA).data(`{ batches(first: 100) { edges { node { id } } } }`);
    expect(batches.edges.map((edge: any) => edge.node.id)).toContain(batch.id);
    const { auditEvents } = await as(keyA).data(AUDIT);
    expect(auditEvents.edges[0].node).toEqual({ action: 'BATCH_CREATED', projectId: null, batch: { id: batch.id } });

    // Deleting the project leaves its batch readable by id.
    expect((await as(keyA).data(DELETE, { id: project.id })).deleteProject).toBe(project.id);
    expect((await as(keyA).errors(READ, { id: project.id }))[0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await as(keyA).data(`query ($id: ID!) { batch(id: $id) { id } }`, { id: batch.id })).batch).toEqual({ id: batch.id });
    const { auditEvents: after } = await as(keyA).data(AUDIT);
    expect(after.edges[0].node).toEqual({ action: 'PROJECT_DELETED', projectId: project.id, batch: null });
    expect((await as(keyA).errors(DELETE, { id: project.id }))[0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND, writing no batch, when the project is deleted while its audit is being created', async () => {
    const owner = await createTestKey(app.databaseUrl, 'E');
    const { createProject: project } = await as(owner.key).data(CREATE, { input: shoes });
    const before = await counts();
    // Holding the owner's quota lock (src/batches/limits.ts) stops runSiteAudit after it read the project.
    const errors = await withClient(app.databaseUrl, async (lock) => {
      await lock.query('BEGIN');
      await lock.query(`SELECT pg_advisory_xact_lock(${0x5661_6e01}, hashtext($1))`, [owner.ownerId]);
      const run = as(owner.key).errors(RUN, { id: project.id });
      await waitUntil(
        async () => (await lock.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rowCount,
        { what: 'runSiteAudit to wait for the quota lock' },
      );
      await as(owner.key).data(DELETE, { id: project.id });
      await lock.query('COMMIT');
      return run;
    });
    expect(errors[0]!.extensions!.code).toBe('NOT_FOUND');
    const after = await counts();
    expect(after.batches).toBe(before.batches);
  });

  it("counts site audits against the owner's limits like any batch", async () => {
    const { createProject: project } = await as(keyC).data(CREATE, { input: shoes });
    await as(keyC).data(RUN, { id: project.id });
    await as(keyC).data(RUN, { id: project.id });
    const before = await counts();
    const errors = await as(keyC).errors(RUN, { id: project.id });
    expect(errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'MAX_RUNNING_BATCHES_PER_OWNER' });
    expect(await counts()).toEqual(before);
  });
});

describe('a site audit where private addresses may be crawled', () => {
  let app: TestApp;
  let sites: FixtureSite[];
  beforeAll(async () => {
    sites = await Promise.all([pages.good, pages.poor].map((page) => startFixtureSite({ '/': page })));
    app = await startTestApp({ LOG_LEVEL: 'silent' }); // CRAWL_ALLOW_PRIVATE, as startTestApp sets it
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all(sites.map((site) => site.close()));
  });

  it('audits brands given as loopback addresses over http, to the end', async () => {
    const [brand, rival] = sites.map((site) => site.origin);
    const { createProject: project } = await graphqlData(app.graphqlUrl, CREATE, {
      input: { name: 'Local', brand: { name: 'Good', domains: [brand] }, competitors: [{ name: 'Poor', domains: [`${rival}/about`] }] },
    });
    expect(project.brand.domains).toEqual([new URL(brand!).host]);
    const { runSiteAudit: batch } = await graphqlData(app.graphqlUrl, RUN, { id: project.id });
    expect(batch.targets).toEqual([
      { url: `${brand}/`, isSubject: true },
      { url: `${rival}/`, isSubject: false },
    ]);
    expect(await waitForBatchStatus(app.graphqlUrl, batch.id)).toBe('COMPLETED');
    const { project: done } = await graphqlData(app.graphqlUrl, SITE_AUDITS, { id: project.id });
    expect(done.siteAudits.edges).toEqual([{ node: { id: batch.id, status: 'COMPLETED' } }]);
  });
});
