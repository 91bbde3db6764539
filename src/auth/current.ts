/**
 * @module Who is signed in on the request being handled, set by the session middleware and read
 * while pages render (the header's "Log ind" / name and "Log ud"), so pages need no extra field.
 * Outside an app with accounts there is no store, and the header shows no account links.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { User } from '../db/users.js';

export interface SignedIn {
  user: User;
  /** The session's raw token (from the cookie): never rendered. */
  token: string;
  /** This session's CSRF token, put into every form of the signed-in side. */
  csrf: string;
}

/** null: accounts on, nobody signed in. */
const store = new AsyncLocalStorage<{ account: SignedIn | null }>();

/** Whether the app serving this request has accounts (so the header offers "Log ind"). */
export function accountsEnabled(): boolean {
  return store.getStore() !== undefined;
}

/** The signed-in account of this request, or null. */
export function currentAccount(): SignedIn | null {
  return store.getStore()?.account ?? null;
}

/** Runs the rest of the request with this account. */
export function runWithAccount<T>(account: SignedIn | null, fn: () => T): T {
  return store.run({ account }, fn);
}
