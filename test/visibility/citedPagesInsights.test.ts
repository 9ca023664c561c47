import { describe, expect, it } from 'vitest';
import { citedPagesInsights, type CitedPagesComparison } from '../../src/projects/visibility/citedPages';

const targets = [
  { id: 'own', url: 'https://acme.com/' },
  { id: 'a', url: 'https://a.example/' },
  { id: 'b', url: 'https://b.example/' },
];
const row = (checkId: string, passedBy: string[], failedBy: string[]) => ({ checkId, passedBy, failedBy });

describe('cited-pages insights', () => {
  const comparison: CitedPagesComparison = {
    subjectTargetId: 'own',
    targets,
    checks: [
      row('faq-schema', ['a'], ['own', 'b']),
      row('statistics', ['a', 'b'], ['own']),
      row('authorship', ['b'], ['own']),
      // The brand's page passes, or has nothing to have: not named.
      row('quotations', ['a', 'own'], []),
      row('response-time', ['a', 'b'], ['own']),
    ],
  };

  it('names, per lost prompt and engine, the checks its cited pages pass and the brand\'s page fails, with the pages', () => {
    const insights = citedPagesInsights(
      [
        { prompt: 'best trail shoes', engine: 'pplx', urls: ['https://a.example/', 'https://b.example/', 'https://not-analysed.example/'] },
        { prompt: 'best trail shoes', engine: 'gpt', urls: ['https://b.example/'] },
        { prompt: 'cheap trail shoes', engine: 'gpt', urls: [] },
      ],
      comparison,
    );
    expect(insights).toEqual([
      {
        title: 'What the pages pplx cites for "best trail shoes" have',
        body: 'The pages pplx cites for "best trail shoes" have statistics (2 of 2: https://a.example/, https://b.example/), FAQ schema (1 of 2: https://a.example/) and an author (1 of 2: https://b.example/); yours, https://acme.com/, has none of them.',
        severity: 'OPPORTUNITY',
        source: 'rules',
      },
      {
        title: 'What the pages gpt cites for "best trail shoes" have',
        body: 'The page gpt cites for "best trail shoes", https://b.example/, has statistics and an author; yours, https://acme.com/, has neither.',
        severity: 'OPPORTUNITY',
        source: 'rules',
      },
    ]);
  });

  it('says nothing where the cited pages pass nothing the brand\'s page fails, or the brand\'s page could not be analysed', () => {
    expect(citedPagesInsights([{ prompt: 'p', engine: 'gpt', urls: ['https://a.example/'] }], { ...comparison, checks: [row('quotations', ['a'], [])] })).toEqual([]);
    expect(citedPagesInsights([{ prompt: 'p', engine: 'gpt', urls: ['https://a.example/'] }], { ...comparison, subjectTargetId: null })).toEqual([]);
  });

  it('says "does not" for one check', () => {
    const [insight] = citedPagesInsights([{ prompt: 'p', engine: 'gpt', urls: ['https://a.example/'] }], { ...comparison, checks: [row('faq-schema', ['a'], ['own'])] });
    expect(insight!.body).toBe('The page gpt cites for "p", https://a.example/, has FAQ schema; yours, https://acme.com/, does not.');
  });
});
