/** Agenda templates: the lexicon's, an organisation's own, and the one-title-per-line form. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { organizationIdsBySlug } from '../db/users.js';
import { formatTemplate, lexiconTemplate, parseTemplateText, saveTemplate, templateFor } from './templates.js';

describe('template text', () => {
  it('reads indentation and 3.1-style numbers alike', () => {
    const byIndent = parseTemplateText('Godkendelse\nSager\n  Klima\n\tSundhed\nEventuelt\n');
    const byNumber = parseTemplateText('1 Godkendelse\n2. Sager\n2.1 Klima\n2.2 Sundhed\n\n3 Eventuelt');
    const want = [
      { title: 'Godkendelse', depth: 0 },
      { title: 'Sager', depth: 0 },
      { title: 'Klima', depth: 1 },
      { title: 'Sundhed', depth: 1 },
      { title: 'Eventuelt', depth: 0 },
    ];
    expect(byIndent).toEqual({ ok: true, items: want });
    expect(byNumber).toEqual({ ok: true, items: want });
    expect(parseTemplateText(formatTemplate(want))).toEqual({ ok: true, items: want });
  });

  it('refuses a sub-item without a parent and an empty template, naming the line', () => {
    expect(parseTemplateText('  Klima')).toEqual({ ok: false, message: 'Linje 1 (»Klima«) er et underpunkt uden et punkt over sig.' });
    expect(parseTemplateText('1 A\n1.1.1 B')).toMatchObject({ ok: false, message: expect.stringContaining('Linje 2') });
    expect(parseTemplateText('  \n')).toMatchObject({ ok: false });
  });

  it("has KKR's standard order and KD-Net's flat list", () => {
    const kkr = lexiconTemplate('KKR Midtjylland');
    expect(kkr.items.filter((i) => i.depth === 0).map((i) => i.title)).toEqual([
      'Godkendelse af referat', 'Siden sidst', 'Regionalpolitiske sager', 'Udpegninger', 'KKR', 'Punkter til næste møde', 'Eventuelt',
    ]);
    const kd = lexiconTemplate('KD-Net');
    expect(kd.source).toBe('standard');
    expect(kd.items.every((i) => i.depth === 0)).toBe(true);
    expect(kd.items[0]!.title).toBe('Godkendelse af dagsorden');
  });
});

describe("an organisation's own template", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeDocument(database.db, meetingDocument({ date: '2031-01-15', items: [item('1', 'Første punkt')] }), original('first'));
  });
  afterAll(() => database?.close());

  it('replaces the lexicon once saved, and is audited', async () => {
    const id = (await organizationIdsBySlug(database.db, ['kkr-midtjylland'])).get('kkr-midtjylland')!;
    const org = { id, name: 'KKR Midtjylland' };
    expect((await templateFor(database.db, org)).source).toBe('standard');
    const parsed = parseTemplateText('Godkendelse af referat fra mødet den {forrige møde}\nSager\n  {varslede punkter}\nEventuelt');
    if (!parsed.ok) throw new Error(parsed.message);
    await saveTemplate(database.db, { kind: 'cli' }, id, parsed.items);
    await saveTemplate(database.db, { kind: 'cli' }, id, parsed.items);
    const own = await templateFor(database.db, org);
    expect(own.source).toBe('own');
    expect(own.items).toEqual(parsed.items);
    const audit = await database.db.execute(`select count(*)::int as n from audit_log where action = 'template.save'` as never);
    expect((audit as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(2);
  });
});
