/** @module The audit log: who did what and when, written inside the transaction of the change. */
import { desc } from 'drizzle-orm';
import type { Db } from './client.js';
import { auditLog } from './schema.js';

/** Who acts: a signed-in user, or the command line. */
export type Actor = { kind: 'user'; userId: number; email: string } | { kind: 'cli' };

/** A transaction or the database itself: audit rows go where the change goes. */
export type Tx = Pick<Db, 'insert' | 'select' | 'update' | 'delete'>;

export async function writeAudit(tx: Tx, actor: Actor, action: string, target: string, detail: unknown = null): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actor: actor.kind === 'user' ? actor.email : 'cli',
    action,
    target,
    detail: detail as never,
  });
}

export interface AuditEntry {
  id: number;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
  at: string;
}

/** The newest entries first. */
export async function listAudit(db: Db, limit = 200): Promise<AuditEntry[]> {
  return db
    .select({ id: auditLog.id, actor: auditLog.actor, action: auditLog.action, target: auditLog.target, detail: auditLog.detail, at: auditLog.at })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
