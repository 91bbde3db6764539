/** @module A case (sag, OParl Paper) across meetings: the items a viewer may read, newest first, and per subject the items related by content. */
import { sql } from 'drizzle-orm';
import type { CaseView } from '../archive/types.js';
import { threadsBySubject, type DocumentKind, type Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { relatedToItems } from './related.js';
import { queryRows } from './rows.js';
import { meetingSummariesById } from './summaries.js';
import { visibleItems } from './visibility.js';

/** A long-running case is treated at most at a few hundred meetings; this bounds the page. */
const MAX_ITEMS = 500;
/** Related items are looked up for this many subjects of a case (KL files a whole meeting under one number). */
const MAX_RELATED_THREADS = 8;

/** The case's visible items in each meeting's current version; null when it has none (unknown, or restricted only). */
export async function getCase(db: Db, viewer: Viewer, caseNumber: string): Promise<CaseView | null> {
  const rows = await queryRows<{ id: number; meeting_id: number; number: string; title: string; kind: DocumentKind; decision: string | null }>(
    db,
    sql`select i.id, i.meeting_id, i.number, i.title, i.kind, i.decision
        from agenda_items i join papers p on p.id = i.paper_id
        where (p.reference = ${caseNumber} or ${caseNumber} = any(p.case_numbers)) and ${visibleItems(viewer, 'i')}
        order by i.meeting_date desc nulls last, i.meeting_id desc, i.position
        limit ${MAX_ITEMS}`,
  );
  const meetings = await meetingSummariesById(db, viewer, rows.map((r) => r.meeting_id));
  const items = rows.filter((r) => meetings.has(r.meeting_id));
  // A case known only from restricted items does not exist for this viewer: no page, not even its number.
  if (items.length === 0) return null;
  const view = items.map((r) => ({ id: r.id, meeting: meetings.get(r.meeting_id)!, number: r.number, title: r.title, kind: r.kind, decision: r.decision }));
  // Items about each subject's matter without the case number (db/related.ts), for the first subjects.
  const own = new Set(view.map((i) => i.id));
  const related: CaseView['related'] = [];
  for (const [n, thread] of threadsBySubject(view).entries()) {
    related.push(n < MAX_RELATED_THREADS ? await relatedToItems(db, viewer, thread.map((i) => i.id), own) : []);
  }
  return { caseNumber, items: view, related };
}
