/** Drafts: saved whole against a revision, published as written versions through the one store path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { createDraft, DraftConflict, getDraft, publishDraft, saveDraft } from './drafts.js';
import { item, meetingDocument, original } from './fixtures.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';
import { organizationIdsBySlug } from './users.js';

const cli = { kind: 'cli' } as const;

describe('drafts', () => {
  let database: Database;
  let kkr: number;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeDocument(database.db, meetingDocument({ date: '2031-01-15', items: [item('1', 'Første punkt')] }), original('first'));
    kkr = (await organizationIdsBySlug(database.db, ['kkr-midtjylland'])).get('kkr-midtjylland')!;
  });
  afterAll(() => database?.close());

  it('refuses a save over a newer revision and keeps the newer text', async () => {
    const draft = await createDraft(database.db, cli, { organizationId: kkr, kind: 'agenda', model: meetingDocument({ kind: 'agenda', date: '2031-03-01', items: [item('1', 'A')] }) });
    const saved = await saveDraft(database.db, cli, draft.id, draft.revision, { ...draft.model, items: [item('1', 'B')] });
    expect(saved.revision).toBe(draft.revision + 1);
    await expect(saveDraft(database.db, cli, draft.id, draft.revision, { ...draft.model, items: [item('1', 'C')] })).rejects.toBeInstanceOf(DraftConflict);
    expect((await getDraft(database.db, draft.id))!.model.items[0]!.title).toBe('B');
  });

  it('publishes as a written version, a second time with its note, and the same content once', async () => {
    const draft = await createDraft(database.db, cli, { organizationId: kkr, kind: 'agenda', model: meetingDocument({ kind: 'agenda', date: '2031-04-01', items: [item('1', 'Godkendelse af referat')] }) });
    const first = await publishDraft(database.db, cli, draft.id, draft.revision);
    expect(first).toMatchObject({ status: 'imported', version: 1, fileId: null });
    const again = await publishDraft(database.db, cli, draft.id, draft.revision);
    expect(again.status).toBe('unchanged');
    const edited = await saveDraft(database.db, cli, draft.id, draft.revision, { ...draft.model, items: [item('1', 'Godkendelse af referat'), item('2', 'Eventuelt')] });
    const second = await publishDraft(database.db, cli, edited.id, edited.revision, 'Punkt 2 tilføjet.');
    expect(second).toMatchObject({ status: 'updated', version: 2, meetingId: first.meetingId });
    const rows = await queryRows<{ version: number; source: string; note: string | null }>(
      database.db,
      sql`select v.version, v.source, v.note from document_versions v where v.document_id = ${first.documentId} order by v.version`,
    );
    expect(rows).toEqual([
      { version: 1, source: 'written', note: null },
      { version: 2, source: 'written', note: 'Punkt 2 tilføjet.' },
    ]);
    const items = await queryRows<{ number: string }>(database.db, sql`select number from agenda_items where meeting_id = ${first.meetingId} and deleted_at is null order by position`);
    expect(items.map((i) => i.number)).toEqual(['1', '2']);
    expect((await getDraft(database.db, draft.id))!.meetingId).toBe(first.meetingId);
  });

  it('refuses to publish an undated draft and stores nothing', async () => {
    const draft = await createDraft(database.db, cli, { organizationId: kkr, kind: 'agenda', model: meetingDocument({ kind: 'agenda', date: null, items: [item('1', 'X')] }) });
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from document_versions`);
    await expect(publishDraft(database.db, cli, draft.id, draft.revision)).rejects.toThrow(/meeting date/);
    expect(await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from document_versions`)).toEqual(before);
  });
});
