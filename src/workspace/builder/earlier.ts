/** @module An organisation's meetings before a date, as the prefill needs them (src/workspace/prefill.ts). */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { parseStoredModel } from '../../db/projection.js';
import { queryRows } from '../../db/rows.js';
import type { EarlierMeeting } from '../prefill.js';

/**
 * The organisation's last meeting before `date` (with its current document: minutes over agenda)
 * and its last meeting before `date` that has minutes. Drafts are not meetings until published.
 */
export async function earlierMeetings(db: Db, organizationId: number, date: string): Promise<{ last: EarlierMeeting | null; lastMinutes: EarlierMeeting | null }> {
  const rows = await queryRows<{ id: number; date: string; kind: string; model: unknown }>(
    db,
    sql`select m.id, to_char(m.date, 'YYYY-MM-DD') as date, d.kind, v.model
        from meetings m join meeting_documents d on d.meeting_id = m.id join document_versions v on v.id = d.current_version_id
        where m.organization_id = ${organizationId} and m.date < ${date}::date and m.deleted_at is null and m.status <> 'cancelled'
        order by m.date desc, (d.kind = 'minutes') desc limit 50`,
  );
  const toMeeting = (r: (typeof rows)[number]): EarlierMeeting => ({ meetingId: r.id, date: r.date, document: parseStoredModel(r.model) });
  const first = rows[0];
  const minutes = rows.find((r) => r.kind === 'minutes');
  return { last: first ? toMeeting(first) : null, lastMinutes: minutes ? toMeeting(minutes) : null };
}
