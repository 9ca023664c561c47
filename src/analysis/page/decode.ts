import { getEncoding } from 'encoding-sniffer';
import iconv from 'iconv-lite';

/**
 * Decodes an HTML body the way a browser would: a BOM wins, then the Content-Type charset,
 * then a <meta charset> in the first 1024 bytes, then windows-1252.
 */
export function decodeHtml(body: Uint8Array, contentType: string | undefined): { html: string; charset: string } {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const declared = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
  const charset = getEncoding(buffer, { transportLayerEncodingLabel: declared });
  return { html: iconv.decode(buffer, charset), charset };
}
