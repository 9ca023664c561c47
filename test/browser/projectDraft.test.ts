import { describe, expect, it } from 'vitest';
import { describeSchedule } from '../../client/src/format/schedule';
import { controlOf, fieldErrors, inputOf, newDraft } from '../../client/src/screens/projectForm/projectDraft';
import { GraphQLRequestError } from '../../shared/transport';

describe('the project form', () => {
  it('shows an error about one entry of a typed list on the box the list is typed in', () => {
    expect(controlOf('competitors[2].domains[1]')).toBe('competitors[2].domains');
    expect(controlOf('prompts[7]')).toBe('prompts');
    expect(controlOf('competitors[2].name')).toBe('competitors[2].name');
    expect(controlOf('competitors')).toBe('competitors');
  });

  it('places BAD_USER_INPUT errors by their field and keeps the rest for the form', () => {
    const error = new GraphQLRequestError([
      { message: 'cron wrong', extensions: { code: 'BAD_USER_INPUT', field: 'schedule.cron' } },
      { message: 'slow down', extensions: { code: 'RATE_LIMITED' } },
    ]);
    const { byControl, general } = fieldErrors(error);
    expect([...byControl]).toEqual([['schedule.cron', 'cron wrong']]);
    expect(general).toEqual(['slow down']);
  });

  it('sends every competitor row, lists split on commas and lines, and no schedule unless asked', () => {
    const draft = newDraft();
    draft.brand = { key: 0, name: 'Acme', aliases: ' Acme Run , ,AcmeTrail', domains: 'acme.com, acme.de' };
    draft.competitors = [draft.competitors[0]!, { key: 5, name: 'Rival', aliases: '', domains: 'rival.com' }];
    draft.prompts = 'first\n\n  second  \r\nthird';
    expect(inputOf(draft)).toMatchObject({
      brand: { name: 'Acme', aliases: ['Acme Run', 'AcmeTrail'], domains: ['acme.com', 'acme.de'] },
      competitors: [
        { name: '', aliases: [], domains: [] },
        { name: 'Rival', aliases: [], domains: ['rival.com'] },
      ],
      market: null,
      prompts: ['first', 'second', 'third'],
      maxPagesPerSite: 1,
      schedule: null,
    });
    expect(inputOf({ ...draft, scheduled: true, cron: '0 6 * * 1', timezone: 'Europe/Berlin' }).schedule).toEqual({
      cron: '0 6 * * 1',
      timezone: 'Europe/Berlin',
      runs: ['SITE_AUDIT'],
    });
  });
});

describe('a schedule in words', () => {
  it('reads a five-field cron in its time zone', () => {
    expect(describeSchedule('0 6 * * 1', 'Europe/Berlin')).toEqual({ text: 'At 06:00, only on Monday (Europe/Berlin)', valid: true });
    expect(describeSchedule(' */15  * * * * ', '')).toEqual({ text: 'Every 15 minutes (UTC)', valid: true });
  });

  it('refuses what the server refuses: other field counts, and fields out of range', () => {
    expect(describeSchedule('0 0 6 * * 1', 'UTC')).toMatchObject({ valid: false, text: expect.stringMatching(/^Give five fields/) });
    expect(describeSchedule('0 25 * * 1', 'UTC').valid).toBe(false);
  });
});
