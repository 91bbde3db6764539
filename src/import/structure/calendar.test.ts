/** Meeting calendars announced in the seeds become dated meetings of the bodies they name. */
import { describe, expect, it } from 'vitest';
import { seedFiles, seedText } from '../../../test/seeds.js';
import { parseText } from '../index.js';
import { announcedMeetings, calendarLeadIn } from './calendar.js';

const parseSample = (prefix: string) => parseText(seedText(seedFiles.find((f) => f.startsWith(prefix))!));

describe('announcedMeetings', () => {
  it("reads seed 001's calendars for KKR and KD-Net, 2020 and 2021, and not the other bodies' dates", () => {
    const announced = announcedMeetings(parseSample('001'));
    const of = (body: string) => announced.filter((a) => a.body === body).map((a) => a.date);
    expect(of('KKR Midtjylland')).toEqual(['2021-02-01', '2021-04-23', '2021-06-08', '2021-08-30', '2021-10-11']);
    expect(of('KKR')).toEqual(['2020-09-09', '2020-11-13']);
    expect(of('KD-Net')).toEqual(['2020-10-23', '2021-01-22', '2021-04-09', '2021-05-21', '2021-08-20', '2021-09-24']);
    expect(announced.every((a) => a.announcedIn === '15')).toBe(true);
    expect(announced.some((a) => a.date === '2020-09-23' || a.date === '2020-10-27')).toBe(false);
  });

  it("reads seed 003's revised plan for 2020, the moved dates at their new day", () => {
    const dates = announcedMeetings(parseSample('003')).filter((a) => a.body === 'KKR Midtjylland').map((a) => a.date);
    expect(dates).toEqual(expect.arrayContaining(['2020-02-05', '2020-04-01', '2020-06-17', '2020-09-09', '2020-11-13']));
    expect(dates).not.toContain('2020-03-31');
    expect(dates).not.toContain('2020-11-09');
  });

  it('knows a lead-in from a sentence', () => {
    expect(calendarLeadIn('Mødekalender for KD-Net 2021')).toEqual({ body: 'KD-Net', year: 2021 });
    expect(calendarLeadIn('Det indstilles, at KKR Midtjylland godkender nedenstående reviderede mødeplan for møder i KKR Midtjylland i 2020:')).toEqual({ body: 'KKR Midtjylland', year: 2020 });
    expect(calendarLeadIn('Der afholdes møde i KKR Midtjylland den 9. september 2020.')).toBeNull();
  });
});
