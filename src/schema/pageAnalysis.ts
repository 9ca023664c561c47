import {
  describeCheck,
  MAX_REPORTED_LIST_ITEMS,
  MAX_REPORTED_TEXT,
  type AiCrawlerAccess as AiCrawlerAccessShape,
  type CheckResult as CheckResultShape,
  type Heading as HeadingShape,
  type OriginFindings as OriginFindingsShape,
} from '../analysis';
import { pageAnalysisJson } from '../batches/jsonColumns';
import { builder } from './builder';
import { CheckCategory, CheckOutcome } from './enums';

export const HOW_TO_FIX = 'What to change on the page, in one or two sentences a site owner can act on.';

export const Heading = builder.objectRef<HeadingShape>('Heading').implement({
  fields: (t) => ({
    level: t.exposeInt('level'),
    text: t.exposeString('text'),
  }),
});

export const CheckResult = builder.objectRef<CheckResultShape>('CheckResult').implement({
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Stable identifier, e.g. document-title, meta-description, faq-schema.' }),
    category: t.expose('category', { type: CheckCategory }),
    outcome: t.expose('outcome', { type: CheckOutcome }),
    weight: t.exposeFloat('weight'),
    message: t.exposeString('message', { description: 'What was found, in words a site owner understands.' }),
    title: t.string({ description: 'Plain-language name of the check.', resolve: (check) => describeCheck(check.id).title }),
    howToFix: t.string({ description: HOW_TO_FIX, resolve: (check) => describeCheck(check.id).howToFix }),
  }),
});

const AiCrawlerAccess = builder.objectRef<AiCrawlerAccessShape>('AiCrawlerAccess').implement({
  description: "What the origin's robots.txt says to one AI crawler.",
  fields: (t) => ({
    userAgent: t.exposeString('userAgent'),
    purpose: t.exposeString('purpose', {
      description: 'search: fetches pages to cite them in answers; training: collects data for models.',
    }),
    allowed: t.exposeBoolean('allowed'),
  }),
});

const OriginFindings = builder.objectRef<OriginFindingsShape>('OriginFindings').implement({
  description: "What was found of the page's origin: HTTP statuses are null where nothing was fetched.",
  fields: (t) => ({
    robotsTxtStatus: t.exposeInt('robotsTxtStatus', { nullable: true }),
    llmsTxtStatus: t.exposeInt('llmsTxtStatus', { nullable: true }),
    sitemapUrl: t.exposeString('sitemapUrl', { nullable: true }),
    sitemapStatus: t.exposeInt('sitemapStatus', { nullable: true }),
  }),
});

export const PageAnalysis = builder.prismaObject('PageAnalysis', {
  fields: (t) => ({
    finalUrl: t.exposeString('finalUrl', { description: 'After redirects.' }),
    httpStatus: t.exposeInt('httpStatus'),
    indexable: t.exposeBoolean('indexable', {
      description:
        'False for an error status (4xx/5xx), robots.txt blocking, noindex (robots meta, googlebot meta or X-Robots-Tag) or a canonical naming another URL.',
    }),
    excludedReason: t.exposeString('excludedReason', {
      nullable: true,
      description: 'Why the page is not indexable, in words (e.g. "Answers 404"); null when it is.',
    }),
    fetchMs: t.exposeInt('fetchMs'),
    timeToFirstByteMs: t.exposeInt('timeToFirstByteMs'),
    bytes: t.exposeInt('bytes'),
    charset: t.exposeString('charset', { description: 'The character set the HTML was decoded with.' }),
    redirectChain: t.exposeStringList('redirectChain', { description: 'URLs that redirected, in order, before finalUrl.' }),
    title: t.exposeString('title', { nullable: true }),
    metaDescription: t.exposeString('metaDescription', { nullable: true }),
    canonical: t.exposeString('canonical', { nullable: true }),
    lang: t.exposeString('lang', { nullable: true }),
    wordCount: t.exposeInt('wordCount'),
    headings: t.field({
      type: [Heading],
      description:
        `The page's first ${MAX_REPORTED_LIST_ITEMS} headings in document order, each text cut at ${MAX_REPORTED_TEXT} characters; ` +
        'headingCount counts them all, and the checks judge every heading of the page.',
      resolve: (analysis) => pageAnalysisJson.headings.read(analysis.headings, `target ${analysis.targetId}`),
    }),
    headingCount: t.exposeInt('headingCount', { description: 'How many headings (h1–h6) the page has.' }),
    structuredDataTypes: t.exposeStringList('structuredDataTypes', {
      description:
        `schema.org types found in JSON-LD, microdata or RDFa, e.g. FAQPage, Organization: the first ${MAX_REPORTED_LIST_ITEMS}; ` +
        'structuredDataTypeCount counts them all, and the checks judge every one.',
    }),
    structuredDataTypeCount: t.exposeInt('structuredDataTypeCount', {
      description: 'How many distinct schema.org types the page declares.',
    }),
    aiCrawlerAccess: t.field({
      type: [AiCrawlerAccess],
      resolve: (analysis) => pageAnalysisJson.aiCrawlerAccess.read(analysis.aiCrawlerAccess, `target ${analysis.targetId}`),
    }),
    origin: t.field({
      type: OriginFindings,
      resolve: (analysis) => pageAnalysisJson.originFindings.read(analysis.originFindings, `target ${analysis.targetId}`),
    }),
    seoScore: t.exposeInt('seoScore'),
    aeoScore: t.exposeInt('aeoScore'),
    technicalScore: t.exposeInt('technicalScore'),
    overallScore: t.exposeInt('overallScore'),
    checks: t.field({
      type: [CheckResult],
      resolve: (analysis) => pageAnalysisJson.checks.read(analysis.checks, `target ${analysis.targetId}`),
    }),
  }),
});
