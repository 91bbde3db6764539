/**
 * @module Sessions in the database: the cookie's token is stored as its SHA-256 only, with an
 * absolute expiry (set at log-in) and an idle one (from the last request). Log-out deletes it.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from './client.js';
import { writeAudit } from './audit.js';
import { sessions, users } from './schema.js';
import { newToken, tokenHash } from '../auth/tokens.js';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** Signed out after 2 hours without a request, and 12 hours after log-in whatever happens. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 60 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_MS = 60_000;

/** Creates a session for a user; returns the raw token (for the cookie only). */
export async function createSession(db: Db, userId: number, email: string, now: Date, policy: SessionPolicy): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await db.transaction(async (tx) => {
    // Expired sessions go when anyone logs in: no job needed to keep the table small.
    await tx.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
    await tx.insert(sessions).values({ hash: tokenHash(token), userId, lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
    await writeAudit(tx, { kind: 'user', userId, email }, 'session.login', `user:${userId} ${email}`);
  });
  return { token, expiresAt };
}

/** The user id of a live session (touching it), or null when unknown, expired, idle or the user deactivated. */
export async function sessionUser(db: Db, token: string, now: Date, policy: SessionPolicy): Promise<{ userId: number; email: string } | null> {
  const hash = tokenHash(token);
  const idleSince = new Date(now.getTime() - policy.idleMs).toISOString();
  const [row] = await db
    .select({ userId: sessions.userId, lastSeenAt: sessions.lastSeenAt, email: users.email })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.hash, hash), gt(sessions.expiresAt, now.toISOString()), gt(sessions.lastSeenAt, idleSince), isNull(users.deactivatedAt)));
  if (!row) return null;
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.hash, hash));
  }
  return { userId: row.userId, email: row.email };
}

/** Log-out: the session is deleted (and its audit row written with it). */
export async function deleteSession(db: Db, token: string): Promise<void> {
  const hash = tokenHash(token);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ userId: sessions.userId, email: users.email }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.hash, hash));
    if (!row) return;
    await tx.delete(sessions).where(eq(sessions.hash, hash));
    await writeAudit(tx, { kind: 'user', userId: row.userId, email: row.email }, 'session.logout', `user:${row.userId} ${row.email}`);
  });
}
