/**
 * @module The server's error log. By default one line per failed request — method, path, status,
 * error class, and the driver's message and code — never the SQL statement or its parameters,
 * which Drizzle puts into its error message ("Failed query: select … params: …").
 * `REFERAT_LOG_LEVEL=debug` adds the whole error with its stack and cause.
 */

/** Whether the whole error is logged too (`REFERAT_LOG_LEVEL=debug`). */
export function debugLogging(): boolean {
  return (process.env.REFERAT_LOG_LEVEL ?? '').trim().toLowerCase() === 'debug';
}

const WRAPPED = /^Failed query/;

/**
 * "DrizzleQueryError: terminating connection due to administrator command (57P01)": the class of
 * the error and the innermost message that is not a wrapper's copy of the query.
 */
export function describeError(error: unknown): string {
  const name = (error as object | null)?.constructor?.name ?? typeof error;
  const chain: Array<{ message?: unknown; code?: unknown; cause?: unknown; errors?: unknown }> = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 8 && !chain.includes(current as never)) {
    chain.push(current as never);
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    // AggregateError (a connection tried on several addresses): the first attempt speaks for all.
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  let message = '';
  let code = '';
  for (const link of chain.reverse()) {
    const text = typeof link.message === 'string' ? link.message : '';
    if (!message && text && !WRAPPED.test(text)) message = text;
    if (!code && (typeof link.code === 'string' || typeof link.code === 'number')) code = String(link.code);
  }
  if (!message && chain.length === 0) message = String(error);
  const firstLine = (message.split('\n')[0] ?? '').trim().slice(0, 300) || 'no message';
  return `${name}: ${firstLine}${code ? ` (${code})` : ''}`;
}

/** Logs a request that failed with an error: one line, and the whole error at debug level. */
export function logRequestError(method: string, url: string, status: number, error: unknown, log: (...args: unknown[]) => void = console.error): void {
  // The path as sent, percent-encoded: no control characters or line breaks reach the log.
  const { pathname } = new URL(url);
  log(`referat: ${method} ${pathname.slice(0, 200)} ${status} ${describeError(error)}`);
  if (debugLogging()) log(error);
}
