/**
 * @module Items that approve the minutes of an earlier meeting ("Godkendelse af referat fra mødet
 * den 5. februar 2020", "Referat fra sidste møde") and the date of the meeting they name. Pure:
 * the words are data (lexicon/approvals.json); the projection (src/db/approvals.ts) stores the
 * result as agenda_items.minutes_of and resolves "the previous meeting" where no date is named.
 */
import words from './lexicon/approvals.json' with { type: 'json' };
import type { AgendaItem } from './item.js';
import { sectionText } from './section.js';
import { isoDate, monthNumber, MONTHS, SHORT_MONTHS } from './danish-dates.js';

const pattern = (source: string) => new RegExp(source, 'iu');
const TITLES = words.titles.map((t) => pattern(t.pattern));
const EXCLUSIONS = words.exclusions.map((e) => pattern(e.pattern));
/** A cue word ending shortly before a date: "møde den ", "KKR-mødet ", "protokollen fra den ". */
const CUE_BEFORE_DATE = new RegExp(`(?:${words.textCues.map((c) => c.pattern).join('|')})(?![\\p{L}])(?:[^.;:!?]|\\bd\\.){0,30}$`, 'iu');

/** What an approval item names: a meeting's date, or null for "the organisation's previous meeting". */
export interface MinutesApproval {
  date: string | null;
}

/** An item as the recogniser reads it: its title and (when the title names no date) its text. */
export interface ApprovalCandidate {
  number: string;
  title: string;
  text?: string;
}

const MONTH_WORDS = [...MONTHS, ...Object.keys(SHORT_MONTHS)].sort((a, b) => b.length - a.length).join('|');
const WRITTEN = new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s*(${MONTH_WORDS})\\.?(?![\\p{L}])(?:,?\\s*(\\d{4})(?!\\d))?`, 'giu');
const NUMERIC = /(?<![\d.])(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?!\d)/g;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

/**
 * Every date a text names, in order, as YYYY-MM-DD. A date without a year ("5. februar") is the
 * latest such date before the meeting; without the meeting's date it is skipped.
 */
export function datesIn(text: string, meetingDate: string | null): Array<{ index: number; date: string }> {
  const found: Array<{ index: number; date: string | null }> = [];
  for (const m of text.matchAll(ISO)) found.push({ index: m.index, date: isoDate(+m[1]!, +m[2]!, +m[3]!) });
  for (const m of text.matchAll(NUMERIC)) found.push({ index: m.index, date: isoDate(+m[3]!, +m[2]!, +m[1]!) });
  for (const m of text.matchAll(WRITTEN)) {
    const month = monthNumber(m[2]!);
    const day = +m[1]!;
    if (m[3]) found.push({ index: m.index, date: isoDate(+m[3], month, day) });
    else if (meetingDate) {
      const year = +meetingDate.slice(0, 4);
      const same = isoDate(year, month, day);
      found.push({ index: m.index, date: same && same < meetingDate ? same : isoDate(year - 1, month, day) });
    }
  }
  return found.filter((f): f is { index: number; date: string } => f.date !== null).sort((a, b) => a.index - b.index);
}

/** Whether a date can be an earlier meeting's: before this meeting (any date when this one's is unknown). */
const earlier = (date: string, meetingDate: string | null) => meetingDate === null || date < meetingDate;

/**
 * Whether an item approves earlier minutes, and whose: the first date its title names from the
 * approval words on, else the first date its text gives after a cue ("holdt møde den …"), else the
 * previous meeting (date null). A named date on or after the meeting, or "dagens møde", is the
 * meeting's own minutes: null, as for an item that approves no minutes at all.
 */
export function approvedMinutesOf(item: Pick<ApprovalCandidate, 'title' | 'text'>, meetingDate: string | null): MinutesApproval | null {
  const title = item.title.replace(/\s+/g, ' ');
  const match = TITLES.map((p) => p.exec(title)).find((m) => m !== null);
  if (!match || EXCLUSIONS.some((p) => p.test(title))) return null;
  const named = datesIn(title.slice(match.index), meetingDate)[0];
  if (named) return earlier(named.date, meetingDate) ? { date: named.date } : null;
  const text = (item.text ?? '').replace(/\s+/g, ' ');
  const cued = datesIn(text, meetingDate).find((d) => CUE_BEFORE_DATE.test(text.slice(Math.max(0, d.index - 60), d.index)) && earlier(d.date, meetingDate));
  if (cued) return { date: cued.date };
  return EXCLUSIONS.some((p) => p.test(text)) ? null : { date: null };
}

/**
 * The approval items of a meeting, in order. A group heading ("1. Godkendelse af referat") whose
 * sub-item approves ("1.1. Godkendelse af referat fra møde … den 5. februar 2020") is left out:
 * the sub-item is the approval.
 */
export function findApprovals(items: readonly ApprovalCandidate[], meetingDate: string | null): Array<MinutesApproval & { number: string }> {
  const found = items.flatMap((item) => {
    const approval = approvedMinutesOf(item, meetingDate);
    return approval ? [{ number: item.number, ...approval }] : [];
  });
  return found.filter((a) => !found.some((b) => b.number.startsWith(`${a.number}.`)));
}

/** The approval items of a document's items, reading each item's sections as its text. */
export function documentApprovals(items: readonly AgendaItem[], meetingDate: string | null): Array<MinutesApproval & { number: string }> {
  return findApprovals(
    items.map((i) => ({ number: i.number, title: i.title, text: i.sections.map(sectionText).join('\n') })),
    meetingDate,
  );
}
