/**
 * @module Attendance lists written inside an item's text: a label ("Fraværende", "Fraværende med
 * afbud:", "Deltagerne var:", "Til stede: X, Y") and the names under it — one a line, numbered
 * ("1. Overborgmester Name (A)") or bulleted, or several on the label's own line — until a line
 * that names no one. "Ingen" (or nothing at all) under a label is an empty list. The label words
 * are the lexicon's (participants.json: absentLabels, presentLabels).
 */
import type { Absence, Participant } from '../../model/index.js';
import { bothAbsent, ITEM_ABSENCE_LABELS, MEMBER_ROLE_WORDS, MEMBER_STATUSES, PRESENT_LABELS } from '../lexicon/index.js';
import { isPersonName, parseAbsence, parseParticipant, splitPeople, substituteFor } from './participants.js';

/** One list an item's text gives: members present, or absent with the reason its label gives. */
export interface AttendanceList {
  kind: 'present' | 'absent';
  reason: string | null;
  present: Participant[];
  absent: Absence[];
  /** Those present for an absent member ("Y (for X)"): X absent, Y instead. */
  stoodIn: Absence[];
}

const LABELS = [
  ...ITEM_ABSENCE_LABELS.map((l) => ({ word: l.word, kind: 'absent' as const, reason: l.reason })),
  ...PRESENT_LABELS.map((word) => ({ word, kind: 'present' as const, reason: null })),
  // Longest first: "fraværende med afbud" before "fraværende", "deltagerne var" before "deltagerne".
].sort((a, b) => b.word.length - a.word.length);

/** "Ingen", "Ingen afbud", "-": a list that names no one. */
const NONE = /^(?:ingen(?:\s+\p{L}+)?|intet|-|–)\.?$/iu;
/** A list line's own number or bullet: "1. ", "2) ", "• ". */
const MARKER = /^(?:\d{1,3}[.)]|[•·▪◦*\-–])\s+/u;

/** The people a list line names (one text each), or null when it is not a line of names only. */
export function namesOn(text: string, kind: AttendanceList['kind']): string[] | null {
  const line = text.trim().replace(MARKER, '').replace(/[.;]$/, '').trim();
  if (line === '') return null;
  // "Afbud X og dennes suppleant Y (…), Z (…)": the member and the substitute were both absent.
  const parts = splitPeople(kind === 'absent' ? bothAbsent(line) : line);
  const nameOf = (part: string) => (kind === 'absent' ? parseAbsence(part).name : parseParticipant(part).name);
  // The text after the list run onto it after a closing parenthesis ("… Dennis Sand (Samsø Kommune) Dagsorden Mødet
  // blev afholdt …"): not the list's, when two entries stand before it and it reads on as a sentence
  // (three words or more beyond a name, in lower case among them).
  const tail = parts.at(-1) ?? '';
  const before = parts.at(-2) ?? '';
  const sentence = /\s\p{Ll}+\s/u.test(tail) && tail.split(/\s+/).length >= nameOf(tail).split(/\s+/).length + 3;
  if (parts.length >= 3 && before.endsWith(')') && sentence) parts.pop();
  return parts.length > 0 && parts.every((p) => isPersonName(nameOf(p))) ? parts : null;
}

/**
 * A line that continues a list under a label though it is no bare name: "Ingen", or an afbud with
 * a sentence naming the stand-in ("Dorte Eng (C). Stedfortræder Erik Falk (C) deltog.").
 */
export function continuesAttendanceList(text: string): boolean {
  if (NONE.test(text.trim())) return true;
  const absence = parseAbsence(text);
  return absence.substitute !== null && isPersonName(absence.name) && isPersonName(absence.substitute);
}

/**
 * The list label a text starts with, and what follows it on the line (null when nothing):
 * the label alone (colon or not), "Label: …", or "Label Name, Name" when only names follow.
 */
export function listLabel(text: string): { kind: AttendanceList['kind']; reason: string | null; rest: string | null } | null {
  const t = text.trim();
  for (const { word, kind, reason } of LABELS) {
    if (t.slice(0, word.length).toLowerCase() !== word) continue;
    const after = t.slice(word.length);
    if (/^\s*:?\s*$/.test(after)) return { kind, reason, rest: null };
    const colon = /^\s*:\s*(.+)$/.exec(after);
    if (colon) return { kind, reason, rest: colon[1]!.trim() };
    if (/^\s/.test(after) && namesOn(after, kind)) return { kind, reason, rest: after.trim() };
  }
  return null;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A capitalised list label with its colon where a sentence starts inside a paragraph ("Godkendt. Fraværende: X"). */
const SENTENCE_LABEL = new RegExp(String.raw`(?<=[.!?]\s+)(?=(?:${LABELS.map((l) => escape(l.word[0]!.toUpperCase() + l.word.slice(1))).join('|')})\s*:)`, 'gu');

/** A paragraph cut where a list label starts a sentence inside it. */
function atSentenceLabels(text: string): string[] {
  return text.split(SENTENCE_LABEL);
}

/** Reads the attendance lists in a run of texts (an item's paragraphs, headings and list items, in order). */
export function readAttendanceLists(texts: readonly string[]): AttendanceList[] {
  const lists: AttendanceList[] = [];
  let open: AttendanceList | null = null;
  const add = (list: AttendanceList, names: readonly string[]) => {
    for (const n of names) {
      const stood = list.kind === 'present' ? substituteFor(n) : null;
      if (stood) {
        list.present.push(parseParticipant(stood.substitute));
        list.stoodIn.push({ ...parseAbsence(stood.absent), substitute: parseParticipant(stood.substitute).name });
      } else if (list.kind === 'absent') list.absent.push(parseAbsence(n));
      else list.present.push(parseParticipant(n));
    }
  };
  for (const text of texts.flatMap(atSentenceLabels)) {
    const label = listLabel(text);
    if (label) {
      const list: AttendanceList = { kind: label.kind, reason: label.reason, present: [], absent: [], stoodIn: [] };
      lists.push(list);
      open = null;
      if (label.rest === null) open = list;
      else if (!NONE.test(label.rest)) {
        const names = namesOn(label.rest, label.kind);
        if (names) {
          add(list, names);
          open = list;
        }
      }
      continue;
    }
    if (!open) continue;
    // "Borgerrepræsentanter:", "Fra forvaltningen:": a group's own line under the label, its names on the lines after it.
    if (GROUP_LINE.test(text.trim()) && !NONE.test(text.trim())) continue;
    const status = statusLine(text);
    if (status) {
      if (status.present) open.present.push(parseParticipant(status.name));
      else open.absent.push({ ...parseAbsence(status.name), substitute: status.substitute });
      continue;
    }
    const names = NONE.test(text.trim()) ? null : namesOn(text, open.kind);
    if (names) add(open, names);
    else open = null;
  }
  return lists;
}

/** A group of a list on a line of its own, with its colon and no digits: "Fra den folkeoplysende voksenundervisning:". */
const GROUP_LINE = /^\p{Lu}[\p{L}\- ]{2,60}:$/u;

const STATUS = new RegExp(String.raw`^(.+?):\s*(${MEMBER_STATUSES.map((m) => escape(m.word)).join('|')})\b\s*(?:\((.*)\))?\.?$`, 'iu');
/** "Stedfortræder Jarl Fenger, fraværende ved sag 1-4.": the stand-in a status note names. */
const STAND_IN = /(?:[Ss]tedfortræder|[Ss]uppleant)\s*:?\s+(\p{Lu}[\p{L}.'-]*(?:\s+(?:de|af|von|van|\p{Lu}[\p{L}.'-]*))*)/u;

/**
 * A member's line with their attendance after a colon ("Lars Holm: Deltog", "Sofie Lind: Afbud
 * (Stedfortræder Jarl Fenger, …)"), the statuses being the lexicon's; null for other lines.
 */
function statusLine(text: string): { name: string; present: boolean; substitute: string | null } | null {
  const m = STATUS.exec(text.trim().replace(MARKER, ''));
  if (!m || !isPersonName(parseParticipant(m[1]!).name)) return null;
  const present = MEMBER_STATUSES.find((s) => s.word === m[2]!.toLowerCase())?.present ?? true;
  const standIn = m[3] ? STAND_IN.exec(m[3]) : null;
  return { name: m[1]!.trim(), present, substitute: standIn ? standIn[1]!.trim() : null };
}

/** "Formand: Anna Holm (A)", "Næstformand: Bo Berg": a member named under their role as a label; null for other lines. */
export function roleLabelled(text: string): Participant | null {
  const m = /^([^:]{3,40}):\s*(.+)$/u.exec(text.trim());
  if (!m || !MEMBER_ROLE_WORDS.includes(m[1]!.trim().toLowerCase())) return null;
  const member = parseParticipant(m[2]!);
  if (!isPersonName(member.name)) return null;
  return { ...member, role: member.role ? `${m[1]!.trim().toLowerCase()}, ${member.role}` : m[1]!.trim().toLowerCase() };
}
