/** @module Test helpers for accounts: log in through the real form, post forms with a session. */
import type { Hono } from 'hono';

/** The cookies a response sets, as name → value (a cleared cookie maps to ""). */
export function setCookies(res: Response): Map<string, { value: string; header: string }> {
  return new Map(
    res.headers.getSetCookie().map((h) => {
      const [pair] = h.split(';');
      const at = pair!.indexOf('=');
      return [pair!.slice(0, at), { value: pair!.slice(at + 1), header: h }];
    }),
  );
}

/** The value of the first hidden csrf field in a page. */
export function csrfOf(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no csrf field in the page');
  return m[1]!;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app with the accounts routes
type App = Hono<any>;

/** Submits the log-in form as a browser would; returns the response of the POST. */
export async function submitLogin(app: App, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  const form = await app.request('/log-ind', { headers });
  const nonce = setCookies(form).get('referat_login')!.value;
  const csrf = csrfOf(await form.text());
  return app.request('/log-ind', {
    method: 'POST',
    headers: { ...headers, cookie: `referat_login=${nonce}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, email, password }),
  });
}

/** Logs in; returns the Cookie header of the session. */
export async function loginCookie(app: App, email: string, password: string): Promise<string> {
  const res = await submitLogin(app, email, password);
  const session = setCookies(res).get('referat_session');
  if (res.status !== 303 || !session) throw new Error(`log-in failed: ${res.status}`);
  return `referat_session=${session.value}`;
}

/** Posts a form with the session cookie (and, unless given, the session's csrf from the page at `from`). */
export async function postForm(app: App, cookie: string, path: string, fields: Record<string, string | string[]>, from = '/admin/brugere'): Promise<Response> {
  const body = new URLSearchParams();
  if (!('csrf' in fields)) body.append('csrf', csrfOf(await (await app.request(from, { headers: { cookie } })).text()));
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
}
