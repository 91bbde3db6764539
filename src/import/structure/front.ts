/**
 * @module The front matter before the first item: document kind banner, body, date, time,
 * place, participants, afbud, others present; the rest (mission, vision, notes) kept as blocks.
 */
import type { Absence, AgendaItem, Attendee, Block, DocumentKind, Participant } from '../../model/index.js';
import type { Line } from '../line.js';
import { buildBlocks, type LayoutHints } from './blocks.js';
import { completeYearlessDate, findDate, findTimes } from './dates.js';
import { endsSentence, joinBroken, mendSpacedHyphens, startsLower } from './join.js';
import { ABSENT_NOTES, FRONT_LABELS, HEADING_WORDS, ITEM_ABSENCE_PHRASES, MEETING_FACT_WORDS, MUNICIPALITIES, WEEKDAYS, type LabelField } from '../lexicon/index.js';
import { readPairs } from './labels.js';
import { blockText, sectionTypeOf } from '../../model/index.js';
import { decidingBody } from './body.js';
import { bodyOfMeetingIn, bodyOfMeetingNoun, bodyOfNamedMeeting } from './meeting-facts.js';
import { isTocLabel } from './toc.js';
import { readAbsent, readMembers } from './member-list.js';
import { isPersonName, parseAbsence, parseAttendee, parseParticipant, segmentNames, substituteFor } from './participants.js';

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

/** The kind words a header prints: minutes ("Referat", "Protokol", "Beslutningsprotokol") or agenda ("Dagsorden"). */
const KIND_WORD = 'dagsorden\\/referat|dagsorden og referat|referat|dagsorden|protokol|beslutningsprotokol';
const BANNER = new RegExp(`^(${KIND_WORD})(\\s+\\d{4})?$`, 'i');
// "Referat. af mødet i …": a viewer's title keeps the full stop a PDF's line break left.
const TITLE = new RegExp(`^(${KIND_WORD})\\.?\\s+(af|fra|for|til|over)\\s+`, 'i');
const ONLINE = /\b(skype|teams|online|zoom|virtuelt?|digitalt|videomøde)\b/i;

/** True for a meeting place that is online ("via Skype", "Teams", "videomøde"). */
export function isOnline(location: string | null): boolean {
  return location !== null && ONLINE.test(location);
}

/** "Referat fra ", "Dagsorden til ": the kind's words before a title's meeting noun. */
const KIND_LEAD = new RegExp(`^(?:${KIND_WORD})\\.?\\s+(?:af|fra|for|til|over)\\s+`, 'i');

// "Dagsorden/Referat fra …": an agenda with the minutes written into it is minutes.
const kindOf = (word: string): DocumentKind => (/^(?:referat|protokol|beslutningsprotokol|dagsorden(?:\/| og )referat)/i.test(word) ? 'minutes' : 'agenda');

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

/** Place names (municipalities, regions without "Region") in capitals, longest first. */
const PLACES = [...new Set(MUNICIPALITIES.map((m) => m.name.replace(/^Region /, '').toUpperCase()))].sort((a, b) => b.length - a.length);

/**
 * A letter-spaced header ("K K R S Y D D A N M A R K", "T E K N I K - OG M I L J Ø U D V A L G E T",
 * KL's templates) with its words joined again: a run of single capitals is one word, a hyphen the
 * spacing moved off its word goes back ("TEKNIK - OG" → "TEKNIK- OG"), and a place name the run
 * ends with is a word of its own ("KKRSYDDANMARK" → "KKR SYDDANMARK").
 */
export function unspaceLetters(text: string): string {
  const joined = text.replace(/(?<!\p{L})\p{Lu}(?: \p{Lu}){2,}(?!\p{L})/gu, (run) => {
    const word = run.replace(/ /g, '');
    const place = PLACES.find((p) => word.length > p.length + 1 && word.endsWith(p));
    return place ? `${word.slice(0, -place.length)} ${place}` : word;
  });
  return joined === text ? text : joined.replace(/(\p{Lu}{2,}) - (OG|ELLER)\b/gu, '$1- $2');
}

/** "Byrådet – Referat" (– 14. marts 2024): a body name and the document kind on one line, perhaps the date. */
const BODY_AND_KIND = /^(.+?)\s+[–-]\s+(referat|dagsorden)(?:\s+[–-]\s+(.+)|\s+(\d{1,2}[-.]\d{1,2}[-.]\d{4}|\d{1,2}\.?\s+\p{L}+\s+\d{4}))?$/iu;
/** "Det fælles landdistriktsråd - Dagsordener og referater": the body, then the site's section for its papers (no kind). */
const BODY_AND_SECTION = /^(\p{Lu}[^:\d]{2,80}?)\s+[–-]\s+(?:dagsordener og referater|referater og dagsordener|dagsordener\/referater)$/iu;
/** "ÅBEN DAGSORDEN ØKONOMIUDVALG": the access and kind a transcript's banner prints before the body's name. */
const ACCESS_KIND_BODY = /^(?:åben|åbent|lukket)\s+(referat|dagsorden)\s+(\p{Lu}[^:\d]{2,80}?)\.?$/iu;
/** "Referat - Regionsrådet 2018-2021": the kind, then the body and perhaps its electoral period. */
const KIND_THEN_BODY = /^(referat|dagsorden)\s+[–-]\s+(\p{Lu}[^:\d]{1,80}?)(?:\s+\d{4}\s?[-–]\s?\d{2,4})?$/iu;

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && text.length <= 60;
}

/** "Torsdag den 20. juni 2013", "Den 27.10.2020 kl. 17:00", "08-03-2021 16:00": a line that starts with the date. */
const DATE_FIRST = /^(?:(?:man|tirs|ons|tors|fre|lør|søn)dag(?:en)?,?\s+)?(?:den\s+|d\.\s*)?\d{1,2}(?:\.\s*\p{L}+\.?|[-./]\d{1,2}[-./])\s*\d{4}\b/iu;

/** True for a line that states the meeting's date (with its time and place, if any) and no more. */
function isDateLine(text: string): boolean {
  if (findDate(text) === null || text.length > 120) return false;
  // "Referat 27. januar 2021": a page's title naming its kind before the date dates the meeting alike.
  const dated = text.replace(KIND_BEFORE_DATE, '');
  return DATE_FIRST.test(dated) || OWNED_MEETING.test(text) ? text.length <= 90 : /\bkl\.?\s*\d/i.test(text);
}

/** A viewer's download line quoting the document's full title. */
const DOWNLOAD_TITLE = /^Download\s+["“](.+)["”]$/u;

/** A kind word right before a date ("Referat 27. januar 2021", "Dagsorden 03-05-2022"). */
const KIND_BEFORE_DATE = new RegExp(`^(?:${KIND_WORD})\\s+(?=\\d)`, 'i');

/** "Social og sundheds møde den 17. april 2023", "Byrådets møde 3. maj": the body's meeting, in the genitive, and its date. */
const OWNED_MEETING = /^(\p{Lu}[\p{L}\- ]{1,60}?\p{L})s\s+(?:\p{Ll}+\s+)?møde\s+(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+)?(?:den\s+|d\.\s*)?(?=\d)/u;

/** The body an owned meeting line names ("Social og sundheds møde den …" → "Social og sundhed"), else null. */
export function bodyOfOwnedMeeting(text: string): string | null {
  return OWNED_MEETING.exec(text.trim())?.[1] ?? null;
}

/** A time in a line of its own under the date ("Ekstraordinært møde - Mødelokale F7 kl. 12.00"). */
const TIME_AT = /(?:,\s*|\s+)(?:kl\.?|klokken)\s*(\d{1,2}[.:]\d{2})(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*$/i;

/**
 * An address line under the date that also gives the time, and perhaps the meeting's kind before
 * its place ("Ekstraordinært møde - Mødelokale F7 kl. 12.00"): the time is read, a part naming the
 * meeting is its title, and the rest is the place.
 */
function placeWithTime(front: FrontMatter, text: string): string {
  const time = TIME_AT.exec(text);
  if (!time) return text;
  ({ start: front.startTime, end: front.endTime } = front.startTime === null ? findTimes(time[0]) : { start: front.startTime, end: front.endTime });
  const parts = text.slice(0, time.index).split(/\s+[–-]\s+/);
  const meeting = parts.filter((p) => /\bmøde\b/i.test(p));
  if (meeting.length > 0 && meeting.length < parts.length) front.title ??= meeting.join(' - ');
  return parts.filter((p) => !meeting.includes(p) || meeting.length === parts.length).join(' - ');
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const AGENDA_APPROVAL = new RegExp(`^(?:${MEETING_FACT_WORDS.agendaApprovalLabels.map(escape).join('|')})\\s*:\\s*(.*)$`, 'iu');
const AGENDA_VERDICT = new RegExp(`^(?:${MEETING_FACT_WORDS.agendaVerdicts.map(escape).join('|')})(?![\\p{L}])`, 'iu');

/** An agenda's group heading ("DIVERSE SAGER", "SAGER REJST AF MEDLEMMERNE"): it names cases, never the body. */
function isGroupHeading(text: string): boolean {
  return text.length <= 80 && HEADING_WORDS.groupHeadings.some((p) => p.test(text));
}

/** A header line "Godkendelse af dagsorden: Godkendt." (or the verdict on the next line): the agenda's approval recorded. */
function approvesAgenda(text: string, next: () => string): boolean {
  // Lines are long or many (a fuzzed 60,000-page file): the label is tested first, the next line read only after it.
  if (text.length > 300) return false;
  const m = AGENDA_APPROVAL.exec(text.trim());
  if (!m) return false;
  return AGENDA_VERDICT.test(m[1]!.trim() === '' ? next().trim() : m[1]!.trim());
}

const APPROVAL_TITLE = new RegExp(`^(?:${MEETING_FACT_WORDS.agendaApprovalLabels.map(escape).join('|')})(?![\\p{L}])`, 'iu');

/**
 * An item "Godkendelse af dagsorden." whose text opens with the verdict ("Godkendt med disse
 * tilføjelser:"): the item records the meeting's verdict on its agenda, which only minutes do
 * (an agenda's item asks for it: "Dagsordenen godkendes").
 */
export function itemApprovesAgenda(item: AgendaItem): boolean {
  if (!APPROVAL_TITLE.test(item.title.trim())) return false;
  // The verdict opens the item's text, or its first section's when a page system heads every item's
  // text alike ("Sagsfremstilling" / "Dagsorden godkendt."): no agenda says "godkendt" before the meeting.
  const first = item.sections[0];
  const block = first?.blocks[0];
  return block !== undefined && AGENDA_VERDICT.test(blockText(block).trim());
}

/** "12:30 Webex", "kl. 16.00-18.00 Rådhuset, mødelokale 2": a start time (an end) and a place, unlabelled. */
const TIME_THEN_PLACE = /^((?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?)\s+(\p{Lu}.{1,79})$/iu;

/** "Dagsorden Hennys testudvalg 2. maj 2017 kl. 10:00": the kind word, the body, then the date. */
const KIND_BODY_DATE = /^(referat|dagsorden)\s+(?!(?:af|fra|for|til|over)\s)(\p{Lu}.*?)\s+(?=(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+)?(?:den\s+)?\d{1,2}(?:\.\s*\p{L}+|[-./]\d{1,2}[-./])\s*\d{4})/iu;

/** The body a title names when it is a name ("… mødet i Teknisk Udvalg den …"), not a description. */
const TITLE_BODY = /\bmødet? i (\p{Lu}[^,]*?)(?=\s+(?:den|d\.)\s+\d|\s+\d{1,2}[-./]|\s+(?:kl\.|klokken)|\s+(?:man|tirs|ons|tors|fre|lør|søn)dag\b|,|$)/u;

// Case is spelt out: the body's name must start with a capital, so the patterns are case-sensitive.
const WEEKDAY = `(?:${WEEKDAYS.map((d) => `[${d[0]!.toUpperCase()}${d[0]}]${d.slice(1)}`).join('|')})(?:en)?`;

/**
 * "Møde i Kommunalbestyrelsen mandag den 28. november 2005, Kl …" anywhere in a header line, as a
 * PDF's text transcript runs a whole page into one line: the meeting named with its weekday and
 * date (or "mødet i X den …"). The body named and the date, or null.
 */
const MEETING_PHRASE = new RegExp(
  String.raw`(?:^|\s)(?:[Mm]øde|[Mm]ødet|[Rr]eferat|REFERAT|[Dd]agsorden|DAGSORDEN)\.?\s+(?:(?:af|fra|for|til)\s+)?(?:mødet?\s+)?i\s+(\p{Lu}[\p{L}\-]*(?:\s+(?:og|for|i|\p{Lu}[\p{L}\-]*)){0,6}?),?\s+(?:${WEEKDAY},?\s+)?(?:den\s+|d\.\s*)?(?=\d{1,2}[.\-/ ])`,
  'u',
);
/** The place labels that name a room ("lokale", "mødelokale"), as words a meeting phrase writes after "i". */
const ROOM_WORDS = `(?:${FRONT_LABELS.filter((l) => l.field === 'place' && /lokale|sal$/.test(l.word)).map((l) => l.word).join('|')})`;
const WEEKDAY_DATE = new RegExp(String.raw`(?:^|\s)${WEEKDAY},?\s+(?:den\s+|d\.\s*)?(?=\d{1,2}[.\-/ ])`, 'u');

/** The meeting a long header line names (body, date, time right after the date), or null. */
export function meetingPhrase(text: string): { body: string | null; date: string; startTime: string | null; location: string | null } | null {
  const named = MEETING_PHRASE.exec(text);
  const at = named ?? WEEKDAY_DATE.exec(text);
  if (!at) return null;
  const after = text.slice(at.index + at[0].length);
  const date = findDate(after.slice(0, 40));
  if (!date) return null;
  // The time right after the date's year: "… 2005, kl. 17.00".
  const year = /\b\d{4}\b/.exec(after.slice(0, 40));
  const time = year ? /^[,\s]*(?:kl\.?|klokken)\s*(\d{1,2}[.:]\d{2})\b/i.exec(after.slice(year.index + 4)) : null;
  // The place after it, "i …" to the line's end ("…, Kl i Kommunalbestyrelsens mødesal", the time lost): short, no sentence.
  // A room named by its place word starts in lower case ("… Kl. 10.00 i lokale M1 på Wiedergården").
  const place = year ? new RegExp(String.raw`^[,\s]*(?:(?:[Kk]l\.?|[Kk]lokken)(?:\s*\d{1,2}[.:]\d{2})?\s+)?i\s+((?:\p{Lu}|${ROOM_WORDS}\s+\S)[^.!?:;]{2,60})$`, 'u').exec(after.slice(year.index + 4)) : null;
  return { body: named ? named[1]!.trim() : null, date, startTime: time ? findTimes(time[1]!).start : null, location: place ? place[1]!.trim() : null };
}

/** A line that can be part of an address written under the date ("Kaløvig Kursuscenter", "8410 Rønde"). */
function isAddressPart(text: string): boolean {
  return text.length <= 80 && !/[.!?:;]$/.test(text) && !/:/.test(text) && /^[\p{Lu}\d]/u.test(text) && text.split(' ').length <= 10;
}

/** Reads the front matter lines into meeting fields and leftover blocks. */
export function readFrontMatter(lines: readonly Line[], hints: LayoutHints): FrontMatter {
  const front: FrontMatter = {
    kindHint: null, title: null, body: null, date: null, startTime: null, endTime: null, location: null,
    online: false, attendanceNote: null, participants: [], absent: [], others: [], blocks: [],
  };
  const rest: Line[] = [];
  const entries = readPairs(joinContinuations(lines));
  let previousText: string | null = null;
  // The line the body was read from as "Body – Referat – date": a breadcrumb trail ending in the
  // page's own banner ("Forside › … › Udvalget for X - Referat - 07. marts 2019") gives way to it.
  let banner: string | null = null;
  // The kind a page's title states with the body ("Forretningsudvalget - referat 05-12-2007"): a
  // "Dagsorden" heading over the list of items after it names the list, not the document's kind.
  let titledKind = false;
  // "Bestyrelsesmøde 29. januar 2016 …": the body a date line's meeting noun names, if no other does.
  let meetingOf: string | null = null;
  // Address lines under an unlabelled date or time ("Kl. 10:30" / "Kaløvig Kursuscenter" / "8410 Rønde").
  let place: string[] | null = null;
  const flushPlace = () => {
    if (place && place.length > 0 && front.location === null) setPlace(front, place.join(', '));
    place = null;
  };
  // The entry that gave the date: a time-and-place line right under it is the meeting's.
  let datedAt = -1;
  entries.forEach((entry, i) => {
    if (front.date !== null && datedAt === -1) datedAt = i - 1;
    if (entry.kind === 'pair') {
      const untimed = entry.field === 'time' && !entry.colon;
      if (!untimed) flushPlace();
      applyPair(front, entry.field, entry.label, entry.values);
      if (untimed) place ??= [];
      previousText = null;
      return;
    }
    const line = entry.line;
    // A PDF viewer's download button quotes the document's title ("Download \"Referat X tirsdag den …\""): the title is read.
    const text = line.text.trim().replace(DOWNLOAD_TITLE, '$1');
    const afterBanner = previousText !== null && BANNER.test(previousText);
    previousText = text;
    const next = entries[i + 1];
    let m: RegExpExecArray | null;
    // "Referat fra møde i X" under a dated line is the document's title, never its address.
    // "Skolebestyrelsesmøde den 27. januar kl. 18.30 …" under "Referat 27. januar 2021": the meeting's sentence, not its address.
    const restatesDate = front.date !== null && completeYearlessDate(text, front.date) === front.date;
    if (restatesDate && front.startTime === null) ({ start: front.startTime, end: front.endTime } = findTimes(text));
    if (place !== null && isAddressPart(text) && !isDateLine(text) && !restatesDate && !BANNER.test(text) && !TITLE.test(text)) {
      const where = placeWithTime(front, text);
      if (where !== '') place.push(where);
      // The line that gave the time ends the place.
      if (where !== text) flushPlace();
      return;
    }
    flushPlace();
    // "Social- og Beskæftigelsesudvalget - Referat 1. februar 2021" / "12:30 Webex": the start time
    // and the place, unlabelled, on the line under the one that dated the meeting.
    if (datedAt === i - 1 && front.startTime === null && front.location === null && (m = TIME_THEN_PLACE.exec(text)) && isAddressPart(m[2]!)) {
      ({ start: front.startTime, end: front.endTime } = findTimes(m[1]!));
      setPlace(front, m[2]!);
      return;
    }
    if (BANNER.test(text)) {
      if (!titledKind) front.kindHint = kindOf(text);
    }
    else if (front.body === null && text.length <= 100 && (m = ACCESS_KIND_BODY.exec(text)) && !isDateLine(m[2]!)) {
      front.kindHint ??= kindOf(m[1]!);
      front.body = isAllCaps(m[2]!) ? titleCase(unspaceLetters(m[2]!.trim())) : m[2]!.trim();
    } else if (front.body === null && text.length <= 100 && (m = KIND_THEN_BODY.exec(text)) && !isDateLine(m[2]!)) {
      front.kindHint ??= kindOf(m[1]!);
      front.body = m[2]!.trim();
    }
    // A banner is short; the pattern is quadratic in a long run of whitespace (seconds for a 300 KB line).
    else if (text.length <= 300 && (m = BODY_AND_KIND.exec(text)) && (front.body === null || (banner !== null && banner.length > text.length && banner.endsWith(text)))) {
      banner = text;
      front.body = m[1]!.trim();
      front.kindHint = kindOf(m[2]!);
      titledKind = true;
      // "Forretningsudvalget - referat 05-12-2007": the date may follow the kind without a dash.
      if (m[3] ?? m[4]) readDateLine(front, (m[3] ?? m[4])!);
    } else if (front.body === null && text.length <= 120 && (m = BODY_AND_SECTION.exec(text))) {
      front.body = m[1]!.trim();
    } else if ((m = KIND_BODY_DATE.exec(text)) && front.body === null) {
      front.kindHint = kindOf(m[1]!);
      // A name is capitalised ("Referat Beredskabskommissionen 11. november 2014"); "Referat
      // menighedsrådsmøde nr. 1 den …" names the meeting, whose noun names the body.
      if (/^\p{Lu}/u.test(m[2]!)) front.body = m[2]!.trim();
      else meetingOf ??= bodyOfMeetingNoun(m[2]!.trim());
      readDateLine(front, text.slice(m[0].length));
    } else if (afterBanner && front.body === null && text.length <= 60 && !text.includes(':') && /^\p{Lu}/u.test(text) && !isDateLine(text) && !isTocLabel(line) && !isGroupHeading(text)) {
      // The line under the banner names the body ("Regional Udviklingsudvalg", "KKR MIDTJYLLAND").
      front.body = isAllCaps(text) ? titleCase(unspaceLetters(text)) : text;
    } else if (TITLE.test(text) && front.title === null) {
      front.title = mendSpacedHyphens(text);
      front.kindHint ??= kindOf(text);
      if (front.date === null) readDateLine(front, front.title);
      const named = TITLE_BODY.exec(front.title);
      if (named && front.body === null) front.body = named[1]!.trim();
      meetingOf ??= bodyOfMeetingNoun(front.title.replace(KIND_LEAD, '')) ?? bodyOfMeetingIn(front.title) ?? bodyOfNamedMeeting(front.title);
    } else if (front.date === null && isDateLine(text)) {
      readDateLine(front, text);
      // "Referat 27. januar 2021": the title's kind word says what the document is.
      const kind = KIND_BEFORE_DATE.exec(text);
      if (kind) front.kindHint ??= kindOf(kind[0].trim());
      meetingOf ??= bodyOfMeetingNoun(text) ?? bodyOfOwnedMeeting(text) ?? bodyOfMeetingIn(text);
      place = front.location === null ? [] : null;
    } else if (
      front.title === null && front.body !== null && front.date === null && text.length <= 60 && !text.includes(':') &&
      next?.kind === 'text' && isDateLine(next.line.text.trim())
    ) {
      // Between the body and the date: the meeting's own name ("Ekstraordinært PUK").
      front.title = text;
    } else if (isAllCaps(text) && !/:$/.test(text) && front.body === null && !line.cells && !isGroupHeading(text)) front.body = titleCase(unspaceLetters(text));
    else {
      // "Bestyrelsesmøde i Sydtrafik", "Referat fra Repræsentantskabsmøde i Midttrafik": a title's meeting noun.
      if (text.length <= 80) meetingOf ??= bodyOfMeetingNoun(text.replace(KIND_LEAD, ''));
      meetingOf ??= bodyOfMeetingIn(text) ?? bodyOfNamedMeeting(text);
      rest.push(line);
    }
  });
  flushPlace();
  if (front.date === null) readMeetingPhrase(front, entries);
  // "Referat af Ældrerådsmøde den 3.april 2017" over "… Mandag den 03.april 2017 Kl. 10.00 i lokale
  // M1 på Wiedergården": a title gave the date; the meeting's sentence, of the same date, its time and room.
  else if (front.startTime === null || front.location === null) readMeetingPhrase(front, entries, true);
  if (front.date === null && front.body === null) readDecisionHeading(front, entries);
  if (front.location === null) readHeldPhrase(front, entries);
  // "Godkendelse af dagsorden:" / "Godkendt.": the header records the meeting's verdict on its
  // agenda, which only minutes do (an agenda leaves the label empty or has no such line).
  if (front.kindHint === null && lines.some((l, i) => approvesAgenda(l.text, () => lines.slice(i + 1, i + 4).find((n) => n.text.trim() !== '')?.text ?? ''))) front.kindHint = 'minutes';
  front.body ??= meetingOf;
  front.blocks = buildBlocks(rest, hints);
  front.absent = mergedAbsences(front.absent);
  return front;
}

/**
 * One afbud per person: a members' list that names a stand-in ("X, suppleant for Y") and an afbud
 * list that names Y again are one absence, with the substitute.
 */
function mergedAbsences(absent: readonly Absence[]): Absence[] {
  const merged: Absence[] = [];
  for (const a of absent) {
    const known = merged.find((m) => m.name === a.name);
    if (!known) merged.push({ ...a });
    else {
      known.substitute ??= a.substitute;
      known.party ??= a.party;
      known.municipality ??= a.municipality;
    }
  }
  return merged;
}

/** Without a date line: the meeting a long header line names ("Møde i X mandag den …", a PDF transcript's page). */
function readMeetingPhrase(front: FrontMatter, entries: ReturnType<typeof readPairs>, fillOnly = false): void {
  for (const entry of entries) {
    if (entry.kind !== 'text') continue;
    const found = meetingPhrase(entry.line.text);
    if (!found) continue;
    if (fillOnly) {
      if (found.date !== front.date) continue;
      front.startTime ??= found.startTime;
      if (found.location && front.location === null) setPlace(front, found.location);
      return;
    }
    front.date = found.date;
    front.startTime ??= found.startTime;
    if (found.location && front.location === null) setPlace(front, found.location);
    if (found.body && front.body === null) front.body = found.body;
    // The same page names the kind in capitals as a word of its own ("… mødesal REFERAT …").
    const kind = /(?:^|\s)(REFERAT|DAGSORDEN)(?=\s|$)/.exec(entry.line.text);
    if (kind) front.kindHint ??= kindOf(kind[1]!);
    return;
  }
}

const HELD = new RegExp(String.raw`^mødet\s+(?:${MEETING_FACT_WORDS.heldVerbs.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\p{L}])\s*(.*)$`, 'iu');
/**
 * The place at the sentence's end: "… på Selmersbo", "… kl. 9.00 i Byrådssalen." (a name, short, no
 * sentence), or a place named by its owner in the genitive ("i museets administrationsbygning,
 * Vindeboder 12, mødelokalet 1. sal"); a full stop after a number ("1. sal") is no sentence's end.
 */
const HELD_PLACE = /(?:^|\s)(?:på|i)\s+((?:\p{Lu}|\p{Ll}{2,}(?:ets|ens|s)\s)(?:[^.!?:;]|(?<=\d)\.){1,90}?)\.?$/u;

/**
 * "Mødet afholdt på Selmersbo", "Mødet afholdt torsdag den 12.maj 2022 kl. 09.00 – 12.30 på
 * Selmersbo": a header sentence saying where (and when) the meeting is held. It says nothing of
 * the kind: agendas word it so too.
 */
function readHeldPhrase(front: FrontMatter, entries: ReturnType<typeof readPairs>): void {
  for (const entry of entries) {
    if (entry.kind !== 'text') continue;
    const text = entry.line.text.trim();
    if (text.length > 200) continue;
    const m = HELD.exec(text);
    if (!m) continue;
    const place = HELD_PLACE.exec(m[1]!);
    if (!place) continue;
    setPlace(front, place[1]!);
    const when = m[1]!.slice(0, place.index);
    front.date ??= findDate(when);
    if (front.startTime === null) ({ start: front.startTime, end: front.endTime } = findTimes(when));
    return;
  }
}

/**
 * A page that shows one item's decision and no header ("Beslutning i Økonomiudvalget den
 * 23-03-2015", no item heading found): the decision names the body, the date and that these are minutes.
 */
function readDecisionHeading(front: FrontMatter, entries: ReturnType<typeof readPairs>): void {
  for (const entry of entries) {
    if (entry.kind !== 'text') continue;
    const text = entry.line.text.trim();
    const decided = sectionTypeOf(text) === 'decision' ? decidingBody(text) : null;
    if (!decided?.date) continue;
    [front.body, front.date] = [decided.body, decided.date];
    front.kindHint ??= 'minutes';
    return;
  }
}

/** Fills the meeting field a label names from its values. */
function applyPair(front: FrontMatter, field: LabelField, label: string, values: readonly string[]): void {
  const value = values.join(', ').trim();
  switch (field) {
    case 'date':
      front.date = findDate(value);
      ({ start: front.startTime, end: front.endTime } = findTimes(value));
      return;
    case 'time':
      if (front.startTime === null) ({ start: front.startTime, end: front.endTime } = findTimes(hourOnly(value)));
      // "Tid: Fredag, den 12. september" under "Dato: 28. august 2014": a letterhead's own date,
      // then the meeting's day, named with its weekday and perhaps without the year.
      if (WEEKDAY_FIRST.test(value)) front.date = findDate(value) ?? completeYearlessDate(value, front.date) ?? front.date;
      front.date ??= findDate(value);
      return;
    case 'start':
      front.startTime = findTimes(hourOnly(value)).start ?? front.startTime;
      front.date ??= findDate(value);
      return;
    case 'end':
      front.endTime = findTimes(hourOnly(value)).start ?? front.endTime;
      return;
    case 'place':
      if (value) setPlace(front, value);
      return;
    case 'timeAndPlace':
      readTimeAndPlace(front, value);
      return;
    case 'body':
      if (value) front.body = isAllCaps(value) ? titleCase(value) : value;
      return;
    case 'meeting':
      if (value) front.title ??= value;
      return;
    case 'participants': {
      // "…, Tommy Damgaard Pedersen Jens Mandal og hans suppleant havde meldt afbud.": the list and an
      // afbud sentence run onto it (its full stop before lost); the names just before the phrase are
      // the list's last and the absent member, told apart by the first name that starts the next.
      const last = values.at(-1) ?? '';
      const sentence = last ? trailingAfbud(last) : null;
      if (sentence) {
        readMembers(front, [...values.slice(0, -1), ...(sentence.before ? [sentence.before] : [])]);
        front.absent.push({ ...parseAbsence(sentence.absent), substitute: null });
      } else readMembers(front, values);
      return;
    }
    case 'absent':
      readAbsent(front, values);
      return;
    case 'others':
      for (const v of values.filter((v) => !/^(referent)$/i.test(v)).flatMap((v) => v.split(/(?<=\p{Ll}{2}\.)\s+(?=\p{Lu})/u))) {
        // "Ulrik Storm, Nordsjællands Politi i stedet for X": present instead of an afbud.
        const stoodIn = substituteFor(v);
        const absent = stoodIn && front.absent.find((a) => a.name === parseParticipant(stoodIn.absent).name);
        if (stoodIn && absent) {
          absent.substitute ??= parseParticipant(stoodIn.substitute).name;
          front.others.push(parseAttendee(stoodIn.substitute, null));
          continue;
        }
        // A transcript's run of names ("Søren K. Lauridsen Kim Brix (afbud) …"): one a person, an afbud among them absent.
        const people = segmentNames(v) ?? [v];
        for (const person of people) {
          const note = /\s\((\p{L}+)\.?\)$/u.exec(person);
          if (people.length > 1 && note && ABSENT_NOTES.some((n) => n.toLowerCase() === note[1]!.toLowerCase())) {
            front.absent.push({ ...parseAbsence(person.slice(0, note.index)), substitute: null });
          } else front.others.push(parseAttendee(person, /^fra\s/i.test(label) ? label : null));
        }
      }
      return;
    case 'none':
      return;
  }
}

/** The names before a whole-meeting absence phrase at a value's end, perhaps with "og hans suppleant" (unnamed). */
const TRAILING_AFBUD = ITEM_ABSENCE_PHRASES.filter((p) => p.meeting).map(
  (p) => new RegExp(String.raw`^(.*?)\s*\b((?:\p{Lu}[\p{Ll}'’\-]+\s+){1,5}\p{Lu}[\p{Ll}'’\-]+)(?:\s+og\s+(?:hans|hendes|dennes)\s+(?:suppleant|stedfortræder))?\s+(?:${p.pattern.source})\.?$`, 'u'),
);

/**
 * A list value that ends in an afbud sentence ("… Pedersen Jens Mandal og hans suppleant havde meldt
 * afbud."): the value's list part, and the absent member, the last of the names before the phrase.
 * Null when the value has no such end or the names do not part.
 */
function trailingAfbud(value: string): { before: string; absent: string } | null {
  for (const re of TRAILING_AFBUD) {
    const m = re.exec(value.trim());
    if (!m) continue;
    const names = segmentNames(m[2]!) ?? [m[2]!];
    const absent = names.at(-1)!;
    if (!isPersonName(absent)) return null;
    return { before: `${m[1]!} ${names.slice(0, -1).join(' ')}`.trim(), absent };
  }
  return null;
}

/** A value that opens with a weekday ("Fredag, den 12. september"). */
const WEEKDAY_FIRST = /^(?:man|tirs|ons|tors|fre|lør|søn)dag(?:en)?\b/iu;

/** "kl. 16" → "kl. 16.00": an hour written alone after "kl." is a time. */
const hourOnly = (text: string) => text.replace(/^(?:kl\.?\s*)?(\d{1,2})(?=\s*(?:[-–]|$))/i, '$1.00').replace(/([-–]\s*)(\d{1,2})$/, '$1$2.00');

function setPlace(front: FrontMatter, place: string): void {
  front.location = place.trim();
  front.online = isOnline(front.location);
}

/** A wrapped label line ("Deltagere: … KKR" + "sekretariatet samt …") is one line. */
function joinContinuations(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    // A header spread over lines ("Dagsorden" / "til" / "mødet i Teknisk Udvalg" / "den 1. februar …") is one line.
    const header = prev !== undefined && /^(dagsorden|referat)\b/i.test(prev.text) && startsLower(line.text) && !line.list && !line.cells;
    if (header || (prev && !line.breakBefore && !line.list && !line.cells && (startsLower(line.text) || /,$/.test(prev.text)) && !endsSentence(prev.text))) {
      out[out.length - 1] = { ...prev!, text: joinBroken(prev!.text, line.text), links: [...prev!.links, ...line.links] };
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
/** The last time in a part of "Tid og sted" ("kl. 9.00", "(11.00)"), and a capitalised word after it. */
const TIME_THEN_NAME = /(?:\bkl\.|\d{1,2}[:.]\d{2})\)?(?=[^\d]*$)[^\p{Lu}\d]*?\s(\p{Lu}.*)$/u;

/**
 * The place a part of "Tid og sted" names after its time, when the transcript lost the comma
 * between them: "fra kl til (11.00) med efterfølgende frokost Medborgerhuset i Silkeborg" →
 * "Medborgerhuset i Silkeborg"; a part without a time is as it stands.
 */
export function placeAfterTime(part: string): string {
  // A label's value is short; the lookahead after each time makes a long run of times quadratic.
  const m = part.length <= 300 ? TIME_THEN_NAME.exec(part) : null;
  return m ? m[1]! : part;
}

function readTimeAndPlace(front: FrontMatter, text: string): void {
  front.date = findDate(text);
  ({ start: front.startTime, end: front.endTime } = findTimes(text));
  const place = text
    .split(/,\s*/)
    .map((part) => (findDate(part) ? part : placeAfterTime(part)))
    .filter((part) => !findDate(part) && !/\bkl\.|\d{1,2}[:.]\d{2}/.test(part) && !/^(man|tirs|ons|tors|fre|lør|søn)dag\b/i.test(part));
  front.location = place.join(', ').trim() || null;
  front.online = isOnline(text);
}
