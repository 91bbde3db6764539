/**
 * @module The Danish text of the two mails: the confirmation of a subscription (double opt-in)
 * and an alert listing what is new, with one-click unsubscribe headers (RFC 8058). Plain text:
 * nothing from a document can turn into markup in a mail client.
 */
import type { AlertKind } from '../db/subscriptions.js';
import { danishDate, kindLabel } from '../web/format.js';
import { caseUrl, meetingUrl, searchUrl } from '../web/urls.js';
import type { OutgoingMail } from './mailer.js';
import { ITEMS_PER_MEETING, type NewsMeeting } from './news.js';

const SITE = 'Referat · mødearkiv';
/** Meetings listed per subscription (a large import stays a readable mail); the rest are counted. */
export const MEETINGS_PER_SECTION = 30;

/** Where a subscription's page is: the organisation, case, person or search it follows. */
export function subscriptionPageUrl(sub: { kind: AlertKind; target: string }): string {
  switch (sub.kind) {
    case 'body':
      return `/bodies/${encodeURIComponent(sub.target)}`;
    case 'case':
      return caseUrl(sub.target);
    case 'person':
      return `/people/${encodeURIComponent(sub.target)}`;
    case 'search':
      return searchUrl({ q: sub.target });
  }
}

/** "organisationen KKR Midtjylland", "sagen SAG-2020-01697", "søgningen »klima«". */
export function describeSubscription(sub: { kind: AlertKind; label: string }): string {
  switch (sub.kind) {
    case 'body':
      return `organisationen ${sub.label}`;
    case 'case':
      return `sagen ${sub.label}`;
    case 'person':
      return `personen ${sub.label}`;
    case 'search':
      return `søgningen »${sub.label}«`;
  }
}

/** The mail asking the address to confirm a subscription. */
export function confirmationMail(to: string, sub: { kind: AlertKind; label: string }, confirmLink: string, hours: number): OutgoingMail {
  return {
    to,
    subject: `Bekræft: e-mail fra Referat om ${describeSubscription(sub)}`,
    text: [
      'Hej',
      '',
      `Nogen – forhåbentlig dig – har bedt om at få en e-mail fra ${SITE}, når der kommer nyt om ${describeSubscription(sub)}.`,
      '',
      'Bekræft, at du vil have e-mails, ved at åbne linket og trykke på knappen:',
      confirmLink,
      '',
      `Linket virker i ${hours} timer. Har du ikke bedt om det, så gør ingenting: så får du ingen e-mails, og din adresse slettes, når linket udløber.`,
      '',
      `– ${SITE}`,
    ].join('\n'),
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/** One subscription's part of an alert. */
export interface AlertSection {
  sub: { kind: AlertKind; target: string; label: string };
  meetings: NewsMeeting[];
  unsubscribeLink: string;
}

/** The alert to one address: every subscription with news, one-click unsubscribe in the headers. */
export function alertMail(to: string, origin: string, sections: AlertSection[], eraseLink: string): OutgoingMail {
  const count = sections.reduce((n, s) => n + s.meetings.length, 0);
  const subject = sections.length === 1 ? `Nyt i Referat om ${describeSubscription(sections[0]!.sub)}` : `Nyt i Referat: ${count} møder i ${sections.length} abonnementer`;
  const lines = ['Hej', '', `Der er nyt i ${SITE}, siden du sidst fik besked.`];
  for (const section of sections) {
    lines.push('', `== ${capitalise(describeSubscription(section.sub))} ==`, `${origin}${subscriptionPageUrl(section.sub)}`);
    for (const m of section.meetings.slice(0, MEETINGS_PER_SECTION)) lines.push('', ...meetingLines(origin, m));
    const more = section.meetings.length - MEETINGS_PER_SECTION;
    if (more > 0) lines.push('', `… og ${more} møder mere: ${origin}${subscriptionPageUrl(section.sub)}`);
    lines.push('', `Afmeld e-mails om ${describeSubscription(section.sub)}: ${section.unsubscribeLink}`);
  }
  lines.push(
    '',
    '--',
    `Du får denne e-mail, fordi du har tilmeldt dig og bekræftet det. Lukkede punkter kommer aldrig med.`,
    `Afmeld alle e-mails og slet din adresse hos os: ${eraseLink}`,
  );
  return {
    to,
    subject,
    text: lines.join('\n'),
    headers: {
      'List-Unsubscribe': `<${eraseLink}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/** "KKR Midtjylland, 28. august 2020 – nyt referat", its link, and its items. */
function meetingLines(origin: string, m: NewsMeeting): string[] {
  const what = m.documents.map((d) => `${d.first ? 'ny' : 'ændret'} ${kindLabel(d.kind).toLowerCase()}`).join(', ');
  const lines = [`${m.body ?? 'Ukendt organ'}, ${danishDate(m.date)} – ${what}`, `  ${origin}${meetingUrl(m.meetingId)}`];
  for (const item of m.items.slice(0, ITEMS_PER_MEETING)) lines.push(`  ${item.number}. ${item.title.replace(/\s+/g, ' ')}`);
  if (m.items.length > ITEMS_PER_MEETING) lines.push(`  … og ${m.items.length - ITEMS_PER_MEETING} punkter mere`);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
