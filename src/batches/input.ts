import { UserError } from '../errors';

export interface BatchInput {
  name: string;
  urls: readonly string[];
  subjectUrl?: string | null;
}

export interface ValidBatch {
  name: string;
  urls: string[];
  subjectUrl: string | null;
}

const MAX_NAME_LENGTH = 200;
const MAX_URL_LENGTH = 2048;

/**
 * Lower-cases scheme and host, drops default ports and fragments (URL does that), keeps
 * path and query as given: two spellings of one page become one string.
 */
export function normaliseUrl(raw: string): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new UserError('BAD_USER_INPUT', `"${raw}" is not an absolute URL.`, { field: 'urls', value: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError('BAD_USER_INPUT', `"${raw}" is not an http(s) URL.`, { field: 'urls', value: raw });
  }
  if (url.username || url.password) {
    throw new UserError('BAD_USER_INPUT', `"${raw}" must not contain credentials.`, { field: 'urls', value: raw });
  }
  url.hash = '';
  if (url.href.length > MAX_URL_LENGTH) {
    throw new UserError('BAD_USER_INPUT', `"${raw.slice(0, 80)}…" is longer than ${MAX_URL_LENGTH} characters.`, {
      field: 'urls',
      value: raw,
    });
  }
  return url.href;
}

/** Checks everything before anything is written; the first problem is the error. */
export function validateBatchInput(input: BatchInput, maxUrls: number): ValidBatch {
  const name = input.name.trim();
  if (!name) throw new UserError('BAD_USER_INPUT', 'The batch needs a name.', { field: 'name' });
  if (name.length > MAX_NAME_LENGTH) {
    throw new UserError('BAD_USER_INPUT', `The name is longer than ${MAX_NAME_LENGTH} characters.`, { field: 'name' });
  }
  if (input.urls.length === 0) throw new UserError('BAD_USER_INPUT', 'Give at least one URL.', { field: 'urls' });
  if (input.urls.length > maxUrls) {
    throw new UserError('BAD_USER_INPUT', `Give at most ${maxUrls} URLs; got ${input.urls.length}.`, { field: 'urls' });
  }
  const seen = new Map<string, string>();
  for (const raw of input.urls) {
    const url = normaliseUrl(raw);
    const earlier = seen.get(url);
    if (earlier !== undefined) {
      throw new UserError('BAD_USER_INPUT', `"${raw}" is the same page as "${earlier}".`, { field: 'urls', value: raw });
    }
    seen.set(url, raw);
  }
  let subjectUrl: string | null = null;
  if (input.subjectUrl != null && input.subjectUrl.trim() !== '') {
    subjectUrl = normaliseUrl(input.subjectUrl);
    if (!seen.has(subjectUrl)) {
      throw new UserError('BAD_USER_INPUT', `The subject "${input.subjectUrl}" is not one of the URLs.`, {
        field: 'subjectUrl',
        value: input.subjectUrl,
      });
    }
  }
  return { name, urls: [...seen.keys()], subjectUrl };
}
