/** @module A case (sag) across meetings: its public agenda items, newest first. */
import { sql } from 'drizzle-orm';
import type { CaseView } from '../archive/types.js';
import type { DocumentKind } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { meetingSummariesById } from './summaries.js';

/** A long-running case is treated at most at a few hundred meetings; this bounds the page. */
const MAX_ITEMS = 500;

/** The case's open items in each meeting's current document; null when it has none (unknown, or closed only). */
export async function getCase(db: Db, caseNumber: string): Promise<CaseView | null> {
  const rows = await queryRows<{ meeting_id: number; number: string; title: string; kind: DocumentKind; decision: string | null }>(
    db,
    sql`select i.meeting_id, i.number, i.title, i.kind, i.decision
        from agenda_items i join cases c on c.id = i.case_id
        where c.case_number = ${caseNumber} and i.current and not i.closed
        order by i.meeting_date desc nulls last, i.meeting_id desc, i.position
        limit ${MAX_ITEMS}`,
  );
  // A case known only from closed items does not exist for the public: no page, not even its number.
  if (rows.length === 0) return null;
  const meetings = await meetingSummariesById(db, rows.map((r) => r.meeting_id));
  return {
    caseNumber,
    items: rows.map((r) => ({
      meeting: meetings.get(r.meeting_id)!,
      number: r.number,
      title: r.title,
      kind: r.kind,
      decision: r.decision,
    })),
  };
}
