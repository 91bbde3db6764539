/**
 * @module The minutes (referat) as the workspace writes them, pure: a minutes draft from the
 * published agenda, who is expected (the roster), attendance per member (present, afbud, afbud
 * with a substitute) and one Beslutning per item, typed or from the quick phrases
 * (lexicon/decision-phrases.json). The routes (minutes/routes.tsx) only read forms and store.
 */
import { comparable, decisionOf, type AgendaItem, type Attendee, type MeetingDocument, type Participant, type Section } from '../model/index.js';
import phrases from './lexicon/decision-phrases.json' with { type: 'json' };

/** A quick phrase for a decision; `text` may name the organisation as {organisation}. */
export interface DecisionPhrase {
  text: string;
  gloss: string;
}

export const DECISION_PHRASES: readonly DecisionPhrase[] = phrases.phrases;

/** Input the secretary can correct (Danish, shown as is); nothing is saved when it is thrown. */
export class MinutesInputError extends Error {
  override name = 'MinutesInputError';
}

/** How a member took part: present, or afbud (with a substitute when someone came instead). */
export type MemberStatus = 'present' | 'afbud';

/** One row of the attendance table. */
export interface AttendanceEntry {
  name: string;
  party: string | null;
  municipality: string | null;
  role: string | null;
  status: MemberStatus;
  /** Who attended instead; only with afbud. */
  substitute: string | null;
}

/** Roles that are not seats of their own: a substitute in the last minutes is not expected again. */
const SUBSTITUTE_ROLE = /suppleant|stedfortræder/i;

/** A phrase with the organisation's name filled in ("KKR Midtjylland tiltrådte indstillingen."). */
export function phraseText(phrase: DecisionPhrase, organisation: string | null): string {
  return phrase.text.replace('{organisation}', organisation?.trim() || 'Organisationen');
}

/**
 * The minutes draft of a meeting from its agenda: the same header, attendance and items, kind
 * minutes, no decisions yet (an agenda's empty "Beslutning" headings are dropped too).
 */
export function minutesFromAgenda(agenda: MeetingDocument): MeetingDocument {
  return {
    ...agenda,
    kind: 'minutes',
    // "Dagsorden for møde i …" → "Referat af møde i …"
    title: agenda.title ? agenda.title.replace(/^dagsorden(\s+(?:for|til))?\b/i, (_, prep: string | undefined) => (prep ? 'Referat af' : 'Referat')) : null,
    toc: [],
    warnings: [],
    source: null,
    items: agenda.items.map((item) => {
      const sections = item.sections.filter((s) => s.type !== 'decision');
      return { ...item, sections, decision: decisionOf(sections) };
    }),
  };
}

/**
 * Who is expected at the meeting: the agenda's own participants and afbud when it lists any,
 * else the members of the organisation's latest minutes (present or afbud there, substitutes
 * left out), else nobody (the secretary adds them).
 */
export function rosterOf(agenda: MeetingDocument, latestMinutes: MeetingDocument | null): Participant[] {
  const source = agenda.participants.length > 0 || agenda.absent.length > 0 ? agenda : latestMinutes;
  if (!source) return [];
  const members = [...source.participants, ...source.absent.map(({ substitute: _, ...p }) => p)].filter((p) => source === agenda || !SUBSTITUTE_ROLE.test(p.role ?? ''));
  const seen = new Set<string>();
  return members.filter((p) => {
    const key = comparable(p.name);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A new minutes draft: the agenda's items; its attendance when it states any, else the roster
 * from the latest minutes, every member present until the secretary records afbud.
 */
export function startMinutes(agenda: MeetingDocument, latestMinutes: MeetingDocument | null): MeetingDocument {
  const minutes = minutesFromAgenda(agenda);
  if (agenda.participants.length > 0 || agenda.absent.length > 0) return minutes;
  const roster = rosterOf(agenda, latestMinutes);
  return applyAttendance(minutes, roster.map((p) => ({ ...p, status: 'present', substitute: null })));
}

/** The attendance table of a document: members present, then afbud. */
export function attendanceOf(doc: MeetingDocument): AttendanceEntry[] {
  return [
    ...doc.participants.map((p): AttendanceEntry => ({ ...p, status: 'present', substitute: null })),
    ...doc.absent.map(({ substitute, ...p }): AttendanceEntry => ({ ...p, status: 'afbud', substitute })),
  ];
}

const blankToNull = (s: string | null): string | null => (s && s.trim() ? s.trim() : null);

/**
 * The document with this attendance: present members become `participants`, afbud become
 * `absent` (with their substitute); `others` (secretariat, guests) are replaced when given.
 * Refuses a nameless row, a member listed twice and a substitute for a member present.
 */
export function applyAttendance(doc: MeetingDocument, entries: readonly AttendanceEntry[], others: readonly Attendee[] = doc.others): MeetingDocument {
  const seen = new Set<string>();
  const participants: Participant[] = [];
  const absent: MeetingDocument['absent'] = [];
  for (const e of entries) {
    const name = e.name.trim();
    if (!name) throw new MinutesInputError('Et medlem i fremmødet mangler sit navn.');
    const key = comparable(name);
    if (seen.has(key)) throw new MinutesInputError(`${name} står mere end én gang i fremmødet.`);
    seen.add(key);
    const person: Participant = { name, party: blankToNull(e.party), municipality: blankToNull(e.municipality), role: blankToNull(e.role) };
    const substitute = blankToNull(e.substitute);
    if (e.status === 'present') {
      if (substitute) throw new MinutesInputError(`${name} er markeret til stede, men har en stedfortræder (${substitute}). Vælg afbud, eller fjern stedfortræderen.`);
      participants.push(person);
    } else {
      absent.push({ ...person, substitute });
    }
  }
  const kept = others.map((a) => ({ ...a, name: a.name.trim(), title: blankToNull(a.title), organisation: blankToNull(a.organisation), group: blankToNull(a.group) }));
  if (kept.some((a) => !a.name)) throw new MinutesInputError('En øvrig deltager mangler sit navn.');
  return { ...doc, participants, absent, others: kept };
}

/** Decision text as paragraphs: blank lines separate them, single line breaks stay inside. */
function decisionBlocks(text: string): Section['blocks'] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ kind: 'paragraph' as const, text: p }));
}

/**
 * The item's Beslutning set to `text` (empty: no decision). The first decision section keeps its
 * place and heading ("Referat" in KD-Net's minutes), further ones go; a new one comes last,
 * headed "Beslutning". `decision` is kept equal to `decisionOf(sections)`.
 */
export function setDecision(doc: MeetingDocument, itemNumber: string, text: string): MeetingDocument {
  const index = doc.items.findIndex((i) => i.number === itemNumber);
  if (index < 0) throw new MinutesInputError(`Punkt ${itemNumber} findes ikke i referatet.`);
  const item = doc.items[index]!;
  const blocks = decisionBlocks(text);
  const first = item.sections.findIndex((s) => s.type === 'decision');
  let sections: Section[] = item.sections.filter((s, i) => s.type !== 'decision' || i === first);
  if (blocks.length === 0) sections = sections.filter((s) => s.type !== 'decision');
  else if (first < 0) sections = [...sections, { heading: 'Beslutning', type: 'decision', blocks }];
  else sections = sections.map((s) => (s.type === 'decision' ? { ...s, heading: s.heading ?? 'Beslutning', blocks } : s));
  const items = [...doc.items];
  items[index] = { ...item, sections, decision: decisionOf(sections) };
  return { ...doc, items };
}

/**
 * A quick phrase added to what is already written: the phrase alone in an empty field, else
 * after the text with a space; a phrase the text already ends with is not added twice.
 * (src/web/static/minutes.js does the same in the browser.)
 */
export function withPhrase(text: string, phrase: string): string {
  const current = text.trimEnd();
  if (!current) return phrase;
  if (current.endsWith(phrase)) return current;
  return `${current} ${phrase}`;
}

/** Whether other items are numbered under this one ("3" over "3.1"): a heading, not a case. */
export function isGroupItem(doc: MeetingDocument, item: AgendaItem): boolean {
  return doc.items.some((i) => i.number.startsWith(`${item.number}.`));
}

/** The items that take a decision: every item but the headings of groups of items. */
export function decisionItems(doc: MeetingDocument): AgendaItem[] {
  return doc.items.filter((i) => !isGroupItem(doc, i));
}
