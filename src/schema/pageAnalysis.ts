import type {
  AiCrawlerAccess as AiCrawlerAccessShape,
  CheckResult as CheckResultShape,
  Heading as HeadingShape,
  OriginFindings as OriginFindingsShape,
} from '../analysis/types';
import { builder } from './builder';
import { CheckCategory, CheckOutcome } from './enums';

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

builder.prismaObject('PageAnalysis', {
  fields: (t) => ({
    finalUrl: t.exposeString('finalUrl', { description: 'After redirects.' }),
    httpStatus: t.exposeInt('httpStatus'),
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
    headings: t.field({ type: [Heading], resolve: (analysis) => analysis.headings as unknown as HeadingShape[] }),
    structuredDataTypes: t.exposeStringList('structuredDataTypes', {
      description: 'schema.org types found in JSON-LD, microdata or RDFa, e.g. FAQPage, Organization.',
    }),
    aiCrawlerAccess: t.field({
      type: [AiCrawlerAccess],
      resolve: (analysis) => analysis.aiCrawlerAccess as unknown as AiCrawlerAccessShape[],
    }),
    origin: t.field({
      type: OriginFindings,
      resolve: (analysis) => analysis.originFindings as unknown as OriginFindingsShape,
    }),
    seoScore: t.exposeInt('seoScore'),
    aeoScore: t.exposeInt('aeoScore'),
    technicalScore: t.exposeInt('technicalScore'),
    overallScore: t.exposeInt('overallScore'),
    checks: t.field({ type: [CheckResult], resolve: (analysis) => analysis.checks as unknown as CheckResultShape[] }),
  }),
});
