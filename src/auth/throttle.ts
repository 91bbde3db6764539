/**
 * @module Log-in throttling, per address and per client IP, kept in the database (so it holds across
 * processes and restarts). After `threshold` failures a key is locked for 15 minutes, and every
 * further failure after a lock doubles it (capped at a day); failures a day old are forgotten. A
 * successful log-in clears the address's key, not the IP's (one good account must not let an
 * address guess on). Unknown addresses are counted like known ones: the lock reveals nothing.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { loginThrottle } from '../db/schema.js';

export interface ThrottlePolicy {
  /** Failures of one address before it is locked. */
  perAddress: number;
  /** Failures from one IP before it is locked (higher: an office shares one address). */
  perIp: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Failures older than this (since the last one) start over. */
  forgetMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  perAddress: 5,
  perIp: 20,
  firstLockMs: 15 * 60_000,
  maxLockMs: 24 * 60 * 60_000,
  forgetMs: 24 * 60 * 60_000,
};

export type Clock = () => Date;

export interface Throttle {
  /** The time until which a log-in for this address from this IP is refused, or null. */
  lockedUntil(email: string, ip: string): Promise<Date | null>;
  /** Counts a failure for both keys; returns the lock it caused, if any. */
  fail(email: string, ip: string): Promise<Date | null>;
  /** A successful log-in: the address starts over. */
  succeed(email: string): Promise<void>;
}

const keysOf = (email: string, ip: string) => ({ address: `email:${email.toLowerCase()}`, ip: `ip:${ip}` });

export function createThrottle(db: Db, clock: Clock = () => new Date(), policy: ThrottlePolicy = DEFAULT_THROTTLE): Throttle {
  const lockedUntil = async (email: string, ip: string) => {
    const keys = keysOf(email, ip);
    const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, [keys.address, keys.ip]));
    const now = clock().getTime();
    const until = rows.map((r) => (r.lockedUntil ? new Date(r.lockedUntil).getTime() : 0)).filter((t) => t > now);
    return until.length ? new Date(Math.max(...until)) : null;
  };

  const failOne = async (key: string, threshold: number): Promise<Date | null> => {
    const now = clock();
    return db.transaction(async (tx) => {
      const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
      const fresh = !row || now.getTime() - new Date(row.lastFailureAt).getTime() > policy.forgetMs;
      const failures = fresh ? 1 : row.failures + 1;
      const over = failures - threshold;
      const lock = over >= 0 ? new Date(now.getTime() + Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** Math.min(over, 20))) : null;
      const values = { key, failures, lastFailureAt: now.toISOString(), lockedUntil: lock?.toISOString() ?? null };
      await tx.insert(loginThrottle).values(values).onConflictDoUpdate({ target: loginThrottle.key, set: values });
      return lock;
    });
  };

  return {
    lockedUntil,
    async fail(email, ip) {
      const keys = keysOf(email, ip);
      const locks = [await failOne(keys.address, policy.perAddress), await failOne(keys.ip, policy.perIp)].filter((d): d is Date => d !== null);
      return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
    },
    async succeed(email) {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, keysOf(email, '').address));
    },
  };
}
