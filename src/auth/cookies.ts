/**
 * @module The session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure when the request came over
 * HTTPS or the site's public address (REFERAT_PUBLIC_URL, behind a TLS proxy) is https.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'referat_session';

export function secureRequest(c: Context): boolean {
  const publicUrl = process.env.REFERAT_PUBLIC_URL;
  return new URL(c.req.url).protocol === 'https:' || (publicUrl !== undefined && publicUrl.startsWith('https:'));
}

/** Sets a cookie with the flags every cookie of ours has; maxAge in seconds. */
export function setOwnCookie(c: Context, name: string, value: string, maxAge: number, path = '/'): void {
  setCookie(c, name, value, { httpOnly: true, sameSite: 'Lax', secure: secureRequest(c), path, maxAge });
}

export function clearOwnCookie(c: Context, name: string, path = '/'): void {
  deleteCookie(c, name, { httpOnly: true, sameSite: 'Lax', secure: secureRequest(c), path });
}
