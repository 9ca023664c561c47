import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors';
import { readDomain, siteUrlOf } from '../../src/projects/domains';
import { validateProjectInput, validateProjectUpdate, type CreateProjectInput, type ProjectRules } from '../../src/projects/input';
import { nextRunAfter, validateSchedule } from '../../src/projects/schedule';

const RULES: ProjectRules = { maxPagesPerSite: 500, allowIpAddresses: false };
const NOW = new Date('2026-03-28T12:00:00Z');

const valid: CreateProjectInput = {
  name: 'Shoes',
  brand: { name: 'Acme', domains: ['acme.com'] },
  competitors: [{ name: 'Rival', domains: ['rival.com'] }],
};

/** The BAD_USER_INPUT `run` throws: its field and message. */
function refusal(run: () => unknown): { field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.code).toBe('BAD_USER_INPUT');
    return { field: error.details.field, message: error.message };
  }
  throw new Error('expected a refusal');
}

describe('a brand domain', () => {
  it.each([
    ['https://www.Example.com/', 'example.com'],
    ['example.com', 'example.com'],
    ['  EXAMPLE.com.  ', 'example.com'],
    ['shop.example.co.uk', 'example.co.uk'],
    ['http://blog.example.com:8080/path?q=1#top', 'example.com'],
    ['https://a.b.github.io/', 'b.github.io'], // the public suffix list's private section counts
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('%s is %s', (raw, domain) => {
    expect(readDomain(raw, false)).toEqual({ domain });
  });

  it.each([
    ['', 'is empty'],
    ['https://', 'is neither a domain nor a URL'],
    ['ftp://example.com/', 'is not an http(s) URL'],
    ['https://user:secret@example.com/', 'must not contain credentials'],
    ['co.uk', 'has no registrable domain under a known public suffix'],
    ['localhost', 'has no registrable domain under a known public suffix'],
    ['example.notatld', 'has no registrable domain under a known public suffix'],
    ['203.0.113.7', 'is an IP address; give the domain name'],
    ['http://127.0.0.1:8080/', 'is an IP address; give the domain name'],
    ['https://[::1]/', 'is an IP address; give the domain name'],
  ])('%j is refused: %s', (raw, problem) => {
    expect(readDomain(raw, false)).toEqual({ problem });
  });

  it('is an IP address, with its port, where private addresses may be crawled', () => {
    expect(readDomain('http://127.0.0.1:8080/x', true)).toEqual({ domain: '127.0.0.1:8080' });
    expect(readDomain('203.0.113.7', true)).toEqual({ domain: '203.0.113.7' });
    expect(readDomain('http://[::1]:81/', true)).toEqual({ domain: '[::1]:81' });
  });

  it('is audited over https, an IP address over http', () => {
    expect(siteUrlOf('example.com')).toBe('https://example.com/');
    expect(siteUrlOf('127.0.0.1:8080')).toBe('http://127.0.0.1:8080/');
    expect(siteUrlOf('[::1]:81')).toBe('http://[::1]:81/');
  });
});

describe('a new project', () => {
  it('is stored trimmed and normalised, with defaults', () => {
    const project = validateProjectInput(
      {
        ...valid,
        name: '  Shoes ',
        brand: { name: ' Acme ', aliases: [' AcmeRun '], domains: ['https://www.Acme.com/', 'acme.de'] },
        market: '  ',
        prompts: [' best trail shoes? '],
      },
      RULES,
      NOW,
    );
    expect(project).toEqual({
      name: 'Shoes',
      brands: [
        { name: 'Acme', aliases: ['AcmeRun'], domains: ['acme.com', 'acme.de'] },
        { name: 'Rival', aliases: [], domains: ['rival.com'] },
      ],
      market: null,
      language: 'en',
      prompts: ['best trail shoes?'],
      maxPagesPerSite: 1,
      schedule: null,
    });
    expect(validateProjectInput({ ...valid, language: 'DE-ch' }, RULES, NOW).language).toBe('de-CH');
  });

  const rival = (index: number) => ({ name: `Rival ${index}`, domains: [`rival${index}.com`] });
  it.each<[string, Partial<CreateProjectInput>, string, RegExp]>([
    ['an empty name', { name: '  ' }, 'name', /name must not be empty/],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, 'name', /longer than 100/],
    ['a name with control characters', { name: 'a\u0000b' }, 'name', /control characters/],
    ['an empty brand name', { brand: { name: '', domains: ['acme.com'] } }, 'brand.name', /brand\.name must not be empty/],
    ['a competitor name over 100 characters', { competitors: [{ name: 'y'.repeat(101), domains: ['r.com'] }] }, 'competitors[0].name', /longer than 100/],
    ['a brand without domains', { brand: { name: 'Acme', domains: [] } }, 'brand.domains', /at least one domain/],
    ['an IP address', { brand: { name: 'Acme', domains: ['acme.com', '10.0.0.1'] } }, 'brand.domains[1]', /"10\.0\.0\.1" is an IP address/],
    ['no competitors', { competitors: [] }, 'competitors', /1 to 10 competitors; got 0/],
    ['eleven competitors', { competitors: Array.from({ length: 11 }, (_, i) => rival(i)) }, 'competitors', /got 11/],
    [
      'a domain of two brands',
      { competitors: [rival(1), { name: 'Copy', domains: ['https://www.acme.com/'] }] },
      'competitors[1].domains[0]',
      /competitors\[1\]\.domains\[0\] is acme\.com, which brand\.domains\[0\] already names/,
    ],
    ['a domain twice in one brand', { brand: { name: 'Acme', domains: ['acme.com', 'shop.acme.com'] } }, 'brand.domains[1]', /already names/],
    ['an alias twice', { brand: { name: 'Acme', aliases: ['A', 'a'], domains: ['acme.com'] } }, 'brand.aliases[1]', /given twice/],
    ['101 prompts', { prompts: Array.from({ length: 101 }, (_, i) => `prompt ${i}`) }, 'prompts', /at most 100 entries; got 101/],
    ['an empty prompt', { prompts: ['ok', ' '] }, 'prompts[1]', /prompts\[1\] must not be empty/],
    ['a language that is no BCP 47 tag', { language: 'en_US' }, 'language', /"en_US" is not a BCP 47 tag/],
    ['maxPagesPerSite 0', { maxPagesPerSite: 0 }, 'maxPagesPerSite', /1 to 500; got 0/],
    ['maxPagesPerSite over the setting', { maxPagesPerSite: 501 }, 'maxPagesPerSite', /1 to 500; got 501/],
    ['a four-field cron', { schedule: { cron: '0 6 * *', runs: ['SITE_AUDIT'] } }, 'schedule.cron', /has 4 fields; give five/],
  ])('refuses %s, naming the field', (_case, change, field, message) => {
    const refused = refusal(() => validateProjectInput({ ...valid, ...change }, RULES, NOW));
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });
});

describe('an update', () => {
  const current = validateProjectInput(
    { ...valid, competitors: [{ name: 'Rival', domains: ['rival.com'] }, { name: 'Other', domains: ['other.com'] }] },
    RULES,
    NOW,
  );

  it('changes only what it gives; null clears the market and the schedule', () => {
    expect(validateProjectUpdate({ name: ' New ' }, current, RULES, NOW)).toEqual({ name: 'New' });
    expect(validateProjectUpdate({ market: null, schedule: null }, current, RULES, NOW)).toEqual({ market: null, schedule: null });
  });

  it('keeps the brands it does not replace, and checks the new ones against them', () => {
    const { brands } = validateProjectUpdate({ competitors: [{ name: 'New', domains: ['new.com'] }] }, current, RULES, NOW);
    expect(brands?.map((brand) => brand.name)).toEqual(['Acme', 'New']);
    const refused = refusal(() => validateProjectUpdate({ brand: { name: 'Acme', domains: ['other.com'] } }, current, RULES, NOW));
    expect(refused).toEqual({ field: 'competitors[1].domains[0]', message: expect.stringMatching(/other\.com, which brand\.domains\[0\]/) });
  });

  it.each(['name', 'brand', 'competitors', 'language', 'prompts', 'maxPagesPerSite'] as const)(
    'refuses a null %s: leaving it out keeps it',
    (field) => {
      expect(refusal(() => validateProjectUpdate({ [field]: null }, current, RULES, NOW))).toEqual({
        field,
        message: `${field} cannot be null; leave it out to keep it as it is.`,
      });
    },
  );
});

describe('a schedule', () => {
  it('is due at the next slot of the cron in its time zone', () => {
    // Monday 06:00 in Berlin: summer time (UTC+2) from 29 March 2026, winter time (UTC+1) before.
    expect(validateSchedule({ cron: '0 6 * * 1', timezone: 'Europe/Berlin', runs: ['SITE_AUDIT'] }, NOW)).toEqual({
      cron: '0 6 * * 1',
      timezone: 'Europe/Berlin',
      runs: ['SITE_AUDIT'],
      nextRunAt: new Date('2026-03-30T04:00:00Z'),
    });
    expect(nextRunAfter({ cron: '0 6 * * 1', timezone: 'Europe/Berlin' }, new Date('2026-01-01T00:00:00Z'))).toEqual(
      new Date('2026-01-05T05:00:00Z'),
    );
    expect(nextRunAfter({ cron: '*/15 * * * *', timezone: 'UTC' }, new Date('2026-01-01T10:07:30Z'))).toEqual(
      new Date('2026-01-01T10:15:00Z'),
    );
    // A slot the clocks skip (02:30 on the night summer time starts) runs when they have moved on.
    expect(nextRunAfter({ cron: '30 2 * * *', timezone: 'Europe/Berlin' }, NOW)).toEqual(new Date('2026-03-29T01:30:00Z'));
  });

  it('is read in UTC unless told otherwise, with the zone and the cron spelled as the runtime does', () => {
    const schedule = validateSchedule({ cron: ' 0  6 * * MON ', runs: ['SITE_AUDIT', 'VISIBILITY_AUDIT'] }, NOW);
    expect(schedule).toMatchObject({ cron: '0 6 * * MON', timezone: 'UTC', nextRunAt: new Date('2026-03-30T06:00:00Z') });
    expect(validateSchedule({ cron: '0 6 * * 1', timezone: 'europe/berlin', runs: ['SITE_AUDIT'] }, NOW).timezone).toBe('Europe/Berlin');
  });

  it.each<[string, { cron: string; timezone?: string; runs?: ('SITE_AUDIT' | 'VISIBILITY_AUDIT')[] }, string, RegExp]>([
    ['six fields', { cron: '0 0 6 * * 1' }, 'schedule.cron', /has 6 fields; give five/],
    ['a nickname', { cron: '@daily' }, 'schedule.cron', /has 1 field; give five/],
    ['a minute out of range', { cron: '61 * * * *' }, 'schedule.cron', /"61 \* \* \* \*" is not valid: .*0-59/],
    ['a day that never comes', { cron: '0 0 30 2 *' }, 'schedule.cron', /is not valid: .*day of month/],
    ['garbage', { cron: 'a b c d e' }, 'schedule.cron', /"a b c d e" is not valid: /],
    ['an unknown time zone', { cron: '0 6 * * 1', timezone: 'Mars/Olympus' }, 'schedule.timezone', /"Mars\/Olympus" is not an IANA time zone/],
    ['an offset for a time zone', { cron: '0 6 * * 1', timezone: '+02:00' }, 'schedule.timezone', /"\+02:00" is not an IANA time zone/],
    ['no runs', { cron: '0 6 * * 1', runs: [] }, 'schedule.runs', /Say which runs/],
    ['a run twice', { cron: '0 6 * * 1', runs: ['SITE_AUDIT', 'SITE_AUDIT'] }, 'schedule.runs', /once/],
  ])('refuses %s with the reason', (_case, input, field, message) => {
    const refused = refusal(() => validateSchedule({ runs: ['SITE_AUDIT'], ...input }, NOW));
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });
});
