/**
 * @module E-mail addresses as the subscribe form takes them: the common dot-atom form only
 * (no quoted local parts, no IP literals), the domain in its ASCII (punycode) form, lower-cased
 * so one address is one subscriber however it was typed.
 */
import { domainToASCII } from 'node:url';

/** RFC 5321: a path is at most 256 characters, so an address at most 254. */
const MAX_LENGTH = 254;
const MAX_LOCAL = 64;
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type EmailCheck = { ok: true; email: string } | { ok: false; error: string };

const INVALID = 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.';

/** The address normalised, or a Danish reason it cannot be used. */
export function normalizeEmail(input: unknown): EmailCheck {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: 'Skriv din e-mailadresse.' };
  const text = input.trim();
  if (text.length > MAX_LENGTH) return { ok: false, error: 'E-mailadressen er for lang.' };
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = at > 0 ? domainToASCII(text.slice(at + 1).toLowerCase()) : '';
  if (at <= 0 || local.length > MAX_LOCAL || !LOCAL.test(local) || !domain) return { ok: false, error: INVALID };
  const labels = domain.split('.');
  const tld = labels[labels.length - 1]!;
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^([a-z]{2,63}|xn--[a-z0-9-]+)$/.test(tld)) return { ok: false, error: INVALID };
  const email = `${local.toLowerCase()}@${domain}`;
  return email.length > MAX_LENGTH ? { ok: false, error: 'E-mailadressen er for lang.' } : { ok: true, email };
}

/** An address shortened for a log line: "a…@example.dk" (logs need the domain, not the person). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}…${email.slice(at)}` : '…';
}
