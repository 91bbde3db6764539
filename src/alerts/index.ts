/**
 * @module E-mail alerts, put together: the routes for the pages, and `notify` for after an import.
 * Without SMTP_URL there is no mailer: no forms, nothing sent, and the unsubscribe links of
 * earlier mails still work.
 */
import type { Hono } from 'hono';
import type { Db } from '../db/client.js';
import { alertConfigFromEnv, type AlertConfig } from './config.js';
import { smtpMailer, type Mailer } from './mailer.js';
import { createAlertRoutes } from './routes.js';
import { alertSender, type Log } from './run.js';

export interface Alerts {
  /** Whether alerts are sent, and so whether pages show the subscribe forms. */
  enabled: boolean;
  /** Mounted at /subscriptions. */
  routes: Hono;
  /** Sends what is due after an import; never rejects (failures are logged and retried next time). */
  notify(): Promise<void>;
  close(): void;
}

/** Alerts over a database with a configuration (null: disabled) and, in tests, a mailer of one's own. */
export function createAlerts(db: Db, config: AlertConfig | null, options: { mailer?: Mailer; log?: Log } = {}): Alerts {
  const log = options.log ?? console.error;
  const mailer = config ? (options.mailer ?? smtpMailer(config)) : null;
  const notify = config && mailer ? alertSender(db, config, mailer, log) : () => Promise.resolve();
  return {
    enabled: mailer !== null,
    routes: createAlertRoutes({ db, config, mailer, log }),
    notify,
    close: () => mailer?.close(),
  };
}

/** Alerts as the environment configures them (SMTP_URL, MAIL_FROM, REFERAT_PUBLIC_URL); see config.ts. */
export function alertsFromEnv(db: Db, fallbackUrl: string, env: NodeJS.ProcessEnv = process.env): Alerts {
  return createAlerts(db, alertConfigFromEnv(env, fallbackUrl));
}

export type { AlertConfig } from './config.js';
export type { Mailer, OutgoingMail } from './mailer.js';

/**
 * One alert run for a command that imports and exits (`referat import`): a wrong SMTP_URL or
 * a failed run is one logged line, never a failed import.
 */
export async function sendAlertsOnce(db: Db, fallbackUrl: string, log: Log = console.error): Promise<void> {
  let alerts: Alerts;
  try {
    alerts = alertsFromEnv(db, fallbackUrl);
  } catch (error) {
    log(`referat: alerts not sent: ${(error as Error).message}`);
    return;
  }
  try {
    await alerts.notify();
  } finally {
    alerts.close();
  }
}
