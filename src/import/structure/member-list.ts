/**
 * @module The values under a header's members and afbud labels read as people: one per line,
 * bullet or cell, several on a line ("A (A), B (V) og C"), or name, role and party on lines of
 * their own; stand-ins in the members list make afbud; "Ingen" names no one; a summary sentence
 * instead of names is the attendance note. A second list label inside a value ("… og C. Afbud: D",
 * a transcript's "Medlemmer: … Fraværende: …") starts that list there.
 */
import type { Absence, Attendee, Participant } from '../../model/index.js';
import { ABSENT_NOTES, FRONT_LABELS, SUBSTITUTE_LABELS } from '../lexicon/index.js';
import { looksLikeName } from './labels.js';
import { couldBePerson, isBodyName, isPersonName, knownMunicipality, officialLine, parseAbsence, parseAttendee, parseParticipant, partyOf, roleOf, segmentNames, splitPeople, substituteFor } from './participants.js';

/** Where the header's attendance goes. */
export interface Attendance {
  participants: Participant[];
  absent: Absence[];
  attendanceNote: string | null;
  /** Officials listed with the members go here when given. */
  others?: Attendee[];
}

type ListField = 'participants' | 'absent';

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const INLINE_WORDS = FRONT_LABELS.filter((l) => l.field === 'participants' || l.field === 'absent');
/** A capitalised list label with its colon inside a value, after a space or a sentence's end. */
const INLINE_LABEL = new RegExp(String.raw`(?<=^|[\s.;,])(?:${INLINE_WORDS.map((l) => escape(l.word)).join('|')})\s*:\s*`, 'giu');

/** A value cut at the list labels inside it: the text before the first, then each label's field and text. */
export function splitAtLabels(value: string, field: ListField): { field: ListField; text: string }[] {
  const parts: { field: ListField; text: string }[] = [];
  let from = 0;
  let current = field;
  for (const m of value.matchAll(INLINE_LABEL)) {
    if (!/^\p{Lu}/u.test(m[0])) continue;
    const word = m[0].replace(/\s*:\s*$/, '').toLowerCase();
    const label = INLINE_WORDS.find((l) => l.word === word);
    if (!label) continue;
    parts.push({ field: current, text: value.slice(from, m.index).trim().replace(/[.;,]$/, '') });
    current = label.field as ListField;
    from = m.index! + m[0].length;
  }
  parts.push({ field: current, text: value.slice(from).trim() });
  return parts.filter((p) => p.text !== '');
}

/** A note that marks a member absent ("afbud", "ikke mødt"), as a pattern source. */
const ABSENT_NOTE = ABSENT_NOTES.join('|');
/** "Næstformand- afbud": such a note after a dash, captured. */
const DASHED_ABSENT = new RegExp(String.raw`\s*[-–]\s*(${ABSENT_NOTE})\.?$`, 'iu');

/** "Rådmand Bo Berg": a role written before a name is a member, not the role of the one above. */
const roleAndName = (value: string) => roleOf(value) !== null && isPersonName(parseParticipant(value).name) && parseParticipant(value).role !== null;

/** An organisation's acronym, written alone ("KKR", "KD-Net", "BRN"), never a person's name. */
const ORGANISATION_ACRONYM = /^\p{Lu}{2,6}(?:-\p{Lu}?\p{L}{1,6})?\.?$/u;

/** A minute-taker's note after an organisation ("KD-Net (ref.)", "KKR (referent)"), and anything after it. */
const MINUTE_TAKER_NOTE = /\s*\((?:ref\.?|referent)\)(?:\s.{0,40})?$/iu;

/** Members under "Deltagere"/"Medlemmer"; a note, afbud and stand-ins where the values say so. */
/**
 * A list laid out one person a line as "Name, role or organisation" ("Rita Juhl, LyngbyGuiderne",
 * "Svend Munk, etnisk repræsentant", "Lis Nørgaard Jessen, Chef for Center for Social Indsats"):
 * learnt from the list itself — three lines or more, every one a name before its first comma, and
 * at least half of what follows reading as a description (lower-case words), not as more names.
 * Then what follows the comma is the person's role on every line, also where it is capitalised.
 */
export function describedLines(values: readonly string[]): Array<{ name: string; rest: string }> | null {
  if (values.length < 3) return null;
  const split = values.map((v) => /^([^,()]+?),\s+(\S.*)$/u.exec(v.trim()));
  // "Villy Dam, F - Tina Holm stedfortræder": a party letter after the comma is another layout.
  if (split.some((m) => !m || !looksLikeName(m[1]!) || partyOf(m[2]!) !== null || /^\p{Lu}{1,2}(?![\p{L}])/u.test(m[2]!))) return null;
  const described = split.filter((m) => /(?:^|\s)\p{Ll}{2,}/u.test(m![2]!)).length;
  if (described * 2 < values.length) return null;
  return split.map((m) => ({ name: m![1]!.trim(), rest: m![2]!.trim().replace(/\.$/, '') }));
}

export function readMembers(into: Attendance, values: readonly string[]): void {
  const described = describedLines(values);
  if (described) {
    for (const { name, rest } of described) {
      const before = into.participants.length;
      readMember(into, name);
      const added = into.participants.length > before ? into.participants.at(-1)! : null;
      if (added && added.role === null) added.role = rest;
    }
    return;
  }
  values.forEach((written, i) => {
    // "Næstformand- afbud": the dash before an afbud word sets it off as after a name.
    const whole = written.replace(DASHED_ABSENT, ' - $1');
    const parts = splitAtLabels(whole, 'participants');
    if (parts.length !== 1 || parts[0]!.field !== 'participants') {
      for (const part of parts) (part.field === 'absent' ? readAbsent : readMembers)(into, [part.text]);
      return;
    }
    const value = parts[0]!.text;
    // The body's name over its members ("Deltagerfortegnelse" / "Teknik- og Miljøudvalget" / …) heads the list.
    if (isBodyName(value)) return;
    // "Name, Name og Name[.]" is the members too, not a summary sentence.
    const nameList = splitPeople(value.replace(/\.$/, ''));
    const listsNames = (nameList.length >= 2 && nameList.every((n) => looksLikeName(n))) || segmentNames(value) !== null;
    if (i === 0 && !listsNames && !looksLikeName(value) && !/\([A-ZÆØÅ]{1,2}\)/.test(value) && partyOf(value) === null && roleOf(value) === null) {
      into.attendanceNote = value;
      return;
    }
    const last = into.participants.at(-1);
    const party = partyOf(value);
    const role = roleAndName(value) ? null : roleOf(value);
    const municipality = knownMunicipality(value);
    // "Eva Glæsner, KKR": an organisation's acronym alone is the organisation of the name before it.
    // "…, Ulla Kjær, KD-Net (ref.)": the minute-taker's note after the acronym (and what a
    // transcript ran on after it) is no person either.
    const acronym = value.trim().replace(MINUTE_TAKER_NOTE, '');
    if (last && ORGANISATION_ACRONYM.test(acronym)) {
      last.role = last.role ? `${last.role}, ${acronym}` : acronym;
      return;
    }
    if (last && (party || role || municipality)) {
      // A line of its own for the party, role or municipality of the name above.
      if (party && last.party === null) last.party = party;
      else if (role) last.role = last.role ? `${last.role}, ${role}` : role;
      else if (municipality && last.municipality === null) last.municipality = municipality;
      return;
    }
    for (const text of value.split('\t').flatMap(splitPeople)) readMember(into, text.replace(/\.$/, ''));
  });
}

/** A members list's note that the member was absent, last after any role ("Næstformand, afbud"). */
const MARKED_ABSENT = new RegExp(String.raw`(?:^|,\s*)(?:${ABSENT_NOTE})$`, 'i');

/** One member's text: a member, a stand-in (and the afbud they stand in for), a member marked afbud, or an official. */
function readMember(into: Attendance, text: string): void {
  // "Kontorchef Esben Grove" among the members is staff: others present, not a member.
  const official = into.others ? officialLine(text) : null;
  if (official) {
    into.others!.push(parseAttendee(official, null));
    return;
  }
  const named = substituteFor(text);
  // "… deltog for første gang" names no one stood in for.
  const stoodIn = named && isPersonName(parseParticipant(named.absent).name) ? named : null;
  if (stoodIn && !/\(/.test(stoodIn.absent)) into.absent.push({ ...parseAbsence(text) });
  // "Y (A), Suppleant for X (A)": X was absent and Y came instead, whatever the afbud list says.
  else if (stoodIn) {
    const absent = parseParticipant(stoodIn.absent);
    into.absent.push({ ...absent, role: null, substitute: parseParticipant(stoodIn.substitute).name });
  }
  // A note in parentheses ("(midlertidigt for X)") is the stand-in's role as written; else "stedfortræder for X".
  const member =
    !stoodIn || /\([^()]*\bfor\b[^()]*\)/.test(text)
      ? parseParticipant(text)
      : { ...parseParticipant(stoodIn.substitute), role: `stedfortræder for ${parseParticipant(stoodIn.absent).name}` };
  // "Name (A) - afbud", "Name (C), Næstformand- afbud" in the members' list: the member is listed, and absent.
  if (member.role && MARKED_ABSENT.test(member.role)) {
    into.absent.push({ ...member, role: null, substitute: null });
    return;
  }
  into.participants.push(member);
}

/** "Stedfortræder:" / "Suppleant: X" as an afbud list's line: who came instead of the afbud above. */
const SUBSTITUTE_WORDS = SUBSTITUTE_LABELS.map(escape).join('|');
const SUBSTITUTE_LABEL = new RegExp(String.raw`^(?:${SUBSTITUTE_WORDS})\s*:\s*(.*)$|^(?:${SUBSTITUTE_WORDS})$`, 'iu');

/** An afbud label's words opening an afbud list's value ("Afbud fra X"), without a colon. */
const AFBUD_LEAD = new RegExp(String.raw`^(?:${INLINE_WORDS.filter((l) => l.field === 'absent').map((l) => escape(l.word)).sort((a, b) => b.length - a.length).join('|')})\s+(?=\p{Lu})`, 'iu');

/** Afbud under "Afbud"/"Fraværende": one per line or cell, or several on a line; "Ingen" names no one. */
export function readAbsent(into: Attendance, values: readonly string[]): void {
  // "Stedfortræder:" on a line of its own: the next name stood in for the afbud above.
  let substituteNext = false;
  // "Jytte Rosenkilde, De almene boligorganisationer": a name and what the person represents.
  const described = describedLines(values);
  for (const whole of described ? described.map((d) => d.name) : values) {
    const stoodIn = SUBSTITUTE_LABEL.exec(whole.trim());
    const last = into.absent.at(-1);
    if (stoodIn && last) {
      if (stoodIn[1]) last.substitute = parseParticipant(stoodIn[1]).name;
      substituteNext = !stoodIn[1];
      continue;
    }
    if (substituteNext && last && isPersonName(parseParticipant(whole).name)) {
      last.substitute = parseParticipant(whole).name;
      substituteNext = false;
      continue;
    }
    substituteNext = false;
    const parts = splitAtLabels(whole, 'absent');
    if (parts.length !== 1 || parts[0]!.field !== 'absent') {
      for (const part of parts) (part.field === 'absent' ? readAbsent : readMembers)(into, [part.text]);
      continue;
    }
    // "FRAVÆRENDE: Afbud fra X og Y": the afbud words again at the value's start name no one.
    const value = parts[0]!.text.replace(AFBUD_LEAD, '');
    if (/^(ingen|ingen afbud|-)\.?$/i.test(value)) continue;
    const party = partyOf(value);
    if (last && party && last.party === null) {
      last.party = party;
      continue;
    }
    // A date or a place run into the list (a transcript's labels over their values) is no afbud.
    for (const text of value.split('\t').flatMap(splitPeople)) {
      const absence = parseAbsence(text);
      if (isPersonName(absence.name) || (couldBePerson(absence.name) && !/\d/.test(text))) into.absent.push(absence);
    }
  }
}
