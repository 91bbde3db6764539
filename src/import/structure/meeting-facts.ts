/**
 * @module What the items of minutes say about the meeting where the header does not: "Mødet i
 * Sundheds- og Omsorgsudvalget begyndte kl. 14:30 og sluttede kl. 17:00" (start, end, body), and
 * the date the agenda's approval names ("Godkendelse af åben dagsorden for KB den 22. januar
 * 2020"). Copenhagen's and Stevns' pages show one item at a time, without a header.
 */
import { blockText, type AgendaItem } from '../../model/index.js';
import { MEETING_FACT_WORDS } from '../lexicon/index.js';
import type { Line } from '../line.js';
import { isBodyName } from './body.js';
import { findDate, findTimes } from './dates.js';

export interface MeetingFacts {
  body: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const verbs = (words: readonly string[]) => words.map(escape).join('|');
const TIME = String.raw`kl\.?\s*(\d{1,2}[.:]\d{2})`;
/** "Mødet [i X] begyndte kl. 14:30 [og sluttede kl. 17:00]". */
const STARTED = new RegExp(String.raw`\bmødet(?:\s+i\s+(\p{Lu}[^.]*?))?\s+(?:${verbs(MEETING_FACT_WORDS.startVerbs)})\s+${TIME}(?:[^.]*?\b(?:${verbs(MEETING_FACT_WORDS.endVerbs)})\s+${TIME})?`, 'iu');
/** "Mødet blev hævet kl. 16.20." on its own. */
const ENDED = new RegExp(String.raw`\bmødet\s+(?:${verbs(MEETING_FACT_WORDS.endVerbs)})\s+${TIME}`, 'iu');
/** "Godkendelse af [åben] dagsorden for KB den 22. januar 2020", "dagsordenen til mødet den …". */
const AGENDA_DATE = /\bdagsorden(?:en)?\b[^.]{0,60}?\bden\s+(?=\d)/iu;

/** The texts of the first items, title first, as a reader meets them. */
function texts(items: readonly AgendaItem[]): string[] {
  return items.slice(0, 2).flatMap((i) => [i.title, ...i.sections.flatMap((s) => s.blocks.map(blockText))]);
}

/** The meeting facts the first items state; null fields where they say nothing. */
export function meetingFacts(items: readonly AgendaItem[]): MeetingFacts {
  const facts: MeetingFacts = { body: null, date: null, startTime: null, endTime: null };
  for (const text of texts(items)) {
    const started = STARTED.exec(text);
    if (started && facts.startTime === null) {
      facts.startTime = findTimes(started[2]!).start;
      facts.endTime = started[3] ? findTimes(started[3]).start : facts.endTime;
      const body = started[1]?.trim();
      if (body && isBodyName(body)) facts.body = body;
    }
    const ended = ENDED.exec(text);
    if (ended && facts.endTime === null) facts.endTime = findTimes(ended[1]!).start;
    const agenda = AGENDA_DATE.exec(text);
    if (agenda && facts.date === null) facts.date = findDate(text.slice(agenda.index + agenda[0].length, agenda.index + agenda[0].length + 30));
  }
  return facts;
}

/**
 * The body a header names in lower case as the one meeting ("DAGSORDEN for møde i bestyrelsen for
 * AVV …" → "Bestyrelsen"): one of the bodies the meeting nouns name, after "møde(t) i".
 */
export function bodyOfMeetingIn(text: string): string | null {
  if (text.length > 300) return null;
  const m = /(?<!\p{L})mødet?\s+i\s+(\p{Ll}+)/u.exec(text);
  if (!m) return null;
  return MEETING_FACT_WORDS.meetingNouns.find((n) => n.body.toLowerCase() === m[1])?.body ?? null;
}

/** "… Udsatterådets møder i 2022": a body in the genitive before its meetings. */
const BODYS_MEETINGS = /(?<![\p{L}-])(\p{Lu}[\p{L}-]{3,40}?)s\s+møder?\b/u;
/** "… ordinært møde i Udsatterådet i Holbæk Kommune": a capitalised body after "møde i". */
const MEETING_IN_BODY = /(?<!\p{L})mødet?\s+i\s+(\p{Lu}[\p{L}-]{3,40})(?![\p{L}-])/u;

/**
 * The body a header line names as the owner of its meetings, written as a body's name (one word
 * ending as the lexicon's bodies do: "Udsatterådets møder" → "Udsatterådet", "møde i Ældrerådet"), else null.
 */
export function bodyOfNamedMeeting(text: string): string | null {
  if (text.length > 300) return null;
  const genitive = BODYS_MEETINGS.exec(text)?.[1];
  if (genitive && isBodyName(genitive)) return genitive;
  const after = MEETING_IN_BODY.exec(text)?.[1];
  return after && isBodyName(after) ? after : null;
}

/** The body a header line's first word names as a meeting of it ("Bestyrelsesmøde 29. januar 2016" → "Bestyrelsen"). */
export function bodyOfMeetingNoun(text: string): string | null {
  const first = text.trim().split(/[\s,]+/)[0]?.toLowerCase() ?? '';
  // The definite form names it too ("Dagsorden til bestyrelsesmødet den 10. april").
  const listed = MEETING_FACT_WORDS.meetingNouns.find((n) => n.word === first || `${n.word}t` === first)?.body;
  if (listed) return listed;
  // A compound the list lacks names its body by its ending ("menighedsrådsmøde" → "Menighedsrådet").
  const word = first.endsWith('mødet') ? first.slice(0, -1) : first;
  const ending = MEETING_FACT_WORDS.meetingNounEndings.find((e) => word.endsWith(e.ending) && word.length > e.ending.length + 2);
  if (!ending || !/^\p{Ll}+$/u.test(word)) return null;
  const body = word.slice(0, -ending.ending.length) + ending.body;
  return body[0]!.toUpperCase() + body.slice(1);
}

const SIGN_OFF = new RegExp(
  `^(?:${MEETING_FACT_WORDS.signOffLabels.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*:?\\s*(.*)$`,
  'iu',
);

/**
 * Where the minutes' sign-off starts in the last item's lines ("Referent:" / "Søren Bjerregaard" /
 * "03.04.2017" under "7. Eventuelt"), or -1: a sign-off label, then at most three short lines (a
 * name, a date, no sentence) to the document's end. The sign-off is the minutes', not the item's text.
 */
export function signOffStart(lines: readonly Line[]): number {
  const filled = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.text.trim() !== '');
  for (let k = Math.max(0, filled.length - 4); k < filled.length; k++) {
    const { l, i } = filled[k]!;
    if (l.cells || l.list) continue;
    const m = SIGN_OFF.exec(l.text.trim());
    if (!m || m[1]!.length > 60) continue;
    const after = filled.slice(k + 1);
    const short = after.every(({ l: a }) => !a.cells && a.text.trim().length <= 60 && !/\p{Ll}{2}[.!?]$/u.test(a.text.trim()) && !/\s\p{Ll}+\s\p{Ll}+\s/u.test(a.text));
    // Something has to be signed: a name on the label's line or under it.
    if (short && (m[1]!.trim() !== '' || after.length > 0)) return i;
  }
  return -1;
}
