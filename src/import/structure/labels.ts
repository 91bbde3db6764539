/**
 * @module Label/value pairs in a header, whatever their arrangement: "Dato: 1. februar 2023" on
 * one line, "MØDESTED" over "Rådhuset", a table row "Mødested: ¦ Rådhuset", a row of labels over a
 * row of values, "… kl. 10:00 Mødested: Mødelokale 1" inside a banner, and lists under
 * "Medlemmer"/"Afbud" (lines, bullets or table cells) until the next label. The label words are
 * the lexicon's (labels.json); what a value means is the caller's business.
 */
import { FRONT_LABELS, ITEM_ABSENCE_PHRASES, type LabelField } from '../lexicon/index.js';
import type { Line } from '../line.js';
import { findDate, findTimes } from './dates.js';
import { isBodyName, isPersonName, parseAbsence, partyOf, roleOf, segmentByOrganisation, segmentNames, splitPeople, substituteFor } from './participants.js';
import { isMemberTableHeader, tableListValues } from './member-table.js';
import { continuesAttendanceList } from './attendance-lists.js';

/** A label found at the start of a text: its field, and the value written after it on the same line. */
export interface LabelMatch {
  field: LabelField;
  list: boolean;
  label: string;
  /** The text after the label (and colon), or null when the label stands alone. */
  value: string | null;
  colon: boolean;
}

/** One thing the header says: a label with its values, or a line that is no pair. */
export type HeaderEntry =
  | { kind: 'pair'; field: LabelField; label: string; values: string[]; colon: boolean; line: Line }
  | { kind: 'text'; line: Line };

/** The label a text starts with ("Mødested: X", "MØDESTED", "Kl. 10:30"), or null. */
export function matchLabel(text: string): LabelMatch | null {
  const t = text.trim();
  const lower = t.toLowerCase();
  for (const { word, field, list } of FRONT_LABELS) {
    if (!lower.startsWith(word)) continue;
    const after = t.slice(word.length);
    // The label must end at a word boundary: "Stedet" and "Tidligere" are no labels.
    if (after !== '' && !/^\s*:|^\s/.test(after) && !word.endsWith('.')) continue;
    const colon = /^\s*:/.test(after);
    // "Udvalg Ikon" over "Regionsrådet": a page's icon beside the label left its alternative text, no value.
    const value = after.replace(/^\s*:?\s*/, '').replace(/^ikon$/i, '').trim();
    return { field, list, label: t.slice(0, word.length), value: value === '' ? null : value, colon };
  }
  return null;
}

/** A value written after its label without a colon counts only when it is what the label asks for. */
function fits(match: LabelMatch): boolean {
  const v = match.value ?? '';
  switch (match.field) {
    case 'date':
      return findDate(v) !== null && v.length <= 80;
    case 'time':
    case 'start':
    case 'end':
      return /^\d{1,2}([.:]\d{2})?\b/.test(v) && (findTimes(v).start !== null || /^\d{1,2}$/.test(v));
    case 'participants':
    case 'absent':
      // "Medlemmer Jesper Mathiesen (A) Ole Bollesen (A)": names with their list letters; "Deltagerfortegnelse Teknik- og Miljøudvalget": the body whose members follow.
      // "Deltagere Karen Bach Frederikshavn Kommune Dorte Hvid Thisted Kommune": names with their organisations.
      return (/^\p{Lu}/u.test(v) && /\([A-ZÆØÅ]{1,2}\)/.test(v)) || (match.field === 'participants' && isBodyName(v)) || segmentByOrganisation(v) !== null;
    default:
      return false;
  }
}

/** True for a text that names a person, not a sentence or an address. */
export function looksLikeName(full: string): boolean {
  // "Name (B)- deltog ikke i behandlingen af punkt: 6, 8, 9": the note after a dash is not the name.
  const text = full.replace(/(\))\s*[-–]\s*\p{Ll}.*$/u, '$1').replace(/\s+[-–]\s+\p{Ll}.*$/u, '');
  if (text.length > 110 || /@|https?:|www\./.test(text) || text.split(' ').length > 14) return false;
  // "Meddelelser:Åbne" is a label run into its value, no name ("X, stedfortræder: Y" is one).
  return /^\p{Lu}/u.test(text) && !/\p{L}:\p{L}/u.test(text) && !/[.!?:]$/.test(text) && (text.match(/\p{Lu}\p{L}+/gu)?.length ?? 0) >= 2;
}

/** A line under a list label that adds to it: a name, a bullet, a party or role of its own, a stand-in. */
function continuesList(line: Line, field: LabelField): boolean {
  const t = line.text.trim();
  if (t === '') return false;
  if (field === 'others') return looksLikeName(t) || (line.list !== null && t.length <= 110);
  // Sentences after the list ("X (B) var fraværende. I stedet deltog Y (B) …") are the front's prose,
  // read for the meeting's absences as such, not one more entry of the list.
  if (/[.!?]\s+\p{Lu}/u.test(t) && ITEM_ABSENCE_PHRASES.some((p) => p.pattern.test(t))) return false;
  // A transcript's run of names without separators ("Hanne Agerskov Bodil Kornerup Mette Schmidt Olesen …"),
  // longer than one name may be: every part a person's name.
  return looksLikeName(t) || (line.list !== null && /^\p{Lu}/u.test(t) && t.length <= 110) || partyOf(t) !== null || roleOf(t) !== null || substituteFor(t) !== null || continuesAttendanceList(t) || segmentNames(t) !== null || namesWithCommas(t);
}

/** "Carl Hvidt, Poul Wedel, … Kent Kjær.": a list's names on one line (too long for one name, or ended by a full stop), every part a person's. */
function namesWithCommas(text: string): boolean {
  if (!text.includes(',')) return false;
  const people = splitPeople(text.replace(/\.$/, ''));
  return people.length >= 2 && people.every((p) => isPersonName(p.replace(/\s*\([^()]*\)$/, '').replace(/,.*$/, '')));
}

/** "Fra KL-sekretariatet" in bold or as a heading: a group of others present. */
function groupHeading(line: Line): string | null {
  const t = line.text.trim();
  return /^fra\s+\S/i.test(t) && (line.bold || line.heading > 0) && t.length <= 60 ? t : null;
}

// List labels too: a transcript that lost its line breaks runs "… Medlemmer: … Fraværende: …" into one line.
// Compiled once: built per line, they cost more than the rest of reading a header of many lines.
const INLINE_LABELS = FRONT_LABELS.filter((l) => l.field !== 'none').map(({ word }) => new RegExp(`\\s(${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\s*:\\s*\\S`, 'giu'));

/** Inline labels after other text ("… kl. 10:00 Mødested: Mødelokale 1"): the text before, and the pairs. */
function splitInline(text: string): { before: string; pairs: LabelMatch[] } | null {
  const starts: number[] = [];
  for (const re of INLINE_LABELS) {
    for (const m of text.matchAll(re)) {
      // Only a capitalised label starts a pair inside a line: "… i stedet: …" is prose.
      if (/^\p{Lu}/u.test(m[1]!)) starts.push(m.index! + 1);
    }
  }
  if (starts.length === 0) return null;
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  const pairs = sorted.map((s, i) => matchLabel(text.slice(s, sorted[i + 1] ?? text.length))).filter((m): m is LabelMatch => m !== null && m.value !== null);
  return { before: text.slice(0, sorted[0]).trim(), pairs };
}

/** A line of an address: a street and its number ("Møllevej 11", "Sdr. Badevej 1B") or a postcode and town ("4140 Borup"). */
const ADDRESS_LINE = /^(?:\p{Lu}[\p{L}.\- ]{2,40}\s\d{1,4}[A-Za-z]?|\d{4}\s+\p{Lu}[\p{L}\- ]{1,30})$/u;

/**
 * "Forældrevalgte: A, B, C.": a group of a list, one word with its colon, before its people; or a
 * group of others named by where they come from ("Fra Velfærdsforvaltningen: A, B").
 */
const GROUP_OF_LIST = /^(\p{Lu}[\p{L}-]{3,30}|[Ff]ra\s+(?:[\p{L}-]+\s+){0,4}[\p{L}-]{3,40}):\s*(.*)$/u;
/** "- -", "–", "Ingen": a group with nobody in it. */
const NOBODY = /^(?:[-–\s]*|ingen\.?)$/iu;

/**
 * A list's group line under its label ("Deltagere:" / "Forældrevalgte: A, B, C." / "Skolerepræsentanter:
 * D, E." / "Elevrepræsentanter: - -"): the people it names, one value each; none for an empty group;
 * null when the line names other things than people (then it is no group of the list).
 */
function groupedNames(text: string, field: LabelField): string[] | null {
  const g = GROUP_OF_LIST.exec(text.trim());
  if (!g || roleOf(g[1]!) !== null) return null;
  const rest = g[2]!.trim().replace(/\.$/, '');
  if (NOBODY.test(rest)) return [];
  // "Afbud fra Rikke Sønderby": the absence list's own phrase, read as its value is.
  if (field === 'absent' && /^afbud fra\s/i.test(rest)) return [rest];
  const people = splitPeople(rest);
  const nameOf = (p: string) => (field === 'absent' ? parseAbsence(p).name : p.replace(/\s*\(.*\)\s*$/, ''));
  return people.length > 0 && people.every((p) => isPersonName(nameOf(p))) ? people : null;
}

/**
 * Whether a text is a label in use: alone, with a colon, or with the value it asks for. A text that
 * only starts with a label word ("Mødelokale 7" under "Mødested") is a value.
 */
function isLabelLine(text: string): boolean {
  const m = matchLabel(text);
  return m !== null && (m.value === null || m.colon || fits(m));
}

const pair = (m: LabelMatch, values: string[], line: Line): HeaderEntry => ({ kind: 'pair', field: m.field, label: m.label, values, colon: m.colon, line });

/** Reads the header's lines into label/value pairs and the lines that are none. */
export function readPairs(header: readonly Line[]): HeaderEntry[] {
  const out: HeaderEntry[] = [];
  // A copy, for what follows a row of labels' values to be read as a line of its own.
  const all = header.slice();
  const lines: readonly Line[] = all;
  // The list label whose entries the next lines may continue.
  // Names in a table under a list label are read column by column, as a two-column list is written.
  const state: { list: Extract<HeaderEntry, { kind: 'pair' }> | null; rows: string[][]; after: string[] } = { list: null, rows: [], after: [] };
  const flushColumns = () => {
    state.list?.values.push(...tableListValues(state.rows, state.after));
    state.rows = [];
    state.after = [];
  };
  const open = (entry: HeaderEntry, isList: boolean) => {
    flushColumns();
    out.push(entry);
    state.list = isList && entry.kind === 'pair' ? entry : null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cells = line.cells?.map((c) => c.trim()) ?? null;
    if (cells && cells.filter(Boolean).length >= 2) {
      const labels = cells.map((c) => (c ? matchLabel(c) : null));
      const next = lines[i + 1];
      if (labels.every((m, j) => !cells[j] || (m && m.value === null)) && next?.cells && next.cells.length === cells.length) {
        // A row of labels over a row of values.
        cells.forEach((c, j) => c && open(pair(labels[j]!, next.cells![j]!.trim() ? [next.cells![j]!.trim()] : [], line), false));
        i++;
        continue;
      }
      if (labels[0] && labels[0].value === null) {
        // "Mødested: ¦ Rådhuset" (and more pairs along the row): each label cell takes the cell after it.
        for (let j = 0; j < cells.length; j++) {
          const m = labels[j];
          if (!m || m.value !== null) continue;
          const value = j + 1 < cells.length && !labels[j + 1] ? cells[++j]! : '';
          open(pair(m, value ? [value] : [], line), m.list);
        }
        continue;
      }
      if (state.list) {
        state.rows.push(cells);
        continue;
      }
      if (isMemberTableHeader(cells)) {
        // "Navn ¦ Parti ¦ Funktion" over the members: a list without a label.
        open({ kind: 'pair', field: 'participants', label: cells.join(' '), values: [], colon: false, line }, true);
        continue;
      }
      open({ kind: 'text', line }, false);
      continue;
    }
    const text = line.text.trim();
    const group = groupHeading(line);
    if (group) {
      open({ kind: 'pair', field: 'others', label: group, values: [], colon: false, line }, true);
      continue;
    }
    const m = matchLabel(text);
    const grouped = state.list && !m ? groupedNames(text, state.list.field) : null;
    if (grouped) {
      state.list!.values.push(...grouped);
      continue;
    }
    const row = labelRow(text);
    if (row) {
      // A row of labels with their values after it: each label takes its values in the row's order.
      const lead = row.before ? matchLabel(row.before) : null;
      if (lead && (lead.colon || fits(lead))) open(pair(lead, [lead.value!], line), false);
      else if (row.before) open({ kind: 'text', line: { ...line, text: row.before } }, false);
      else flushColumns();
      for (const p of row.pairs) out.push(pair(p.match, p.values, line));
      state.list = null;
      // What follows the row's values ("Afbud: …", a remark) is read as the header's next line.
      if (row.after) all.splice(i + 1, 0, { ...line, text: row.after });
      continue;
    }
    const spread = spreadRow(lines, i);
    if (spread) {
      if (spread.row.before) open({ kind: 'text', line: { ...line, text: spread.row.before } }, false);
      else flushColumns();
      for (const p of spread.row.pairs) out.push(pair(p.match, p.values, line));
      state.list = null;
      if (spread.row.after) all.splice(spread.last + 1, 0, { ...lines[spread.last]!, text: spread.row.after });
      i = spread.last;
      continue;
    }
    if (m && m.value === null) {
      const next = lines[i + 1];
      // A next line that opens a row of labels spread over lines ("… Sted" / "Mødetidspunkt" / …) is no value.
      // "Mødested:" over "Bemærkninger:": a word with its colon is a label the lexicon lacks, no value.
      const unknownLabel = next !== undefined && /^\p{Lu}[\p{L}.\- ]{0,30}:$/u.test(next.text.trim());
      if (!m.list && m.field !== 'none' && next && !unknownLabel && !isLabelLine(next.text) && next.text.trim() && !next.cells?.some((c) => matchLabel(c)) && !spreadRow(lines, i + 1)) {
        // "MØDESTED" over "Rådhuset": the next line is the value; a place's address lines under it
        // ("Møllevej 11" / "4140 Borup") are the value's too.
        const value = [next.text.trim()];
        i++;
        while (m.field === 'place' && value.length < 3 && ADDRESS_LINE.test(lines[i + 1]?.text.trim() ?? '')) value.push(lines[++i]!.text.trim());
        open(pair(m, [value.join(', ')], line), false);
      } else open(pair(m, [], line), m.list);
      continue;
    }
    if (m && (m.colon || fits(m))) {
      open(pair(m, [m.value!], line), m.list);
      continue;
    }
    if (state.list && continuesList(line, state.list.field)) {
      // A name alone after the rows ends the first column (the second one is shorter).
      if (state.rows.length > 0) state.after.push(text);
      else state.list.values.push(text);
      continue;
    }
    const inline = splitInline(text);
    if (inline && inline.before) {
      open({ kind: 'text', line: { ...line, text: inline.before } }, false);
      for (const p of inline.pairs) out.push(pair(p, [p.value!], line));
      continue;
    }
    open({ kind: 'text', line }, false);
  }
  flushColumns();
  sideBySideLists(out, lines);
  return out;
}

/**
 * "I mødet deltager:" / "Afbud fra: Formand A" / "Næstformand B" / …: two list labels side by side,
 * as a transcript gives them — the first, empty, directly over the second, whose long run of names
 * is the first column's (the column under the second, an absence list, is short and comes last).
 * With four names or more under the second label, they are moved to the first.
 */
function sideBySideLists(out: HeaderEntry[], lines: readonly Line[]): void {
  for (let k = 1; k < out.length; k++) {
    const [first, second] = [out[k - 1]!, out[k]!];
    if (first.kind !== 'pair' || second.kind !== 'pair') continue;
    if (first.field !== 'participants' || second.field === 'participants' || first.values.length > 0 || !first.colon) continue;
    if (second.values.length < 4 || lines.indexOf(second.line) !== lines.indexOf(first.line) + 1) continue;
    if (!FRONT_LABELS.some((l) => l.field === second.field && l.list)) continue;
    first.values.push(...second.values.splice(0));
    second.values.push(...secondColumn(first.values));
  }
}

/**
 * The second column's entries at the end of a side-by-side run of role-led entries ("Formand A",
 * "Bestyrelsesmedlem B", …, "Vandchef C", "Bestyrelsesmedlem D …"): a short tail whose roles are
 * the first half's, after an entry whose role the first half has not (the staff under the
 * members); its last entry, run on into the next text, is cut to a role and a name of the
 * document's length. Taken off the run and returned; none when the run is not so.
 */
function secondColumn(values: string[]): string[] {
  const roles = values.map((v) => (roleOf(v) !== null ? v.split(/\s+/)[0]!.toLowerCase() : null));
  const half = roles.slice(0, Math.ceil(values.length / 2));
  if (values.length < 6 || half.some((r) => r === null)) return [];
  const leading = new Set(half);
  let k = values.length;
  while (k > 0 && roles[k - 1] !== null && leading.has(roles[k - 1]!)) k--;
  const tail = values.length - k;
  if (tail === 0 || tail * 3 > values.length || k === 0 || (roles[k - 1] !== null && leading.has(roles[k - 1]!))) return [];
  const taken = values.splice(k);
  const words = (v: string) => v.split(/\s+/).length;
  const typical = [...values].map(words).sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const last = taken[taken.length - 1]!;
  if (words(last) > typical + 2) taken[taken.length - 1] = last.split(/\s+/).slice(0, typical).join(' ');
  return taken;
}

/** A label word at the start of a text, capitalised as a header prints it, with an optional colon. */
function leadingLabel(text: string, lower: string, at: number): { match: LabelMatch; length: number } | null {
  if (!/\p{Lu}/u.test(text[at] ?? '')) return null;
  let best: { match: LabelMatch; length: number } | null = null;
  for (const { word, field, list } of FRONT_LABELS) {
    if (field === 'none' || !lower.startsWith(word, at)) continue;
    // Only the few characters after the word are looked at: a long text is not copied per label.
    const end = /^\s*:?(?:\s+|$)/.exec(text.slice(at + word.length, at + word.length + 8));
    if (!end || (best && best.length >= word.length + end[0].length)) continue;
    best = { match: { field, list, label: text.slice(at, at + word.length), value: null, colon: end[0].includes(':') }, length: word.length + end[0].length };
  }
  return best;
}

const wordCount = (text: string) => text.replace(/\s*\([^)]*\)\s*$/, '').split(/\s+/).filter(Boolean).length;

/** The middle of the word counts of a list's names: how long a name of this document is. */
function typicalNameLength(entries: readonly string[]): number {
  const counts = entries.map(wordCount).sort((a, b) => a - b);
  return counts.length === 0 ? 2 : Math.max(2, counts[Math.floor(counts.length / 2)]!);
}

/** The name at the end of a run of words: its trailing capitalised words, at most `max`, and the words before. */
function trailingName(text: string, max: number): { before: string; name: string } {
  const party = /\s*\([^)]*\)\s*$/.exec(text)?.[0] ?? '';
  const words = text.slice(0, text.length - party.length).split(/\s+/).filter(Boolean);
  let k = words.length;
  while (k > 0 && words.length - k < max && /^\p{Lu}/u.test(words[k - 1]!)) k--;
  // "… 8270 Højbjerg Bestyrelsesformand Karl Overgaard": the role before the name is the member's.
  if (k > 0 && roleOf(words[k - 1]!) !== null) k--;
  return { before: words.slice(0, k).join(' '), name: words.slice(k).join(' ') + party };
}

/** "23. maj 2008, kl" / "kl. 10.00" at the start of a row's values: the value of its date or time label. */
const LEADING_WHEN = /^(?:(?:\p{Lu}\p{Ll}+dag\s+)?(?:den\s+)?\d{1,2}\.\s*\p{L}+\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{4})(?:\s*,?\s*(?:kl\.?|klokken)?\s*(?:\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?)?)?\s*|^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*/u;

/**
 * The values of a row of labels printed before them, in the labels' order ("Sted Medlemmer
 * Fraværende Byrådssalen, Rådhus A B, C D, E F C D"): a date or time the row's values start with is
 * its date or time label's, whatever the order; the place ends where the list of people after it
 * begins (its first entry is longer than the document's names, the name — with a role before it —
 * being its last words); a list of people ends at its last comma-separated entry, whose words
 * beyond a name are the next list's — a name the first list already holds (the absent member is a
 * member) when there is one — or, with one list, the header's next lines. Null when the values
 * cannot be parted so.
 */
function labelRowValues(labels: readonly LabelMatch[], text: string): { values: string[][]; rest: string } | null {
  const out: string[][] = labels.map(() => []);
  const firstList = labels.findIndex((l) => l.list);
  if (firstList < 0 || labels.slice(firstList).some((l) => !l.list)) return null;
  const single = labels.slice(0, firstList);
  let rest = text;
  const whenAt = single.findIndex((l) => l.field === 'date' || l.field === 'time' || l.field === 'start' || l.field === 'timeAndPlace');
  const when = whenAt >= 0 ? LEADING_WHEN.exec(rest) : null;
  if (when && when[0].trim()) {
    out[whenAt]!.push(when[0].trim().replace(/,$/, ''));
    rest = rest.slice(when[0].length);
  }
  const others = single.map((_, j) => j).filter((j) => j !== (when && when[0].trim() ? whenAt : -1));
  if (others.length > 1) return null;
  // A time label left empty ("Mødet hævet:" of an agenda) takes no words of the names as a place.
  if (others.some((j) => ['date', 'time', 'start', 'end', 'timeAndPlace'].includes(single[j]!.field))) return null;
  const entries = rest.split(/\s*,\s*/).filter(Boolean);
  if (entries.length < 3) return null;
  const typical = typicalNameLength(entries.slice(1, -1));
  let at = 0;
  if (others.length === 1) {
    // The place: the entries before the first name, and the words before the name of the entry that holds it.
    const place: string[] = [];
    // "Midttrafik, Søren Nymarks Vej 3, 8270 Højbjerg A B (…)": a street with its number is the place's too.
    while (at < entries.length && ((wordCount(entries[at]!) <= typical && !looksLikeName(entries[at]!)) || /\s\d+\p{L}?$/u.test(entries[at]!))) place.push(entries[at++]!);
    const first = entries[at];
    if (!first || wordCount(first) <= typical) return null;
    const { before, name } = trailingName(first, typical);
    if (!before || !name) return null;
    place.push(before);
    out[others[0]!]!.push(place.join(', '));
    entries[at] = name;
  }
  const names = entries.slice(at);
  const lists = out.slice(firstList);
  const last = names.pop()!;
  let after = '';
  if (lists.length === 1) {
    // The list's last entry ends with its name: after the parenthesis the others end with, or at the first sentence's end.
    const withParty = names.filter((n) => /\)$/.test(n)).length * 2 > names.length;
    const end = withParty ? /\)/.exec(last) : /[.!?](?=\s+\p{Lu})/u.exec(last);
    const cut = end ? end.index + 1 : last.length;
    names.push(last.slice(0, cut).trim());
    after = last.slice(cut).trim();
    lists[0]!.push(...names.filter(Boolean));
    return { values: out, rest: after };
  }
  if (lists.length !== 2) return null;
  // The second list's name: one the first list holds, at the end of the last entry; else the last entry is the first list's.
  const repeated = names.find((n) => new RegExp(`\\s${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`).test(last));
  if (repeated) {
    names.push(last.slice(0, last.indexOf(` ${repeated}`)).trim());
    lists[1]!.push(repeated);
  } else names.push(last);
  lists[0]!.push(...names.filter(Boolean));
  return { values: out, rest: after };
}

/**
 * A row of labels a transcript broke over lines: labels alone on their lines ("Mødested:" /
 * "Deltagere: Borgmesterens mødelokale A (V), B (C)"), the first perhaps at the end of the line
 * before ("Referat fra … Sted" / "Mødetidspunkt" / "Mødedeltagere 23. maj 2008, kl Rådhuset, …"),
 * then the line that starts with the last label and holds all their values, and the line after it
 * when it is no label (the names went on). The row, and the index of its last line; or null.
 */
function spreadRow(lines: readonly Line[], i: number): { row: NonNullable<ReturnType<typeof labelRow>>; last: number } | null {
  const line = lines[i]!;
  if (line.cells) return null;
  const alone = (l: Line | undefined) => l !== undefined && !l.cells && matchLabel(l.text)?.value === null;
  const own = alone(line);
  // A line that is no label opens the row only with its last word a label and a label alone after it.
  if (!own && !(alone(lines[i + 1]) && /\s\p{Lu}\p{Ll}+:?$/u.test(line.text.trim()) && matchLabel(line.text.trim().split(/\s+/).pop()!)?.value === null)) return null;
  // A row has a few labels: a longer run of labels alone is a list of them, and is not scanned from each of its lines.
  let j = i + 1;
  while (alone(lines[j]) && j - i < 8) j++;
  const valueLine = lines[j];
  if (!valueLine || valueLine.cells || !matchLabel(valueLine.text)) return null;
  const labelsAlone = j - i + (own ? 0 : -1) + 1;
  const more = lines[j + 1] && !lines[j + 1]!.cells && !matchLabel(lines[j + 1]!.text) && lines[j + 1]!.text.trim() ? j + 1 : j;
  for (const last of more === j ? [j] : [more, j]) {
    const row = labelRow(lines.slice(i, last + 1).map((l) => l.text.trim()).join(' '));
    if (row && row.pairs.length === labelsAlone + (own ? 0 : 1) && (own ? !row.before : row.before !== '')) return { row, last };
  }
  return null;
}

/**
 * A row of two or more labels with their values after it, in one text ("Mødested: Deltagere:
 * Borgmesterens mødelokale A (V), B (C) …", "Sted Medlemmer Fraværende Rådhuset A, B, C"): the
 * text before the row, and the pairs learnt from the order of the labels. Null when the text holds
 * no such row or its values do not part.
 */
export function labelRow(text: string): { before: string; pairs: Array<{ match: LabelMatch; values: string[] }>; after: string } | null {
  const lower = text.toLowerCase();
  const starts = [...text.matchAll(/(?:^|\s)(?=\p{Lu})/gu)].map((m) => m.index! + m[0].length);
  for (const s of starts) {
    const labels: LabelMatch[] = [];
    let at = s;
    for (let found = leadingLabel(text, lower, at); found; found = leadingLabel(text, lower, at)) {
      labels.push(found.match);
      at += found.length;
    }
    if (labels.length < 2 || !labels.some((l) => l.list)) continue;
    // The values run up to the next label with its colon ("Afbud:"), which the rest of the header reads.
    const tail = text.slice(at);
    const stop = /\s(\p{Lu}[\p{L}]+)\s*:/u.exec(tail);
    const read = labelRowValues(labels, stop ? tail.slice(0, stop.index) : tail);
    if (!read) continue;
    const after = [read.rest, stop ? tail.slice(stop.index).trim() : ''].filter(Boolean).join(' ');
    return { before: text.slice(0, s).trim(), pairs: labels.map((match, j) => ({ match, values: read.values[j]! })), after };
  }
  return null;
}
