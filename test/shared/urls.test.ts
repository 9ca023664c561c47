import { describe, expect, it } from 'vitest';
import { samePageKey, urlProblem, withDefaultScheme } from '../../shared/urls';

describe('withDefaultScheme', () => {
  it.each([
    ['example.com', 'https://example.com'],
    ['  www.Example.com/pricing?x=1 ', 'https://www.Example.com/pricing?x=1'],
    ['example.com:8080', 'https://example.com:8080'],
    ['localhost:3000/a', 'https://localhost:3000/a'],
    ['http://example.com/', 'http://example.com/'],
    ['ftp://example.com/x', 'ftp://example.com/x'],
    ['not a url', 'not a url'],
    ['/pricing', '/pricing'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['user@example.com', 'user@example.com'],
  ])('reads %j as %j', (typed, url) => {
    expect(withDefaultScheme(typed)).toBe(url);
  });
});

describe('urlProblem', () => {
  it('says why a URL would be refused on its form, and accepts a bare host', () => {
    expect(urlProblem('example.com')).toBeNull();
    expect(urlProblem('not a url')).toBe('is not an absolute URL');
    expect(urlProblem('ftp://x')).toBe('is not an http(s) URL');
    expect(urlProblem('https://me:secret@example.com/')).toBe('must not contain credentials');
  });

  it('keys two spellings of one page alike', () => {
    expect(samePageKey('Example.com')).toBe(samePageKey('https://example.com:443/#top'));
    expect(samePageKey('example.com/a')).not.toBe(samePageKey('example.com/b'));
  });
});
