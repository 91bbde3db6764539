/**
 * @module Whether and how alerts are sent, from the environment: `SMTP_URL` (smtp:// or smtps://,
 * credentials in the URL) turns them on; `MAIL_FROM` is the sender; links in mails use
 * `REFERAT_PUBLIC_URL`, or the address the server itself serves on. Never the request's Host
 * header: a forged one would put another site's links into our mails.
 */

export interface AlertConfig {
  smtpUrl: string;
  /** "Referat <referat@example.dk>" */
  from: string;
  /** The site's public origin without a trailing slash, for links in mails. */
  publicUrl: string;
}

/** The alert configuration, or null when `SMTP_URL` is not set (then no forms and no mail). */
export function alertConfigFromEnv(env: NodeJS.ProcessEnv, fallbackUrl: string): AlertConfig | null {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  let smtp: URL;
  try {
    smtp = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP_URL is not a URL (expected smtp://user:password@host:587 or smtps://…)');
  }
  if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${smtp.protocol}//`);
  const publicUrl = (env.REFERAT_PUBLIC_URL?.trim() || fallbackUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`REFERAT_PUBLIC_URL must be an http(s) address, not "${publicUrl}"`);
  const from = env.MAIL_FROM?.trim() || `Referat <referat@${new URL(publicUrl).hostname}>`;
  return { smtpUrl, from, publicUrl };
}
