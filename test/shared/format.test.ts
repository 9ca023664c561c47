import { describe, expect, it } from 'vitest';
import { defaultBatchName, formatBytes, issueReach, shortUrl } from '../../shared/format';

// The web client, the CLI and the analysis's check messages share these strings: one screen can show all three.
describe('formatBytes', () => {
  it('reads bytes, whole kilobytes and megabytes to one decimal', () => {
    expect([512, 20_000, 800 * 1024, 2.5 * 1024 * 1024, 1024 * 1024].map(formatBytes)).toEqual([
      '512 bytes',
      '20 KB',
      '800 KB',
      '2.5 MB',
      '1 MB',
    ]);
  });
});

describe('shortUrl', () => {
  it('drops the scheme and the root path, and keeps any other trailing slash', () => {
    expect(shortUrl('https://a.test/')).toBe('a.test');
    expect(shortUrl('https://a.test/?q=1')).toBe('a.test?q=1');
    expect(shortUrl('https://a.test/blog')).toBe('a.test/blog');
    expect(shortUrl('https://a.test/blog/')).toBe('a.test/blog/');
    expect(shortUrl('not a url')).toBe('not a url');
  });
});

describe('defaultBatchName', () => {
  it("names a batch after the subject's host and how many competitors it has, on one short line", () => {
    const urls = Array.from({ length: 10 }, (_, i) => `http://127.0.0.1:44239/about?c=${i}`);
    expect(defaultBatchName(urls, urls[0])).toBe('127.0.0.1:44239 vs 9 competitors');
    expect(defaultBatchName(['https://a.test/', 'https://www.b.test/x/'], 'https://www.b.test/x/')).toBe('b.test vs 1 competitor');
  });

  it('names a batch without a subject after its first site and the number of others', () => {
    expect(defaultBatchName(['https://a.test/', 'https://b.test/x/', 'https://c.test/'])).toBe('a.test vs 2 other sites');
    expect(defaultBatchName(['https://a.test/page'])).toBe('a.test');
  });
});

describe('issueReach', () => {
  it('says how many of the applicable pages fail and warn, leaving out a count of none', () => {
    expect(issueReach({ failingPages: 7, warningPages: 2, applicablePages: 25 })).toBe('7 failing, 2 warning of 25');
    expect(issueReach({ failingPages: 0, warningPages: 3, applicablePages: 4 })).toBe('3 warning of 4');
    expect(issueReach({ failingPages: 1, warningPages: 0, applicablePages: 1 })).toBe('1 failing of 1');
  });
});
