import { describe, expect, it } from 'vitest';
import { item } from '../../db/fixtures.js';
import { bodyFromDecisions, bodyFromHeader, cleanBodyName, decidingBody, isBodyName } from './body.js';

describe('the body where no label states it', () => {
  it("knows a body's name by its ending, and not a sentence", () => {
    expect(isBodyName('Kommunalbestyrelsen')).toBe(true);
    expect(isBodyName('Børne- og Skoleudvalget')).toBe(true);
    expect(isBodyName('Udvalget for teknik og miljø')).toBe(false);
    expect(isBodyName('Mødet blev holdt i rådet')).toBe(false);
    expect(cleanBodyName('Møde i Udvalget for sundhed for alle')).toBe('Udvalget for sundhed for alle');
    expect(cleanBodyName('Forebyggelses- og Seniorudvalget (2018-2021)')).toBe('Forebyggelses- og Seniorudvalget');
    expect(bodyFromHeader(['24-09-2019', 'Kommunalbestyrelsen'])).toBe('Kommunalbestyrelsen');
  });

  it('reads the body and date from the decisions the items record', () => {
    expect(decidingBody('Klima- og Miljøudvalget, 05-12-2017 pkt. 188')).toEqual({ body: 'Klima- og Miljøudvalget', date: '2017-12-05' });
    expect(decidingBody('Børne- og Skoleudvalget den 6. november 2018')).toEqual({ body: 'Børne- og Skoleudvalget', date: '2018-11-06' });
    expect(decidingBody('Beslutning i Økonomiudvalget den 1. oktober 2018')).toEqual({ body: 'Økonomiudvalget', date: '2018-10-01' });
    const decision = (heading: string) => ({ heading, type: 'decision' as const, blocks: [{ kind: 'paragraph' as const, text: 'Godkendt.' }] });
    const items = [item('1', 'A', { sections: [decision('Socialudvalget den 11. januar 2021')] }), item('2', 'B', { sections: [decision('Socialudvalget den 11. januar 2021')] })];
    expect(bodyFromDecisions(items, null)).toEqual({ body: 'Socialudvalget', date: '2021-01-11' });
    expect(bodyFromDecisions(items, '2020-01-01')).toBeNull();
  });
});

describe('dates as web pages write them', () => {
  it('reads "11 januar, 2021", "5. dec. 2019" and "December 5, 2017"', async () => {
    const { findDate } = await import('./dates.js');
    expect(findDate('Mandag, 11 januar, 2021 - 19:00')).toBe('2021-01-11');
    expect(findDate('5. dec. 2019')).toBe('2019-12-05');
    expect(findDate('1. sept. 2020')).toBe('2020-09-01');
    expect(findDate('Tirsdag, December 5, 2017 - 08:15')).toBe('2017-12-05');
    expect(cleanBodyName('Socialudvalget - 11-01-2021')).toBe('Socialudvalget');
  });
});

describe('the body in the genitive', () => {
  it('reads "Økonomiudvalgets beslutning i mødet den 31. marts 2020" as Økonomiudvalget\'s decision', async () => {
    const { sectionTypeOf } = await import('../../model/index.js');
    expect(sectionTypeOf('Økonomiudvalgets beslutning i mødet den 31. marts 2020')).toBe('decision');
    expect(decidingBody('Økonomiudvalgets beslutning i mødet den 31. marts 2020')).toEqual({ body: 'Økonomiudvalget', date: '2020-03-31' });
  });
});
