/**
 * @module Whether pages show the subscribe forms: only when alerts can be sent (SMTP_URL set).
 * Set per request by a middleware, read by the Subscribe component while the page renders, so
 * the pages need no extra field to carry it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';

const shown = new AsyncLocalStorage<boolean>();

/** Whether the page being rendered shows subscribe forms (false outside a request). */
export function alertFormsShown(): boolean {
  return shown.getStore() === true;
}

/** The middleware that decides it for every request of an app. */
export function showAlertForms(enabled: boolean): MiddlewareHandler {
  return (_c, next) => shown.run(enabled, next);
}

/** Renders with the forms shown or not: for tests and renderers outside a request. */
export function withAlertForms<T>(enabled: boolean, render: () => T): T {
  return shown.run(enabled, render);
}
