/**
 * Related items by content across the five samples: the DK2020/climate thread spans the 2019, 2020 and
 * 2021 documents, the refugee figures of 2020 and 2023 are one matter, and near-misses stay apart.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, threadsBySubject } from '../model/index.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { relatedByContent } from './related.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { storeSamples } from './testing-files.js';
import { openTestDatabase } from './testing.js';

let database: Database;

/** The stable id of the item with this title (start) in the seed whose file name starts so. */
async function seedItem(seed: string, title: string): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    database.db,
    sql`select i.id from agenda_items i join document_versions v on v.id = i.version_id join files f on f.id = v.file_id
        where f.name like ${`${seed}%`} and i.title like ${`${title}%`} and i.deleted_at is null`,
  );
  expect(rows, `${seed}: ${title}`).toHaveLength(1);
  return rows[0]!.id;
}

/** Each lexeme's count of public, live items, counted afresh: what term_counts must equal. */
async function countsMatch(): Promise<void> {
  const [row] = await queryRows<{ wrong: number; total: number; kept: number }>(
    database.db,
    sql`with fresh as (
          select t as term, count(*)::int as items from agenda_items i, unnest(tsvector_to_array(i.tsv)) t
          where i.access = 'public' and i.deleted_at is null group by t)
        select (select count(*)::int from fresh full join term_counts c using (term)
                where c.term <> '' and coalesce(fresh.items, 0) <> coalesce(c.items, 0)) as wrong,
          (select count(*)::int from agenda_items i where i.access = 'public' and i.deleted_at is null and i.tsv <> ''::tsvector) as total,
          (select items from term_counts where term = '') as kept`,
  );
  expect(row!.wrong).toBe(0);
  expect(row!.kept).toBe(row!.total);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await storeSamples(database.db);
});
afterAll(() => database?.close());

describe('related items by content', () => {
  it('links the DK2020 and climate-strategy items of the 2019, 2020 and 2021 documents on the case page', async () => {
    const view = await createDbArchive(database.db).getCase(ANONYMOUS, 'SAG-2020-01697');
    const threads = threadsBySubject(view!.items);
    const climate = threads.findIndex((t) => t.some((i) => i.title.startsWith('Klimasamarbejde')));
    const related = view!.related![climate]!;
    const ids = new Set(related.map((r) => r.id));
    // 2019: KL's climate work (seed 003), 2020: KD-Net's DK2020 and climate-strategy items (seed 001),
    // 2021: the next meeting's points with "Status på DK2020" and the orientation on the climate strategy (seed 002).
    expect(ids.has(await seedItem('003', "KL's strategiske klimaarbejde"))).toBe(true);
    expect(ids.has(await seedItem('001', 'DK2020'))).toBe(true);
    expect(ids.has(await seedItem('001', 'Orientering om status på KKR-Midtjyllands klimastrategi'))).toBe(true);
    expect(related.some((r) => r.meeting.date?.startsWith('2021'))).toBe(true);
    // Never the case's own items, never the refugee figures.
    expect(related.some((r) => r.title.includes('flygtninge'))).toBe(false);
    expect(related.every((r) => !view!.items.some((i) => i.id === r.id))).toBe(true);
  });

  it('links the refugee figures of 2020 and 2023 (Landstallet for flygtninge) but not another "fordeling"', async () => {
    const refugees2020 = await seedItem('000', 'Fordeling af flygtninge for 2021');
    const refugees2023 = await seedItem('004', 'Landstallet for flygtninge 2024');
    const apprenticeships = await seedItem('002', 'Ny femårig aftale og fordeling af lærepladser');
    const related = await relatedByContent(database.db, ANONYMOUS, refugees2020);
    expect(related[0]?.id).toBe(refugees2023);
    expect(related.map((r) => r.id)).not.toContain(apprenticeships);
    expect((await relatedByContent(database.db, ANONYMOUS, apprenticeships)).map((r) => r.id)).not.toContain(refugees2020);
    // The other way round, with the decision for the list.
    const back = await relatedByContent(database.db, ANONYMOUS, refugees2023);
    expect(back[0]).toMatchObject({ id: refugees2020, number: '3.6' });
    expect(back[0]!.decision).toMatch(/tiltrådte|godkend/i);
  });

  it('keeps a plainly different matter of the same meeting apart (Erhvervshus, almen praksis)', async () => {
    const climate = await seedItem('000', 'Klimasamarbejde');
    const related = (await relatedByContent(database.db, ANONYMOUS, climate)).map((r) => r.title);
    expect(related.some((t) => /Erhvervshus|almen praksis|flygtninge|Rammeaftale/.test(t))).toBe(false);
  });

  it('keeps the counts exact through a new version that drops and changes items, and relates no closed item', async () => {
    await countsMatch();
    const doc = meetingDocument({
      body: 'Testudvalget',
      date: '2024-05-01',
      items: [
        item('1', 'DK2020 og klimastrategi i Testudvalget', { text: 'Klimasamarbejdet om DK2020 og kommunernes klimastrategi fortsætter med klimaplaner.'.repeat(3) }),
        item('2', 'Lukket klimasag om DK2020', { access: 'closed', text: 'DK2020 klimastrategi klimaplan fortroligt.'.repeat(5) }),
      ],
    });
    const { meetingId } = await storeDocument(database.db, doc, original('related v1'));
    await countsMatch();
    const climate = await seedItem('000', 'Klimasamarbejde');
    const titles = (await relatedByContent(database.db, ANONYMOUS, climate, 20)).map((r) => r.title);
    expect(titles).toContain('DK2020 og klimastrategi i Testudvalget');
    expect(titles).not.toContain('Lukket klimasag om DK2020');
    await storeDocument(database.db, { ...doc, items: [item('1', 'Budget 2025', { text: 'Budgettet for næste år.' })] }, original('related v2'), { force: true });
    await countsMatch();
    const [left] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from item_profiles p join agenda_items i on i.id = p.item_id where i.meeting_id = ${meetingId}`);
    expect(left!.n).toBe(0);
    expect((await relatedByContent(database.db, ANONYMOUS, climate, 20)).map((r) => r.title)).not.toContain('DK2020 og klimastrategi i Testudvalget');
  });
});
