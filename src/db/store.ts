/**
 * @module Storing one imported document as a new version, in one transaction: find or create
 * its organisation and meeting, keep the file's bytes once by hash, add a version to the
 * meeting's document of that kind (never overwriting one), decide whether it becomes current,
 * and rebuild the meeting's projection. Re-importing the same file with the same result is a no-op.
 * The corrections kept for the meeting document (db/corrections.ts) are applied to every import first,
 * so a re-import does not undo them.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { documentLevel } from '../archive/view.js';
import { applyCorrections, describeCorrection, type CorrectionOp, type StaleCorrection } from '../import/corrections.js';
import { compareVersions, describeChange, isWorseRendering, mediaTypeOf, MeetingDocument, mostRestrictive } from '../model/index.js';
import type { AccessLevel, VersionChange } from '../model/index.js';
import { writeAudit, type Actor } from './audit.js';
import type { Db } from './client.js';
import { keptCorrectionsInStore, recordCorrections } from './corrections.js';
import type { Tx } from './content.js';
import { ensureOrganization } from './organizations.js';
import { parseStoredModel, projectMeeting } from './projection.js';
import { queryRows } from './rows.js';

export interface OriginalFile {
  bytes: Uint8Array;
  fileName: string;
  format: string;
  /** The file's own access level, judged from its bytes (src/import/file-access.ts) when known. */
  access?: AccessLevel;
}

export interface StoreOptions {
  /** Who or what stores it, recorded with the version ("import (referat import)"). */
  createdBy?: string;
  /** Make the new version current even when it reads less of the meeting than the current one. */
  force?: boolean;
  /** New corrections to what the importer read, recorded with the version (they must apply). */
  corrections?: CorrectionOp[];
  /** Who makes the new corrections, for the audit log (default: the command line). */
  actor?: Actor;
}

/** New corrections that do not fit the document: nothing is stored. */
export class CorrectionConflict extends Error {
  constructor(readonly stale: StaleCorrection[]) {
    super(`corrections that no longer fit the document: ${stale.map((s) => s.reason).join(' ')}`);
  }
}

/**
 * imported: the meeting's first document of its kind · updated: a new current version ·
 * unchanged: the same file read the same way as the current version · kept: stored as a version
 * but not made current, because it reads less of the meeting than the current one.
 */
export type StoreStatus = 'imported' | 'updated' | 'unchanged' | 'kept';

export interface StoreResult {
  status: StoreStatus;
  meetingId: number;
  documentId: number;
  versionId: number;
  version: number;
  /** The version's original file. */
  fileId: number | null;
  /** What the version changed against the one current before, in one line; null for a first version. */
  change: string | null;
  /** The kept and new corrections: how many the stored version has, and those that no longer fit it. */
  corrections: { applied: number; stale: StaleCorrection[] };
}

/** Hex SHA-256 of a file's bytes: the identity of an imported file. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores a parsed document and its original file as a new version; see the module comment. */
export async function storeDocument(db: Db, input: MeetingDocument, original: OriginalFile, options: StoreOptions = {}): Promise<StoreResult> {
  // Validate before touching the database: a malformed document must leave nothing behind.
  const read = readForStore(input, original);
  return db.transaction((tx) => storeRead(tx, read, original, options));
}

/** A document validated for storing, with its file's hash (see readForStore). */
export interface ReadDocument {
  read: MeetingDocument;
  sha256: string;
}

/** The document as it is stored: NUL removed, its source the original file; throws when it is malformed. */
export function readForStore(input: MeetingDocument, original: OriginalFile): ReadDocument {
  const sha256 = sha256Hex(original.bytes);
  // PostgreSQL text and jsonb cannot hold NUL, which PDF text layers sometimes contain.
  const read = MeetingDocument.parse({
    ...(withoutNul(input) as object),
    source: { fileName: original.fileName, format: original.format, sha256 },
  });
  return { read, sha256 };
}

/** storeDocument's work inside the caller's transaction (one document's, or a batch's: store-batch.ts). */
export async function storeRead(tx: Tx, { read, sha256 }: ReadDocument, original: OriginalFile, options: StoreOptions = {}): Promise<StoreResult> {
  const fresh = options.corrections ?? [];
  const kept = await keptCorrectionsInStore(tx, read, sha256);
  const corrected = applyCorrections(read, [...kept.ops, ...fresh]);
  const refused = corrected.stale.filter((s) => fresh.includes(s.op));
  if (refused.length > 0) throw new CorrectionConflict(refused);
  const doc = MeetingDocument.parse(corrected.doc);
  const corrections = { applied: corrected.applied.length, stale: corrected.stale };
  const createdBy = `${options.createdBy ?? 'import'}${corrections.applied > 0 ? `, with ${corrections.applied} correction${corrections.applied === 1 ? '' : 's'}` : ''}`;
  const organizationId = doc.body ? await ensureOrganization(tx, doc.body, doc.authority) : null;
  const meeting = await meetingFor(tx, doc, organizationId, sha256);
  const meetingId = meeting.id;
  const { id: documentId, created } = await documentFor(tx, meetingId, doc.kind, meeting.created);
  // Corrections that moved the document (another date) go with it.
  const toRecord = kept.documentId !== null && kept.documentId !== documentId ? corrected.applied : fresh;
  await recordCorrections(tx, documentId, toRecord, options.createdBy ?? 'import');
  if (fresh.length > 0) {
    await writeAudit(tx, options.actor ?? { kind: 'cli' }, 'document.correct', `document:${documentId}`, { file: original.fileName, corrections: fresh.map(describeCorrection) });
  }
  // A document created just now has no versions yet: nothing to read.
  const current = created ? null : await currentVersion(tx, documentId);
  if (current && current.sha256 === sha256 && sameContent(current.model, doc)) {
    return { status: 'unchanged', meetingId, documentId, versionId: current.id, version: current.version, fileId: current.file_id, change: null, corrections };
  }
  const change: VersionChange | null = current ? compareVersions(current.model, doc) : null;
  const worse = change !== null && !options.force && isWorseRendering(change);
  const access = mostRestrictive(original.access ?? 'public', documentLevel(doc));
  const { versionId, version: next, fileId, newBytes } = await storeVersion(tx, original, sha256, access, { documentId, createdBy, doc, change, current: !worse });
  await projectMeeting(tx, meetingId, {
    versionId,
    model: doc,
    ...(meeting.created ? { newMeeting: { organizationId, date: doc.date, kind: doc.kind } } : {}),
  });
  // Bytes never stored before stand under no other meeting.
  if (!newBytes) await retireMovedMeeting(tx, sha256, meetingId);
  const status: StoreStatus = current === null ? 'imported' : worse ? 'kept' : 'updated';
  const changed = change ? describeChange(change) : null;
  return { status, meetingId, documentId, versionId, version: next, fileId, change: changed && corrections.applied > 0 ? `${changed}; ${corrections.applied} corrections applied` : changed, corrections };
}

/** The number the document's next version gets. */
export async function nextVersion(tx: Tx, documentId: number): Promise<number> {
  const [row] = await queryRows<{ next: number }>(tx, sql`select coalesce(max(version), 0) + 1 as next from document_versions where document_id = ${documentId}`);
  return row!.next;
}

/** A copy of a JSON value with NUL characters removed from every string. */
export function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)]));
  return value;
}

/** JSON with object keys sorted: jsonb does not keep key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two models say the same, whatever file they came from. */
export function sameContent(a: MeetingDocument, b: MeetingDocument): boolean {
  return canonical({ ...a, source: null }) === canonical({ ...b, source: null });
}

/** The organisation's meeting on the document's date; an undated document keeps the meeting its file had. */
export async function findOrCreateMeeting(tx: Tx, doc: MeetingDocument, organizationId: number | null, sha256: string): Promise<number> {
  return (await meetingFor(tx, doc, organizationId, sha256)).id;
}

/** The meeting findOrCreateMeeting finds, and whether it was created just now: found or created in one round trip. */
async function meetingFor(tx: Tx, doc: MeetingDocument, organizationId: number | null, sha256: string): Promise<{ id: number; created: boolean }> {
  const byOrganization = organizationId === null ? sql`m.organization_id is null` : sql`m.organization_id = ${organizationId}`;
  const found =
    doc.date !== null
      ? sql`select m.id from meetings m where ${byOrganization} and m.date = ${doc.date}`
      : sql`select m.id from meetings m join meeting_documents d on d.meeting_id = m.id
            join document_versions v on v.document_id = d.id join files f on f.id = v.file_id
            where f.sha256 = ${sha256} and m.date is null and m.organization_id is not distinct from ${organizationId}
            order by v.id desc limit 1`;
  const [row] = await queryRows<{ id: number; created: boolean }>(
    tx,
    sql`with found as (${found}),
        added as (insert into meetings (organization_id, date, status)
                  select ${organizationId}::int, ${doc.date}::date, 'planned' where not exists (select 1 from found) returning id)
        select id, false as created from found union all select id, true from added`,
  );
  return row!;
}

/**
 * An undated meeting whose only file now stands, dated, under another meeting (re-imported with
 * --date) was that meeting all along: it is marked deleted, its versions kept.
 */
async function retireMovedMeeting(tx: Tx, sha256: string, meetingId: number): Promise<void> {
  await tx.execute(sql`
    update meetings m set deleted_at = now(), modified_at = now()
    where m.id <> ${meetingId} and m.date is null and m.deleted_at is null
      and exists (select 1 from meeting_documents d join document_versions v on v.id = d.current_version_id
                  join files f on f.id = v.file_id where d.meeting_id = m.id and f.sha256 = ${sha256})
      and not exists (select 1 from meeting_documents d join document_versions v on v.id = d.current_version_id
                      left join files f on f.id = v.file_id where d.meeting_id = m.id and f.sha256 is distinct from ${sha256})`);
}

/** The id of the meeting's document of a kind, created on first sight. */
export async function ensureDocument(tx: Tx, meetingId: number, kind: MeetingDocument['kind']): Promise<number> {
  return (await documentFor(tx, meetingId, kind)).id;
}

/**
 * The meeting's document of a kind, and whether it was created just now (it has no versions then).
 * `newMeeting`: the caller's transaction created the meeting, which has no documents yet.
 */
async function documentFor(tx: Tx, meetingId: number, kind: MeetingDocument['kind'], newMeeting = false): Promise<{ id: number; created: boolean }> {
  const find = sql`select id from meeting_documents where meeting_id = ${meetingId} and kind = ${kind}`;
  const [found] = newMeeting ? [] : await queryRows<{ id: number }>(tx, find);
  if (found) return { id: found.id, created: false };
  const [added] = await queryRows<{ id: number }>(tx, sql`insert into meeting_documents (meeting_id, kind) values (${meetingId}, ${kind}) on conflict do nothing returning id`);
  if (added) return { id: added.id, created: true };
  const [again] = await queryRows<{ id: number }>(tx, find);
  return { id: again!.id, created: false };
}

/** The document's current version with its model and file hash, or null for a new document. */
export async function currentVersion(tx: Tx, documentId: number) {
  const [row] = await queryRows<{ id: number; version: number; model: unknown; sha256: string | null; file_id: number | null }>(
    tx,
    sql`select v.id, v.version, v.model, f.sha256, v.file_id from meeting_documents d join document_versions v on v.id = d.current_version_id
        left join files f on f.id = v.file_id where d.id = ${documentId}`,
  );
  return row ? { ...row, model: parseStoredModel(row.model) } : null;
}

interface NewVersion {
  documentId: number;
  createdBy: string;
  doc: MeetingDocument;
  change: VersionChange | null;
  /** Whether the version becomes the document's current one. */
  current: boolean;
}

/**
 * Stores the bytes once by hash, records the file with its name, type and access level, adds the
 * document's next version of it and (when `current`) makes it current, in one round trip; `newBytes`
 * when the bytes were not stored before. The foreign keys are checked at the statement's end.
 */
async function storeVersion(
  tx: Tx,
  original: OriginalFile,
  sha256: string,
  access: AccessLevel,
  v: NewVersion,
): Promise<{ versionId: number; version: number; fileId: number; newBytes: boolean }> {
  const { bytes } = original;
  const size = bytes.byteLength;
  const [row] = await queryRows<{ id: number; version: number; file_id: number; new_bytes: boolean }>(
    tx,
    sql`with blob as (insert into blobs (sha256, bytes, size) values (${sha256}, ${Buffer.from(bytes.buffer, bytes.byteOffset, size)}, ${size}) on conflict do nothing returning 1),
        file as (insert into files (sha256, name, media_type, size, access)
                 values (${sha256}, ${original.fileName}, ${mediaTypeOf(original.format)}, ${size}, ${access}) returning id),
        version as (insert into document_versions (document_id, version, created_by, source, file_id, format, model, change)
                    select ${v.documentId}::int, coalesce((select max(version) from document_versions where document_id = ${v.documentId}::int), 0) + 1,
                      ${v.createdBy}, 'file', file.id, ${original.format}, ${JSON.stringify(v.doc)}::jsonb, ${v.change === null ? null : JSON.stringify(v.change)}::jsonb
                    from file returning id, version, file_id),
        made_current as (update meeting_documents d set current_version_id = version.id, modified_at = now()
                         from version where d.id = ${v.documentId}::int and ${v.current}::boolean returning 1)
        select version.id, version.version, version.file_id, exists (select 1 from blob) as new_bytes from version`,
  );
  return { versionId: row!.id, version: row!.version, fileId: row!.file_id, newBytes: row!.new_bytes };
}
