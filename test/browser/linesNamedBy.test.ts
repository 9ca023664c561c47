import { describe, expect, it } from 'vitest';
import { linesNamedBy } from '../../client/src/screens/newAnalysis/linesNamedBy';
import { createSequenceGate } from '../../shared/sequenceGate';

describe('placing a BAD_USER_INPUT message on the line it names', () => {
  const lines = ['https://a.example', 'https://a.example/blog', 'not a url', 'HTTPS://B.example'];

  it('finds the line by the URL as typed', () => {
    expect(linesNamedBy('"not a url" is not an absolute http(s) URL', lines)).toEqual([2]);
  });

  it('finds the line by the URL as the server normalised it', () => {
    expect(linesNamedBy('https://b.example/ is listed twice', lines)).toEqual([3]);
  });

  it('does not take a URL for a longer one that starts with it', () => {
    expect(linesNamedBy('Cannot analyse https://a.example/blog.', lines)).toEqual([1]);
    expect(linesNamedBy('Cannot analyse https://a.example/.', lines)).toEqual([0]);
  });

  it('names no line when the message names no URL', () => {
    expect(linesNamedBy('At most 50 URLs per batch', lines)).toEqual([]);
  });
});

describe('the sequence gate', () => {
  it('lets through only sequences above the last one accepted', () => {
    const accept = createSequenceGate();
    expect([5, 5, 4, 6, 9, 7, 10].map(accept)).toEqual([true, false, false, true, true, false, true]);
  });
});
