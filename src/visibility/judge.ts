import { z } from 'zod';
import { askInsightModel, type InsightModel } from './insightModel';
import type { Sentiment } from './lexicon';
import type { AnswerAnalysis } from './mentions';

/** Mentions judged per request: enough to save requests, few enough that a model keeps count. */
const PER_REQUEST = 40;

const SCORE: Record<Sentiment, number> = { POSITIVE: 1, NEUTRAL: 0, NEGATIVE: -1 };

const judgements = z.object({
  judgements: z.array(z.object({ i: z.int(), sentiment: z.enum(['POSITIVE', 'NEUTRAL', 'NEGATIVE']), recommended: z.boolean() })),
});

function request(items: readonly { brand: string; context: string }[]): string {
  return [
    'Judge how each numbered sentence speaks of the brand in brackets: its sentiment, and whether it recommends that brand.',
    'Answer with JSON only: {"judgements": [{"i": <number>, "sentiment": "POSITIVE" | "NEUTRAL" | "NEGATIVE", "recommended": true | false}]}, one per sentence, in order.',
    ...items.map((item, index) => `${index}. [${item.brand}] ${item.context.replace(/\s+/g, ' ')}`),
  ].join('\n');
}

/**
 * Has the insight model judge the sentiment and recommendation of every mention in the
 * analyses, PER_REQUEST mentions a request, in place: a judged mention's `source` becomes the
 * model's name and its score 1, 0 or -1. Where a request fails or its answer does not judge
 * every mention it was given, those mentions keep the lexicon's judgement (source LEXICON).
 * Returns the number of requests that failed, and the first failure's reason.
 */
export async function judgeMentions(model: InsightModel, analyses: readonly AnswerAnalysis[], signal?: AbortSignal): Promise<{ failed: number; reason: string | null }> {
  const mentions = analyses.flatMap((analysis) => analysis.mentions);
  let failed = 0;
  let reason: string | null = null;
  for (let start = 0; start < mentions.length; start += PER_REQUEST) {
    const chunk = mentions.slice(start, start + PER_REQUEST);
    try {
      const parsed = judgements.parse(JSON.parse(await askInsightModel(model, request(chunk), { json: true, signal }))).judgements;
      if (parsed.length !== chunk.length || parsed.some((judgement, index) => judgement.i !== index)) throw new Error('the answer does not judge every sentence in order');
      chunk.forEach((mention, index) => {
        const judgement = parsed[index]!;
        Object.assign(mention, { sentiment: judgement.sentiment, sentimentScore: SCORE[judgement.sentiment], recommended: judgement.recommended, source: model.model });
      });
    } catch (error) {
      signal?.throwIfAborted();
      failed++;
      reason ??= error instanceof Error ? error.message : String(error);
    }
  }
  return { failed, reason };
}
