/** @module The secrets in alert links: the accounts' 256-bit random tokens (src/auth/tokens.ts), stored only as their SHA-256. */
import { newToken as randomToken, tokenHash } from '../auth/tokens.js';

/** A new link secret and the hash the database keeps of it. */
export function newToken(): { token: string; hash: string } {
  const token = randomToken();
  return { token, hash: tokenHash(token) };
}

/** The stored form of a token; only well-formed tokens are looked up at all. */
export const hashToken = tokenHash;

/** Whether a string from a link can be a token of ours (43 base64url characters). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
