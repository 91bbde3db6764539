/**
 * @module Sending alerts: after an import, one mail per address listing what is new for each of
 * its confirmed subscriptions since its watermark, up to a horizon no later commit can fall
 * below. A watermark moves only if it still stands where this run read it (so two senders never
 * both send), and moves back when the mail is refused (so the next run sends it again).
 */
import type { Db } from '../db/client.js';
import { dropTokens, dueSubscriptions, moveWatermark, purgeExpired, storeLinkTokens, versionHorizon, type SubscriptionRow } from '../db/subscriptions.js';
import { alertMail, type AlertSection } from './compose.js';
import type { AlertConfig } from './config.js';
import { maskEmail } from './email.js';
import type { Mailer } from './mailer.js';
import { newsFor } from './news.js';
import { newToken } from './tokens.js';

export type Log = (line: string) => void;

export interface AlertRun {
  /** Mails the SMTP server accepted. */
  sent: number;
  /** Mails that failed; their news waits for the next run. */
  failed: number;
}

/** The reason of an error in one line (a database error's own message, not Drizzle's statement). */
export function errorLine(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const message = error instanceof Error ? (error.message.startsWith('Failed query') && cause instanceof Error ? cause.message : error.message) : String(error);
  return message.replace(/\s+/g, ' ').trim() || 'unknown error';
}

/** One run over every due subscription; see the module comment. */
export async function sendAlerts(db: Db, config: AlertConfig, mailer: Mailer, log: Log = console.error): Promise<AlertRun> {
  const run: AlertRun = { sent: 0, failed: 0 };
  await purgeExpired(db);
  const horizon = await versionHorizon(db);
  const byAddress = new Map<string, SubscriptionRow[]>();
  for (const sub of await dueSubscriptions(db, horizon)) byAddress.set(sub.email, [...(byAddress.get(sub.email) ?? []), sub]);
  for (const [email, subs] of byAddress) {
    const sections: Array<AlertSection & { id: number; from: number | null; token: { hash: string } }> = [];
    for (const sub of subs) {
      let meetings;
      try {
        meetings = await newsFor(db, sub, sub.lastNotified ?? 0, horizon);
      } catch (error) {
        log(`referat: alert ${sub.kind} for ${maskEmail(email)} not prepared: ${errorLine(error)}`);
        continue;
      }
      if (!(await moveWatermark(db, sub.id, sub.lastNotified, horizon))) continue; // another sender took it
      if (meetings.length === 0) continue;
      const token = newToken();
      sections.push({ id: sub.id, from: sub.lastNotified, token, sub, meetings, unsubscribeLink: linkTo(config, token.token) });
    }
    if (sections.length === 0) continue;
    const erase = newToken();
    const hashes = [erase.hash, ...sections.map((s) => s.token.hash)];
    try {
      await storeLinkTokens(db, email, [{ hash: erase.hash, subscriptionId: null }, ...sections.map((s) => ({ hash: s.token.hash, subscriptionId: s.id }))]);
      await mailer.send(alertMail(email, config.publicUrl, sections, linkTo(config, erase.token)));
      run.sent++;
    } catch (error) {
      run.failed++;
      log(`referat: alert to ${maskEmail(email)} not sent, retried on the next run: ${errorLine(error)}`);
      await Promise.all(sections.map((s) => moveWatermark(db, s.id, horizon, s.from)));
      await dropTokens(db, hashes);
    }
  }
  return run;
}

/** An unsubscribe link: the page (GET) and the one-click endpoint (POST) are the same URL. */
function linkTo(config: AlertConfig, token: string): string {
  return `${config.publicUrl}/subscriptions/unsubscribe?token=${token}`;
}

/**
 * Runs `sendAlerts` one at a time in this process: a call while one runs asks for one more run
 * after it (what the running one did not see yet). Never rejects; failures are logged in a line.
 */
export function alertSender(db: Db, config: AlertConfig, mailer: Mailer, log: Log = console.error): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const run = await sendAlerts(db, config, mailer, log);
          if (run.sent + run.failed > 0) log(`referat: alerts sent ${run.sent}, failed ${run.failed}`);
        } catch (error) {
          log(`referat: alerts not sent, retried on the next run: ${errorLine(error)}`);
        }
      } while (again);
      running = null;
    })();
    return running;
  };
}
