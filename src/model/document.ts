/**
 * @module The meeting document: one agenda (dagsorden) or minutes (referat) of a body's meeting.
 * This is the contract between every importer and the rest of Referat.
 */
import { z } from 'zod';
import { AccessLevel } from './access.js';
import { Block } from './block.js';
import { AgendaItem } from './item.js';
import { Absence, Attendee, Participant } from './participant.js';

/** agenda: dagsorden · supplementary_agenda: tillægsdagsorden · minutes: referat (beslutningsprotokol). */
export const DocumentKind = z.enum(['agenda', 'supplementary_agenda', 'minutes']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A line of the document's own table of contents, kept to cross-check the items. */
export const TocEntry = z.object({
  number: z.string().nullable(),
  title: z.string(),
  page: z.number().int().nullable(),
  /** KD-Net's "Bilag" column marks items with attachments. */
  hasAttachments: z.boolean(),
});
export type TocEntry = z.infer<typeof TocEntry>;

export const SourceInfo = z.object({
  fileName: z.string(),
  format: z.string(),
  sha256: z.string(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const MeetingDocument = z.object({
  /** The organisation that meets, as the document names it ("KKR Midtjylland", "Byrådet"). */
  body: z.string().nullable(),
  /** The publishing authority when the document says ("Aarhus Kommune", "KL"); qualifies generic bodies. */
  authority: z.string().nullable().default(null),
  /** The whole document's access level (an Acadre agenda's own access field); items may be stricter. */
  access: AccessLevel.default('public'),
  kind: DocumentKind,
  /** The document's title line when it has one ("Referat af møde i …"). */
  title: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  startTime: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  endTime: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  location: z.string().nullable(),
  /** Held online ("via Skype", "online"). */
  online: z.boolean(),
  /** A summary line instead of a list of names ("Kommunaldirektørerne i den midtjyske region …"). */
  attendanceNote: z.string().nullable(),
  participants: z.array(Participant),
  absent: z.array(Absence),
  others: z.array(Attendee),
  /** Text before the first item that is not one of the fields above (mission, vision, notes). */
  frontMatter: z.array(Block),
  toc: z.array(TocEntry),
  items: z.array(AgendaItem),
  warnings: z.array(z.string()),
  source: SourceInfo.nullable().default(null),
});
export type MeetingDocument = z.infer<typeof MeetingDocument>;

/**
 * A stored model of an earlier release brought to today's shape: `closed` booleans on items and
 * bilag became access levels. Pure; the result still has to pass `MeetingDocument.parse`.
 */
export function upgradeStoredModel(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const doc = raw as Record<string, unknown>;
  const level = (o: Record<string, unknown>) => {
    const { closed, ...rest } = o;
    return 'access' in o ? rest : { ...rest, access: closed === true ? 'closed' : 'public' };
  };
  const items = Array.isArray(doc.items)
    ? doc.items.map((i: Record<string, unknown>) =>
        level({ ...i, attachments: Array.isArray(i.attachments) ? i.attachments.map(level) : i.attachments }),
      )
    : doc.items;
  return { authority: null, access: 'public', ...doc, items };
}
