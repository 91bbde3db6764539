import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isGenericName } from '../model/index.js';
import { item, meetingDocument, original } from './fixtures.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { useTestDatabase } from './testing-hooks.js';

const testDb = useTestDatabase();
beforeEach(async () => {
  await testDb.db.execute(sql`truncate authorities, organizations, meetings, meeting_documents, document_versions, blobs, files restart identity cascade`);
});

const store = (body: string, authority: string | null, marker: string) =>
  storeDocument(testDb.db, meetingDocument({ body, authority, date: '2024-03-04', items: [item('1', `Sag om ${marker}`)] }), original(marker), { createdBy: 'test' });
const organizations = () => queryRows<{ slug: string; meetings: number }>(
  testDb.db,
  sql`select o.slug, (select count(*)::int from meetings m where m.organization_id = o.id) as meetings from organizations o order by o.slug`,
);

describe('organisations of the same name', () => {
  it('tells names every authority has from names that say whose they are', () => {
    for (const name of ['Byrådet', 'Teknik- og Miljøudvalget', 'Børne- og Ungeudvalget', 'Udvalget for Teknik og Miljø', 'Handicaprådet', 'Beredskabskommissionen', 'Kommunalbestyrelsen', 'Bestyrelsen', 'Teknisk Udvalg']) {
      expect(isGenericName(name), name).toBe(true);
    }
    for (const name of ['KKR Midtjylland', 'KD-Net', "KL's Arbejdsmarkedsudvalg", 'Midttrafik', 'Kommunekontaktrådet Midtjylland', '']) {
      expect(isGenericName(name), name).toBe(false);
    }
  });

  it("keeps two municipalities' committees of one name, meeting on one date, apart", async () => {
    await store('Teknik- og Miljøudvalget', 'Aarhus Kommune', 'aarhus');
    await store('Teknik- og Miljøudvalget', 'Odense Kommune', 'odense');
    expect(await organizations()).toEqual([
      { slug: 'teknik-og-miljoeudvalget-aarhus-kommune', meetings: 1 },
      { slug: 'teknik-og-miljoeudvalget-odense-kommune', meetings: 1 },
    ]);
  });

  it('goes on using a committee an older archive stored under its bare name, for its own authority only', async () => {
    await store('Teknik- og Miljøudvalget', 'Aarhus Kommune', 'first');
    // As an archive made before such names were qualified holds it.
    await testDb.db.execute(sql`update organizations set slug = 'teknik-og-miljoeudvalget'`);
    await store('Teknik- og Miljøudvalget', 'Aarhus Kommune', 'second');
    await store('Teknik- og Miljøudvalget', 'Odense Kommune', 'odense');
    expect(await organizations()).toEqual([
      { slug: 'teknik-og-miljoeudvalget', meetings: 1 },
      { slug: 'teknik-og-miljoeudvalget-odense-kommune', meetings: 1 },
    ]);
    const [versions] = await queryRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from document_versions`);
    expect(versions!.n).toBe(3);
  });
});
