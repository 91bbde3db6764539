/** Kept corrections: storeDocument applies them to every import of the meeting document, same file or changed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { CorrectionOp } from '../import/corrections.js';
import { parseStoredModel } from './projection.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { auditLog, documentCorrections, documentVersions } from './schema.js';
import { CorrectionConflict, storeDocument } from './store.js';
import { openTestDatabase } from './testing.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const RETITLE: CorrectionOp = { op: 'setTitle', number: '2', from: 'Orienterng om DK2020', to: 'Orientering om DK2020' };
const read = (date: string | null, extra: string[] = []) =>
  meetingDocument({ date, items: [item('1', 'Godkendelse af referat'), item('2', 'Orienterng om DK2020'), ...extra.map((t, i) => item(String(3 + i), t))] });

async function currentModel(documentId: number) {
  const rows = await database.db.execute(sql`select v.model from meeting_documents d join document_versions v on v.id = d.current_version_id where d.id = ${documentId}`);
  return parseStoredModel((rows as unknown as { rows: Array<{ model: unknown }> }).rows[0]!.model);
}

describe('corrections kept by the store', () => {
  it('records a correction with the version and the audit log, and a re-import of the same file keeps it', async () => {
    const file = original('referat 2031-03-01');
    const first = await storeDocument(database.db, read('2031-03-01'), file, { corrections: [RETITLE], createdBy: 'arbejdsrum', actor: { kind: 'cli' } });
    expect(first.status).toBe('imported');
    expect(first.corrections).toEqual({ applied: 1, stale: [] });
    expect((await currentModel(first.documentId)).items[1]!.title).toBe('Orientering om DK2020');
    const [version] = await database.db.select().from(documentVersions).where(eq(documentVersions.id, first.versionId));
    expect(version!.createdBy).toBe('arbejdsrum, with 1 correction');
    const kept = await database.db.select().from(documentCorrections).where(eq(documentCorrections.documentId, first.documentId));
    expect(kept.map((k) => k.op)).toEqual([RETITLE]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.target, `document:${first.documentId}`));
    expect(audit.map((a) => a.action)).toEqual(['document.correct']);

    // The same file read the same way again: the correction is applied, so nothing changed.
    const again = await storeDocument(database.db, read('2031-03-01'), file);
    expect(again.status).toBe('unchanged');
    expect(again.corrections.applied).toBe(1);
    expect((await currentModel(first.documentId)).items[1]!.title).toBe('Orientering om DK2020');
  });

  it('applies it to a changed file of the same meeting, and reports it stale where the item changed', async () => {
    const changed = await storeDocument(database.db, read('2031-03-01', ['Eventuelt']), original('referat 2031-03-01, rettet'));
    expect(changed.status).toBe('updated');
    expect(changed.corrections).toEqual({ applied: 1, stale: [] });
    const model = await currentModel(changed.documentId);
    expect(model.items.map((i) => i.title)).toEqual(['Godkendelse af referat', 'Orientering om DK2020', 'Eventuelt']);

    const renamed = meetingDocument({ date: '2031-03-01', items: [item('1', 'Godkendelse af referat'), item('2', 'Klimaplaner for kommunerne i regionen'), item('3', 'Eventuelt')] });
    const third = await storeDocument(database.db, renamed, original('referat 2031-03-01, ny titel'));
    expect(third.status).toBe('updated');
    expect(third.corrections.applied).toBe(0);
    expect(third.corrections.stale.map((s) => s.reason)).toEqual(['Punkt 2 hedder ikke længere »Orienterng om DK2020«.']);
    expect((await currentModel(third.documentId)).items[1]!.title).toBe('Klimaplaner for kommunerne i regionen');
    // Stale is not withdrawn: a later file that fits gets it again.
    const live = await database.db.select().from(documentCorrections).where(eq(documentCorrections.documentId, third.documentId));
    expect(live.filter((k) => k.withdrawnAt === null)).toHaveLength(1);
  });

  it('finds the corrections of a file that a correction moved to another date', async () => {
    const file = original('udateret referat');
    const date: CorrectionOp = { op: 'setFact', field: 'date', from: null, to: '2031-04-02' };
    const first = await storeDocument(database.db, read(null), file, { corrections: [date, RETITLE] });
    const again = await storeDocument(database.db, read(null), file);
    expect(again.status).toBe('unchanged');
    expect(again.meetingId).toBe(first.meetingId);
    const model = await currentModel(again.documentId);
    expect([model.date, model.items[1]!.title]).toEqual(['2031-04-02', 'Orientering om DK2020']);
  });

  it('refuses new corrections that do not fit, storing nothing', async () => {
    const before = (await database.db.select({ id: documentVersions.id }).from(documentVersions)).length;
    const wrong: CorrectionOp = { op: 'setTitle', number: '9', from: 'Findes ikke', to: 'Noget' };
    await expect(storeDocument(database.db, read('2031-05-05'), original('maj'), { corrections: [wrong] })).rejects.toBeInstanceOf(CorrectionConflict);
    expect((await database.db.select({ id: documentVersions.id }).from(documentVersions)).length).toBe(before);
  });
});
