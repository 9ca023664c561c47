import { metaContent, type PageModel } from '../page/model';
import { findValues, isObject, type JsonValue } from '../page/structuredData';
import { fail, notApplicable, pass, plural, sample, truncate, warn, type Check } from './check';

const questionHeadingsCheck: Check = {
  id: 'question-headings',
  category: 'AEO',
  weight: 1,
  title: 'Question headings',
  added: 'question headings',
  howToFix: 'Phrase some headings as the questions your customers ask (e.g. "How long does delivery take?"), so answer engines can match them to questions.',
  evaluate(page) {
    const questions = page.questionSections;
    if (questions.length > 0) {
      return pass(`${plural(questions.length, 'heading')} ${questions.length === 1 ? 'asks a question' : 'ask questions'}, e.g. "${truncate(questions[0]!.heading)}".`);
    }
    if (page.headings.length === 0) return warn('The page has no headings, so none can match the questions people ask.');
    return warn(`None of the ${plural(page.headings.length, 'heading')} is phrased as a question; answer engines match questions to headings.`);
  },
};

/** Answer engines lift short, direct answers; ~60 words is a featured-snippet sized paragraph. */
const CONCISE_ANSWER_WORDS = 60;

function wordsIn(text: string): number {
  return text.trim() ? text.trim().split(/\s+/).length : 0;
}

const conciseAnswers: Check = {
  id: 'concise-answers',
  category: 'AEO',
  weight: 1,
  title: 'Concise answers',
  added: 'concise answers under its question headings',
  howToFix: 'Follow each question heading with a direct answer of at most 60 words, then go into detail.',
  evaluate(page) {
    const questions = page.questionSections;
    if (questions.length === 0) return notApplicable('The page has no question headings to answer.');
    const unanswered = questions.filter((section) => {
      const words = wordsIn(section.firstParagraph ?? '');
      return words === 0 || words > CONCISE_ANSWER_WORDS;
    });
    const describe = unanswered.map((section) => {
      const words = wordsIn(section.firstParagraph ?? '');
      return `"${truncate(section.heading, 50)}" (${words === 0 ? 'no paragraph follows' : `${words} words`})`;
    });
    if (unanswered.length === 0) {
      return pass(`All ${plural(questions.length, 'question heading')} are followed by a direct answer of at most ${CONCISE_ANSWER_WORDS} words.`);
    }
    const answered = questions.length - unanswered.length;
    const message = `${answered} of ${plural(questions.length, 'question heading')} are followed by a direct answer of at most ${CONCISE_ANSWER_WORDS} words; not: ${sample(describe)}.`;
    return answered > 0 ? warn(message) : fail(message);
  },
};

function siteHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

export const citations: Check = {
  id: 'citations',
  category: 'AEO',
  weight: 1.5,
  title: 'Citations',
  added: 'citations of other sites',
  howToFix: 'Link to at least two outside sources (studies, standards, official pages) from the main content to back up what the page says.',
  // GEO (Aggarwal et al., KDD 2024): citing sources raises visibility in generative answers.
  evaluate(page) {
    const ownHost = siteHost(new URL(page.url).hostname);
    const hosts = new Set<string>();
    for (const { inChrome, target } of page.anchors) {
      if (inChrome || !target || (target.protocol !== 'http:' && target.protocol !== 'https:')) continue;
      const host = siteHost(target.hostname);
      if (host !== ownHost) hosts.add(host);
    }
    const sources = [...hosts];
    if (sources.length >= 2) return pass(`The content links to ${plural(sources.length, 'outside source')}: ${sample(sources)}.`);
    if (sources.length === 1) return warn(`The content cites a single outside source (${sources[0]}); cite more to be quoted.`);
    return fail('The content links to no outside sources; answer engines prefer pages that cite their sources.');
  },
};

const STATISTIC =
  /[$€£¥]\s?\d[\d,.]*(?:\s?(?:k|m|bn|million|billion|trillion))?\b|\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b)|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\s?(?:thousand|million|billion|trillion)\b|\b\d+(?:\.\d+)?\s?(?:x|times)\b/gi;
const STATISTICS_COUNTED = 50;

export const statistics: Check = {
  id: 'statistics',
  category: 'AEO',
  weight: 1.5,
  title: 'Statistics',
  added: 'statistics',
  howToFix: 'Add at least three concrete figures to the text (percentages, prices, counts), with their sources.',
  evaluate({ text }) {
    const found: string[] = [];
    for (const match of text.matchAll(STATISTIC)) {
      found.push(match[0].trim());
      if (found.length >= STATISTICS_COUNTED) break;
    }
    const count = found.length >= STATISTICS_COUNTED ? `${STATISTICS_COUNTED}+` : String(found.length);
    if (found.length >= 3) return pass(`The text gives ${count} concrete figures, e.g. ${sample(found)}.`);
    if (found.length > 0) return warn(`The text gives only ${plural(found.length, 'concrete figure')} (${found.join(', ')}); add statistics.`);
    return fail('The text gives no concrete figures (percentages, amounts, counts); answer engines favour statistics.');
  },
};

const ATTRIBUTED_TEXT_QUOTE =
  /[“"«„][^”"»“]{15,400}[”"»“]\s*,?\s*(?:said|says|wrote|writes|explains|explained|notes|noted|told|according to)\b/i;

export const quotations: Check = {
  id: 'quotations',
  category: 'AEO',
  weight: 1.5,
  title: 'Quotations',
  added: 'attributed quotations',
  howToFix: 'Quote an expert or customer and say who said it, e.g. in a <blockquote> with a <cite>.',
  evaluate({ quotes, text }) {
    const attributed = quotes.filter((quote) => quote.attributed);
    if (attributed.length > 0) {
      return pass(`The page quotes ${plural(attributed.length, 'attributed source')}, e.g. "${truncate(attributed[0]!.text, 50)}".`);
    }
    const inText = ATTRIBUTED_TEXT_QUOTE.exec(text);
    if (inText) return pass(`The text quotes a named source: ${truncate(inText[0], 70)}.`);
    if (quotes.length > 0) return warn(`The page has ${plural(quotes.length, 'quotation')}, but none says who said it.`);
    return fail('The page quotes no one; attributed quotations from experts make answers cite you.');
  },
};

const DEPTH = { thin: 150, substantial: 300 };

const contentDepth: Check = {
  id: 'content-depth',
  category: 'AEO',
  weight: 1,
  title: 'Content depth',
  howToFix: 'Expand the page to at least 300 words in two or more sections with their own headings.',
  evaluate({ wordCount, headings }) {
    const subheadings = headings.filter((heading) => heading.level >= 2 && heading.level <= 3).length;
    if (wordCount < DEPTH.thin) return fail(`The page has only ${plural(wordCount, 'word')}; there is little to quote.`);
    if (wordCount < DEPTH.substantial) return warn(`The page has ${wordCount} words; ${DEPTH.substantial}+ covers a topic in depth.`);
    if (subheadings < 2) return warn(`${wordCount} words, but only ${plural(subheadings, 'subheading')}; split the text into sections.`);
    return pass(`${wordCount} words in ${subheadings} sections.`);
  },
};

const DATE_META = ['article:modified_time', 'og:updated_time', 'last-modified', 'article:published_time', 'date', 'dc.date'];
const DATE_KEYS = ['dateModified', 'datePublished', 'uploadDate'];
const DAY_MS = 24 * 60 * 60 * 1000;
const FRESH_DAYS = 365;

function pageDates(page: PageModel): number[] {
  const candidates: JsonValue[] = [
    ...DATE_KEYS.flatMap((key) => findValues(page.structuredData.items, key)),
    ...DATE_META.map((name) => metaContent(page, name)),
    ...page.times,
  ];
  return candidates
    .filter((value): value is string => typeof value === 'string')
    .map((value) => Date.parse(value))
    // A date far in the future is a template placeholder, not an update.
    .filter((time) => !Number.isNaN(time) && time <= page.analyzedAt + DAY_MS);
}

export const freshness: Check = {
  id: 'freshness',
  category: 'AEO',
  weight: 1,
  title: 'Freshness',
  added: 'a recent date',
  howToFix: 'Review the page at least once a year and show when: a visible <time> date and dateModified in its structured data.',
  evaluate(page) {
    const dates = pageDates(page);
    if (dates.length === 0) return fail('The page states no publication or update date (dateModified, article:modified_time, <time>).');
    const latest = Math.max(...dates);
    const days = Math.floor((page.analyzedAt - latest) / DAY_MS);
    const when = new Date(latest).toISOString().slice(0, 10);
    if (days <= FRESH_DAYS) return pass(`The page was last dated ${when} (${plural(Math.max(days, 0), 'day')} ago).`);
    return warn(`The newest date on the page is ${when}, ${Math.floor(days / 365)} year(s) ago; answer engines prefer fresh content.`);
  },
};

function authorNames(page: PageModel): string[] {
  const fromSchema = findValues(page.structuredData.items, 'author').flatMap((value) => (Array.isArray(value) ? value : [value]));
  const names = fromSchema.map((value) => (isObject(value) ? value.name : value)).filter((name): name is string => typeof name === 'string');
  const meta = metaContent(page, 'author');
  return [...names, ...(meta ? [meta] : []), ...page.authorHints].map((name) => name.trim()).filter(Boolean);
}

export const authorship: Check = {
  id: 'authorship',
  category: 'AEO',
  weight: 1,
  title: 'Authorship',
  added: 'an author',
  howToFix: 'Name the author: a byline on the page and an author in its structured data or a <meta name="author">.',
  evaluate(page) {
    const names = [...new Set(authorNames(page))];
    return names.length > 0
      ? pass(`The page names its author: ${sample(names.map((name) => truncate(name, 40)), 2)}.`)
      : fail('The page does not say who wrote it (no author in structured data, meta author or byline).');
  },
};

export const aeoContentChecks: readonly Check[] = [
  questionHeadingsCheck, conciseAnswers, citations, statistics, quotations, contentDepth, freshness, authorship,
];
