/**
 * @module E-mail alert subscriptions and their link tokens (src/alerts): double opt-in, the
 * per-subscription watermark of document versions already told about, unsubscribing and erasing
 * an address. Tokens are stored as their SHA-256 only; an address's rows go with it.
 */
import { and, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { queryRows } from './rows.js';
import { ALERT_KINDS, alertSubscriptions, alertTokens } from './schema.js';

export type AlertKind = (typeof ALERT_KINDS)[number];

/** How long a confirmation link works. */
export const CONFIRM_HOURS = 72;
/** How long the unsubscribe and erase links of one alert mail work. */
export const LINK_DAYS = 365;
/** Unconfirmed confirmation mails one address may have at a time. */
export const MAX_PENDING = 3;

export interface SubscriptionRow {
  id: number;
  email: string;
  kind: AlertKind;
  target: string;
  label: string;
  confirmedAt: string | null;
  lastNotified: number | null;
}

export type SubscribeResult =
  | { status: 'pending'; subscriptionId: number; token: { token: string; hash: string } }
  | { status: 'already' }
  | { status: 'limited' };

/**
 * The highest document version id below which nothing more can appear: taken under a SHARE lock,
 * which waits for every transaction writing versions to end, so no lower id commits later (ids
 * are drawn before commit, and a later commit of a lower id would otherwise be skipped).
 */
export async function versionHorizon(db: Db | Tx): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table document_versions in share mode`);
    const [row] = await queryRows<{ max: number | string | null }>(tx, sql`select max(id) as max from document_versions`);
    return Number(row?.max ?? 0);
  });
}

/** Removes what has run out: expired tokens, unconfirmed subscriptions with no live confirmation, addresses' last tokens. */
export async function purgeExpired(db: Db | Tx): Promise<void> {
  await db.delete(alertTokens).where(lt(alertTokens.expiresAt, sql`now()`));
  await db.execute(sql`delete from alert_subscriptions s where s.confirmed_at is null
    and not exists (select 1 from alert_tokens t where t.subscription_id = s.id and t.purpose = 'confirm')`);
  await db.execute(sql`delete from alert_tokens t where not exists (select 1 from alert_subscriptions s where s.email = t.email)`);
}

/** Records an unconfirmed subscription and a confirmation token for it; see SubscribeResult. */
export async function subscribe(
  db: Db,
  entry: { email: string; kind: AlertKind; target: string; label: string },
  token: { token: string; hash: string },
): Promise<SubscribeResult> {
  return db.transaction(async (tx) => {
    await purgeExpired(tx);
    const [existing] = await tx
      .select({ id: alertSubscriptions.id, confirmedAt: alertSubscriptions.confirmedAt })
      .from(alertSubscriptions)
      .where(and(eq(alertSubscriptions.email, entry.email), eq(alertSubscriptions.kind, entry.kind), eq(alertSubscriptions.target, entry.target)));
    if (existing?.confirmedAt) return { status: 'already' };
    const [{ pending }] = (await queryRows<{ pending: number | string }>(
      tx,
      sql`select count(*) as pending from alert_tokens where email = ${entry.email} and purpose = 'confirm'`,
    )) as [{ pending: number | string }];
    if (Number(pending) >= MAX_PENDING) return { status: 'limited' };
    const subscriptionId =
      existing?.id ??
      (await tx.insert(alertSubscriptions).values(entry).returning({ id: alertSubscriptions.id }))[0]!.id;
    await tx.insert(alertTokens).values({
      hash: token.hash,
      purpose: 'confirm',
      email: entry.email,
      subscriptionId,
      expiresAt: sql`now() + make_interval(hours => ${CONFIRM_HOURS})`,
    });
    return { status: 'pending', subscriptionId, token };
  });
}

/** Takes back a confirmation whose mail could not be sent, and the subscription if nothing else waits for it. */
export async function withdrawConfirmation(db: Db, hash: string): Promise<void> {
  await db.delete(alertTokens).where(eq(alertTokens.hash, hash));
  await purgeExpired(db);
}

export interface TokenInfo {
  purpose: 'confirm' | 'unsubscribe' | 'erase';
  email: string;
  /** The subscription's kind and label; null for an erase token. */
  subscription: { kind: AlertKind; label: string } | null;
}

/** What a live token lets its holder do, or null for an unknown, used or expired one. */
export async function tokenInfo(db: Db, hash: string): Promise<TokenInfo | null> {
  const [row] = await db
    .select({ purpose: alertTokens.purpose, email: alertTokens.email, kind: alertSubscriptions.kind, label: alertSubscriptions.label, subscriptionId: alertTokens.subscriptionId })
    .from(alertTokens)
    .leftJoin(alertSubscriptions, eq(alertSubscriptions.id, alertTokens.subscriptionId))
    .where(and(eq(alertTokens.hash, hash), gt(alertTokens.expiresAt, sql`now()`)));
  if (!row || (row.subscriptionId !== null && row.label === null)) return null;
  return { purpose: row.purpose, email: row.email, subscription: row.kind !== null && row.label !== null ? { kind: row.kind, label: row.label } : null };
}

/** Confirms the subscription a confirmation token is for; its watermark starts at now. Null when the token is not live. */
export async function confirm(db: Db, hash: string): Promise<{ kind: AlertKind; label: string } | null> {
  const horizon = await versionHorizon(db);
  return db.transaction(async (tx) => {
    const [token] = await tx
      .select({ subscriptionId: alertTokens.subscriptionId })
      .from(alertTokens)
      .where(and(eq(alertTokens.hash, hash), eq(alertTokens.purpose, 'confirm'), gt(alertTokens.expiresAt, sql`now()`), isNotNull(alertTokens.subscriptionId)));
    if (!token) return null;
    const [row] = await tx
      .update(alertSubscriptions)
      .set({ confirmedAt: sql`now()`, lastNotified: horizon })
      .where(and(eq(alertSubscriptions.id, token.subscriptionId!), isNull(alertSubscriptions.confirmedAt)))
      .returning({ kind: alertSubscriptions.kind, label: alertSubscriptions.label });
    await tx.delete(alertTokens).where(and(eq(alertTokens.subscriptionId, token.subscriptionId!), eq(alertTokens.purpose, 'confirm')));
    return row ?? null;
  });
}

/**
 * Ends what an unsubscribe or erase token names: one subscription (returned), or every row of the
 * address (subscription null). An address left without subscriptions is forgotten entirely. Null
 * when the token is not live.
 */
export async function unsubscribe(db: Db, hash: string): Promise<{ subscription: { kind: AlertKind; label: string } | null } | null> {
  return db.transaction(async (tx) => {
    const [token] = await tx
      .select({ purpose: alertTokens.purpose, email: alertTokens.email, subscriptionId: alertTokens.subscriptionId, kind: alertSubscriptions.kind, label: alertSubscriptions.label })
      .from(alertTokens)
      .leftJoin(alertSubscriptions, eq(alertSubscriptions.id, alertTokens.subscriptionId))
      .where(and(eq(alertTokens.hash, hash), gt(alertTokens.expiresAt, sql`now()`)));
    if (!token || token.purpose === 'confirm') return null;
    if (token.purpose === 'erase') {
      await eraseAddress(tx, token.email);
      return { subscription: null };
    }
    if (token.subscriptionId === null || token.kind === null || token.label === null) return null;
    await tx.delete(alertSubscriptions).where(eq(alertSubscriptions.id, token.subscriptionId));
    await tx.execute(sql`delete from alert_tokens t where t.email = ${token.email}
      and not exists (select 1 from alert_subscriptions s where s.email = t.email)`);
    return { subscription: { kind: token.kind, label: token.label } };
  });
}

/** Deletes every subscription and token of an address. */
export async function eraseAddress(db: Db | Tx, email: string): Promise<void> {
  await db.delete(alertTokens).where(eq(alertTokens.email, email));
  await db.delete(alertSubscriptions).where(eq(alertSubscriptions.email, email));
}

/** Confirmed subscriptions with versions up to the horizon not yet told about, by address. */
export async function dueSubscriptions(db: Db, horizon: number): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(alertSubscriptions)
    .where(and(isNotNull(alertSubscriptions.confirmedAt), lt(sql`coalesce(${alertSubscriptions.lastNotified}, 0)`, horizon)))
    .orderBy(alertSubscriptions.email, alertSubscriptions.id) as Promise<SubscriptionRow[]>;
}

/**
 * Moves a subscription's watermark from `from` to `to`, only if it still stands at `from`:
 * of two processes sending alerts, one wins each subscription, so nothing is sent twice.
 */
export async function moveWatermark(db: Db, id: number, from: number | null, to: number | null): Promise<boolean> {
  const [row] = await db
    .update(alertSubscriptions)
    .set({ lastNotified: to })
    .where(and(eq(alertSubscriptions.id, id), from === null ? isNull(alertSubscriptions.lastNotified) : eq(alertSubscriptions.lastNotified, from)))
    .returning({ id: alertSubscriptions.id });
  return row !== undefined;
}

/** Stores the unsubscribe and erase tokens of one alert mail. */
export async function storeLinkTokens(db: Db, email: string, tokens: Array<{ hash: string; subscriptionId: number | null }>): Promise<void> {
  if (tokens.length === 0) return;
  await db.insert(alertTokens).values(
    tokens.map((t) => ({
      hash: t.hash,
      purpose: t.subscriptionId === null ? ('erase' as const) : ('unsubscribe' as const),
      email,
      subscriptionId: t.subscriptionId,
      expiresAt: sql`now() + make_interval(days => ${LINK_DAYS})`,
    })),
  );
}

/** Drops tokens of a mail that was not sent. */
export async function dropTokens(db: Db, hashes: string[]): Promise<void> {
  for (const hash of hashes) await db.delete(alertTokens).where(eq(alertTokens.hash, hash));
}
