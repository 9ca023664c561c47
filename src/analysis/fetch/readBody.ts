import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { formatBytes } from '#shared/format';

/** The body is larger than allowed once decoded; not worth retrying. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/** The body did not arrive in time (slow drip); another attempt may succeed. */
export class BodyTimeoutError extends Error {
  override readonly name = 'BodyTimeoutError';
}

/** The server used a Content-Encoding Vantage cannot decode. */
export class UnsupportedEncodingError extends Error {
  override readonly name = 'UnsupportedEncodingError';
}

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Reads a response body, undoing its Content-Encoding, and stops as soon as the decoded bytes
 * pass `maxBytes` or the deadline passes. Decoded bytes are what is counted, so a small
 * compressed bomb is stopped after at most `maxBytes` of output, never inflated in full.
 * Returns a buffer with its own ArrayBuffer, so it can be transferred to a worker thread.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  limits: { maxBytes: number; deadlineMs: number },
): Promise<Uint8Array> {
  let decoded: Readable;
  try {
    decoded = decodeStream(body, contentEncoding);
  } catch (error) {
    discard(body);
    throw error;
  }
  const timer = setTimeout(
    () => decoded.destroy(new BodyTimeoutError(`the body did not finish within ${limits.deadlineMs} ms`)),
    limits.deadlineMs,
  );
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoded as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxBytes) {
        throw new BodyTooLargeError(`the page is larger than ${formatBytes(limits.maxBytes)} once decompressed`);
      }
      chunks.push(chunk);
    }
  } finally {
    clearTimeout(timer);
    discard(decoded);
    discard(body);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Stops a stream for good. undici turns destroy() of an unfinished body into an
 * "aborted" error event, which nobody needs to hear once the body is abandoned.
 */
export function discard(stream: Readable): void {
  stream.on('error', () => {});
  stream.destroy();
}

function decodeStream(body: Readable, contentEncoding: string | undefined): Readable {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity');
  if (codings.length === 0) return body;
  // Codings are listed in the order they were applied, so they are undone in reverse.
  const decoders = codings.reverse().map((coding) => {
    const create = DECODERS[coding];
    if (!create) throw new UnsupportedEncodingError(`the server used an unsupported Content-Encoding: ${coding}`);
    return create();
  });
  return pipeline([body, ...decoders], () => {}) as unknown as Readable;
}
