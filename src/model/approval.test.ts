import { describe, expect, it } from 'vitest';
import { approvedMinutesOf, datesIn, findApprovals } from './approval.js';

const of = (title: string, meetingDate: string | null = '2020-06-17', text?: string) => approvedMinutesOf({ title, text }, meetingDate);

describe('approvedMinutesOf', () => {
  it('reads the real wordings and the date they name', () => {
    // Seeds, corpus and fixtures, as the importer gives their titles.
    expect(of('Godkendelse af referat fra møde i KKR Midtjylland den 5. februar 2020')).toEqual({ date: '2020-02-05' });
    expect(of('Godkendelse af referatet fra mødet den 29. maj 2020', '2020-08-28')).toEqual({ date: '2020-05-29' });
    expect(of('Godkendelse af referat fra KKR-mødet 13. november 2019', '2020-02-05')).toEqual({ date: '2019-11-13' });
    expect(of('Referat fra mødet den 25. maj 2009, Bilag Punkt 2', '2009-06-23')).toEqual({ date: '2009-05-25' });
    expect(of('Godkendelse af referat fra mødet den 24. november 2023', '2024-01-19')).toEqual({ date: '2023-11-24' });
    expect(of('Godkendelse af referat fra møde i KKR Midtjylland den 6. \nseptember 2019', '2019-11-13')).toEqual({ date: '2019-09-06' });
    // A board that signs the minutes it approves: the date without a year is this year's, before the meeting.
    expect(of('Godkendelse og underskrift af referat af møde d. 10. juni', '2013-12-16')).toEqual({ date: '2013-06-10' });
  });

  it('takes the previous meeting where no date is named', () => {
    expect(of('Godkendelse af protokoludskrift fra sidste møde (B)', '2016-01-29')).toEqual({ date: null });
    expect(of('Godkendelse af dagsorden og referat')).toEqual({ date: null });
    expect(of('Referat fra sidste møde')).toEqual({ date: null });
    expect(of('Meddelelser og godkendelse af referat')).toEqual({ date: null });
    expect(of('Opfølgning på referat fra forrige møde')).toEqual({ date: null });
    expect(of('Godkendelse af referat', null, 'Udvalgets medlemmer godkendte referatet.')).toEqual({ date: null });
  });

  it('reads the date from the text when the title names none', () => {
    expect(of('Godkendelse af protokol', '2014-12-08', 'Godkendelse af protokol fra Kulturrådets møde den 20. oktober 2014.')).toEqual({ date: '2014-10-20' });
    const text = 'KKR Midtjylland holdt møde den 6. september 2019. Referatet blev udsendt den 9. september 2019 og kan ses her.';
    expect(of('Godkendelse af referat', '2019-11-13', text)).toEqual({ date: '2019-09-06' });
    // A date with no cue before it is not the approved meeting's.
    expect(of('Godkendelse af referat', '2019-11-13', 'Fristen er 1. oktober 2019.')).toEqual({ date: null });
  });

  it('gives a date without a year the latest such date before the meeting', () => {
    expect(of('Godkendelse af referat fra mødet den 5. februar', '2020-06-17')).toEqual({ date: '2020-02-05' });
    expect(of('Godkendelse af referat fra mødet den 9. december', '2021-01-11')).toEqual({ date: '2020-12-09' });
    expect(of('Godkendelse af referat fra mødet den 17. juni', '2020-06-17')).toEqual({ date: '2019-06-17' });
    expect(of('Godkendelse af referat fra mødet den 5. februar', null)).toEqual({ date: null });
  });

  it('does not take near-misses for approvals', () => {
    for (const title of [
      'Godkendelse af budget 2021',
      'Godkendelse af dagsorden',
      'Godkendelse af Rammeaftale 2021-22',
      'Referat af dialogmøder',
      'Referat af KKR Midtjyllands behandling af klimastrategi for KKR Midtjylland den 17. juni 2020',
      'Referat fra møde i Praksisplanudvalget den 3. marts 2020',
      'Orientering om referatets form',
      'Godkendelse af referatskabelon',
    ]) expect(of(title), title).toBeNull();
  });

  it('does not take the meeting’s own minutes for earlier ones', () => {
    expect(of('Godkendelse af referat fra dagens møde')).toBeNull();
    expect(of('Godkendelse af referat fra mødet den 17. juni 2020', '2020-06-17')).toBeNull();
    expect(of('Godkendelse af referat', '2020-06-17', 'Referatet af dette møde godkendes inden mødets afslutning.')).toBeNull();
  });
});

describe('datesIn', () => {
  it('reads numeric, ISO and written dates in order', () => {
    expect(datesIn('den 05.02.2020, 2020-03-01 og 7. apr. 2020', null).map((d) => d.date)).toEqual(['2020-02-05', '2020-03-01', '2020-04-07']);
    expect(datesIn('den 31. februar 2020', null)).toEqual([]);
  });
});

describe('findApprovals', () => {
  it('leaves out a group heading whose sub-item is the approval', () => {
    const items = [
      { number: '1', title: 'Godkendelse af referat' },
      { number: '1.1', title: 'Godkendelse af referat fra møde i KKR Midtjylland den 5. februar 2020' },
      { number: '2', title: 'Siden sidst' },
    ];
    expect(findApprovals(items, '2020-06-17')).toEqual([{ number: '1.1', date: '2020-02-05' }]);
    expect(findApprovals(items.slice(0, 1), '2020-06-17')).toEqual([{ number: '1', date: null }]);
  });
});
