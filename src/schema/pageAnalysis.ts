import type { CheckResult as CheckResultShape, Heading as HeadingShape } from '../analysis/types';
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

builder.prismaObject('PageAnalysis', {
  fields: (t) => ({
    finalUrl: t.exposeString('finalUrl', { description: 'After redirects.' }),
    httpStatus: t.exposeInt('httpStatus'),
    fetchMs: t.exposeInt('fetchMs'),
    bytes: t.exposeInt('bytes'),
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
    seoScore: t.exposeInt('seoScore'),
    aeoScore: t.exposeInt('aeoScore'),
    technicalScore: t.exposeInt('technicalScore'),
    overallScore: t.exposeInt('overallScore'),
    checks: t.field({ type: [CheckResult], resolve: (analysis) => analysis.checks as unknown as CheckResultShape[] }),
  }),
});
