/**
 * @module Refusing addresses with control characters. A NUL or other control byte in a path
 * segment or query value names no page and no search (PostgreSQL text cannot even hold NUL), so
 * every request is checked once, here, after percent-decoding, and answered 400 before any route
 * runs, instead of each route guarding its own parameters.
 */
import type { MiddlewareHandler } from 'hono';

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return, which a search text may contain as spacing. */
const CONTROL_BUT_SPACING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Percent-decoded; a malformed escape stays as it is (the routes then find no such page). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether a URL's decoded path segments or query names and values hold control characters. */
export function hasControlCharacters(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.pathname.split('/').some((segment) => CONTROL.test(decode(segment)))) return true;
  for (const [name, value] of parsed.searchParams) {
    if (CONTROL.test(name) || CONTROL_BUT_SPACING.test(value)) return true;
  }
  return false;
}

/** Middleware: 400 for an address with control characters — JSON under /api/, else the page `renderPage` gives. */
export function refuseControlCharacters(renderPage: () => string): MiddlewareHandler {
  return async (c, next) => {
    if (!hasControlCharacters(c.req.url)) return next();
    if (new URL(c.req.url).pathname.startsWith('/api/')) {
      return c.json({ error: 'Adressen indeholder kontroltegn, som ikke kan bruges.' }, 400);
    }
    return c.html(renderPage(), 400);
  };
}
