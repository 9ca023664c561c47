import { RemoteApiError } from '../../remoteApi';

/** What an engine's response yields before links in the text are added. */
export interface ParsedAnswer {
  text: string;
  /** Source URLs from the protocol's own fields, in the order given. */
  sources: string[];
  model: string | null;
  tokens: number | null;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Message content as a string, or as parts ([{type: "text", text}]) some compatible servers send. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((part) => (isObject(part) ? (asString(part.text) ?? '') : ''))
    .join('');
}

/**
 * URLs of `url_citation` annotations, as chat completions nests them
 * ({type, url_citation: {url}}) and as the Responses API writes them flat ({type, url}).
 */
function annotationUrls(annotations: unknown): string[] {
  return asArray(annotations).flatMap((annotation) => {
    if (!isObject(annotation) || annotation.type !== 'url_citation') return [];
    const url = (isObject(annotation.url_citation) ? asString(annotation.url_citation.url) : null) ?? asString(annotation.url);
    return url ? [url] : [];
  });
}

/**
 * Reads a chat-completions response: the first choice's message, its annotations, and for
 * Perplexity the top-level `citations` (URLs) and `search_results` ({url, title}).
 */
export function parseChatCompletion(body: string, kind: 'openai-chat' | 'perplexity'): ParsedAnswer {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new RemoteApiError('INVALID_JSON', `the response is not JSON: ${(error as Error).message}`, false);
  }
  if (!isObject(json)) throw new RemoteApiError('INVALID_RESPONSE', 'the response is not a JSON object', false);
  const choice = asArray(json.choices)[0];
  const message = isObject(choice) && isObject(choice.message) ? choice.message : null;
  if (!message) throw new RemoteApiError('INVALID_RESPONSE', 'the response has no choices[0].message', false);
  const text = contentText(message.content).trim();
  if (text === '') throw new RemoteApiError('EMPTY_ANSWER', 'the engine answered with no text', false);
  const sources = annotationUrls(message.annotations);
  if (kind === 'perplexity') {
    sources.push(...asArray(json.citations).flatMap((url) => (asString(url) ? [url as string] : [])));
    sources.push(...asArray(json.search_results).flatMap((result) => (isObject(result) && asString(result.url) ? [result.url as string] : [])));
  }
  const usage = isObject(json.usage) ? json.usage : null;
  const total = usage && typeof usage.total_tokens === 'number' ? usage.total_tokens : null;
  return { text, sources, model: asString(json.model), tokens: total };
}
