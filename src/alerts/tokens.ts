/** @module The secrets in alert links: random, 256 bits, and stored only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

/** A new link secret and the hash the database keeps of it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The stored form of a token; only well-formed tokens are looked up at all. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string from a link can be a token of ours (43 base64url characters). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
