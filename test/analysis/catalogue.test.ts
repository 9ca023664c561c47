import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CHECKS } from '../../src/analysis/checks/catalogue';
import { TITLES } from '../../src/analysis/checks/titles';

it('documents every check with its category and weight in checks/README.md', () => {
  const readme = readFileSync(new URL('../../src/analysis/checks/README.md', import.meta.url), 'utf8');
  const documented = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (SEO|AEO|TECHNICAL) \| ([\d.]+) \|/gm)].map(
    ([, id, category, weight]) => ({ id, category, weight: Number(weight) }),
  );
  expect(documented).toEqual(CHECKS.map(({ id, category, weight }) => ({ id, category, weight })));
});

it('has unique check ids', () => {
  expect(new Set(CHECKS.map((check) => check.id)).size).toBe(CHECKS.length);
});

it('names every check, and only checks, in words an alert can use', () => {
  expect(Object.keys(TITLES).sort()).toEqual(CHECKS.map((check) => check.id).sort());
});
