import { describe, expect, it } from 'vitest';
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
