/**
 * @module CSRF tokens. Signed in: one token per session, an HMAC of the session token, so it needs no
 * storage and dies with the session. The log-in form (no session yet): a signed double-submit —
 * a random value in a cookie of its own and its HMAC under the server's secret in the form.
 * Another site can make a browser post a form but cannot read either cookie, so it cannot forge the field.
 */
import { hmac, newToken, sameSecret } from './tokens.js';

/** The form field every protected form carries. */
export const CSRF_FIELD = 'csrf';
/** The log-in form's double-submit cookie. */
export const LOGIN_CSRF_COOKIE = 'referat_login';

export function sessionCsrf(sessionToken: string): string {
  return hmac(sessionToken, 'csrf');
}

export function checkSessionCsrf(sessionToken: string, field: unknown): boolean {
  return typeof field === 'string' && sameSecret(field, sessionCsrf(sessionToken));
}

/** A fresh value for the log-in cookie. */
export function newLoginNonce(): string {
  return newToken();
}

export function loginCsrf(secret: string, nonce: string): string {
  return hmac(secret, `login:${nonce}`);
}

export function checkLoginCsrf(secret: string, nonce: string | undefined, field: unknown): boolean {
  return typeof nonce === 'string' && nonce.length > 0 && nonce.length <= 100 && typeof field === 'string' && sameSecret(field, loginCsrf(secret, nonce));
}
