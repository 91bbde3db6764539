/**
 * @module The database schema (Drizzle, PostgreSQL 15 dialect), shared by PGlite and PostgreSQL.
 * The concepts are the model's (src/model, OParl names); enums come from the model's zod schemas.
 *
 * Two kinds of table:
 * - **Records that are never overwritten**: authorities, organizations, meetings, meeting_documents,
 *   document_versions (every import or edit is a new version), blobs and files (bytes stored once
 *   by hash), people and person_names, papers, memberships. Ids stay stable; removal is `deleted_at`.
 * - **The projection** of each meeting's current document version (projection.ts, one function):
 *   the content of agenda_items (their ids are stable identities matched by number and title),
 *   sections, attachments and participations, and the search vectors. Rebuilt, never edited.
 *
 * Search lives on `agenda_items`: generated, weighted tsvectors (title A, decision B,
 * summary/recommendation C, other sections D), the small title+decision vector used to
 * pre-rank, and a type-prefixed vector for the section-type filter (see migration 0001).
 * Restricted items keep their text here too; every query goes through visibility.ts, and the
 * search indexes cover public rows only.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MeetingDocument, VersionChange } from '../model/index.js';
import { AccessLevel, AttendanceStatus, AuthorityKind, DocumentKind, MeetingStatus, MembershipRole, OrganizationKind, VersionSource } from '../model/index.js';

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

/** A zod enum's values as the tuple Drizzle's text enums take: enums are declared once, in the model. */
const values = <T extends string>(schema: { options: readonly T[] }) => schema.options as unknown as [T, ...T[]];

/** A check that a text column holds one of a zod enum's values. */
const oneOf = (name: string, column: { name: string }, values: readonly string[]) =>
  check(name, sql.raw(`"${column.name}" in (${values.map((v) => `'${v}'`).join(', ')})`));

const created = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const modified = () => timestamp('modified_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const deleted = () => timestamp('deleted_at', { withTimezone: true, mode: 'string' });
const access = () => text('access', { enum: values(AccessLevel) }).notNull().default('public');

/** OParl Body: the publishing authority (myndighed). */
export const authorities = pgTable(
  'authorities',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: values(AuthorityKind) }).notNull(),
    createdAt: created(),
    modifiedAt: modified(),
  },
  (t) => [oneOf('authorities_kind_check', t.kind, AuthorityKind.options)],
);

/** OParl Organization: what meets (KKR Midtjylland, Byrådet of one authority). URLs keep /bodies/:slug. */
export const organizations = pgTable(
  'organizations',
  {
    id: serial('id').primaryKey(),
    authorityId: integer('authority_id').references(() => authorities.id),
    /** Unique across the archive; generic names carry their authority ("byraadet-aarhus-kommune"). */
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: values(OrganizationKind) }).notNull().default('other'),
    createdAt: created(),
    modifiedAt: modified(),
  },
  (t) => [oneOf('organizations_kind_check', t.kind, OrganizationKind.options)],
);

/** OParl LegislativeTerm (valgperiode), shared by Danish municipalities and regions. */
export const legislativeTerms = pgTable('legislative_terms', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull().unique(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
});

/** OParl Location (mødested). */
export const locations = pgTable('locations', {
  id: serial('id').primaryKey(),
  description: text('description').notNull().unique(),
  online: boolean('online').notNull().default(false),
  createdAt: created(),
});

export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id').references(() => organizations.id),
    date: date('date', { mode: 'string' }),
    startTime: text('start_time'),
    endTime: text('end_time'),
    locationId: integer('location_id').references(() => locations.id),
    online: boolean('online').notNull().default(false),
    status: text('status', { enum: values(MeetingStatus) }).notNull(),
    access: access(),
    attendanceNote: text('attendance_note'),
    /** The version the pages show (minutes over agenda; see model/meeting.ts); set by the projection. */
    currentVersionId: integer('current_version_id'),
    /** The projection's code version that last rebuilt this meeting; older ones are rebuilt on open. */
    projection: integer('projection').notNull().default(0),
    /** A planned meeting known from a calendar in another meeting's document ("Mødekalender for … 2021"): that item. */
    announcedByItemId: integer('announced_by_item_id'),
    createdAt: created(),
    modifiedAt: modified(),
    deletedAt: deleted(),
  },
  (t) => [
    // One meeting per organisation and day; undated documents each get their own meeting.
    uniqueIndex('meetings_organization_date_key').on(t.organizationId, t.date).where(sql`${t.date} is not null`),
    index('meetings_date_idx').on(t.date),
    // Lists newest first (front page, /meetings, a body's page) read these in order instead of sorting every meeting.
    index('meetings_newest_idx').on(t.date.desc().nullsLast(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index('meetings_organization_newest_idx').on(t.organizationId, t.date.desc().nullsLast(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    oneOf('meetings_status_check', t.status, MeetingStatus.options),
    oneOf('meetings_access_check', t.access, AccessLevel.options),
  ],
);

/** A meeting's agenda, supplementary agenda or minutes: a sequence of versions. */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    kind: text('kind', { enum: values(DocumentKind) }).notNull(),
    currentVersionId: integer('current_version_id'),
    createdAt: created(),
    modifiedAt: modified(),
  },
  (t) => [uniqueIndex('meeting_documents_meeting_kind_key').on(t.meetingId, t.kind), oneOf('meeting_documents_kind_check', t.kind, DocumentKind.options)],
);

/** File bytes, stored once by SHA-256. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  bytes: bytea('bytes').notNull(),
  size: integer('size').notNull(),
});

/** OParl File: an original document or a bilag, with its own name and access level. */
export const files = pgTable(
  'files',
  {
    id: serial('id').primaryKey(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    /** Public only when everything in the file is public, judged from the file itself. */
    access: access(),
    createdAt: created(),
  },
  (t) => [index('files_sha256_idx').on(t.sha256), oneOf('files_access_check', t.access, AccessLevel.options)],
);

/** One version of a meeting document: the parsed or written model, never changed once stored. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => meetingDocuments.id),
    version: integer('version').notNull(),
    createdAt: created(),
    /** Who or what made it ("import (referat import)"); an account later. */
    createdBy: text('created_by').notNull(),
    source: text('source', { enum: values(VersionSource) }).notNull(),
    fileId: integer('file_id').references(() => files.id),
    format: text('format'),
    /** The whole model, restricted content included; the archive filters it per viewer. */
    model: jsonb('model').$type<MeetingDocument>().notNull(),
    /** What it changed against the version that was current when it came (null for the first). */
    change: jsonb('change').$type<VersionChange>(),
    /** The writer's note on a corrected publication, shown as "Rettet …" (written versions). */
    note: text('note'),
  },
  (t) => [
    uniqueIndex('document_versions_document_version_key').on(t.documentId, t.version),
    index('document_versions_file_idx').on(t.fileId),
    oneOf('document_versions_source_check', t.source, VersionSource.options),
  ],
);

/** OParl Paper (sag): a case number and title across meetings. */
export const papers = pgTable('papers', {
  id: serial('id').primaryKey(),
  /** As written: SAG-2020-01697, 1-51-71-3321-08 … */
  reference: text('reference').notNull().unique(),
  caseNumbers: text('case_numbers').array().notNull().default(sql`'{}'::text[]`),
  title: text('title'),
  createdAt: created(),
  modifiedAt: modified(),
});

/** OParl AgendaItem: a stable identity per meeting, its content projected from the current version. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** The version this row was last projected from. */
    versionId: integer('version_id').references(() => documentVersions.id),
    // Copies of the meeting's organisation, date and document kind, so search filters need no joins.
    organizationId: integer('organization_id').references(() => organizations.id),
    meetingDate: date('meeting_date', { mode: 'string' }),
    kind: text('kind', { enum: values(DocumentKind) }).notNull(),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    paperId: integer('paper_id').references(() => papers.id),
    caseOfficers: text('case_officers').array().notNull().default(sql`'{}'::text[]`),
    presenters: text('presenters').array().notNull().default(sql`'{}'::text[]`),
    decision: text('decision'),
    /** The date of the meeting whose minutes this item approves ("Godkendelse af referat fra mødet den …"). */
    minutesOf: date('minutes_of', { mode: 'string' }),
    /** The item's own level with its parents' and its meeting's taken into account. */
    access: access(),
    /** Text of summary and recommendation sections (weight C). */
    summaryText: text('summary_text').notNull().default(''),
    /** Text of all other non-decision sections (weight D). */
    bodyText: text('body_text').notNull().default(''),
    /** Title and decision only: small, so ranking candidates by it is cheap. */
    headTsv: tsvector('head_tsv').generatedAlwaysAs(sql.raw(`${weighted('title', 'A')} || ${weighted('decision', 'B')}`)),
    tsv: tsvector('tsv').generatedAlwaysAs(
      sql.raw(`${weighted('title', 'A')} || ${weighted('decision', 'B')} || ${weighted('summary_text', 'C')} || ${weighted('body_text', 'D')}`),
    ),
    /** Each section's lexemes prefixed with its type ("decision/godkend"); computed by the projection. */
    typedTsv: tsvector('typed_tsv').notNull().default(sql`''::tsvector`),
    createdAt: created(),
    modifiedAt: modified(),
    /** Set when the current version no longer has the item: kept, not forgotten. */
    deletedAt: deleted(),
  },
  (t) => [
    index('agenda_items_meeting_number_idx').on(t.meetingId, t.number),
    index('agenda_items_paper_idx').on(t.paperId),
    // The public, live rows are what anonymous search reads: every search index covers just them.
    index('agenda_items_newest_idx')
      .on(t.meetingDate.desc().nullsLast(), t.meetingId.desc(), t.position)
      .where(sql`${t.access} = 'public' and ${t.deletedAt} is null`),
    index('agenda_items_org_date_idx').on(t.organizationId, t.meetingDate).where(sql`${t.access} = 'public' and ${t.deletedAt} is null`),
    index('agenda_items_oldest_idx')
      .on(t.meetingDate.asc().nullsLast(), t.meetingId, t.position)
      .where(sql`${t.access} = 'public' and ${t.deletedAt} is null`),
    index('agenda_items_tsv_idx').using('gin', t.tsv).where(sql`${t.access} = 'public' and ${t.deletedAt} is null`),
    index('agenda_items_head_tsv_idx').using('gin', t.headTsv).where(sql`${t.access} = 'public' and ${t.deletedAt} is null`),
    index('agenda_items_typed_tsv_idx').using('gin', t.typedTsv).where(sql`${t.access} = 'public' and ${t.deletedAt} is null`),
    // Migration 0014 adds two more, outside this schema: agenda_items_head_tiers_idx (GIN on
    // referat_head_tiers(head_tsv), both drivers) and, where the extension exists,
    // agenda_items_tsv_rum_idx (RUM on tsv, PostgreSQL); migration 0020 one more,
    // agenda_items_pair_tiers_idx (GIN on referat_pair_tiers(head_tsv), both drivers). Declared
    // here, drizzle-kit would emit them unconditionally, and before the functions they need.
    // Restricted rows are few: members' searches read them by organisation.
    index('agenda_items_restricted_idx').on(t.organizationId).where(sql`${t.access} <> 'public' and ${t.deletedAt} is null`),
    oneOf('agenda_items_kind_check', t.kind, DocumentKind.options),
    oneOf('agenda_items_access_check', t.access, AccessLevel.options),
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
    // The blocks are in the version's model; only the plain text is kept here (for snippets).
    /** Plain text without bilag the item's viewers may not see; searched through typed_tsv. */
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
    access: access(),
    fileName: text('file_name'),
    /** The bilag's bytes, when the archive has them. */
    fileId: integer('file_id').references(() => files.id),
  },
  (t) => [
    uniqueIndex('attachments_item_position_key').on(t.itemId, t.position),
    // A bilag download (/files/:id, OParl File) finds its item by the file.
    index('attachments_file_idx').on(t.fileId),
    oneOf('attachments_access_check', t.access, AccessLevel.options),
  ],
);

/** OParl Person: one identity; every spelling seen is a row of person_names. */
export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** URL name ("h-c-oesterby"); not unique: rare names differ only in signs or accents. */
    slug: text('slug').notNull().default(''),
    createdAt: created(),
    modifiedAt: modified(),
  },
  (t) => [
    index('people_slug_idx').on(t.slug),
    // Namesakes by first or last name (identities.ts) are index lookups, not a scan of everyone (migration 0018).
    index('people_first_name_idx').on(sql`split_part(lower(name), ' ', 1)`),
    index('people_last_name_idx').on(sql`regexp_replace(lower(name), '^.* ', '')`),
  ],
);

/**
 * A name as documents spell it, normalised ("h c østerby"), and the person it names — within a
 * municipality (`scope`, lower case; '' where the documents give none), so namesakes of different
 * municipalities are two people (migration 0016).
 */
export const personNames = pgTable(
  'person_names',
  {
    key: text('key').notNull(),
    scope: text('scope').notNull().default(''),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    name: text('name').notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ name: 'person_names_key_scope_pk', columns: [t.key, t.scope] }), index('person_names_person_idx').on(t.personId)],
);

/** Where a membership comes from. */
export const MEMBERSHIP_SOURCES = ['attendance', 'appointment'] as const;

/** OParl Membership: a person's seat in an organisation; derived ones come from the documents. */
export const memberships = pgTable(
  'memberships',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', { enum: values(MembershipRole) }).notNull(),
    onBehalfOf: text('on_behalf_of'),
    party: text('party'),
    termId: integer('term_id').references(() => legislativeTerms.id),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    derived: boolean('derived').notNull().default(true),
    /** attendance: worked out from participant lists · appointment: an item appointed the person (an udpegning). */
    source: text('source', { enum: MEMBERSHIP_SOURCES }).notNull().default('attendance'),
    /** The item that appointed the person (source 'appointment'). */
    sourceItemId: integer('source_item_id').references(() => agendaItems.id),
    /** What the item stated, as a key a secretary's correction is kept under (derived_corrections; source 'appointment'). */
    derivationKey: text('derivation_key'),
    createdAt: created(),
    modifiedAt: modified(),
    deletedAt: deleted(),
  },
  (t) => [
    index('memberships_person_idx').on(t.personId),
    index('memberships_organization_idx').on(t.organizationId),
    // One seat from attendance per person, organisation, role and electoral period.
    uniqueIndex('memberships_derived_key').on(t.personId, t.organizationId, t.role, t.termId).where(sql`${t.derived} and ${t.source} = 'attendance'`),
    // One appointment per person, organisation, role and appointing item.
    uniqueIndex('memberships_appointment_key').on(t.personId, t.organizationId, t.role, t.sourceItemId).where(sql`${t.source} = 'appointment'`),
    oneOf('memberships_source_check', t.source, MEMBERSHIP_SOURCES),
    oneOf('memberships_role_check', t.role, MembershipRole.options),
  ],
);

/** Who took part in a meeting, as its current version states: projected, rewritten with it. */
export const participations = pgTable(
  'participations',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => documentVersions.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: values(AttendanceStatus) }).notNull(),
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
    index('participations_person_idx').on(t.personId),
    oneOf('participations_status_check', t.status, AttendanceStatus.options),
  ],
);

/** What an e-mail alert follows (src/alerts): an organisation, a case, a person or a search. */
export const ALERT_KINDS = ['body', 'case', 'person', 'search'] as const;
/** What an alert token lets its holder do: confirm a subscription, end one, or erase the address. */
export const ALERT_TOKEN_PURPOSES = ['confirm', 'unsubscribe', 'erase'] as const;

/**
 * An address following one thing by e-mail (double opt-in: unconfirmed until its link is used).
 * Addresses are stored for this only; unsubscribing deletes the row, erasing deletes them all.
 */
export const alertSubscriptions = pgTable(
  'alert_subscriptions',
  {
    id: serial('id').primaryKey(),
    /** Lower-cased, validated (src/alerts/email.ts). */
    email: text('email').notNull(),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    /** Organisation slug, case number, person id, or search text. */
    target: text('target').notNull(),
    /** What it follows in words, for mails and pages ("KKR Midtjylland"). */
    label: text('label').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    /** Watermark: the highest document_versions.id this subscription has been told about. */
    lastNotified: integer('last_notified'),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('alert_subscriptions_email_kind_target_key').on(t.email, t.kind, t.target),
    oneOf('alert_subscriptions_kind_check', t.kind, ALERT_KINDS),
  ],
);

/** A link's secret, stored as its SHA-256 only; the address's rows go with the address. */
export const alertTokens = pgTable(
  'alert_tokens',
  {
    hash: text('hash').primaryKey(),
    purpose: text('purpose', { enum: ALERT_TOKEN_PURPOSES }).notNull(),
    email: text('email').notNull(),
    /** The subscription a confirm or unsubscribe token is for; null for erase (the whole address). */
    subscriptionId: integer('subscription_id').references(() => alertSubscriptions.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    createdAt: created(),
  },
  (t) => [index('alert_tokens_email_idx').on(t.email), oneOf('alert_tokens_purpose_check', t.purpose, ALERT_TOKEN_PURPOSES)],
);

/** The roles a user holds in an organisation (admin is a flag on the user, held without one). */
export const ORGANIZATION_ROLES = ['member', 'secretary'] as const;

/**
 * An account (src/auth): e-mail lower-cased and unique; the password as an scrypt string
 * (src/auth/password.ts); deactivated accounts keep their row (the audit log names them).
 */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  admin: boolean('admin').notNull().default(false),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true, mode: 'string' }),
  createdAt: created(),
  modifiedAt: modified(),
});

/** A user's role in an organisation: member (reads its closed items) or secretary (writes its meetings). */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    role: text('role', { enum: ORGANIZATION_ROLES }).notNull(),
  },
  (t) => [uniqueIndex('user_roles_key').on(t.userId, t.organizationId, t.role), oneOf('user_roles_role_check', t.role, ORGANIZATION_ROLES)],
);

/** A signed-in session: the cookie's token stored as its SHA-256 only; idle and absolute expiry. */
export const sessions = pgTable(
  'sessions',
  {
    hash: text('hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    createdAt: created(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed log-ins per key ("email:…" or "ip:…"), for throttling (src/auth/throttle.ts). */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'string' }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
});

/** Who did what and when: written in the same transaction as the change it records. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    /** The acting user; null for the command line. */
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** "cli", or the acting user's e-mail at the time. */
    actor: text('actor').notNull(),
    /** e.g. user.create, user.roles, user.deactivate, session.login. */
    action: text('action').notNull(),
    /** What was acted on, e.g. "user:3 anna@example.dk". */
    target: text('target').notNull(),
    detail: jsonb('detail'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

// ── The secretariat's workspace (issue 11, migration 0010) ────────────────────────────────────

/** Where a draft stands: the agenda being written, or the minutes being written after the meeting. */
export const DRAFT_KINDS = ['agenda', 'minutes'] as const;

/**
 * A meeting document being written in Referat (src/workspace): the whole MeetingDocument as it
 * stands, not yet a version. Publishing stores it as a new document version (source 'written')
 * through the one writer; the draft stays for the next edit. `revision` rises with every save, so
 * a form saved over a newer draft is refused instead of silently undoing someone's edit.
 */
export const drafts = pgTable(
  'drafts',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Set once the agenda is published (the meeting exists from then on). */
    meetingId: integer('meeting_id').references(() => meetings.id),
    kind: text('kind', { enum: DRAFT_KINDS }).notNull(),
    model: jsonb('model').$type<MeetingDocument>().notNull(),
    revision: integer('revision').notNull().default(1),
    /** The published version this draft was last published as (null before its first publication). */
    publishedVersionId: integer('published_version_id').references(() => documentVersions.id),
    createdAt: created(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    deletedAt: deleted(),
  },
  (t) => [
    index('drafts_organization_idx').on(t.organizationId),
    uniqueIndex('drafts_meeting_kind_key').on(t.meetingId, t.kind).where(sql`${t.meetingId} is not null and ${t.deletedAt} is null`),
    oneOf('drafts_kind_check', t.kind, DRAFT_KINDS),
  ],
);

/**
 * An organisation's own agenda template (its standard order of items), edited by its secretaries;
 * without a row the template comes from the lexicon (src/workspace/lexicon/templates.json).
 */
export const agendaTemplates = pgTable('agenda_templates', {
  organizationId: integer('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  /** [{ number, title, sections? }] in order. */
  items: jsonb('items').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * A secretary's correction of what the importer read from a meeting document (an item's title,
 * item boundaries, a missed participant): applied by the store to every later import of that
 * document, so a re-import never undoes it (src/import/corrections.ts).
 */
export const documentCorrections = pgTable(
  'document_corrections',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => meetingDocuments.id),
    op: jsonb('op').notNull(),
    createdAt: created(),
    createdBy: text('created_by').notNull(),
    /** A correction taken back stays on record. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('document_corrections_document_idx').on(t.documentId)],
);

// ── Allocation keys (issue 13, migration 0011) ────────────────────────────────────────────────

/**
 * A municipality's population for a period (Danmarks Statistik's FOLK1A: "2024K1", or a year),
 * imported from CSV or entered by a secretary; never invented. One row per municipality and
 * period: a correction replaces the figure with its own source, date and author, and the audit
 * log keeps the old one. Allocations copy the figures they use, so a correction changes none.
 */
export const populationFigures = pgTable(
  'population_figures',
  {
    id: serial('id').primaryKey(),
    /** Danmarks Statistik's three-digit municipality code ("751"). */
    municipalityCode: text('municipality_code').notNull(),
    /** The official name, as in the lexicon ("Aarhus"). */
    municipality: text('municipality').notNull(),
    /** "2024K1" (first of the quarter) or "2024". */
    period: text('period').notNull(),
    count: integer('count').notNull(),
    /** Where the figure comes from, e.g. "Danmarks Statistik, FOLK1A (folk1a.csv)". */
    source: text('source').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** "cli", or the secretary's e-mail. */
    enteredBy: text('entered_by').notNull(),
  },
  (t) => [uniqueIndex('population_figures_key').on(t.municipalityCode, t.period), check('population_figures_count_check', sql`${t.count} >= 0`)],
);

/**
 * An allocation attached to an agenda item (agenda_items ids are stable identities): the model,
 * its inputs (population figures copied in) and the result computed from them (src/allocation).
 * Never overwritten: a revision is a new row with the same item and slot and the next version;
 * withdrawing one is a version marked withdrawn. Readable by whoever may read the item.
 */
export const allocations = pgTable(
  'allocations',
  {
    id: serial('id').primaryKey(),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    /** Which of the item's allocations (1, 2, …); its versions share it. */
    slot: integer('slot').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** The model (per-capita, mix, quota, historical). */
    kind: text('kind').notNull(),
    /** The population period the inputs' figures were taken from, when they came from population_figures. */
    populationPeriod: text('population_period'),
    inputs: jsonb('inputs').notNull(),
    result: jsonb('result').notNull(),
    withdrawn: boolean('withdrawn').notNull().default(false),
    createdAt: created(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('allocations_item_slot_version_key').on(t.agendaItemId, t.slot, t.version), index('allocations_item_idx').on(t.agendaItemId)],
);

// ── Following people and seats across meetings (issue 12, migration 0012) ───────────────────────

/**
 * Seats an organisation's body fills in another organisation per electoral period, as a table in an
 * item states them ("Praksisplanudvalget | 5 medlemmer"): derived, with the item it came from.
 */
export const organizationSeats = pgTable(
  'organization_seats',
  {
    id: serial('id').primaryKey(),
    /** The organisation the seats are in. */
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The organisation that fills them (the meeting's). */
    appointedById: integer('appointed_by_id').references(() => organizations.id),
    /** "2018-2022". */
    period: text('period').notNull(),
    seats: integer('seats').notNull(),
    note: text('note').notNull(),
    sourceItemId: integer('source_item_id')
      .notNull()
      .references(() => agendaItems.id),
    /** What the item stated, as a key a secretary's correction is kept under (derived_corrections). */
    derivationKey: text('derivation_key'),
    deletedAt: deleted(),
  },
  (t) => [uniqueIndex('organization_seats_key').on(t.organizationId, t.period, t.sourceItemId), index('organization_seats_appointed_by_idx').on(t.appointedById)],
);

export const MERGE_DECISIONS = ['automatic', 'accepted', 'rejected'] as const;

/**
 * Whether two people rows are one person (src/model/identity.ts): confident pairs merged by
 * themselves ('automatic'), the rest suggested until a secretary accepts or rejects them. The
 * decision stays: a rejected pair is never suggested again, an accepted one never split by a
 * re-import (the merged person's names point to the kept person).
 */
export const personMerges = pgTable(
  'person_merges',
  {
    id: serial('id').primaryKey(),
    /** The person kept (the lower id). */
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    otherPersonId: integer('other_person_id')
      .notNull()
      .references(() => people.id),
    relation: text('relation').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    /** null while suggested. */
    decision: text('decision', { enum: MERGE_DECISIONS }),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('person_merges_pair_key').on(t.personId, t.otherPersonId),
    // The pairs a person is the other of (identities.ts, keptPerson), without reading every pair.
    index('person_merges_other_idx').on(t.otherPersonId),
    oneOf('person_merges_decision_check', t.decision, MERGE_DECISIONS),
  ],
);

/**
 * How many live meetings there are per organisation, access level, year and listed-or-not (has a
 * current version), so the front, body, search and meetings pages count without reading every
 * meeting. Rows are deltas written by statement triggers on `meetings` (migration 0017), summed
 * per key when read; nothing ever updates a row in place, so concurrent imports never wait on
 * one another here. `compactMeetingCounts` (summaries.ts) folds the deltas into one row per key.
 */
export const meetingCounts = pgTable(
  'meeting_counts',
  {
    /** 0: a meeting without an organisation. */
    organizationId: integer('organization_id').notNull(),
    access: text('access', { enum: values(AccessLevel) }).notNull(),
    /** 0: undated. */
    year: integer('year').notNull(),
    listed: boolean('listed').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('meeting_counts_key_idx').on(t.organizationId, t.access, t.year, t.listed)],
);

// ── Related items and corrections of derived records (issue 12, migration 0016) ─────────────────

/** In how many public, live items each lexeme occurs (term '' counts the items): idf for related items (db/related.ts). */
export const termCounts = pgTable('term_counts', {
  term: text('term').primaryKey(),
  items: integer('items').notNull(),
});

/**
 * An item's most distinctive lexemes (tf-idf when it was projected) and its title's subject terms:
 * what related items are found by (db/related.ts). Public, live items only; rewritten by the projection.
 */
export const itemProfiles = pgTable(
  'item_profiles',
  {
    itemId: integer('item_id')
      .primaryKey()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    terms: text('terms').array().notNull(),
    weights: real('weights').array().notNull(),
    norm: real('norm').notNull(),
    /** The title's distinctive lexemes, most distinctive first, with their weights. */
    subject: text('subject').array().notNull(),
    subjectWeights: real('subject_weights').array().notNull(),
  },
  (t) => [index('item_profiles_terms_idx').using('gin', t.terms), index('item_profiles_subject_idx').using('gin', t.subject)],
);

/** What a secretary may correct: appointments, seats tables, planned meetings, promises. */
export const DERIVED_KINDS = ['appointment', 'seat', 'planned', 'promise'] as const;
export const CORRECTION_ACTIONS = ['confirm', 'change', 'reject'] as const;

/**
 * A secretary's decision on a record derived from an item: kept under the item (a stable id across
 * versions) and a key of what the item stated, so re-imports and re-projections apply it again
 * instead of overwriting it. `values` holds the changed fields (action 'change').
 */
export const derivedCorrections = pgTable(
  'derived_corrections',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: DERIVED_KINDS }).notNull(),
    sourceItemId: integer('source_item_id')
      .notNull()
      .references(() => agendaItems.id),
    key: text('key').notNull(),
    action: text('action', { enum: CORRECTION_ACTIONS }).notNull(),
    values: jsonb('values').$type<Record<string, string | null>>().notNull().default({}),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('derived_corrections_key').on(t.kind, t.sourceItemId, t.key),
    oneOf('derived_corrections_kind_check', t.kind, DERIVED_KINDS),
    oneOf('derived_corrections_action_check', t.action, CORRECTION_ACTIONS),
  ],
);
