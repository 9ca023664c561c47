import { describe, expect, it } from 'vitest';
import { renderReport, type CliComparison } from '../../cli/report';
import { renderTable } from '../../cli/table';

describe('renderTable', () => {
  it('aligns columns and wraps long cells within their column', () => {
    const table = renderTable(
      [{ header: '#', align: 'right' }, { header: 'Insight', maxWidth: 12 }, { header: 'Source' }],
      [
        ['1', 'short', 'rules'],
        ['10', 'a longer insight text', 'model'],
        ['2', 'https://example.com/very/long', 'rules'],
      ],
    );
    expect(table.split('\n')).toEqual([
      ' #  Insight       Source',
      '--  ------------  ------',
      ' 1  short         rules',
      '10  a longer      model',
      '    insight text',
      ' 2  https://exam  rules',
      '    ple.com/very',
      '    /long',
    ]);
  });
});

describe('renderReport', () => {
  it('prints an insight as its title and body in two sentences, not "You trail on AEO: Your AEO…"', () => {
    const comparison = {
      ranking: [],
      notAnalysed: [],
      subject: null,
      checks: [],
      gaps: [],
      insights: [{ severity: 'WARNING', title: 'You trail on AEO', body: 'Your AEO score is 41.', source: 'RULES' }],
    } as unknown as CliComparison;
    expect(renderReport(comparison)).toContain('You trail on AEO. Your AEO score is 41.');
  });
});
