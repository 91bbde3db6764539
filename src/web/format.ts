/**
 * @module Danish formatting of dates, times, document kinds and section types for the pages.
 * Written by hand rather than with Intl so output never depends on the ICU data Node ships with.
 */
import { copenhagenTimestamp, MONTHS, type DocumentKind, type SectionType } from '../model/index.js';
import type { MeetingSummary } from '../archive/types.js';

const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

function parseIsoDate(iso: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { y, m, d };
}

/** "2020-06-17" → "17. juni 2020"; null or malformed → "Udateret". */
export function danishDate(iso: string | null): string {
  const p = iso ? parseIsoDate(iso) : null;
  if (!p) return 'Udateret';
  return `${p.d}. ${MONTHS[p.m - 1]} ${p.y}`;
}

/** "2020-08" (YYYY-MM) → "august 2020". */
export function danishMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/** "2020-06-17" → "onsdag den 17. juni 2020", as the documents themselves write it. */
export function danishLongDate(iso: string | null): string {
  const p = iso ? parseIsoDate(iso) : null;
  if (!p) return 'Udateret';
  const weekday = WEEKDAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()];
  return `${weekday} den ${p.d}. ${MONTHS[p.m - 1]} ${p.y}`;
}

/** A UTC timestamp as Copenhagen time: "1. december 2026 kl. 11.04". */
export function danishDateTime(timestamp: string): string {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return timestamp;
  const local = copenhagenTimestamp(at); // "2026-12-01T11:04:00+01:00"
  return `${danishDate(local.slice(0, 10))} kl. ${local.slice(11, 13)}.${local.slice(14, 16)}`;
}

/** "10:00" → "10.00" (Danish clock notation). */
export function danishTime(time: string): string {
  return time.replace(':', '.');
}

/** "kl. 10.00–13.00", "kl. 10.00", or null when no start time is known. */
export function timeRange(start: string | null, end: string | null): string | null {
  if (!start) return null;
  return end ? `kl. ${danishTime(start)}–${danishTime(end)}` : `kl. ${danishTime(start)}`;
}

/** "Dagsorden" / "Referat". */
export function kindLabel(kind: DocumentKind): string {
  return KIND_LABELS[kind];
}

const KIND_LABELS: Record<DocumentKind, string> = { agenda: 'Dagsorden', supplementary_agenda: 'Tillægsdagsorden', minutes: 'Referat' };
const KIND_DEFINITE: Record<DocumentKind, string> = { agenda: 'dagsordenen', supplementary_agenda: 'tillægsdagsordenen', minutes: 'referatet' };

/** "dagsordenen", "referatet": the document kind in the definite form Danish sentences need. */
export function kindDefinite(kind: DocumentKind): string {
  return KIND_DEFINITE[kind];
}

const KIND_PLURALS: Record<DocumentKind, string> = { agenda: 'Dagsordener', supplementary_agenda: 'Tillægsdagsordener', minutes: 'Referater' };

/** Plural labels for filters: "Dagsordener" / "Referater". */
export function kindPluralLabel(kind: DocumentKind): string {
  return KIND_PLURALS[kind];
}

/** Danish names of section types, for the search filter (the pages show each document's own heading). */
export const SECTION_TYPE_LABELS: Record<SectionType, string> = {
  summary: 'Resumé',
  background: 'Baggrund',
  recommendation: 'Indstilling',
  presentation: 'Sagsfremstilling',
  decision: 'Beslutning',
  economy: 'Økonomi',
  history: 'Historik',
  other: 'Andet',
};

/** The body's name, or a placeholder for documents whose body could not be determined. */
export function bodyName(meeting: Pick<MeetingSummary, 'body'>): string {
  return meeting.body?.name ?? 'Ukendt organ';
}

/** A meeting's human title: "KKR Midtjylland, 17. juni 2020". */
export function meetingTitle(meeting: Pick<MeetingSummary, 'body' | 'date'>): string {
  return `${bodyName(meeting)}, ${danishDate(meeting.date)}`;
}

/** The year of a YYYY-MM-DD date, or null. */
export function yearOf(iso: string | null): number | null {
  const p = iso ? parseIsoDate(iso) : null;
  return p ? p.y : null;
}

/** Danish number formatting with a dot as thousands separator: 12345 → "12.345". */
export function danishNumber(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const FORMAT_LABELS: Record<string, string> = {
  pdf: 'PDF', docx: 'Word', doc: 'Word', html: 'HTML', htm: 'HTML', text: 'tekst', txt: 'tekst', md: 'tekst', markdown: 'tekst',
};

/** A file format as a reader would name it: "pdf" → "PDF", "docx" → "Word", "text" → "tekst". */
export function formatLabel(format: string): string {
  return FORMAT_LABELS[format.toLowerCase()] ?? format.toUpperCase();
}
