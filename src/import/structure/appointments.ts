/**
 * @module Appointments (udpegninger) an item makes: "Michael Holm fra Horsens Kommune bliver ny
 * stedfortræder for Dansk Folkeparti", "… udpeges som medlem af …", a list after "faldt valget
 * på:" under "bestyrelsen for Fælles Service Center", and tables of seats per electoral period
 * ("Udvalg 2018-2022 | Antal medlemmer 2018-2022"). Each becomes a record naming the item it came
 * from; whether it was decided depends on the item's decision. Pure; the words in
 * lexicon/appointments.json.
 */
import { membershipRoleOf, type AgendaItem, type MeetingDocument, type MembershipRole } from '../../model/index.js';
import lexicon from '../lexicon/appointments.json' with { type: 'json' };

const NAME = String.raw`(?<name>\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,4})`;
const ORG = String.raw`(?<org>\p{Lu}[^.,:;()]{0,80}?)`;
/** A pattern from the lexicon with its placeholders filled; one ending in an organisation ends at punctuation. */
function compile(source: string): RegExp {
  const filled = source.replace('{NAME}', NAME).replace('{ORG}', ORG);
  return new RegExp(source.endsWith('{ORG}') ? `${filled}(?=\\s*[.,:;]|\\s*$)` : filled, 'u');
}
const APPOINTING = lexicon.items.map((e) => new RegExp(e.pattern, 'iu'));
const SENTENCES = lexicon.sentences.map((e) => compile(e.pattern));
const LIST_LEAD_INS = lexicon.listLeadIns.map((e) => new RegExp(e.pattern, 'iu'));
const ORGANISATIONS = lexicon.organisations.map((e) => compile(e.pattern));
const SUBSTITUTE_WORDS = lexicon.substituteWords.flatMap((e) => e.words);

export interface Appointment {
  name: string;
  role: MembershipRole;
  /** The organisation the seat is in, as written; null when the text names none (the body itself). */
  organization: string | null;
  party: string | null;
  municipality: string | null;
  /** For whom the seat is held ("Dansk Folkeparti"), when stated. */
  onBehalfOf: string | null;
  /** The item that made it. */
  item: string;
  /** True when the document is minutes whose item has a decision; an agenda only proposes. */
  decided: boolean;
}

export interface SeatCount {
  organization: string;
  /** The number of seats, the first number in the cell ("5, heraf 1 til formandskabet …"). */
  seats: number;
  /** The cell as written. */
  note: string;
  /** "2018-2022". */
  period: string;
  item: string;
}

/** Whether an item (by its title, or its parent's) makes appointments. */
function isAppointing(item: AgendaItem, doc: MeetingDocument): boolean {
  const parent = item.number.includes('.') ? doc.items.find((i) => i.number === item.number.slice(0, item.number.lastIndexOf('.'))) : undefined;
  return [item.title, parent?.title ?? ''].some((t) => APPOINTING.some((p) => p.test(t)));
}

/** The organisation a text names as a seat's ("til bestyrelsen for Fælles Service Center"), or null. */
export function organizationIn(text: string): string | null {
  for (const p of ORGANISATIONS) {
    const m = p.exec(text);
    if (m?.groups?.org) return m.groups.org.trim();
  }
  return null;
}

const clean = (s: string | undefined) => (s ? s.trim().replace(/\s+/g, ' ') : null);

/** One list entry ("Navn Navnesen, Silkeborg Kommune" / "Navn Navnesen, direktør for …") as name and municipality. */
function listEntry(text: string): { name: string; municipality: string | null } | null {
  const [head, ...rest] = text.replace(/[.;]$/, '').split(',');
  const name = head!.trim();
  if (!new RegExp(`^${NAME}$`, 'u').test(name)) return null;
  const tail = rest.join(',').trim();
  const municipality = /^(.+?)\s+Kommune$/u.exec(tail)?.[1] ?? null;
  return { name, municipality };
}

/** The appointments a document's appointing items make, in document order. */
export function appointmentsOf(doc: MeetingDocument): Appointment[] {
  const found: Appointment[] = [];
  for (const item of doc.items) {
    if (!isAppointing(item, doc)) continue;
    const decided = doc.kind === 'minutes' && item.decision !== null;
    const base = { item: item.number, decided };
    // The organisation a list's people join: named near the list, else in the item's title.
    let context = organizationIn(item.title);
    for (const section of item.sections) {
      if (section.type === 'decision' && doc.kind === 'minutes' && found.some((a) => a.item === item.number)) continue;
      let lead: { role: MembershipRole; organization: string | null } | null = null;
      for (const block of section.blocks) {
        if (block.kind === 'paragraph' || block.kind === 'heading') {
          const text = block.text;
          context = organizationIn(text) ?? context;
          for (const p of SENTENCES) {
            for (const m of text.matchAll(new RegExp(p.source, 'gu'))) {
              const g = m.groups!;
              found.push({
                ...base,
                name: clean(g.name)!,
                role: membershipRoleOf(g.role ?? null),
                organization: clean(g.org) ?? null,
                party: clean(g.party),
                municipality: clean(g.municipality),
                onBehalfOf: clean(g.for),
              });
            }
          }
          const listLead = LIST_LEAD_INS.some((p) => p.test(text.trim()));
          lead = listLead ? { role: SUBSTITUTE_WORDS.some((w) => text.toLowerCase().includes(w)) ? 'substitute' : 'member', organization: context } : null;
        } else if (block.kind === 'list' && lead) {
          for (const entry of block.items) {
            const person = listEntry(entry.text.trim());
            if (person) found.push({ ...base, name: person.name, role: lead.role, organization: lead.organization, party: null, municipality: person.municipality, onBehalfOf: null });
          }
          lead = null;
        }
      }
    }
  }
  // The same appointment stated twice (in Baggrund and again in the decision) is one.
  const seen = new Set<string>();
  return found.filter((a) => {
    const key = `${a.item}|${a.name}|${a.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const PERIOD = /\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b/;

/** Tables of seats per electoral period: a header naming the period, rows of organisation and number. */
export function seatCountsOf(doc: MeetingDocument): SeatCount[] {
  const counts: SeatCount[] = [];
  for (const item of doc.items) {
    for (const block of item.sections.flatMap((s) => s.blocks)) {
      if (block.kind !== 'table' || block.rows.length < 2) continue;
      const header = block.rows[0]!;
      const period = header.map((c) => PERIOD.exec(c)).find(Boolean);
      if (!period || !header.some((c) => /antal\s+(?:medlemmer|pladser)/iu.test(c))) continue;
      for (const row of block.rows.slice(1)) {
        const [name, cell] = [row[0]?.trim() ?? '', row[1]?.trim() ?? ''];
        const seats = /\d+/.exec(cell);
        // Rows without a number are the table's group headings ("Sundhedsområdet").
        if (!name || !seats) continue;
        counts.push({ organization: name, seats: Number(seats[0]), note: cell, period: `${period[1]}-${period[2]}`, item: item.number });
      }
    }
  }
  return counts;
}
