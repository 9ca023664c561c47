import { z } from 'zod';
import { column } from '../../batches/jsonColumns';
import type { AnswerAnalysis, BrandSpec, VisibilityInsight, VisibilityScores } from '../../visibility';

/*
 * The JSON columns of a visibility audit and its answers, each read through its zod schema (a
 * value not of that shape is refused, never passed on) and written from its type.
 */

const rate = z.number().min(0).max(1);

/** The project's brands as the audit copied them, own brand first. */
export const auditBrands = column<BrandSpec[]>(
  'VisibilityAudit.brands',
  z.array(z.object({ name: z.string(), aliases: z.array(z.string()), domains: z.array(z.string()) })).min(1),
);

const engineVisibility = z.object({
  engine: z.string(),
  mentionRate: rate,
  mentionRateLow: rate,
  mentionRateHigh: rate,
  shareOfVoice: rate,
  citationShare: rate,
});

export const auditScores = column<VisibilityScores>(
  'VisibilityAudit.scores',
  z.object({
    brands: z.array(
      z.object({
        brand: z.string(),
        isSubject: z.boolean(),
        mentionRate: rate,
        mentionRateLow: rate,
        mentionRateHigh: rate,
        shareOfVoice: rate,
        citationShare: rate,
        averagePosition: z.number().min(1).nullable(),
        sentiment: z.number().min(-1).max(1).nullable(),
        recommendationRate: rate,
        byEngine: z.array(engineVisibility),
      }),
    ),
    promptResults: z.array(z.object({ prompt: z.string(), named: z.array(z.string()), subjectMentionRate: rate, lost: z.boolean() })),
    citedDomains: z.array(z.object({ domain: z.string(), citations: z.int().min(0), share: rate, brand: z.string().nullable() })),
  }),
);

export const auditInsights = column<VisibilityInsight[]>(
  'VisibilityAudit.insights',
  z.array(z.object({ title: z.string(), body: z.string(), severity: z.enum(['INFO', 'OPPORTUNITY', 'CRITICAL']), source: z.string() })),
);

const span = z.object({ start: z.int().min(0), end: z.int().min(0) });

/** One answer's analysis; `source` says what judged sentiment and recommendation. */
export const answerMentions = column<AnswerAnalysis>(
  'VisibilityAnswer.mentions',
  z.object({
    mentions: z.array(
      z.object({
        brand: z.string(),
        position: z.int().min(1),
        context: z.string(),
        sentiment: z.enum(['POSITIVE', 'NEUTRAL', 'NEGATIVE']),
        sentimentScore: z.number().min(-1).max(1),
        recommended: z.boolean(),
        spans: z.array(span),
        source: z.string(),
      }),
    ),
    citations: z.array(z.object({ url: z.string(), domain: z.string(), brand: z.string().nullable() })),
  }),
);
