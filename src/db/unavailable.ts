/**
 * @module Telling a database that is away (restarting, shut down, unreachable) from a real error:
 * the first is answered 503 "try again", the second 500.
 */

/** The database is there but has more to do than it can answer in time (pool-guard.ts' queue): try again shortly. */
export class DatabaseBusyError extends Error {
  constructor(
    reason: string,
    /** Seconds to tell the client to wait (Retry-After). */
    readonly retryAfterSeconds: number,
  ) {
    super(`database busy: ${reason}`);
    this.name = 'DatabaseBusyError';
  }
}

/** SQLSTATEs of a server going away: admin shutdown, crash shutdown, cannot connect now (starting or stopping). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);
/** Socket errors of a connection refused, reset, cut or timed out, or a host not found. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres says these in words, without a code. */
const MESSAGES = [
  /^Connection terminated/i, // "Connection terminated unexpectedly", "… due to connection timeout"
  /^Client has encountered a connection error and is not queryable/i,
  /^Client was closed and is not queryable/i,
  /^timeout exceeded when trying to connect/i,
  /^terminating connection due to administrator command/i,
  /^the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * Whether an error (a Drizzle `DrizzleQueryError`, a node-postgres error, or one wrapping them as
 * `cause`) means the database connection was lost or refused — class 08 connection exceptions,
 * 57P01–57P03, socket errors — rather than a fault of the query or the data.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.shift();
    if (!current || typeof current !== 'object' || seen.has(current) || seen.size > 20) continue;
    if (current instanceof DatabaseBusyError) return true;
    seen.add(current);
    const { code, message, cause, errors } = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
    pending.push(cause);
    // Connecting to a name with several addresses fails with an AggregateError of each attempt.
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}
