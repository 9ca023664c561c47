import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CHECKS, ORIGIN_LEVEL_CHECK_IDS } from '../../src/analysis/checks/catalogue';

const readme = readFileSync(new URL('../../src/analysis/checks/README.md', import.meta.url), 'utf8');

it('documents every check with its category and weight in checks/README.md', () => {
  const documented = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (SEO|AEO|TECHNICAL) \| ([\d.]+) \|/gm)].map(
    ([, id, category, weight]) => ({ id, category, weight: Number(weight) }),
  );
  expect(documented).toEqual(CHECKS.map(({ id, category, weight }) => ({ id, category, weight })));
});

it('has unique check ids', () => {
  expect(new Set(CHECKS.map((check) => check.id)).size).toBe(CHECKS.length);
});

it('lists every check with its title and how to fix it in checks/README.md, as the checks say them', () => {
  const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \| ([^|]+) \|$/gm)].map(([, id, title, howToFix]) => ({
    id,
    title,
    // The table escapes "<" so that "<title>" shows as text.
    howToFix: howToFix!.replaceAll('&lt;', '<'),
  }));
  expect(listed).toEqual(CHECKS.map(({ id, title, howToFix }) => ({ id, title, howToFix })));
});

it('gives every check a title and an instruction a site owner can read', () => {
  for (const check of CHECKS) {
    expect(check.title, check.id).not.toBe(check.id);
    // A name, not a sentence.
    expect(check.title, check.id).toMatch(/^[A-Za-z].*[^.]$/);
    // One or two whole sentences.
    expect(check.howToFix, check.id).toMatch(/^[A-Z][^]*\.$/);
    expect(check.howToFix.split(/\.\s+[A-Z]/).length, check.id).toBeLessThanOrEqual(2);
  }
});

it('names the origin-level checks in checks/README.md', () => {
  const sentence = /Origin-level checks[^]*?\(`originLevel`/.exec(readme)?.[0] ?? '';
  const named = [...sentence.matchAll(/`([a-z0-9-]+)`/g)].map(([, id]) => id);
  expect(named.sort()).toEqual([...ORIGIN_LEVEL_CHECK_IDS].sort());
  expect(named.length).toBeGreaterThan(0);
});
