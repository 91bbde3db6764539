/**
 * @module Case numbers by their slot, not their format. A labelled slot ("Sagsnr.", "J.nr.") takes
 * whatever value follows it — on the same line, in the next table cell or on the next line — and
 * an unlabelled token under the item headings counts only when the document repeats its shape
 * under many items (KKR's "SAG-2020-01697 chbo/jhp"). Document and bilag numbers stay apart.
 */
import { CASE_SLOT_LABELS, type SlotRole } from '../lexicon/index.js';
import type { Line } from '../line.js';

export interface CaseLine {
  caseNumber: string;
  officers: string[];
}

/** One labelled slot of an item head and the text that fills it ('' when empty). */
export interface Slot {
  role: SlotRole;
  value: string;
}

const labelSource = (role?: SlotRole) =>
  CASE_SLOT_LABELS.filter((l) => role === undefined || l.role === role)
    .map((l) => `(?:${l.pattern})`)
    .join('|');
// Longest labels first would not help a regex alternation of patterns; the lookahead keeps "sag"
// from matching "Sagen …" and "sagsnr" from matching "sagsnrs".
const LABEL_AT_START = new RegExp(`^(${labelSource()})(?![\\p{L}\\p{N}\\-/])\\s*:?\\s*`, 'iu');
const LABEL_INSIDE = new RegExp(`(?:^|[\\s,;]+)(${labelSource()})(?![\\p{L}\\p{N}\\-/])\\s*:?\\s*`, 'giu');
const OFFICER = /^[\p{Ll}]{2,8}$/u;

/** The role a label stands for ("Sagsnr." → case, "Dok.nr." → document). */
function roleOf(label: string): SlotRole {
  const entry = CASE_SLOT_LABELS.find((l) => new RegExp(`^(?:${l.pattern})$`, 'iu').test(label));
  return entry?.role ?? 'case';
}

/** A case number's shape: letter runs → A, digit runs → 9 ("SAG-2020-01697" → "A-9-9"). */
export function caseShape(token: string): string {
  return token.replace(/\p{L}+/gu, 'A').replace(/\d+/g, '9');
}

const digits = (s: string) => s.replace(/\D/g, '').length;

/**
 * A value that can be a case or document number: one token with at least three digits. The
 * token's trailing punctuation goes by a loop: /[.,;]+$/ is quadratic in a long run of it that
 * does not end the token (a 250 KB token of dots and letters took seconds per line).
 */
function caseValue(text: string): string | null {
  const first = /\S*/.exec(text.trimStart())![0];
  let end = first.length;
  while (end > 0 && '.,;'.includes(first[end - 1]!)) end--;
  const token = first.slice(0, end);
  return digits(token) >= 3 && !TIME_SLOT.test(token) ? token : null;
}

/** A clock time or a time slot ("Kl.18.30-18.35", "18.30-18.35", "kl.19:00"), which an agenda's time column prints where a case number would stand. */
const TIME_SLOT = /^(?:kl\.?)?(?:[01]?\d|2[0-3])[.:][0-5]\d(?:[-–](?:kl\.?)?(?:[01]?\d|2[0-3])[.:][0-5]\d)?$/i;

/** Officers' initials after a case number ("chbo/jhp", "snm / jhp"); null when the rest is other text. */
function initials(rest: string): string[] | null {
  const officers = rest.split('/').map((s) => s.trim()).filter((s) => s !== '');
  return officers.every((o) => OFFICER.test(o)) ? officers : null;
}

/** The slots a line holds, in order; empty when the line does not start with a slot label. */
export function lineSlots(line: Line): Slot[] {
  const segments = line.cells ?? [line.text];
  if (!LABEL_AT_START.test(segments[0]!.trim())) return [];
  const slots: Slot[] = [];
  segments.forEach((segment, i) => {
    const text = segment.trim();
    const labels = [...text.matchAll(LABEL_INSIDE)];
    if (labels.length === 0 || labels[0]!.index !== 0) {
      // A cell without a label fills the slot left empty at the end of the cell before it.
      const last = slots.at(-1);
      if (last && last.value === '' && i > 0) last.value = text;
      return;
    }
    labels.forEach((m, k) => {
      const end = labels[k + 1]?.index ?? text.length;
      slots.push({ role: roleOf(m[1]!), value: text.slice(m.index! + m[0].length, end).trim() });
    });
  });
  // The bare label "Sag" is a slot only when a case-number-like value follows it.
  if (/^sag$/i.test(LABEL_AT_START.exec(segments[0]!.trim())![1]!) && !/^\S*\d[-/.]\d\S*$/.test(slots[0]?.value ?? '')) return [];
  return slots;
}

/** Whether a line is an item-head slot line ("Sagsnr.: …", "Dok.nr.: …", "Sagsbehandler: …"). */
export function isSlotLine(line: Line): boolean {
  return !line.list && lineSlots(line).length > 0;
}

/**
 * A whole line that is a case slot and nothing more: "[Sagsnr.:] 12/27845 [chbo/jhp]". Labelled,
 * any value counts; unlabelled, only a token of the document's learned shape.
 */
export function parseCaseLine(text: string, shape: string | null = null): CaseLine | null {
  const trimmed = text.trim();
  const label = LABEL_AT_START.exec(trimmed);
  if (label && roleOf(label[1]!) !== 'case') return null;
  const rest = label ? trimmed.slice(label[0].length) : trimmed;
  const m = /^(\S+)\s*(.*)$/.exec(rest);
  if (!m) return null;
  const caseNumber = caseValue(m[1]!);
  if (!caseNumber || (!label && (shape === null || caseShape(caseNumber) !== shape || digits(caseNumber) < 5))) return null;
  const officers = initials(m[2]!);
  return officers ? { caseNumber, officers } : null;
}

/**
 * The case slot in an item's lines, wherever the head prints it: the first case label and its
 * value (same line, next cell, or the next line when the label ends its line), with the officer
 * slots of the same run of slot lines. An empty slot is no case number.
 */
export function findCaseSlot(lines: readonly Line[]): { caseNumber: string | null; officers: string[]; index: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const slots = lineSlots(lines[i]!);
    const caseSlot = slots.find((s) => s.role === 'case');
    if (!caseSlot) continue;
    let value = caseSlot.value;
    const next = lines[i + 1];
    // "Sagsnr.:" alone on its line, the number on the next one.
    if (value === '' && slots.length === 1 && !lines[i]!.cells && next && !isSlotLine(next) && next.text.trim().split(/\s+/).length === 1) value = next.text;
    let end = i + 1;
    while (end < lines.length && isSlotLine(lines[end]!)) end++;
    const run = lines.slice(i, end).flatMap(lineSlots);
    const officers = run.filter((s) => s.role === 'officer' && s.value !== '').map((s) => s.value);
    const number = caseValue(value);
    const trailing = number ? initials(value.trim().slice(value.trim().indexOf(number) + number.length).trim()) : null;
    return { caseNumber: number, officers: officers.length > 0 ? officers : (trailing ?? []), index: i };
  }
  return null;
}

/**
 * The shape of the unlabelled case token the document prints under its item headings, learned
 * from repetition: the same shape under at least two items and a third of them; else null.
 */
export function learnCaseShape(heads: ReadonlyArray<readonly Line[]>): string | null {
  const counts = new Map<string, number>();
  for (const head of heads) {
    for (const line of head.slice(0, 3)) {
      if (line.list || line.cells || LABEL_AT_START.test(line.text.trim())) continue;
      const m = /^(\S+)\s*(.*)$/.exec(line.text.trim());
      const token = m && caseValue(m[1]!);
      if (!token || digits(token) < 5 || !initials(m[2]!)) continue;
      counts.set(caseShape(token), (counts.get(caseShape(token)) ?? 0) + 1);
      break;
    }
  }
  const [shape, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return shape !== null && count >= 2 && count * 3 >= heads.length ? shape : null;
}

/** A case line that caseLinesAbove took above a heading, labelled or bare ("85.02.02-G01-5-17"). */
export function parseCaseLineAbove(text: string): CaseLine | null {
  const token = text.trim().split(/\s+/)[0] ?? '';
  return parseCaseLine(text) ?? parseCaseLine(text, caseShape(token.replace(/[.,;]+$/, '')));
}

/** A whole line that is a labelled case slot ("Sagnr.: 1-00-13-17"), not a cell or bullet. */
function isLabelledCaseLine(line: Line | undefined): boolean {
  if (!line || line.cells || line.list) return false;
  const text = line.text.trim();
  return LABEL_AT_START.test(text) && parseCaseLine(text) !== null;
}

/**
 * Case lines printed above their item's heading (Region Midtjylland's and Region Syddanmark's
 * "Sagnr.: 1-00-13-17" over "1. Tema …"), learned from the document: each heading's index with
 * the index of the labelled case line directly before it. A document that prints a case line
 * directly under some heading has its slots there, and a slot line above a heading is then the
 * end of the item before it, so none is taken.
 */
export function caseLinesAbove(lines: readonly Line[], headings: ReadonlyArray<{ index: number; titleLines: number }>): Map<number, number> {
  const above = new Map<number, number>();
  if (headings.some((h) => isLabelledCaseLine(lines[h.index + 1 + h.titleLines]))) return above;
  const starts = new Set(headings.map((h) => h.index));
  const tops = headings.filter((h) => h.index > 0 && !starts.has(h.index - 1)).map((h) => h.index);
  for (const at of tops) if (isLabelledCaseLine(lines[at - 1])) above.set(at, at - 1);
  // SBSYS prints the bare case number ("85.02.02-G01-5-17") on its own line over each heading:
  // unlabelled, it counts when the lines directly above the headings repeat its shape.
  const shape = learnCaseShape(tops.filter((at) => !above.has(at)).map((at) => [lines[at - 1]!]));
  if (shape !== null && headings.length >= 2) {
    for (const at of tops) {
      const line = lines[at - 1]!;
      if (!above.has(at) && !line.list && !line.cells && parseCaseLine(line.text, shape) !== null) above.set(at, at - 1);
    }
  }
  return above;
}
