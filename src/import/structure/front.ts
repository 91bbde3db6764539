/**
 * @module The front matter before the first item: document kind banner, body, date, time,
 * place, participants, afbud, others present; the rest (mission, vision, notes) kept as blocks.
 */
import type { Absence, Attendee, Block, DocumentKind, Participant } from '../../model/index.js';
import type { Line } from '../line.js';
import { buildBlocks, type LayoutHints } from './blocks.js';
import { findDate, findTimes } from './dates.js';
import { endsSentence, joinBroken, mendSpacedHyphens, startsLower } from './join.js';
import { parseAbsence, parseAttendee, parseParticipant } from './participants.js';

export interface FrontMatter {
  kindHint: DocumentKind | null;
  title: string | null;
  body: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  online: boolean;
  attendanceNote: string | null;
  participants: Participant[];
  absent: Absence[];
  others: Attendee[];
  blocks: Block[];
}

type State = { list: 'none' } | { list: 'participants' } | { list: 'absent' } | { list: 'others'; group: string };

const BANNER = /^(referat|dagsorden)(\s+\d{4})?$/i;
const TITLE = /^(referat|dagsorden)\s+(af|fra|for|til|over)\s+/i;
const ONLINE = /\b(skype|teams|online|zoom|virtuelt?|digitalt|videomøde)\b/i;

/** True for a meeting place that is online ("via Skype", "Teams", "videomøde"). */
export function isOnline(location: string | null): boolean {
  return location !== null && ONLINE.test(location);
}

const kindOf = (word: string): DocumentKind => (/^referat/i.test(word) ? 'minutes' : 'agenda');

const SMALL_WORDS = new Set(['og', 'i', 'for', 'af', 'til', 'med', 'om', 'på']);

/** "KKR MIDTJYLLAND" → "KKR Midtjylland", "TEKNIK- OG MILJØUDVALGET" → "Teknik- og Miljøudvalget". */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((w, i) => {
      if (i > 0 && SMALL_WORDS.has(w.toLowerCase())) return w.toLowerCase();
      // Short all-capital words are acronyms (KKR, KL).
      return w.replace(/[^\p{L}]/gu, '').length <= 3 || /\d/.test(w) ? w : w[0] + w.slice(1).toLowerCase();
    })
    .join(' ');
}

/** "Byrådet – Referat": a body name and the document kind on one line. */
const BODY_AND_KIND = /^(.+?)\s+[–-]\s+(referat|dagsorden)$/i;

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && text.length <= 60;
}

function looksLikeName(text: string): boolean {
  if (text.length > 110 || /@|https?:|www\./.test(text) || text.split(' ').length > 14) return false;
  return /^\p{Lu}/u.test(text) && !/[.!?:]$/.test(text) && (text.match(/\p{Lu}\p{L}+/gu)?.length ?? 0) >= 2;
}

/** "A (A), formand, B (V), C (F)" → one entry per person (a lower-case part is a role). */
function splitNames(text: string): string[] {
  return text.split(/,\s*(?=\p{Lu})/u).map((s) => s.trim()).filter(Boolean);
}

/** Reads the front matter lines into meeting fields and leftover blocks. */
export function readFrontMatter(lines: readonly Line[], hints: LayoutHints): FrontMatter {
  const front: FrontMatter = {
    kindHint: null, title: null, body: null, date: null, startTime: null, endTime: null, location: null,
    online: false, attendanceNote: null, participants: [], absent: [], others: [], blocks: [],
  };
  const rest: Line[] = [];
  let state: State = { list: 'none' };
  let previousText: string | null = null;
  for (const line of joinContinuations(lines)) {
    const text = line.text.trim();
    let m: RegExpExecArray | null;
    const afterBanner = previousText !== null && BANNER.test(previousText);
    previousText = text;
    if (BANNER.test(text)) front.kindHint = kindOf(text);
    else if ((m = BODY_AND_KIND.exec(text)) && front.body === null) {
      front.body = m[1]!.trim();
      front.kindHint = kindOf(m[2]!);
    } else if (afterBanner && front.body === null && text.length <= 60 && !text.includes(':') && /^\p{Lu}/u.test(text)) {
      // The line under the banner names the body ("Regional Udviklingsudvalg", "KKR MIDTJYLLAND").
      front.body = isAllCaps(text) ? titleCase(text) : text;
    }
    else if (TITLE.test(text) && front.title === null) {
      front.title = mendSpacedHyphens(text);
      front.kindHint ??= kindOf(text);
      front.date ??= findDate(text);
    } else if (isAllCaps(text) && front.body === null && !line.cells) front.body = titleCase(text);
    else if (front.date === null && findDate(text) && /\bkl\.?\s*\d/i.test(text) && text.length <= 120) readDateLine(front, text);
    else if ((m = /^(?:møde)?dato\s*:\s*(.+)$/i.exec(text))) {
      front.date = findDate(m[1]!);
      ({ start: front.startTime, end: front.endTime } = findTimes(m[1]!));
    } else if ((m = /^(?:sted|mødested)\s*:\s*(.+)$/i.exec(text))) front.location = m[1]!.trim();
    else if ((m = /^tid og sted\s*:\s*(.+)$/i.exec(text))) readTimeAndPlace(front, m[1]!);
    else if ((m = /^(?:mødetidspunkt|mødetid|tidspunkt|tid|klokken|kl\.)\s*:?\s*(\d.*)$/i.exec(text)) && front.startTime === null) {
      ({ start: front.startTime, end: front.endTime } = findTimes(m[1]!));
    }
    else if (/^(deltagerfortegnelse|indholdsfortegnelse|indhold)$/i.test(text)) state = { list: 'none' };
    else if ((m = /^(?:deltagere|til stede|fremmødte|medlemmer)\s*:?\s*(.*)$/i.exec(text))) {
      state = { list: 'participants' };
      if (m[1] && !looksLikeName(m[1]) && !/\(\p{Lu}{1,2}\)/u.test(m[1])) front.attendanceNote = m[1];
      else if (m[1]) front.participants.push(...splitNames(m[1]).map(parseParticipant));
    } else if ((m = /^(?:afbud|fraværende|fravær)\s*:?\s*(.*)$/i.exec(text))) {
      state = { list: 'absent' };
      if (m[1]) front.absent.push(parseAbsence(m[1]));
    } else if ((m = /^(fra\s+.+)$/i.exec(text)) && (line.bold || line.heading > 0) && text.length <= 60) {
      state = { list: 'others', group: m[1]! };
    } else if (state.list !== 'none' && looksLikeName(text)) {
      if (state.list === 'participants') front.participants.push(parseParticipant(text));
      else if (state.list === 'absent') front.absent.push(parseAbsence(text));
      else front.others.push(parseAttendee(text, state.group));
    } else {
      state = { list: 'none' };
      rest.push(line);
    }
  }
  front.blocks = buildBlocks(rest, hints);
  return front;
}

/** A wrapped label line ("Deltagere: … KKR" + "sekretariatet samt …") is one line. */
function joinContinuations(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    if (prev && !line.breakBefore && !line.list && !line.cells && (startsLower(line.text) || /,$/.test(prev.text)) && !endsSentence(prev.text)) {
      out[out.length - 1] = { ...prev, text: joinBroken(prev.text, line.text), links: [...prev.links, ...line.links] };
    } else out.push(line);
  }
  return out;
}

/** "Tirsdag den 5. marts 2024 kl. 16.00 i Udvalgsværelse 2": date, time and the place after it. */
function readDateLine(front: FrontMatter, text: string): void {
  front.date = findDate(text);
  ({ start: front.startTime, end: front.endTime } = findTimes(text));
  const place = /\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*(?:,\s*|\s+i\s+|\s+på\s+)(.+)$/.exec(text);
  if (place && front.location === null) {
    front.location = place[1]!.trim();
    front.online = isOnline(front.location);
  }
}

/** "Fredag den 28. august 2020, kl. 10.00 – 13.00, via Skype". */
function readTimeAndPlace(front: FrontMatter, text: string): void {
  front.date = findDate(text);
  ({ start: front.startTime, end: front.endTime } = findTimes(text));
  const place = text
    .split(/,\s*/)
    .filter((part) => !findDate(part) && !/\bkl\.|\d{1,2}[:.]\d{2}/.test(part) && !/^(man|tirs|ons|tors|fre|lør|søn)dag\b/i.test(part));
  front.location = place.join(', ').trim() || null;
  front.online = isOnline(text);
}
