/**
 * @module The front page (organisation, document kind, date, time, place, which copy this is)
 * and the deltagerfortegnelse (members present, afbud with substitutes, others present).
 */
import type { Attendee, MeetingDocument } from '../model/index.js';
import { danishLongDate, kindLabel, timeRange } from '../web/format.js';
import { drawTable } from './table.js';
import { PAGE, TYPE, type Writer } from './writer.js';

export interface FrontFacts {
  organization: string;
  audience: 'public' | 'members' | 'secretariat';
  /** Items withheld from this copy (printed as "Lukket punkt"). */
  withheld: number;
  containsRestricted: boolean;
  approvedAt: string | null;
  note: string | null;
  generatedAt: Date;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Scandic, Rytoften 3, 8210 Aarhus", "Online", or both, as the meeting page writes it. */
export function placeOf(doc: MeetingDocument): string | null {
  const place = [doc.location, doc.online ? 'online' : null].filter(Boolean).join(', ');
  return place ? capitalised(place) : null;
}

/** Which copy this is, in one sentence; null for a public document with nothing withheld. */
export function editionLine(facts: Pick<FrontFacts, 'audience' | 'withheld' | 'containsRestricted'>): string | null {
  if (facts.containsRestricted) {
    return 'Udgave til medlemmer. Indeholder lukkede punkter og må ikke offentliggøres eller videregives.';
  }
  if (facts.withheld > 0) return `Offentlig udgave. ${facts.withheld === 1 ? 'Ét punkt er lukket' : `${facts.withheld} punkter er lukkede`} og vises kun med nummer.`;
  return null;
}

/** Draws the front page on the current (first) page. */
export function drawFrontPage(w: Writer, doc: MeetingDocument, facts: FrontFacts): void {
  w.y = PAGE.top + 10;
  w.text(facts.organization, { face: 'bold', size: 20, color: TYPE.accent, gap: 2 });
  if (doc.authority && doc.authority !== facts.organization) w.text(doc.authority, { size: 11, color: TYPE.muted });
  w.y = 250;
  w.text(kindLabel(doc.kind), { face: 'bold', size: 34, gap: 6 });
  if (doc.title) w.text(doc.title, { size: 12, color: TYPE.muted, gap: 8 });
  w.down(10);
  w.doc.save().rect(w.left, w.y, 40, 3).fill(TYPE.accent).restore();
  w.down(20);
  const rows: Array<[string, string]> = [['Dato', doc.date ? capitalised(danishLongDate(doc.date)) : 'Udateret']];
  const time = timeRange(doc.startTime, doc.endTime);
  if (time) rows.push(['Tid', capitalised(time)]);
  const place = placeOf(doc);
  if (place) rows.push(['Sted', place]);
  for (const [label, value] of rows) {
    const y = w.y;
    w.place(label, w.left, y + 1.5, { width: 60, color: TYPE.muted });
    w.text(value, { size: 12, indent: 60, gap: 6 });
  }
  w.down(14);
  if (doc.kind === 'minutes' && facts.approvedAt) w.text(`Referatet er godkendt på mødet ${danishLongDate(facts.approvedAt)}.`, { gap: 6 });
  if (facts.note) w.text(`Rettet: ${facts.note}`, { gap: 6 });
  const edition = editionLine(facts);
  if (edition) {
    const height = w.measure(edition, { face: 'semibold', width: w.width - 20 }) + 16;
    w.doc.save().rect(w.left, w.y, w.width, height).fill(TYPE.fill).restore();
    w.place(edition, w.left + 10, w.y + 8, { face: 'semibold', width: w.width - 20 });
    w.down(height + 6);
  }
  // When it was made is in the metadata: a date on the page would be read back as the meeting's.
  w.place(`${facts.organization} · ${kindLabel(doc.kind)} · dannet i Referat`, w.left, w.bottom - 14, {
    width: w.width,
    size: TYPE.small,
    color: TYPE.muted,
  });
}

/** Whether the document names anyone who took part (or says who did). */
export function hasParticipants(doc: MeetingDocument): boolean {
  return doc.participants.length > 0 || doc.absent.length > 0 || doc.others.length > 0 || doc.attendanceNote !== null;
}

const dash = (s: string | null) => (s && s.trim() ? s : '–');

/** "Chefkonsulent Christian Budde, KL (referent)". */
function attendeeLine(a: Attendee): string {
  return `${a.title ? `${a.title} ` : ''}${a.name}${a.organisation ? `, ${a.organisation}` : ''}${a.minuteTaker ? ' (referent)' : ''}`;
}

/** Draws the participants at the cursor: tables for members and afbud, lines for others. */
export function drawParticipants(w: Writer, doc: MeetingDocument): void {
  w.keep(80);
  w.text('Deltagere', { face: 'bold', size: 15, gap: 6 });
  if (doc.attendanceNote) w.text(doc.attendanceNote, { gap: TYPE.paragraphGap });
  const people = <P extends { name: string; party: string | null; municipality: string | null }>(
    list: P[],
    last: { label: string; value: (p: P) => string | null },
  ) => {
    const party = list.some((p) => p.party);
    const municipality = list.some((p) => p.municipality);
    const extra = list.some((p) => last.value(p));
    const row = (cells: Array<string | false>) => cells.filter((c): c is string => c !== false);
    return [
      row(['Navn', party && 'Parti', municipality && 'Kommune', extra && last.label]),
      ...list.map((p) => row([p.name, party && dash(p.party), municipality && dash(p.municipality), extra && dash(last.value(p))])),
    ];
  };
  if (doc.participants.length > 0) drawTable(w, people(doc.participants, { label: 'Rolle', value: (p) => p.role }));
  if (doc.absent.length > 0) {
    w.down(10);
    w.keep(60);
    w.text('Afbud', { face: 'bold', size: 11.5, gap: 4 });
    drawTable(w, people(doc.absent, { label: 'I stedet deltog', value: (p) => p.substitute }));
  }
  if (doc.others.length > 0) {
    w.down(10);
    w.keep(50);
    w.text('Øvrige deltagere', { face: 'bold', size: 11.5, gap: 4 });
    const groups = new Map<string, Attendee[]>();
    for (const a of doc.others) groups.set(a.group ?? '', [...(groups.get(a.group ?? '') ?? []), a]);
    for (const [group, list] of groups) {
      if (group) w.text(group, { face: 'semibold', gap: 2 });
      for (const a of list) w.text(attendeeLine(a), { indent: group ? 10 : 0, gap: 2 });
      w.down(4);
    }
  }
  w.down(16);
}
