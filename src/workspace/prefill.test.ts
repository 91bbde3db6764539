/** A new meeting pre-filled from the samples stored in a test database: template, approval, promised items, members. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { storeSamples } from '../db/testing-files.js';
import { openTestDatabase } from '../db/testing.js';
import { organizationIdsBySlug } from '../db/users.js';
import { goldOf } from '../../test/seeds.js';
import { earlierMeetings } from './builder/earlier.js';
import { prefillAgenda, type MeetingFacts } from './prefill.js';
import { lexiconTemplate } from './templates.js';

const facts = (date: string): MeetingFacts => ({ date, startTime: '09:00', endTime: '12:00', location: 'Scandic, Silkeborg', online: false, title: null });

describe('prefilling a new agenda', () => {
  let database: Database;
  let kkr: number;
  let kdNet: number;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeSamples(database.db);
    const ids = await organizationIdsBySlug(database.db, ['kkr-midtjylland', 'kd-net']);
    kkr = ids.get('kkr-midtjylland')!;
    kdNet = ids.get('kd-net')!;
  }, 120_000);
  afterAll(() => database?.close());

  const prefill = async (organizationId: number, name: string, date: string) =>
    prefillAgenda({ organizationName: name, template: lexiconTemplate(name).items, facts: facts(date), ...(await earlierMeetings(database.db, organizationId, date)) });

  it("KKR after the last sample: approves 21 June 2023's minutes, takes up the promised case under Regionalpolitiske sager", async () => {
    const doc = await prefill(kkr, 'KKR Midtjylland', '2023-09-06');
    const outline = doc.items.map((i) => `${i.number} ${i.title}`);
    expect(outline).toEqual([
      '1 Godkendelse af referat',
      '1.1 Godkendelse af referat fra mødet den 21. juni 2023',
      '2 Siden sidst',
      '2.1 Orientering',
      '3 Regionalpolitiske sager',
      '3.1 Sundhedsaftalen 2024-2027',
      '4 Udpegninger',
      '5 KKR',
      '6 Punkter til næste møde',
      '6.1 Foreløbig oversigt over sager til næste møde',
      '7 Eventuelt',
      '7.1 Eventuelt',
    ]);
    const approval = doc.items[1]!;
    expect(approval.links[0]!.url).toMatch(/^\/meetings\/\d+$/);
    expect(doc.items[5]!.sections[0]).toMatchObject({ heading: 'Historik', type: 'history' });
    expect(doc.items[5]!.sections[0]!.blocks[0]).toMatchObject({ text: expect.stringContaining('varslet på mødet den 21. juni 2023 under punkt 6.1') });
    // The members of the last minutes, present and afbud: the expected member list.
    const gold = goldOf('004_d18184a479f2914c.txt');
    expect(doc.participants.map((p) => p.name)).toEqual([...gold.participants, ...gold.absent].map((p: { name: string }) => p.name));
    expect(doc).toMatchObject({ kind: 'agenda', body: 'KKR Midtjylland', date: '2023-09-06', startTime: '09:00', absent: [] });
  });

  it('KKR in September 2020 takes the three cases promised in June 2020, in their order', async () => {
    const doc = await prefill(kkr, 'KKR Midtjylland', '2020-09-09');
    expect(doc.items[1]!.title).toBe('Godkendelse af referat fra mødet den 17. juni 2020');
    expect(doc.items.filter((i) => i.number.startsWith('3.')).map((i) => i.title)).toEqual([
      'Klimastrategi og DK 2020 - drøftelse',
      'Høringsudgave af praksisplanen til drøftelse',
      'Behandling af Rammeaftale 2021-22 på det specialiserede socialområde',
    ]);
  });

  it("KD-Net's flat list: the approval dated with its last meeting; another body's list of items is not promised to KD-Net", async () => {
    const doc = await prefill(kdNet, 'KD-Net', '2020-10-01');
    expect(doc.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(doc.items[1]!.title).toBe('Godkendelse af referatet fra mødet den 28. august 2020');
    expect(doc.items.map((i) => i.title)).not.toContain('Status på DK2020 og KKR Midtjyllands Klimastrategi');
    expect(doc.participants.length).toBe(goldOf('001_4fa44d254ce3f195.txt').participants.length + goldOf('001_4fa44d254ce3f195.txt').absent.length);
  });

  it('before any meeting: a plain approval item, no promised items, no members', async () => {
    const doc = await prefill(kkr, 'KKR Midtjylland', '2001-01-10');
    expect(doc.items[1]!.title).toBe('Godkendelse af referat');
    expect(doc.items[1]!.links).toEqual([]);
    expect(doc.items.find((i) => i.title.includes('{'))).toBeUndefined();
    expect(doc.items.filter((i) => i.number.startsWith('3.'))).toEqual([]);
    expect(doc.participants).toEqual([]);
  });

  it('any other organisation gets the default template', async () => {
    expect(lexiconTemplate('Byrådet').source).toBe('default');
    expect(lexiconTemplate('KKR Nordjylland').source).toBe('standard');
    const doc = prefillAgenda({ organizationName: 'Byrådet', template: lexiconTemplate('Byrådet').items, facts: facts('2030-01-01'), last: null, lastMinutes: null });
    expect(doc.items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Godkendelse af dagsorden', '2 Godkendelse af referat', '3 Meddelelser', '4 Punkter til næste møde', '5 Eventuelt']);
  });
});
