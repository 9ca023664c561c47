import { describe, expect, it } from 'vitest';
import { looksLikeHtml, normalizePageUrl, sameSite } from '../../src/analysis';

describe('normalizePageUrl', () => {
  it.each<[string, string | undefined, string | null]>([
    ['HTTPS://Example.COM:443/Path/Page?b=2&a=1#section', undefined, 'https://example.com/Path/Page?a=1&b=2'],
    ['http://example.com:80/', undefined, 'http://example.com/'],
    ['http://example.com:8080/a', undefined, 'http://example.com:8080/a'],
    ['https://example.com/a/', undefined, 'https://example.com/a/'],
    ['https://example.com/a', undefined, 'https://example.com/a'],
    ['https://example.com/?', undefined, 'https://example.com/'],
    ['https://example.com/?#top', undefined, 'https://example.com/'],
    ['https://example.com/p?utm_source=x&utm_medium=y&UTM_Campaign=z', undefined, 'https://example.com/p'],
    ['https://example.com/p?id=7&gclid=1&fbclid=2&msclkid=3&dclid=4&yclid=5&mc_cid=6&mc_eid=7&_ga=8', undefined, 'https://example.com/p?id=7'],
    // Only whole names are tracking parameters.
    ['https://example.com/p?utm=1&my_gclid=2', undefined, 'https://example.com/p?my_gclid=2&utm=1'],
    // Repeated names keep their order; values keep their spelling; a bare flag stays bare.
    ['https://example.com/p?z=1&a=2&a=1&q=a%2Fb+c&flag', undefined, 'https://example.com/p?a=2&a=1&flag&q=a%2Fb+c&z=1'],
    ['https://example.com/p?a=1&&b=2&', undefined, 'https://example.com/p?a=1&b=2'],
    ['../c/d?utm_source=x#f', 'https://example.com/a/b/page', 'https://example.com/a/c/d'],
    ['/x', 'http://127.0.0.1:5173/y', 'http://127.0.0.1:5173/x'],
    ['//cdn.example.com/p', 'https://example.com/', 'https://cdn.example.com/p'],
    ['mailto:someone@example.com', undefined, null],
    ['javascript:void(0)', undefined, null],
    ['ftp://example.com/file', undefined, null],
    ['tel:+123', 'https://example.com/', null],
    ['/relative/without/base', undefined, null],
    ['https://user:pass@example.com/', undefined, null],
    ['not a url', undefined, null],
  ])('%s (base %s) is %s', (url, base, expected) => {
    expect(normalizePageUrl(url, base)).toBe(expected);
  });
});

describe('sameSite', () => {
  it.each<[string, string, boolean]>([
    ['https://example.com/', 'https://example.com/about', true],
    ['https://example.com/', 'http://example.com/about', true],
    ['https://example.com/', 'https://www.example.com/about', true],
    ['https://www.example.com/', 'https://example.com/', true],
    ['https://WWW.Example.com./', 'https://example.com/', true],
    ['https://example.com/', 'https://blog.example.com/', false],
    ['https://blog.example.com/', 'https://www.blog.example.com/', false],
    ['https://blog.example.com/', 'https://example.com/', false],
    ['https://example.com/', 'https://example.com:8443/', false],
    ['https://example.com/', 'https://example.org/', false],
    ['https://www.example.co.uk/', 'https://example.co.uk/x', true],
    // Private suffixes: two GitHub Pages sites are two sites.
    ['https://a.github.io/', 'https://b.github.io/', false],
    ['https://a.github.io/', 'https://www.a.github.io/', true],
    ['http://127.0.0.1:4000/', 'http://127.0.0.1:4000/page', true],
    ['http://127.0.0.1:4000/', 'http://127.0.0.1:4001/page', false],
    ['http://127.0.0.1:4000/', 'http://www.127.0.0.1:4000/', false],
    ['http://[::1]:4000/', 'http://[::1]:4000/x', true],
    ['http://localhost:3000/', 'http://localhost:3000/a', true],
    ['http://localhost:3000/', 'http://www.localhost:3000/a', false],
    ['https://example.com/', 'mailto:a@example.com', false],
    ['https://example.com/', 'not a url', false],
  ])('from %s, %s is on the site: %s', (entry, url, expected) => {
    expect(sameSite(entry)(url)).toBe(expected);
  });
});

describe('looksLikeHtml', () => {
  it.each<[string, boolean]>([
    ['https://example.com/', true],
    ['https://example.com/about', true],
    ['https://example.com/page.html', true],
    ['https://example.com/index.php?id=3', true],
    ['https://example.com/v1.2/notes', true],
    ['https://example.com/report.PDF', false],
    ['https://example.com/photo.jpg?w=200', false],
    ['https://example.com/a.png#x', false],
    ['https://example.com/style.css', false],
    ['https://example.com/app.js', false],
    ['https://example.com/data.json', false],
    ['https://example.com/sitemap.xml', false],
    ['https://example.com/archive.tar.gz', false],
    ['https://example.com/clip.mp4', false],
    ['https://example.com/letter.docx', false],
    ['https://example.com/font.woff2', false],
    ['https://example.com/download.pdf/', true],
    ['/relative/file.zip', false],
  ])('%s: %s', (url, expected) => {
    expect(looksLikeHtml(url)).toBe(expected);
  });
});
