import { metaContent } from '../page/model';
import { fail, notApplicable, pass, plural, sample, truncate, warn, type Check } from './check';

const documentTitle: Check = {
  id: 'document-title',
  category: 'SEO',
  weight: 2,
  title: 'Page title',
  added: 'a page title',
  howToFix: 'Add a <title> in the head that names the page and what it offers.',
  evaluate: ({ title }) =>
    title ? pass(`The page has a title: "${truncate(title, 80)}".`) : fail('The page has no <title>, or it is empty.'),
};

export const metaDescription: Check = {
  id: 'meta-description',
  category: 'SEO',
  weight: 1,
  title: 'Meta description',
  added: 'a meta description',
  howToFix: 'Add <meta name="description" content="…"> in the head: a sentence or two that sums up the page; search results show it under the title.',
  evaluate: ({ metaDescription: description, metas }) => {
    if (description === null) {
      const inBody = metas.some((meta) => meta.byName && meta.name === 'description' && meta.source === 'body');
      return fail(
        inBody
          ? 'The meta description is in the body, not the head: an element or text that may not stand in the head (a stray <img> or <iframe>, text) comes before it and starts the body, so it is ignored.'
          : 'The page has no meta description.',
      );
    }
    if (!description) return fail('The meta description is empty.');
    return pass(`The page has a meta description (${description.length} characters).`);
  },
};

/** Google shows roughly 50–60 characters of a title before cutting it. */
const TITLE_LENGTH = { min: 10, max: 60 };
/** Google shows roughly 150–160 characters of a description. */
const DESCRIPTION_LENGTH = { min: 50, max: 160 };

function lengthVerdict(what: string, text: string | null, range: { min: number; max: number }) {
  if (!text) return notApplicable(`There is no ${what} to measure.`);
  const length = [...text].length;
  if (length < range.min) return warn(`The ${what} is short (${length} characters); aim for ${range.min}–${range.max}.`);
  if (length > range.max) {
    return warn(`The ${what} is ${length} characters long; search results cut it after about ${range.max}.`);
  }
  return pass(`The ${what} is ${length} characters long, within ${range.min}–${range.max}.`);
}

const titleLength: Check = {
  id: 'title-length',
  category: 'SEO',
  weight: 0.5,
  title: 'Title length',
  howToFix: 'Write a title of 10 to 60 characters so search results show it whole.',
  evaluate: ({ title }) => lengthVerdict('title', title, TITLE_LENGTH),
};

const descriptionLength: Check = {
  id: 'description-length',
  category: 'SEO',
  weight: 0.5,
  title: 'Description length',
  howToFix: 'Write a meta description of 50 to 160 characters: long enough to say what the page offers, short enough not to be cut off.',
  evaluate: ({ metaDescription: description }) => lengthVerdict('meta description', description, DESCRIPTION_LENGTH),
};

const htmlHasLang: Check = {
  id: 'html-has-lang',
  category: 'SEO',
  weight: 0.5,
  title: 'Page language',
  added: 'the page language',
  howToFix: 'Declare the page language on the html element, e.g. <html lang="en">.',
  evaluate: ({ lang }) =>
    lang ? pass(`The page declares its language: ${lang}.`) : fail('The <html> element has no lang attribute.'),
};

export const viewport: Check = {
  id: 'viewport',
  category: 'SEO',
  weight: 1,
  title: 'Mobile viewport',
  added: 'a mobile viewport',
  howToFix: 'Add <meta name="viewport" content="width=device-width, initial-scale=1"> in the head so phones show the page at their width.',
  // Lighthouse's rule: a viewport meta tag with width or initial-scale.
  evaluate(page) {
    const content = metaContent(page, 'viewport');
    if (content === null) return fail('The page has no <meta name="viewport">; it will not fit mobile screens.');
    const properties = new Set(
      content.split(/[,;]/).map((property) => property.split('=')[0]!.trim().toLowerCase()),
    );
    if (!properties.has('width') && !properties.has('initial-scale')) {
      return fail(`The viewport meta tag sets neither width nor initial-scale: "${content}".`);
    }
    return pass(`The page has a mobile viewport: "${content}".`);
  },
};

const singleH1: Check = {
  id: 'single-h1',
  category: 'SEO',
  weight: 0.5,
  title: 'Single H1',
  howToFix: 'Give the page exactly one <h1> that says what the page is about; make other top headings <h2>.',
  evaluate: ({ headings }) => {
    const count = headings.filter((heading) => heading.level === 1).length;
    if (count === 1) return pass('The page has exactly one <h1>.');
    if (count === 0) return fail('The page has no <h1>.');
    return warn(`The page has ${count} <h1> elements; one main heading is clearer.`);
  },
};

const headingOrder: Check = {
  id: 'heading-order',
  category: 'SEO',
  weight: 0.5,
  title: 'Heading order',
  howToFix: 'Use heading levels in order without skipping one going down (an <h2> before any <h3>, an <h3> before any <h4>).',
  evaluate: ({ headings }) => {
    if (headings.length === 0) return notApplicable('The page has no headings.');
    const skips: string[] = [];
    for (let index = 1; index < headings.length; index++) {
      const previous = headings[index - 1]!;
      const current = headings[index]!;
      if (current.level > previous.level + 1) {
        skips.push(`h${previous.level} → h${current.level} ("${truncate(current.text, 40)}")`);
      }
    }
    return skips.length === 0
      ? pass(`The ${plural(headings.length, 'heading')} descend one level at a time.`)
      : warn(`Heading levels are skipped ${skips.length === 1 ? 'once' : `${skips.length} times`}: ${sample(skips)}.`);
  },
};

const OPEN_GRAPH_TAGS = ['og:title', 'og:description', 'og:image'];

const openGraph: Check = {
  id: 'open-graph',
  category: 'SEO',
  weight: 0.5,
  title: 'Open Graph tags',
  added: 'Open Graph tags',
  howToFix: 'Add og:title, og:description and og:image meta tags so links to the page show a title, summary and picture when shared.',
  evaluate(page) {
    const missing = OPEN_GRAPH_TAGS.filter((tag) => !metaContent(page, tag)?.trim());
    if (missing.length === 0) return pass('The page has og:title, og:description and og:image for link previews.');
    if (missing.length === OPEN_GRAPH_TAGS.length) return fail('The page has no Open Graph tags; shared links get no preview.');
    return warn(`Open Graph is incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`);
  },
};

export const seoContentChecks: readonly Check[] = [
  documentTitle, metaDescription, titleLength, descriptionLength, htmlHasLang, viewport, singleH1, headingOrder, openGraph,
];
