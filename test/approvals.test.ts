/**
 * Approvals of minutes on real documents: the recogniser over the seeds, the corpus and the
 * fixtures as the importer reads them, and the five samples stored with one more KKR meeting.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDbArchive } from '../src/db/archive.js';
import type { Database } from '../src/db/client.js';
import { item, meetingDocument, original } from '../src/db/fixtures.js';
import { queryRows } from '../src/db/rows.js';
import { storeDocument } from '../src/db/store.js';
import { storeSamples } from '../src/db/testing-files.js';
import { openTestDatabase } from '../src/db/testing.js';
import { importFile } from '../src/import/index.js';
import { ANONYMOUS, documentApprovals } from '../src/model/index.js';
import { createApp } from '../src/web/app.js';

const dir = (path: string) => new URL(path, import.meta.url).pathname;

/** What the recogniser finds in each document that has an approval item; every other document has none. */
const EXPECTED: Record<string, Array<{ number: string; date: string | null }>> = {
  '000_8371a5215e9540f8.txt': [{ number: '1.1', date: '2020-02-05' }],
  '001_4fa44d254ce3f195.txt': [{ number: '2', date: '2020-05-29' }],
  '002_08ab96e69793d179.txt': [{ number: '1.1', date: '2021-06-08' }],
  '003_a18d94e99e00557d.txt': [{ number: '1.1', date: '2019-09-06' }],
  '004_d18184a479f2914c.txt': [{ number: '1.1', date: '2023-04-26' }],
  'affaldplus-bestyrelsen-referat-2016-01-29.txt': [{ number: '1', date: null }],
  'gribskov-kulturraadet-referat-2014-12-08.txt': [{ number: '59', date: '2014-10-20' }],
  'kl-teknik-miljoeudvalget-referat-2012.txt': [{ number: '1', date: null }],
  'rudersdal-hoersholm-beredskabskommissionen-referat-2011-05-03.txt': [{ number: '1', date: '2010-09-21' }],
  'skovboskolen-skolebestyrelsen-referat-2008-12-02.txt': [{ number: '1', date: null }],
  'rm-midlertidigt-udvalg-dagsorden-2009-06-23.txt': [{ number: '2', date: '2009-05-25' }],
  'kdnet-dagsorden.txt': [{ number: '2', date: '2023-11-24' }],
  'kdnet-midtjylland-referat-2015-03-27.txt': [{ number: '2', date: '2015-01-30' }],
  'hedensted-landdistriktsraad-referat-2023-08-31.txt': [{ number: '2', date: '2023-05-31' }],
  'albertslund-handicapraadet-dagsorden-2018-03-14.txt': [{ number: '1', date: null }],
  'trungdk-social-beskaeftigelsesudvalget-referat-2021-02-01.txt': [{ number: '8', date: null }],
  'dragoer-aeldreraadet-referat-2017-04-03.txt': [{ number: '1', date: '2017-03-06' }],
  // "Godkendelse af dagsorden og referat" names no date; "… af mødet den 7 oktober" no year, and the page no date.
  'holbaek-handicapraadet-referat-2015-11-03.txt': [{ number: '2', date: null }],
  'hoersholm-seniorraadet-referat-2021-11-18.txt': [{ number: '4', date: null }],
  'aarhus-boern-unge-udvalget-referat-2020-09-02.txt': [{ number: '1', date: '2020-08-19' }],
  // "Godkendelse af referat (fra sidste møde)" names no date.
  'hadsten-skolebestyrelsen-referat-2021-01-27.txt': [{ number: '2', date: null }],
  // Approved and signed: "Godkendelse og underskrift af referat af møde d. 10. juni" (the year from the meeting's).
  'vikingeskibsmuseet-bestyrelsen-referat-2013-12-16.txt': [{ number: '3', date: '2013-06-10' }],
  'holbaek-udsatteraadet-referat-2022-04-04.txt': [{ number: '2', date: null }],
  'koege-udsatteraadet-referat-2022-08-29.txt': [{ number: '2', date: null }],
};

const files = [
  ...['../samples/', './corpus/documents/', './fixtures/other/'].flatMap((d) =>
    readdirSync(dir(d)).filter((f) => /\.(txt|md|html)$/.test(f)).map((f) => ({ path: dir(d) + f, name: f })),
  ),
];

describe('approval items in real documents', () => {
  it.each(files)('$name', async ({ path, name }) => {
    const { document } = await importFile(path);
    expect(documentApprovals(document.items, document.date)).toEqual(EXPECTED[name] ?? []);
  });
});

describe('the samples stored with the meeting the 2020 KKR minutes approve', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeSamples(database.db);
  }, 120_000);
  afterAll(() => database.close());

  const meetingOn = async (date: string) =>
    (await queryRows<{ id: number }>(database.db, sql`select id from meetings where date = ${date}::date and deleted_at is null`))[0]!.id;

  it('stores what each sample’s approval item approves; none of the five approves another of them', async () => {
    const rows = await queryRows<{ number: string; minutes_of: string }>(
      database.db,
      sql`select number, minutes_of::text as minutes_of from agenda_items where minutes_of is not null and deleted_at is null order by minutes_of`,
    );
    expect(rows.map((r) => `${r.number}:${r.minutes_of}`)).toEqual(['1.1:2019-09-06', '1.1:2020-02-05', '2:2020-05-29', '1.1:2021-06-08', '1.1:2023-04-26']);
    const archive = createDbArchive(database.db);
    // Planned meetings (from the samples' calendars) have no documents and no page of this kind.
    for (const { id } of await queryRows<{ id: number }>(database.db, sql`select id from meetings where current_version_id is not null`)) {
      expect((await archive.getMeeting(ANONYMOUS, id))!.approvals).toEqual({ approves: [], approvedAt: [] });
    }
  });

  it('links the 2020 minutes to the meeting of 5 February 2020 once it is stored, both ways, on the pages', async () => {
    const february = meetingDocument({ date: '2020-02-05', items: [item('1', 'Siden sidst'), item('2', 'Eventuelt')] });
    const { meetingId } = await storeDocument(database.db, february, original('KKR 5. februar 2020'));
    const june = await meetingOn('2020-06-17');
    const app = createApp(createDbArchive(database.db));

    const junePage = await (await app.request(`/meetings/${june}`)).text();
    expect(junePage).toContain(`<a href="/meetings/${meetingId}">Se referatet fra mødet den 5. februar 2020</a>`);
    const itemPage = await (await app.request(`/meetings/${june}/items/1.1`)).text();
    expect(itemPage).toContain(`<a href="/meetings/${meetingId}">Se referatet fra mødet den 5. februar 2020</a>`);

    const februaryPage = await (await app.request(`/meetings/${meetingId}`)).text();
    expect(februaryPage).toContain(`Referatet blev godkendt på <a href="/meetings/${june}/items/1.1">mødet den 17. juni 2020</a> (punkt 1.1).`);

    const json = (await (await app.request(`/api/meetings/${meetingId}`)).json()) as { approvedAt: Array<{ url: string; approved: boolean }> };
    expect(json.approvedAt).toEqual([expect.objectContaining({ url: `/meetings/${june}/items/1.1`, approved: true })]);
  });
});
