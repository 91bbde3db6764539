/**
 * @module Accounts in the database: users, their roles per organisation, and the viewer a user
 * reads as. Every change writes its audit row in the same transaction (audit.ts).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { writeAudit, type Actor } from './audit.js';
import { ORGANIZATION_ROLES, organizations, sessions, userRoles, users } from './schema.js';

export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export interface RoleGrant {
  organizationId: number;
  role: OrganizationRole;
}

export interface User {
  id: number;
  email: string;
  displayName: string;
  admin: boolean;
  active: boolean;
  roles: Array<RoleGrant & { organizationSlug: string; organizationName: string }>;
}

/** A change refused for a reason the person can act on (Danish, shown as is). */
export class AccountError extends Error {
  override name = 'AccountError';
}

/** Addresses are compared lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  admin: boolean;
  roles: RoleGrant[];
}

/** Creates a user with roles; refuses a malformed or taken address. */
export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<User> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) throw new AccountError(`»${input.email}« er ikke en gyldig e-mailadresse.`);
  const displayName = input.displayName.trim() || email.split('@')[0]!;
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) throw new AccountError(`Der findes allerede en bruger med e-mailadressen ${email}.`);
    const [row] = await tx.insert(users).values({ email, displayName, passwordHash: input.passwordHash, admin: input.admin }).returning({ id: users.id });
    const roles = dedupe(input.roles);
    if (roles.length) await tx.insert(userRoles).values(roles.map((r) => ({ userId: row!.id, ...r })));
    await writeAudit(tx, actor, 'user.create', `user:${row!.id} ${email}`, { admin: input.admin, roles });
    return row!.id;
  });
  return (await getUser(db, id))!;
}

function dedupe(roles: RoleGrant[]): RoleGrant[] {
  const seen = new Map(roles.map((r) => [`${r.organizationId}:${r.role}`, r]));
  return [...seen.values()].sort((a, b) => a.organizationId - b.organizationId || a.role.localeCompare(b.role));
}

/** Replaces a user's admin flag and organisation roles. */
export async function setRoles(db: Db, actor: Actor, userId: number, admin: boolean, roles: RoleGrant[]): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AccountError('Brugeren findes ikke.');
    if (actor.kind === 'user' && actor.userId === userId && !admin) throw new AccountError('Du kan ikke fjerne din egen administratorrolle.');
    await tx.update(users).set({ admin, modifiedAt: new Date().toISOString() }).where(eq(users.id, userId));
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    const list = dedupe(roles);
    if (list.length) await tx.insert(userRoles).values(list.map((r) => ({ userId, ...r })));
    await writeAudit(tx, actor, 'user.roles', `user:${userId} ${user.email}`, { admin, roles: list });
  });
}

/** Deactivates (or reactivates) a user; deactivating ends the user's sessions. */
export async function setActive(db: Db, actor: Actor, userId: number, active: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AccountError('Brugeren findes ikke.');
    if (actor.kind === 'user' && actor.userId === userId && !active) throw new AccountError('Du kan ikke deaktivere dig selv.');
    const now = new Date().toISOString();
    await tx.update(users).set({ deactivatedAt: active ? null : now, modifiedAt: now }).where(eq(users.id, userId));
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await writeAudit(tx, actor, active ? 'user.activate' : 'user.deactivate', `user:${userId} ${user.email}`);
  });
}

/** Stores a new hash for the same password (parameters changed), without an audit row: nothing the user did. */
export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** The active user with this address and the stored hash, for log-in; null when unknown or deactivated. */
export async function findLogin(db: Db, email: string): Promise<{ id: number; passwordHash: string } | null> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.email, normalizeEmail(email)), isNull(users.deactivatedAt)));
  return row ?? null;
}

/** Users with their roles, by address; one user when `ids` names one. */
export async function listUsers(db: Db, ids?: number[]): Promise<User[]> {
  const rows = await db.select().from(users).where(ids ? inArray(users.id, ids) : undefined).orderBy(asc(users.email));
  if (rows.length === 0) return [];
  const roles = await db
    .select({ userId: userRoles.userId, organizationId: userRoles.organizationId, role: userRoles.role, slug: organizations.slug, name: organizations.name })
    .from(userRoles)
    .innerJoin(organizations, eq(organizations.id, userRoles.organizationId))
    .where(inArray(userRoles.userId, rows.map((r) => r.id)))
    .orderBy(asc(organizations.name), asc(userRoles.role));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    admin: r.admin,
    active: r.deactivatedAt === null,
    roles: roles.filter((g) => g.userId === r.id).map((g) => ({ organizationId: g.organizationId, role: g.role, organizationSlug: g.slug, organizationName: g.name })),
  }));
}

export async function getUser(db: Db, id: number): Promise<User | null> {
  return (await listUsers(db, [id]))[0] ?? null;
}

/** The viewer a user reads as: the policy (src/archive/policy.ts) decides the rest. */
export function viewerOf(user: User): Viewer {
  return {
    kind: 'account',
    accountId: user.id,
    roles: [...(user.admin ? [{ role: 'admin' as const, organizationId: null }] : []), ...user.roles.map((r) => ({ role: r.role, organizationId: r.organizationId }))],
  };
}

/** Organisation ids by slug; refuses an unknown slug, naming it. */
export async function organizationIdsBySlug(db: Db, slugs: string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(inArray(organizations.slug, slugs));
  const found = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = slugs.filter((s) => !found.has(s));
  if (missing.length) throw new AccountError(`Organisationen findes ikke: ${missing.join(', ')}.`);
  return found;
}

/** Every organisation, for the role forms. */
export async function listOrganizations(db: Db): Promise<Array<{ id: number; slug: string; name: string }>> {
  return db.select({ id: organizations.id, slug: organizations.slug, name: organizations.name }).from(organizations).orderBy(asc(organizations.name));
}
