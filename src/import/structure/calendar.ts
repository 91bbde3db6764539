/**
 * @module Meeting calendars announced in documents ("Mødekalender for KKR Midtjylland 2021: 1.
 * februar, 23. april …", "mødeplan for møder i KKR Midtjylland i 2020: – 5. februar …"): a lead-in
 * naming the body and the year, then a list of day-and-month dates. Each date becomes an announced
 * meeting with the item that announced it. Pure, over the model; the words in lexicon/calendar.json.
 */
import type { MeetingDocument } from '../../model/index.js';
import lexicon from '../lexicon/calendar.json' with { type: 'json' };
import { isoDate, MONTHS } from './dates.js';

const LEAD_INS = lexicon.leadIns.map((e) => new RegExp(e.pattern, 'iu'));
const MOVED = lexicon.moved.map((e) => new RegExp(e.pattern, 'iu'));
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})\\.\\s*(${MONTHS.join('|')})\\b`, 'giu');

export interface AnnouncedMeeting {
  /** The body as the lead-in names it ("KKR Midtjylland", "KD-Net", "KKR"). */
  body: string;
  date: string;
  /** The number of the item that announced it. */
  announcedIn: string;
}

/** The body and year a line announces a calendar for, or null. */
export function calendarLeadIn(text: string): { body: string; year: number } | null {
  const line = text.trim().replace(/\s+/g, ' ');
  for (const pattern of LEAD_INS) {
    const m = pattern.exec(line);
    if (m?.groups) return { body: m.groups.body!.trim(), year: Number(m.groups.year) };
  }
  return null;
}

/** The date a list entry gives: its first day-and-month, or the one after "flyttes til". */
function entryDate(text: string, year: number): string | null {
  const moved = MOVED.map((p) => p.exec(text)).find(Boolean);
  const from = moved ? text.slice(moved.index + moved[0].length) : text;
  const m = [...from.matchAll(DAY_MONTH)][0];
  // An entry is a date with at most a short note ("22. januar samt status på KD-Net"), not a sentence naming one.
  if (!m || m.index! > 3) return null;
  return isoDate(year, MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1]));
}

/** Every meeting a document announces in a calendar list, in document order, each once. */
export function announcedMeetings(doc: MeetingDocument): AnnouncedMeeting[] {
  const found: AnnouncedMeeting[] = [];
  const seen = new Set<string>();
  for (const item of doc.items) {
    for (const section of item.sections) {
      let lead: { body: string; year: number } | null = null;
      for (const block of section.blocks) {
        if (block.kind === 'paragraph' || block.kind === 'heading') {
          lead = calendarLeadIn(block.text);
        } else if (block.kind === 'list' && lead) {
          for (const entry of block.items) {
            const date = entryDate(entry.text.trim(), lead.year);
            const key = `${lead.body.toLowerCase()}|${date}`;
            if (date && !seen.has(key)) {
              seen.add(key);
              found.push({ body: lead.body, date, announcedIn: item.number });
            }
          }
          lead = null;
        }
      }
    }
  }
  return found;
}
