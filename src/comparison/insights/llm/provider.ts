import type { Insight, InsightProvider } from '../../types';
import { parseAnswer } from './answer';
import { postChatCompletion } from './chatCompletions';
import type { LlmOptions } from './options';
import { summarize } from './summary';

export const INSTRUCTIONS = [
  'You are an analyst of search engine optimisation (SEO) and answer engine optimisation (AEO).',
  'The user message is a JSON summary of a competitive comparison of web pages: the ranking with scores from 0 to 100',
  '(a page search engines do not index, "indexable": false, ranks below every indexable one and is no example to follow),',
  'for every check how many indexable sites pass, warn and fail it (and what the subject got), the gaps of the subject',
  '(checks it fails or only warns on that competitors pass, each with estimatedGain: the points of overall score passing it',
  'would add, most first), and the sites that could not be analysed.',
  'When "compares" is "sites", each entry is a whole site crawled page by page: scores are means over its indexable pages,',
  '"indexable" is its entry page\'s, a site passes a check only on every page, and pagesAffected counts its pages that fail or warn.',
  'The reader already sees every gap listed with its finding and how to fix it: do not write an insight per gap.',
  'The subject is the site owner\'s own site; when "subject" is null, write about the field as a whole.',
  'Write 3 to 10 insights the site owner can act on, most important first; each says one thing, with its evidence.',
  'Cite the numbers and site names of the summary exactly, and state nothing the summary does not support.',
  'Severity: CRITICAL for what most urgently costs visibility, OPPORTUNITY for improvements worth making, INFO for context.',
  'Answer with one JSON object and nothing else, of this form:',
  '{"insights":[{"title":"at most 120 characters","body":"at most 600 characters","severity":"INFO|OPPORTUNITY|CRITICAL"}]}',
].join('\n');

/** Insights written by a model behind an OpenAI-compatible chat-completions endpoint; source = the model. */
export function createLlmInsights(options: LlmOptions): InsightProvider {
  return {
    name: options.model,
    async write(input): Promise<Insight[]> {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const responseBody = await postChatCompletion(options, {
          messages: [
            { role: 'system', content: INSTRUCTIONS },
            { role: 'user', content: JSON.stringify(summarize(input)) },
          ],
          response_format: { type: 'json_object' },
        });
        const { insights, usage } = parseAnswer(responseBody);
        options.observe?.({ seconds: seconds(), ok: true, usage });
        return insights.map((insight) => ({ ...insight, source: options.model }));
      } catch (error) {
        options.observe?.({ seconds: seconds(), ok: false, usage: null });
        throw error;
      }
    },
  };
}
