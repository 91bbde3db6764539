/**
 * @module Absences an item states about itself: "X deltog ikke i behandlingen af punktet", "X var
 * inhabil", "X forlod mødet", "Fraværende: X, Y" under a decision. They become the item's `absent`
 * list; those that hold for the whole meeting ("X deltog ikke i mødet", "X havde meldt afbud") are
 * also the meeting's afbud. The text stays in its blocks: this only reads it.
 */
import type { Absence, AgendaItem, ItemAbsence, Section } from '../../model/index.js';
import { ABSENCE_LEADS, ITEM_ABSENCE_LABELS, ITEM_ABSENCE_PHRASES } from '../lexicon/index.js';
import { parseAbsence, parseParticipant, splitPeople } from './participants.js';

// A person's name: capitalised words (with "af", "de", "van" between them), perhaps a party letter.
// A word is capitalised; a full stop belongs only to initials ("H.C.", "B."), so a sentence's end is never inside a name.
const WORD = String.raw`(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}'’\-]*)`;
const NAME = String.raw`${WORD}(?:\s+(?:${WORD}|af|de|van|von|la))*(?:\s*\([^()]{1,20}\))?`;
const NAMES = String.raw`${NAME}(?:\s*(?:,|og)\s*${NAME})*`;

/** Phrases with the names before them, matched case-sensitively so that names must be capitalised. */
const PHRASES = ITEM_ABSENCE_PHRASES.map((p) => ({
  ...p,
  // At a sentence's start, or after "… orienterede om, at".
  pattern: new RegExp(String.raw`(?:^|(?<=[.!?:;]\s)|(?<=\bat\s))(?<names>${NAMES})\s+(?:${p.pattern.source})(?<tail>[^.!?]*)`, 'gu'),
}));

/** The names right after a phrase that leads them ("Der var afbud fra X, Y og Z"): capitalised, as names are. */
const NAMES_FIRST = new RegExp(String.raw`^(?<names>${NAMES})`, 'u');

// Titles written before a name ("Borgmester Anna Holm forlod mødet") are not part of it.
const TITLE_WORDS = /^(?:borgmester|viceborgmester|formand|formanden|næstformand|rådmand|udvalgsformand|medlem)\s+/i;

/** The names a phrase's subject lists, or null when one of them is no person's name (one word). */
function namesOf(text: string): string[] | null {
  const names = text
    .split(/\s*,\s*|\s+og\s+/)
    .map((n) => parseParticipant(n.replace(TITLE_WORDS, '')).name)
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.split(/\s+/).length >= 2) ? names : null;
}

/** The text of a section's paragraphs, headings and list items, block by block. */
function texts(section: Section): string[] {
  return section.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : b.kind === 'list' ? b.items.map((i) => i.text) : []));
}

/** "Fraværende: X, Y": the people a label line lists, with the reason the label gives. */
function labelled(text: string): { names: Absence[]; reason: string | null } | null {
  for (const { word, reason } of ITEM_ABSENCE_LABELS) {
    const m = new RegExp(`^${word}\\s*:\\s*(.+)$`, 'iu').exec(text.trim());
    if (!m || /^ingen\b/i.test(m[1]!)) continue;
    const names = splitPeople(m[1]!.replace(/\.$/, '')).map(parseAbsence).filter((a) => a.name.split(/\s+/).length >= 2);
    if (names.length > 0) return { names, reason };
  }
  return null;
}

/** Who did not take part in an item, as its text says, and who of them missed the whole meeting. */
export function itemAbsences(sections: readonly Section[]): { absent: ItemAbsence[]; meeting: Absence[] } {
  const absent: ItemAbsence[] = [];
  const meeting: Absence[] = [];
  const add = (name: string, reason: string | null) => {
    if (!absent.some((a) => a.name === name)) absent.push({ name, reason });
  };
  for (const text of sections.flatMap(texts)) {
    for (const lead of ABSENCE_LEADS) {
      // The phrase in any case ("Der var afbud fra"), found first; the names after it capitalised.
      const at = lead.pattern.exec(text);
      // Only where a sentence starts: "Da der var afbud fra X, …" tells why, not who was absent.
      if (!at || !/(?:^|[.!?:;]\s+)$/u.test(text.slice(0, at.index))) continue;
      const after = text.slice(at.index + at[0].length).trim();
      const m = NAMES_FIRST.exec(after);
      const names = m && namesOf(m.groups!.names!);
      for (const name of names ?? []) {
        add(name, lead.reason);
        if (lead.meeting) meeting.push({ ...parseAbsence(name), name });
      }
    }
    const listed = labelled(text);
    // A stand-in was called for the meeting: an absence with a substitute is the meeting's afbud too.
    if (listed) for (const a of listed.names) {
      add(a.name, listed.reason);
      if (a.substitute) meeting.push(a);
    }
    for (const phrase of PHRASES) {
      for (const m of text.matchAll(phrase.pattern)) {
        const names = namesOf(m.groups!.names!);
        if (!names) continue;
        for (const name of names) {
          add(name, phrase.reason);
          // "X havde meldt afbud, og Y deltog i stedet": the substitute belongs to the afbud.
          if (phrase.meeting) meeting.push({ ...parseAbsence(`${name}${names.length === 1 ? m.groups!.tail ?? '' : ''}`), name });
        }
      }
    }
  }
  return { absent, meeting };
}

/** Sets each item's `absent` from its own text and adds whole-meeting absences to the meeting's afbud. */
export function recordItemAbsences(items: AgendaItem[], meetingAbsent: Absence[]): void {
  for (const item of items) {
    const { absent, meeting } = itemAbsences(item.sections);
    item.absent = absent;
    for (const a of meeting) if (!meetingAbsent.some((m) => m.name === a.name)) meetingAbsent.push(a);
  }
}
