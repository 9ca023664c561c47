import { createHash, randomBytes } from 'node:crypto';

const KEY_MARKER = 'vtg_';
/** The marker and 8 characters: enough to tell keys apart in a listing, far too few to guess the rest. */
const VISIBLE_LENGTH = KEY_MARKER.length + 8;

/** A new key: 256 random bits, base64url, behind a marker that secret scanners can match. */
export function generateKey(): string {
  return KEY_MARKER + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a key. A key has 256 random bits, so a plain SHA-256 cannot be reversed
 * by guessing; a slow password hash would only slow down every request.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function visiblePrefix(key: string): string {
  return key.slice(0, VISIBLE_LENGTH);
}

/** The key of an `Authorization: Bearer <key>` value; null when the value has another shape. */
export function bearerKey(authorization: string): string | null {
  const match = /^Bearer +([\x21-\x7e]{1,200})$/i.exec(authorization.trim());
  return match ? match[1]! : null;
}
