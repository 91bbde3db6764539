/** @module Sending one message over SMTP (nodemailer), behind an interface the alert code needs. */
import nodemailer from 'nodemailer';
import type { AlertConfig } from './config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Resolves once the SMTP server has accepted the message. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** How long a dead SMTP server may hold up one message. */
const TIMEOUT_MS = 15_000;

/** A mailer over the configured SMTP server. */
export function smtpMailer(config: AlertConfig): Mailer {
  // The URL's own settings (host, port, credentials, ?query options) win over these defaults.
  const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
    },
    close: () => transport.close(),
  };
}
