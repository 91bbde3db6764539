/** Promised items read from the seeds' "Punkter til næste møde", matched to a later agenda by title. */
import { describe, expect, it } from 'vitest';

const parseSample = async (prefix: string) => parseText(seedText(seedFiles.find((f) => f.startsWith(prefix))!));
import { item } from '../../db/fixtures.js';
import { seedFiles, seedText } from '../../../test/seeds.js';
import { parseText } from '../index.js';
import { matchPromises, promisedItems } from './promises.js';

describe('promisedItems', () => {
  it('reads the list of seed 000 item 6.1 with the date of the meeting it is for', async () => {
    const doc = await parseSample('000');
    const promised = promisedItems(doc);
    expect(promised.length).toBe(3);
    expect(promised.every((p) => p.promisedIn === '6.1' && p.forDate === '2020-09-09')).toBe(true);
    expect(promised[0]!.title).toMatch(/^Klimastrategi/);
    expect(promised.at(-1)!.title.endsWith('.')).toBe(false);
  });

  it('reads seed 002, whose date stands in the Baggrund above the list', async () => {
    const promised = promisedItems(await parseSample('002'));
    expect(promised.length).toBe(4);
    expect(promised.map((p) => [p.promisedIn, p.forDate])).toEqual(Array(4).fill(['6.1', '2021-10-11']));
  });

  it("reads KD-Net's flat item naming the meeting, and leaves the meeting calendar alone", async () => {
    const doc = await parseSample('001');
    const promised = promisedItems(doc);
    expect(promised.length).toBeGreaterThan(0);
    expect(new Set(promised.map((p) => p.promisedIn))).toEqual(new Set(['14']));
    expect(promised.every((p) => p.forDate === '2020-09-09')).toBe(true);
    // KD-Net's list is for KKR's meeting, which its heading names.
    expect(promised.every((p) => p.forBody === 'KKR')).toBe(true);
    expect(promisedItems({ ...doc, items: doc.items.filter((i) => i.number !== '14') })).toEqual([]);
  });
});

describe('matchPromises', () => {
  it('matches by subject words, not by treatment words, one item per promise', () => {
    const promised = [
      { title: 'Klimastrategi og DK 2020 - drøftelse', promisedIn: '6.1', forDate: null, forBody: null },
      { title: 'Høringsudgave af praksisplanen til drøftelse', promisedIn: '6.1', forDate: null, forBody: null },
      { title: 'Behandling af rammeaftale 2021-22', promisedIn: '6.1', forDate: null, forBody: null },
    ];
    const items = [item('1', 'Godkendelse af referat'), item('3.1', 'Praksisplan 2020 – høring'), item('5.2', 'Klimastrategien og DK2020'), item('5.3', 'Godkendelse af budget')];
    const matched = matchPromises(promised, items).map((m) => m.item?.number ?? null);
    expect(matched).toEqual(['5.2', '3.1', null]);
  });
});
