/** The JSON API over the in-memory test archive: its listMeetings filters and orders as the database's does. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../web/app.js';
import { fixtureArchive } from '../../web/testing/fixtures.js';

const app = createApp(fixtureArchive());
const ids = async (query: string) => {
  const json = (await (await app.request(`http://referat.test/api/meetings${query}`)).json()) as { total: number; results: Array<{ id: number }> };
  return { total: json.total, ids: json.results.map((m) => m.id) };
};

describe('/api/meetings over the memory archive', () => {
  it('lists newest first, undated last', async () => {
    expect(await ids('')).toEqual({ total: 4, ids: [3, 2, 1, 4] });
  });
  it('filters by body, year and date range, and pages', async () => {
    expect((await ids('?body=kkr-midtjylland')).ids).toEqual([3, 1]);
    expect((await ids('?year=2019')).ids).toEqual([]);
    expect((await ids('?from=2020-06-17&to=2020-08-31')).ids).toEqual([2, 1]);
    expect(await ids('?limit=1&page=2')).toEqual({ total: 4, ids: [2] });
  });
});
