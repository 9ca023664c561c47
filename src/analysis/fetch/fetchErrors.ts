import { AnalysisError } from '../types';
import { BlockedAddressError } from './guardedAgent';
import { BodyTimeoutError, BodyTooLargeError, UnsupportedEncodingError } from './readBody';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Maps whatever a fetch threw to the message a site owner reads and whether a retry may help. */
export function toAnalysisError(error: unknown, url: string): AnalysisError {
  if (error instanceof AnalysisError) return error;
  const cause = findCause(error);
  if (cause instanceof BlockedAddressError) {
    return new AnalysisError(
      `Refused to fetch ${url}: ${cause.message}. Vantage only fetches public internet addresses.`,
      false,
      'blocked',
    );
  }
  if (cause instanceof BodyTooLargeError) return new AnalysisError(`Could not analyse ${url}: ${cause.message}.`, false, 'too-large');
  if (cause instanceof UnsupportedEncodingError) return new AnalysisError(`Could not analyse ${url}: ${cause.message}.`, false, 'bad-body');
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new AnalysisError(`Could not analyse ${url}: its compressed body is corrupt.`, false, 'bad-body');
  }
  if (cause instanceof BodyTimeoutError || (typeof code === 'string' && TIMEOUT_CODES.has(code))) {
    return new AnalysisError(`Timed out fetching ${url}: ${cause.message}.`, true, 'timeout');
  }
  return new AnalysisError(`Could not fetch ${url}: ${cause.message}`, true, 'network');
}

/** undici sometimes wraps the connector's error; the innermost known error explains best. */
function findCause(error: unknown): Error {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (
      current instanceof BlockedAddressError ||
      current instanceof BodyTooLargeError ||
      current instanceof BodyTimeoutError ||
      current instanceof UnsupportedEncodingError
    ) {
      return current;
    }
    if (!(current.cause instanceof Error)) break;
    current = current.cause;
  }
  return error instanceof Error ? error : new Error(String(error));
}
