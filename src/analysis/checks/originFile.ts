import type { OriginTextFile } from '../types';
import { fail, notApplicable, type Verdict } from './check';

/**
 * Lighthouse's reading of an origin file's status (robots-txt, llms-txt): unreachable or a server
 * error fails (robots-txt counts 429 as one), a missing file (4xx) is not applicable. Null when the file can be judged on content.
 */
export function originFileStatusVerdict(
  file: OriginTextFile | null,
  name: string,
  notes: { onServerError: string; onMissing: string; rateLimitFails: boolean },
): Verdict | null {
  if (!file) return fail(`${name} could not be fetched.`);
  if (file.status >= 500 || (notes.rateLimitFails && file.status === 429)) return fail(`${name} answered HTTP ${file.status}${notes.onServerError}.`);
  if (file.status >= 400) return notApplicable(`There is no ${name} (HTTP ${file.status})${notes.onMissing}.`);
  return null;
}
