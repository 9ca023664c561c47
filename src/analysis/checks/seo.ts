import type { Check } from './check';

export const httpStatusCode: Check = {
  id: 'http-status-code',
  category: 'SEO',
  weight: 1,
  // Lighthouse fails 4xx and 5xx; redirects were already followed.
  evaluate: ({ status }) =>
    status >= 400
      ? { outcome: 'FAIL', message: `The page answered HTTP ${status}; search engines may not index it.` }
      : { outcome: 'PASS', message: `The page answered HTTP ${status}.` },
};

export const documentTitle: Check = {
  id: 'document-title',
  category: 'SEO',
  weight: 1,
  evaluate: ({ title }) =>
    title
      ? { outcome: 'PASS', message: `The page has a title: "${title}".` }
      : { outcome: 'FAIL', message: 'The page has no <title>, or it is empty.' },
};

export const metaDescription: Check = {
  id: 'meta-description',
  category: 'SEO',
  weight: 1,
  evaluate: ({ metaDescription }) => {
    if (metaDescription === null) return { outcome: 'FAIL', message: 'The page has no meta description.' };
    if (!metaDescription) return { outcome: 'FAIL', message: 'The meta description is empty.' };
    return { outcome: 'PASS', message: `The page has a meta description (${metaDescription.length} characters).` };
  },
};

export const htmlHasLang: Check = {
  id: 'html-has-lang',
  category: 'SEO',
  weight: 0.5,
  evaluate: ({ lang }) =>
    lang
      ? { outcome: 'PASS', message: `The page declares its language: ${lang}.` }
      : { outcome: 'FAIL', message: 'The <html> element has no lang attribute.' },
};

export const singleH1: Check = {
  id: 'single-h1',
  category: 'SEO',
  weight: 0.5,
  evaluate: ({ headings }) => {
    const count = headings.filter((heading) => heading.level === 1).length;
    if (count === 1) return { outcome: 'PASS', message: 'The page has exactly one <h1>.' };
    if (count === 0) return { outcome: 'FAIL', message: 'The page has no <h1>.' };
    return { outcome: 'WARN', message: `The page has ${count} <h1> elements; one is clearer.` };
  },
};

export const seoChecks: readonly Check[] = [httpStatusCode, documentTitle, metaDescription, htmlHasLang, singleH1];
