import { urlProblem, withDefaultScheme } from '#shared/urls';
import { portRefusalReason, sameSite as inSiteOf } from '../analysis';
import { quoted, UserError } from '../errors';

export interface BatchInput {
  name: string;
  urls: readonly string[];
  subjectUrl?: string | null;
  maxPagesPerSite?: number | null;
}

export interface ValidBatch {
  name: string;
  urls: string[];
  subjectUrl: string | null;
  maxPagesPerSite: number;
}

export interface BatchInputRules {
  maxUrls: number;
  maxPagesPerSite: number;
}

const MAX_NAME_LENGTH = 200;
const MAX_URL_LENGTH = 2048;

/**
 * Reads a bare host (`example.com`) as https, lower-cases scheme and host, drops default ports
 * and fragments (URL does that), keeps path and query as given: two spellings of one page
 * become one string.
 */
export function normaliseUrl(raw: string): string {
  const invalid = (problem: string) =>
    new UserError('BAD_USER_INPUT', `"${quoted(raw)}" ${problem}.`, { field: 'urls', value: quoted(raw) });
  const problem = urlProblem(raw);
  if (problem) throw invalid(problem);
  const url = new URL(withDefaultScheme(raw));
  const badPort = portRefusalReason(url);
  if (badPort) throw invalid(`is refused: ${badPort}`);
  url.hash = '';
  if (url.href.length > MAX_URL_LENGTH) throw invalid(`is longer than ${MAX_URL_LENGTH} characters`);
  return url.href;
}

/**
 * Checks everything before anything is written; the first problem is the error. A batch that
 * crawls (maxPagesPerSite above 1) compares sites, so two URLs of one site are refused as the
 * same site rather than crawled twice.
 */
export function validateBatchInput(input: BatchInput, { maxUrls, maxPagesPerSite: maxPages }: BatchInputRules): ValidBatch {
  const name = input.name.trim();
  if (!name) throw new UserError('BAD_USER_INPUT', 'The batch needs a name.', { field: 'name' });
  // PostgreSQL text cannot hold NUL, and no name needs control characters.
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw new UserError('BAD_USER_INPUT', 'The name must not contain control characters.', { field: 'name' });
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new UserError('BAD_USER_INPUT', `The name is longer than ${MAX_NAME_LENGTH} characters.`, { field: 'name' });
  }
  if (input.urls.length === 0) throw new UserError('BAD_USER_INPUT', 'Give at least one URL.', { field: 'urls' });
  if (input.urls.length > maxUrls) {
    throw new UserError('BAD_USER_INPUT', `Give at most ${maxUrls} URLs; got ${input.urls.length}.`, { field: 'urls' });
  }
  const maxPagesPerSite = input.maxPagesPerSite ?? 1;
  if (!Number.isInteger(maxPagesPerSite) || maxPagesPerSite < 1 || maxPagesPerSite > maxPages) {
    throw new UserError('BAD_USER_INPUT', `maxPagesPerSite must be 1 to ${maxPages}; got ${maxPagesPerSite}.`, {
      field: 'maxPagesPerSite',
    });
  }
  const seen = new Map<string, string>();
  for (const raw of input.urls) {
    const url = normaliseUrl(raw);
    const earlier = seen.get(url);
    if (earlier !== undefined) {
      throw new UserError('BAD_USER_INPUT', `"${quoted(raw)}" is the same page as "${quoted(earlier)}".`, {
        field: 'urls',
        value: quoted(raw),
      });
    }
    const sameSite = maxPagesPerSite > 1 ? [...seen].find(([seenUrl]) => inSiteOf(seenUrl)(url)) : undefined;
    if (sameSite) {
      throw new UserError('BAD_USER_INPUT', `"${quoted(raw)}" is on the same site as "${quoted(sameSite[1])}"; a crawl covers the whole site from one URL.`, {
        field: 'urls',
        value: quoted(raw),
      });
    }
    seen.set(url, raw);
  }
  let subjectUrl: string | null = null;
  if (input.subjectUrl != null && input.subjectUrl.trim() !== '') {
    subjectUrl = normaliseUrl(input.subjectUrl);
    if (!seen.has(subjectUrl)) {
      throw new UserError('BAD_USER_INPUT', `The subject "${quoted(input.subjectUrl)}" is not one of the URLs.`, {
        field: 'subjectUrl',
        value: quoted(input.subjectUrl),
      });
    }
  }
  return { name, urls: [...seen.keys()], subjectUrl, maxPagesPerSite };
}
