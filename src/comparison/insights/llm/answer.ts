import { z } from 'zod';
import { LlmError, type TokenUsage } from './options';

const completionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable() }) }))
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).partial().optional().catch(undefined),
});


const insightsSchema = z.object({
  insights: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(200),
        body: z.string().trim().min(1).max(2000),
        severity: z.enum(['INFO', 'OPPORTUNITY', 'CRITICAL']),
      }),
    )
    .min(1)
    .max(20),
});

export type ModelInsight = z.infer<typeof insightsSchema>['insights'][number];

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new LlmError(`${what} is not JSON: ${text.slice(0, 200)}`);
  }
}

/** Some compatible servers wrap JSON in a Markdown code fence even when asked for a JSON object. */
function withoutCodeFence(content: string): string {
  return content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
}

/** The insights in a chat-completions response body, or an LlmError saying what is wrong with it. */
export function parseAnswer(responseBody: string): { insights: ModelInsight[]; usage: TokenUsage | null } {
  const completion = completionSchema.safeParse(parseJson(responseBody, 'the response'));
  if (!completion.success) throw new LlmError(`the response is not a chat completion: ${describe(completion.error)}`);
  const content = completion.data.choices[0]?.message.content;
  if (!content) throw new LlmError('the model answered without content');
  const insights = insightsSchema.safeParse(parseJson(withoutCodeFence(content), "the model's answer"));
  if (!insights.success) throw new LlmError(`the model's answer has no valid insights: ${describe(insights.error)}`);
  const usage = completion.data.usage;
  return {
    insights: insights.data.insights,
    usage: usage ? { prompt: usage.prompt_tokens ?? 0, completion: usage.completion_tokens ?? 0 } : null,
  };
}
