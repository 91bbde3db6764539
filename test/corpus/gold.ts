/**
 * @module The reader's gold for one document: only what a reader can check on the page (meta,
 * attendance, item numbers, titles, case numbers, decisions). A key left out is not scored.
 */
import type { MeetingDocument } from '../../src/model/index.js';

/** Document-level fields a reader can verify. */
export interface GoldMeta {
  body?: string | null;
  kind?: 'agenda' | 'supplementary_agenda' | 'minutes';
  date?: string | null;
  startTime?: string | null;
  location?: string | null;
}

/** An afbud as the reader sees it: who, and who came instead (null when nobody is named). */
export interface GoldAbsence {
  name: string;
  substitute: string | null;
}

/** An item as the reader sees it; a key left out (e.g. caseNumber on a page without them) is not scored. */
export interface GoldItem {
  number: string;
  title: string;
  caseNumber?: string | null;
  decision?: string | null;
}

/** The gold of one document. */
export interface Gold {
  meta: GoldMeta;
  participants?: string[];
  absent?: GoldAbsence[];
  items: GoldItem[];
}

/** The gold view of a model: what the scorer compares, taken from an imported document. */
export function goldOfModel(doc: MeetingDocument): Gold {
  return {
    meta: { body: doc.body, kind: doc.kind, date: doc.date, startTime: doc.startTime, location: doc.location },
    participants: doc.participants.map((p) => p.name),
    // Everyone the document says was absent: the meeting's afbud, and those an item names absent.
    absent: [
      ...doc.absent.map((a) => ({ name: a.name, substitute: a.substitute })),
      ...doc.items
        .flatMap((i) => i.absent)
        .filter((a, i, all) => !doc.absent.some((m) => m.name === a.name) && all.findIndex((b) => b.name === a.name) === i)
        .map((a) => ({ name: a.name, substitute: null })),
    ],
    items: doc.items.map((i) => ({ number: i.number, title: i.title, caseNumber: i.caseNumber, decision: i.decision })),
  };
}
