/**
 * @module What a PDF is printed from: the current version of one of a meeting's documents, with
 * its organisation and, for minutes, the date of the meeting that approved them. The meeting must
 * be visible to the viewer (db/visibility.ts); the stored model comes whole, and audience.ts cuts
 * it down through the archive's own view (archive/view.ts) — the items withheld keep their numbers.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { parseStoredModel } from '../db/projection.js';
import { queryRows } from '../db/rows.js';
import { visibleItems, visibleMeetings } from '../db/visibility.js';
import type { DocumentKind, MeetingDocument, Viewer } from '../model/index.js';

export interface PrintSource {
  versionId: number;
  /** The whole stored model: restricted content included, for audience.ts to cut down. */
  model: MeetingDocument;
  organizationId: number | null;
  /** The organisation's name in the archive, or null for a meeting without one. */
  organization: string | null;
  /** Minutes: the date of the meeting whose published minutes approve them. */
  approvedAt: string | null;
  /** The version's "Rettet" note. */
  note: string | null;
}

/** Finds what to print for a viewer, or null when the meeting or that document is not there for them. */
export type PrintSources = (viewer: Viewer, meetingId: number, kind: DocumentKind) => Promise<PrintSource | null>;

/** Print sources over the database. */
export function dbPrintSources(db: Db): PrintSources {
  return async (viewer, meetingId, kind) => {
    const [row] = await queryRows<{ version_id: number; model: unknown; note: string | null; organization_id: number | null; organization: string | null; approved_at: string | null }>(
      db,
      sql`select v.id as version_id, v.model, v.note, m.organization_id, o.name as organization,
            (select to_char(min(m2.date), 'YYYY-MM-DD') from agenda_items i join meetings m2 on m2.id = i.meeting_id
              where d.kind = 'minutes' and i.minutes_of = m.date and i.organization_id = m.organization_id and m2.id <> m.id
                and m2.status = 'minutes_published' and i.kind = 'minutes' and i.decision is not null and ${visibleItems(viewer, 'i')} and ${visibleMeetings(viewer, 'm2')}) as approved_at
          from meetings m
          join meeting_documents d on d.meeting_id = m.id and d.kind = ${kind}
          join document_versions v on v.id = d.current_version_id
          left join organizations o on o.id = m.organization_id
          where m.id = ${meetingId} and ${visibleMeetings(viewer, 'm')}`,
    );
    if (!row) return null;
    return {
      versionId: row.version_id,
      model: parseStoredModel(row.model),
      organizationId: row.organization_id,
      organization: row.organization,
      approvedAt: row.approved_at,
      note: row.note,
    };
  };
}
