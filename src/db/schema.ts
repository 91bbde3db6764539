/**
 * @module The database schema (Drizzle, PostgreSQL 15 dialect), shared by PGlite and PostgreSQL.
 *
 * Identity: a body (KKR Midtjylland) holds meetings; a meeting has at most one document per kind
 * (agenda, minutes); a document's items, sections, bilag and participations are rows that are
 * rewritten whenever the document is imported again. People, bodies and cases are long-lived
 * identities that later tables (appointments per electoral period, accounts) can reference.
 *
 * Room to grow without a rewrite: appointments (udpegninger per electoral period) reference
 * `people` and `bodies`; planned meetings are `meetings` rows with status 'planned' and no
 * document yet; accounts are a table of their own; versioned documents replace the unique
 * (meeting, kind) index of `documents` with a version number.
 *
 * Search lives on `agenda_items`: generated, weighted tsvectors (title A, decision B,
 * summary/recommendation C, other sections D), the small title+decision vector used to
 * pre-rank, and a type-prefixed vector for the section-type filter (see migration 0001).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { MeetingDocument } from '../model/index.js';
import type { Block } from '../model/index.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** bytea: both drivers return a Buffer (a Uint8Array); PGlite takes a Uint8Array, pg a Buffer. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** `to_tsvector('danish', …)` with a weight; a constant configuration keeps it immutable for generated columns. */
const weighted = (column: string, weight: 'A' | 'B' | 'C' | 'D') =>
  `setweight(to_tsvector('danish'::regconfig, coalesce(${column}, '')), '${weight}')`;

export const bodies = pgTable('bodies', {
  id: serial('id').primaryKey(),
  /** URL name: "kkr-midtjylland". */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    bodyId: integer('body_id').references(() => bodies.id),
    date: date('date', { mode: 'string' }),
    startTime: text('start_time'),
    endTime: text('end_time'),
    location: text('location'),
    online: boolean('online').notNull().default(false),
    status: text('status', { enum: ['planned', 'held'] }).notNull(),
    attendanceNote: text('attendance_note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    // One meeting per body and day; undated documents each get their own meeting.
    uniqueIndex('meetings_body_date_key').on(t.bodyId, t.date).where(sql`${t.date} is not null`),
    index('meetings_date_idx').on(t.date),
    check('meetings_status_check', sql`${t.status} in ('planned', 'held')`),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['agenda', 'supplementary_agenda', 'minutes'] }).notNull(),
    title: text('title'),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    sha256: text('sha256').notNull().unique(),
    /** The file exactly as imported. */
    original: bytea('original').notNull(),
    /** The parsed model, closed content included; the archive filters it on the way out. */
    model: jsonb('model').$type<MeetingDocument>().notNull(),
    /** Closed items or bilag: the original file cannot be shown to the public. */
    hasClosedContent: boolean('has_closed_content').notNull().default(false),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('documents_meeting_kind_key').on(t.meetingId, t.kind),
    check('documents_kind_check', sql`${t.kind} in ('agenda', 'minutes')`),
  ],
);

export const cases = pgTable('cases', {
  id: serial('id').primaryKey(),
  /** As written: SAG-2020-01697, 1-51-71-3321-08 … */
  caseNumber: text('case_number').notNull().unique(),
});

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    // Copies of the meeting's body, date and the document's kind, so search filters need no joins.
    bodyId: integer('body_id').references(() => bodies.id),
    meetingDate: date('meeting_date', { mode: 'string' }),
    kind: text('kind', { enum: ['agenda', 'supplementary_agenda', 'minutes'] }).notNull(),
    /** The item belongs to the meeting's preferred document (minutes over agenda): default search scope. */
    current: boolean('current').notNull().default(true),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'set null' }),
    caseOfficers: text('case_officers').array().notNull().default(sql`'{}'::text[]`),
    presenters: text('presenters').array().notNull().default(sql`'{}'::text[]`),
    decision: text('decision'),
    closed: boolean('closed').notNull().default(false),
    /** Public text of summary and recommendation sections (weight C). */
    summaryText: text('summary_text').notNull().default(''),
    /** Public text of all other non-decision sections (weight D). */
    bodyText: text('body_text').notNull().default(''),
    /** Title and decision only: small, so ranking candidates by it is cheap. */
    headTsv: tsvector('head_tsv').generatedAlwaysAs(
      sql.raw(`${weighted('title', 'A')} || ${weighted('decision', 'B')}`),
    ),
    tsv: tsvector('tsv').generatedAlwaysAs(
      sql.raw(
        `${weighted('title', 'A')} || ${weighted('decision', 'B')} || ${weighted('summary_text', 'C')} || ${weighted('body_text', 'D')}`,
      ),
    ),
    /**
     * Each section's lexemes prefixed with its type ("decision/godkend"). Computed on insert
     * (content.ts) because it needs the sections, which are not columns of this row.
     */
    typedTsv: tsvector('typed_tsv').notNull().default(sql`''::tsvector`),
  },
  (t) => [
    uniqueIndex('agenda_items_document_position_key').on(t.documentId, t.position),
    index('agenda_items_meeting_number_idx').on(t.meetingId, t.number),
    index('agenda_items_case_idx').on(t.caseId),
    // Both result orders (newest, oldest first) as indexes: a search for a very common word reads
    // items in date order and stops after a page of matches (search-strategy.ts).
    index('agenda_items_newest_idx')
      .on(t.meetingDate.desc().nullsLast(), t.meetingId.desc(), t.position)
      .where(sql`not ${t.closed}`),
    // The body filter (and body + year) as one index condition, so only that body's rows are checked.
    index('agenda_items_body_date_idx').on(t.bodyId, t.meetingDate).where(sql`not ${t.closed}`),
    index('agenda_items_oldest_idx')
      .on(t.meetingDate.asc().nullsLast(), t.meetingId, t.position)
      .where(sql`not ${t.closed}`),
    // Closed items are never searchable, so they are not even indexed.
    index('agenda_items_tsv_idx').using('gin', t.tsv).where(sql`not ${t.closed}`),
    index('agenda_items_head_tsv_idx').using('gin', t.headTsv).where(sql`not ${t.closed}`),
    index('agenda_items_typed_tsv_idx').using('gin', t.typedTsv).where(sql`not ${t.closed}`),
    check('agenda_items_kind_check', sql`${t.kind} in ('agenda', 'minutes')`),
  ],
);

export const sections = pgTable(
  'sections',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    heading: text('heading'),
    type: text('type').notNull(),
    blocks: jsonb('blocks').$type<Block[]>().notNull(),
    /** Public plain text (closed bilag titles removed); searched through the item's typed_tsv. */
    plainText: text('plain_text').notNull(),
  },
  (t) => [uniqueIndex('sections_item_position_key').on(t.itemId, t.position)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    closed: boolean('closed').notNull().default(false),
    fileName: text('file_name'),
  },
  (t) => [uniqueIndex('attachments_item_position_key').on(t.itemId, t.position)],
);

export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** Normalised name ("h c østerby"): one identity per person across documents. */
    key: text('key').notNull().unique(),
    /** URL name from the key ("h-c-oesterby"); not unique: rare keys differ only in signs or accents. */
    slug: text('slug').notNull().default(''),
    /** Party letter and municipality of the latest import that stated them (pages use participations). */
    party: text('party'),
    municipality: text('municipality'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('people_slug_idx').on(t.slug)],
);

export const participations = pgTable(
  'participations',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The document that states it; rewritten with the document. */
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ['present', 'afbud', 'absent', 'substitute', 'guest'] }).notNull(),
    /** Party and municipality as this document states them: a person's history over time. */
    party: text('party'),
    municipality: text('municipality'),
    /** Role in the body ("formand") or, for guests, job title. */
    role: text('role'),
    organisation: text('organisation'),
    /** The list heading a guest stood under ("Fra KL-sekretariatet"). */
    groupName: text('group_name'),
    minuteTaker: boolean('minute_taker').notNull().default(false),
    /** For afbud: who attended instead. */
    substitutePersonId: integer('substitute_person_id').references(() => people.id),
  },
  (t) => [
    index('participations_meeting_idx').on(t.meetingId),
    index('participations_document_idx').on(t.documentId),
    index('participations_person_idx').on(t.personId),
    check(
      'participations_status_check',
      sql`${t.status} in ('present', 'afbud', 'absent', 'substitute', 'guest')`,
    ),
  ],
);
