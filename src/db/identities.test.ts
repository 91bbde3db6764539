/** The seeds' name variants become one person each, by evidence; namesakes elsewhere stay apart; decisions survive re-imports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { nameRelation } from '../model/index.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original } from './fixtures.js';
import { ANONYMOUS } from '../model/index.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { SAMPLES_DIR, sampleNames, storeFiles } from './testing-files.js';
import { openTestDatabase } from './testing.js';

interface Merge {
  person_id: number;
  other_person_id: number;
  kept: string;
  other: string;
  relation: string;
  decision: string | null;
}

describe('one identity per person across the samples', () => {
  let database: Database;
  const merges = () =>
    queryRows<Merge>(
      database.db,
      sql`select pm.person_id, pm.other_person_id, k.name as kept, o.name as other, pm.relation, pm.decision
          from person_merges pm join people k on k.id = pm.person_id join people o on o.id = pm.other_person_id order by pm.id`,
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, sampleNames());
  });
  afterAll(() => database?.close());

  it('merges the spelling variants of one member (a middle name dropped, a letter off) by themselves', async () => {
    const automatic = (await merges()).filter((m) => m.decision === 'automatic');
    expect(automatic.length).toBeGreaterThanOrEqual(3);
    expect(new Set(automatic.map((m) => m.relation))).toEqual(new Set(['middle', 'typo']));
    for (const m of automatic) expect(['middle', 'typo']).toContain(nameRelation(m.kept, m.other));
    // The merged spelling names the kept person, and no participation is left on the other.
    for (const m of automatic) {
      const [names] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from person_names where person_id = ${m.other_person_id}`);
      expect(names!.n).toBe(0);
      const [left] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from participations where person_id = ${m.other_person_id}`);
      expect(left!.n).toBe(0);
    }
  });

  it("counts the person's attendance as the sum of both spellings', and the other spelling's page is the kept person's", async () => {
    const archive = createDbArchive(database.db);
    for (const m of (await merges()).filter((x) => x.decision === 'automatic')) {
      const kept = (await archive.getPerson(ANONYMOUS, String(m.person_id)))!;
      expect(kept.attendance.length).toBeGreaterThanOrEqual(2);
      expect(kept.person.nameVariants).toEqual(expect.arrayContaining([m.kept, m.other]));
      expect((await archive.getPerson(ANONYMOUS, String(m.other_person_id)))!.person.id).toBe(m.person_id);
      // Both spellings' meetings (2020 and 2023) on one page: the attendance per year is drawn.
      const { createApp } = await import('../web/app.js');
      const html = await (await createApp(archive).request(`/people/${m.person_id}`)).text();
      expect(html).toContain('Deltagelse pr. år');
      expect(html).toMatch(/<th scope="row">2023<\/th>/);
      expect(html).toMatch(/<th scope="row">2020<\/th>/);
    }
  });

  it("lists on a presenter's page the items they presented", async () => {
    const { personSlug } = await import('./names.js');
    const [presented] = await queryRows<{ name: string; meeting_id: number; number: string }>(
      database.db,
      sql`select presenters[1] as name, meeting_id, number from agenda_items where cardinality(presenters) > 0 and deleted_at is null and access = 'public' order by id limit 1`,
    );
    const view = (await createDbArchive(database.db).getPerson(ANONYMOUS, personSlug(presented!.name)))!;
    expect(view.presented!.map((p) => [p.meeting.id, p.number])).toContainEqual([presented!.meeting_id, presented!.number]);
  });

  it('keeps the merges when a sample is imported again as a new version', async () => {
    const before = await merges();
    const { importFile } = await import('../import/index.js');
    const name = sampleNames().find((n) => n.startsWith('004'))!;
    const { document, bytes, format } = await importFile(`${SAMPLES_DIR}${name}`);
    await storeDocument(database.db, { ...document, title: `${document.title ?? ''} (rettet)` }, { bytes, fileName: name, format }, { force: true });
    expect(await merges()).toEqual(before);
  });

  it('keeps a namesake of another municipality apart, and suggests a thin match instead of merging it', async () => {
    const first = meetingDocument({
      date: '2031-01-10',
      participants: [{ name: 'Rasmus Testesen Holm', party: 'A', municipality: 'Odder', role: null }],
      items: [item('1', 'Et punkt')],
    });
    const second = meetingDocument({
      date: '2031-02-10',
      participants: [
        { name: 'Rasmus Holm', party: 'A', municipality: 'Skive', role: null },
        { name: 'Rasmus Testesen Holm', party: 'A', municipality: 'Odder', role: null },
      ],
      items: [item('1', 'Et punkt')],
    });
    const third = meetingDocument({ body: 'KD-Net', date: '2031-03-10', participants: [{ name: 'Rasmus T. Holm', party: null, municipality: 'Odder', role: null }], items: [item('1', 'Et punkt')] });
    await storeDocument(database.db, first, original('første'));
    await storeDocument(database.db, second, original('anden'));
    await storeDocument(database.db, third, original('tredje'));
    const rasmus = (await merges()).filter((m) => m.kept.startsWith('Rasmus') || m.other.startsWith('Rasmus'));
    // "Rasmus Holm" of Skive sat at the same meeting as the Odder member and is of another municipality: no pair at all.
    expect(rasmus.some((m) => [m.kept, m.other].includes('Rasmus Holm'))).toBe(false);
    expect(rasmus.every((m) => m.decision === null)).toBe(true);
  });

  it('makes two people of one name in two municipalities, and one person of it in one municipality', async () => {
    const at = (date: string, municipality: string, body = 'Testudvalget') =>
      meetingDocument({ body, date, participants: [{ name: 'Gitte Navnesen', party: 'A', municipality, role: null }], items: [item('1', 'Et punkt')] });
    await storeDocument(database.db, at('2032-01-10', 'Viborg'), original('viborg 1'));
    await storeDocument(database.db, at('2032-02-10', 'Viborg Kommune', 'KD-Net'), original('viborg 2'));
    await storeDocument(database.db, at('2032-03-10', 'Herning'), original('herning'));
    const people = await queryRows<{ id: number; municipalities: string[] }>(
      database.db,
      sql`select p.id, array_agg(distinct pa.municipality order by pa.municipality) as municipalities
          from people p join participations pa on pa.person_id = p.id where p.name = 'Gitte Navnesen' group by p.id order by p.id`,
    );
    expect(people.map((p) => p.municipalities)).toEqual([['Viborg', 'Viborg Kommune'], ['Herning']]);
    // Never suggested as one: of different municipalities.
    const pairs = (await merges()).filter((m) => m.kept === 'Gitte Navnesen' && m.other === 'Gitte Navnesen');
    expect(pairs).toEqual([]);
    // Both have pages of their own; the slug finds the first, the id each.
    for (const p of people) expect((await createDbArchive(database.db).getPerson(ANONYMOUS, String(p.id)))?.person.id).toBe(p.id);
  });
});
