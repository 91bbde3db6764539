/**
 * @module Absences an item states about itself: "X deltog ikke i behandlingen af punktet", "X var
 * inhabil", "X forlod mødet", "Fraværende: X, Y" or a "Fraværende" list under a decision. They become
 * the item's `absent` list; those that hold for the whole meeting ("X deltog ikke i mødet", "X havde
 * meldt afbud", a stand-in called in for X, the lists of an item about attendance) are also the
 * meeting's afbud, and a members' list in an item ("Deltagerne var: …") is the meeting's when the
 * header gives none; the front matter's sentences are read the same way, for the meeting. The text
 * stays in its blocks: this only reads it.
 */
import type { Absence, AgendaItem, Block, ItemAbsence, Participant, Section } from '../../model/index.js';
import { ABSENCE_LEADS, ATTENDANCE_ITEM_TITLES, FIRST_NAMES, ITEM_ABSENCE_PHRASES, ITEM_SUBSTITUTE_SOURCES, MEMBER_TITLES, ROLE_WORDS } from '../lexicon/index.js';
import { readAttendanceLists, roleLabelled } from './attendance-lists.js';
import { isPersonName, parseAbsence, parseParticipant } from './participants.js';

// A person's name: capitalised words (with "af", "de", "van" between them), perhaps a party letter
// (or the empty parentheses of a party the page left out: "Aase Steffensen () var fraværende").
// A word is capitalised; a full stop belongs only to initials ("H.C.", "B."), so a sentence's end is never inside a name.
// A name starts at a word's start and has at most ten words: otherwise a long word in capitals, or a
// long run of capitalised words, was scanned to its end from every letter or word in it (seconds for
// a few kilobytes, quadratic).
const WORD = String.raw`(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}'’\-]*)`;
// A surname a page wrote in lower case ("Gert winther, …"): only right before the list's "," or "og" (see namesOf).
const LOWER_SURNAME = String.raw`\p{Ll}{2}[\p{L}'’\-]*(?=,|\s+og\s)`;
const NAME = String.raw`(?<![\p{L}'’\-])${WORD}(?:\s+(?:${WORD}|af|de|van|von|la)){0,9}(?:\s+${LOWER_SURNAME})?(?:\s*\([^()]{0,20}\))?`;
const NAMES = String.raw`${NAME}(?:\s*(?:,|og)\s*${NAME})*`;

/** Phrases with the names before them, matched case-sensitively so that names must be capitalised. */
const PHRASES = ITEM_ABSENCE_PHRASES.map((p) => ({
  ...p,
  // The phrase alone, as the pattern below holds it: a text without it is not searched for names
  // (most are not; the names part is tried at every sentence start).
  phrase: new RegExp(p.pattern.source, 'u'),
  // At a sentence's start, after "… orienterede om, at", or after a name's party letter where a
  // transcript lost the full stop between two sentences ("… deltog Y (C) X (C) var fraværende.").
  // A comma may close a long subject before its verb ("X, Y og Z, var forhindrede i at deltage").
  pattern: new RegExp(String.raw`(?:^|(?<=[.!?:;]\s)|(?<=\bat\s)|(?<=\(\p{Lu}{1,2}\)\s))(?<names>${NAMES}),?\s+(?:${p.pattern.source})(?<tail>[^.!?]*)`, 'gu'),
}));

/**
 * The stand-ins the next sentence names for a list of absences, in the same order ("X og Y havde
 * meldt forfald. I stedet mødte A og B."): the n-th stand-in is the n-th absentee's.
 */
const STAND_INS_AFTER = new RegExp(String.raw`^\.\s*[Ii] stedet (?:mødte|deltog|deltager|møder)(?: op)?\s+(?<names>${NAMES})`, 'u');

/** The stand-ins after a list of `count` absences, or null unless the next sentence names as many. */
function standInsAfter(rest: string, count: number): string[] | null {
  const m = STAND_INS_AFTER.exec(rest);
  const names = m && namesOf(m.groups!.names!);
  return names && names.length === count ? names : null;
}

/** The names right after a phrase that leads them ("Der var afbud fra X, Y og Z"): capitalised, as names are. */
const NAMES_FIRST = new RegExp(String.raw`^(?<names>${NAMES})`, 'u');

// Titles written before a name ("Borgmester Anna Holm forlod mødet", "Udvalgsmedlem …") are not part of it: the lexicon's roles and member titles.
const TITLE_WORDS = new RegExp(String.raw`^(?:${[...MEMBER_TITLES, ...ROLE_WORDS].sort((a, b) => b.length - a.length).map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\s+`, 'iu');

/** A member's note that the member missed some items ("deltog ikke i behandlingen af punkt: 12", "ikke til stede under punkt 3"). */
const ITEMS_MISSED = /^(?:deltog ikke|ikke til stede|fraværende)\b.*\bpunkt/i;

/** A phrase's tail naming item numbers ("af punkt 4, 5", "af dagsordenspunkt 2"). */
const OTHER_ITEMS = /punkt(?:er|erne)?\s*(?:nr\.\s*)?:?\s*\d/i;

/** A first name and a surname in lower case, alone ("Gert winther"). */
const LOWER_CASE_SURNAME = /^\s*\p{Lu}\p{Ll}+\s+\p{Ll}{2}[\p{L}'’\-]*\s*$/u;
const FIRST = new Set(FIRST_NAMES);

/** The item numbers a phrase's tail names: "punkterne 12-15" → 12…15, "punkt 4, 5 og 7" → 4, 5, 7. */
export function namedItems(tail: string): string[] {
  const m = /punkt(?:er|erne)?\s*(?:nr\.\s*)?:?\s*((?:\d{1,3}(?:\s*(?:-|–|,|og)\s*)?)+)/i.exec(tail);
  if (!m) return [];
  const out: string[] = [];
  for (const part of m[1]!.split(/\s*(?:,|og)\s*/)) {
    const range = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(part.trim());
    if (range && Number(range[2]) >= Number(range[1]) && Number(range[2]) - Number(range[1]) < 100) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(String(n));
    } else if (/^\d{1,3}$/.test(part.trim())) out.push(part.trim());
  }
  return out;
}

/** The names a phrase's subject lists, or null when one of them is no person's name (one word). */
function namesOf(text: string): string[] | null {
  const names = text
    .split(/\s*,\s*|\s+og\s+/)
    .map((n) => n.replace(TITLE_WORDS, ''))
    // "Gert winther": a known first name and a surname written in lower case is the person's name as written.
    .map((n) => (LOWER_CASE_SURNAME.test(n) && FIRST.has(n.split(/\s+/)[0]!) ? n.trim() : parseParticipant(n).name))
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.split(/\s+/).length >= 2) ? names : null;
}

/** The text of a section's paragraphs, headings and list items, block by block. */
function texts(section: Section): string[] {
  return section.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : b.kind === 'list' ? b.items.map((i) => i.text) : []));
}

/**
 * Sentences naming a stand-in and the member they stood in for, with a person's name where the
 * lexicon says `{name}`; each with the words between its two names alone ("\s+(?:deltog|…)\s+"),
 * which a text must hold for the whole to match — a cheap test before names are tried at every capital.
 */
const SUBSTITUTIONS = ITEM_SUBSTITUTE_SOURCES.map((source) => {
  const parts = source.split(/\((?:\?<(?:substitute|absent)>)\{name\}\)/);
  return { pattern: new RegExp(source.replaceAll('{name}', NAME), 'gu'), between: parts.length === 3 ? new RegExp(parts[1]!, 'u') : null };
});

/** A name as a sentence writes it: the title before it and the party letter after it left off. */
const personIn = (text: string) => parseParticipant(text.replace(TITLE_WORDS, '')).name;

/** "Y indkaldes … som følge af afbud fra X", "Y deltog i stedet for X": X absent, Y instead. */
function substitutions(text: string): Absence[] {
  const found: Absence[] = [];
  for (const { pattern, between } of SUBSTITUTIONS) {
    if (between && !between.test(text)) continue;
    for (const m of text.matchAll(pattern)) {
      const absent = personIn(m.groups!.absent!);
      const substitute = personIn(m.groups!.substitute!);
      if (isPersonName(absent) && isPersonName(substitute) && !found.some((f) => f.name === absent)) {
        found.push({ ...parseParticipant(m.groups!.absent!.replace(TITLE_WORDS, '')), name: absent, role: null, substitute });
      }
    }
  }
  return found;
}

/** Who did not take part in an item, as its text says; who of them missed the whole meeting; a members' list it gives. */
export function itemAbsences(
  sections: readonly Section[],
  title = '',
  header = false,
): { absent: ItemAbsence[]; meeting: Absence[]; present: Participant[]; elsewhere: (ItemAbsence & { items: string[] })[] } {
  const absent: ItemAbsence[] = [];
  const meeting: Absence[] = [];
  // "X deltog ikke under punkterne 12-15", said under item 1: absences of the items named.
  const elsewhere: (ItemAbsence & { items: string[] })[] = [];
  const add = (name: string, reason: string | null) => {
    if (!absent.some((a) => a.name === name)) absent.push({ name, reason });
  };
  const all = sections.flatMap(texts);
  const lists = readAttendanceLists(all);
  const present = lists.flatMap((l) => l.present);
  // An item about attendance ("Fraværende og bemærkninger til dagsordenen"), or one that lists the members
  // present too, lists the meeting's absences; elsewhere a list is the item's.
  // The header's own lists ("Afbud X, Y") are the meeting's.
  const forMeeting = header || present.length > 0 || ATTENDANCE_ITEM_TITLES.some((p) => p.test(title));
  for (const list of lists) {
    for (const a of list.absent) {
      add(a.name, list.reason);
      // A stand-in was called for the meeting: an absence with a substitute is the meeting's afbud too.
      if (forMeeting || a.substitute) meeting.push(a);
    }
    // "Y (for X)" among those present: X's afbud, with Y instead.
    meeting.push(...list.stoodIn);
  }
  for (const text of all) {
    for (const lead of ABSENCE_LEADS) {
      // The phrase in any case ("Der var afbud fra"), found first; the names after it capitalised.
      const at = lead.pattern.exec(text);
      // Only where a sentence starts: "Da der var afbud fra X, …" tells why, not who was absent. A
      // capitalised lead ("… 8800 Viborg Medlemmerne var mødt, bortset fra") starts one too: a PDF's
      // text copy run into one line keeps the capital where it lost the full stop.
      if (!at || !(/(?:^|[.!?:;]\s+)$/u.test(text.slice(0, at.index)) || /^\p{Lu}/u.test(at[0]))) continue;
      const after = text.slice(at.index + at[0].length).trim();
      const m = NAMES_FIRST.exec(after);
      const names = m && namesOf(m.groups!.names!);
      for (const name of names ?? []) {
        add(name, lead.reason);
        if (lead.meeting) meeting.push({ ...parseAbsence(name), name });
      }
    }
    for (const phrase of PHRASES) {
      if (!phrase.phrase.test(text)) continue;
      for (const m of text.matchAll(phrase.pattern)) {
        const names = namesOf(m.groups!.names!);
        // "… deltog ikke under behandlingen af dagsordenspunkt 2", said under item 1: about other items, not this one.
        if (!names) continue;
        if (OTHER_ITEMS.test(m.groups!.tail ?? '')) {
          const items = namedItems(m.groups!.tail!);
          if (items.length > 0) for (const name of names) elsewhere.push({ name, reason: phrase.reason, items });
          continue;
        }
        const standIns = (m.groups!.tail ?? '').trim() === '' ? standInsAfter(text.slice(m.index! + m[0].length), names.length) : null;
        names.forEach((name, k) => {
          add(name, phrase.reason);
          // "X havde meldt afbud, og Y deltog i stedet": the substitute belongs to the afbud.
          // In the front matter, "X (C) var fraværende." with nothing after it is about the whole meeting.
          const wholeMeeting = phrase.meeting || (header && phrase.header && (m.groups!.tail ?? '').trim() === '');
          // A stand-in is called for the whole meeting: "X havde meldt forfald. I stedet mødte Y."
          if (wholeMeeting || standIns) meeting.push({ ...parseAbsence(`${name}${names.length === 1 ? m.groups!.tail ?? '' : ''}`), name, ...(standIns ? { substitute: standIns[k]! } : {}) });
        });
      }
    }
    // A stand-in called in for an absent member is about the whole meeting.
    meeting.push(...substitutions(text));
  }
  return { absent, meeting, present, elsewhere };
}

/**
 * A name a list ran on into the next sentence ("Ikke til stede: …, Leif Holm Dagsordenen godkendt"
 * → "Leif Holm Dagsordenen"): the member's name the header already gave, when the text is that
 * name and capitalised words after it; else the name as read.
 */
export function knownName(name: string, known: readonly string[]): string {
  if (known.includes(name)) return name;
  const prefix = known.filter((k) => k.split(/\s+/).length >= 2 && name.startsWith(`${k} `) && /^(?:\p{Lu}\p{Ll}+\s*)+$/u.test(name.slice(k.length + 1)));
  return prefix.sort((a, b) => b.length - a.length)[0] ?? name;
}

/**
 * Sets each item's `absent` from its own text and adds whole-meeting absences to the meeting's afbud
 * (a substitute an item names fills in an afbud the header gave without one). Where the header lists
 * no members, the first item that does ("Deltagerne var: …" under item 1) gives them; "Formand: X" in
 * the header is a member with that role.
 */
export function recordItemAbsences(items: AgendaItem[], meetingAbsent: Absence[], participants: Participant[] = [], front: readonly Block[] = []): void {
  for (const item of items) partAttendanceTitle(item);
  let listed = participants.length > 0;
  // "Formand: Anna Holm (A)" in the header: a member under a role label, first in the list.
  const byRole = front.flatMap((b) => (b.kind === 'paragraph' ? [roleLabelled(b.text)] : [])).filter((p): p is Participant => p !== null);
  participants.unshift(...byRole.filter((p) => !participants.some((q) => q.name === p.name)));
  // The front matter's sentences are about the whole meeting ("Medlemmerne var mødt, bortset fra X og Y");
  // only what holds for all of it counts: "X forlod mødet efter punkt 23" there is no afbud.
  const header = itemAbsences([{ heading: null, type: 'other', blocks: [...front] }], '', true);
  for (const a of header.meeting) {
    const known = meetingAbsent.find((m) => m.name === a.name);
    if (!known) meetingAbsent.push(a);
    else known.substitute ??= a.substitute;
  }
  const known = () => [...participants.map((p) => p.name), ...meetingAbsent.map((a) => a.name)];
  const elsewhere: (ItemAbsence & { items: string[] })[] = [];
  for (const item of items) {
    const found = itemAbsences(item.sections, item.title);
    const { absent, meeting, present } = found;
    for (const a of [...absent, ...meeting, ...found.elsewhere]) a.name = knownName(a.name, known());
    elsewhere.push(...found.elsewhere);
    item.absent = absent;
    for (const a of meeting) {
      const known = meetingAbsent.find((m) => m.name === a.name);
      if (!known) meetingAbsent.push(a);
      else known.substitute ??= a.substitute;
    }
    if (!listed && present.length > 0) {
      participants.push(...present.filter((p) => !participants.some((q) => q.name === p.name)));
      listed = true;
    }
  }
  // Absences said under one item about others ("deltog ikke under punkterne 12-15"): the named items' own.
  for (const e of elsewhere) {
    for (const item of items.filter((i) => e.items.includes(i.number))) {
      if (!item.absent.some((a) => a.name === e.name)) item.absent.push({ name: e.name, reason: e.reason });
    }
  }
  // A member list's note "X (Ø)- deltog ikke i behandlingen af punkt: 1, 2": X present, absent from those items.
  for (const p of participants) {
    if (!p.role || !ITEMS_MISSED.test(p.role)) continue;
    const numbers = namedItems(p.role);
    if (numbers.length === 0) continue;
    for (const item of items.filter((i) => numbers.includes(i.number))) {
      if (!item.absent.some((a) => a.name === p.name)) item.absent.push({ name: p.name, reason: null });
    }
    p.role = null;
  }
  // An afbud whose name ran on into the next sentence is the member the lists name (once).
  const members = participants.map((p) => p.name);
  for (let i = meetingAbsent.length - 1; i >= 0; i--) {
    const name = knownName(meetingAbsent[i]!.name, members);
    if (name === meetingAbsent[i]!.name) continue;
    const twin = meetingAbsent.find((m, k) => k !== i && m.name === name);
    if (twin) {
      twin.substitute ??= meetingAbsent[i]!.substitute;
      meetingAbsent.splice(i, 1);
    } else meetingAbsent[i]!.name = name;
  }
}

/** An attendance item's heading that holds its list: "1. Fraværende: X, Y og Z" (a label, short, then names). */
const LABELLED_TITLE = /^([^:]{2,30}):\s+(\p{Lu}.*)$/u;

/**
 * "1. Fraværende: X, Y og Z": the item is titled by its label, and the list on the heading line is
 * its text, read as any attendance item's list is.
 */
function partAttendanceTitle(item: AgendaItem): void {
  const m = LABELLED_TITLE.exec(item.title);
  if (!m || !ATTENDANCE_ITEM_TITLES.some((p) => p.test(m[1]!))) return;
  item.title = m[1]!.trim();
  item.sections.unshift({ heading: null, type: 'other', blocks: [{ kind: 'paragraph', text: `${m[1]!.trim()}: ${m[2]!.trim()}` }] });
}
