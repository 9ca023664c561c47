import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOf, startFixtureAnalyzer, type FixtureAnalyzer } from './analyzeFixture';
import { AEO_CASES } from './checkCases.aeo';
import { SEO_CASES, type CheckCase } from './checkCases.seo';
import { TECHNICAL_CASES } from './checkCases.technical';

let fixture: FixtureAnalyzer;
beforeAll(async () => {
  fixture = await startFixtureAnalyzer();
});
afterAll(() => fixture.close());

function casesById(cases: readonly CheckCase[]): Map<string, CheckCase[]> {
  const byId = new Map<string, CheckCase[]>();
  for (const entry of cases) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  return byId;
}

for (const [group, cases] of [['SEO', SEO_CASES], ['AEO', AEO_CASES], ['TECHNICAL', TECHNICAL_CASES]] as const) {
  describe(`${group} checks`, () => {
    for (const [id, entries] of casesById(cases)) {
      describe(id, () => {
        it.each(entries.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
          const report = await fixture.analyzePage(entry.fixture);
          const check = checkOf(report, id);
          expect(check.outcome, check.message).toBe(entry.outcome);
          expect(check.message).toMatch(entry.message);
          expect(report.checks.find((candidate) => candidate.id === id)?.category).toBe(group);
        });
      });
    }
  });
}
