/**
 * @module Who the client is, for rate limits and the log-in throttle. By default the TCP peer:
 * behind a reverse proxy every client would then share the proxy's address, so with
 * `REFERAT_TRUSTED_PROXIES=N` (the number of proxies in front, each appending to
 * X-Forwarded-For) the client is the address the outermost trusted proxy saw. Addresses a client
 * put in the header itself are never taken: only the last N entries were written by our proxies.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** REFERAT_TRUSTED_PROXIES as a number of hops (0 when unset); anything else is an error naming it. */
export function trustedProxiesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REFERAT_TRUSTED_PROXIES?.trim();
  if (!raw) return 0;
  if (!/^\d{1,2}$/.test(raw)) throw new Error(`REFERAT_TRUSTED_PROXIES must be the number of proxies in front of Referat (0–99), not "${raw}"`);
  return Number(raw);
}

/** The client's address, trusting `hops` proxies' X-Forwarded-For entries. */
export function clientAddress(hops: number): (c: Context) => string {
  return (c) => {
    const peer = peerAddress(c);
    if (hops === 0) return peer;
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    // Right to left: the peer (our nearest proxy), then what each trusted proxy appended.
    const chain = [peer, ...forwarded.reverse()];
    return chain[Math.min(hops, chain.length - 1)]!;
  };
}
