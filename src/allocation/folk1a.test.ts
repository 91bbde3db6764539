/** FOLK1A CSV in both export layouts and both encodings; bad rows named by file and line. */
import { describe, expect, it } from 'vitest';
import { parseFolk1a, PopulationCsvError } from './folk1a.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Latin-1 bytes of a string of code points below 256. */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('FOLK1A CSV', () => {
  it('reads the long layout (OMRÅDE;TID;INDHOLD) with a BOM, skipping the country and regions', () => {
    const csv = '\uFEFFOMRÅDE;TID;INDHOLD\r\nHele landet;2024K1;5961249\r\nRegion Midtjylland;2024K1;1350000\r\n751 Aarhus;2024K1;361417\r\nSamsø;2024K1;3689\r\n741;2024K2;3701\r\n';
    const parsed = parseFolk1a(utf8(csv), 'folk1a.csv');
    expect(parsed.figures.map((f) => [f.code, f.municipality, f.period, f.count, f.line])).toEqual([
      ['751', 'Aarhus', '2024K1', 361417, 4],
      ['741', 'Samsø', '2024K1', 3689, 5],
      ['741', 'Samsø', '2024K2', 3701, 6],
    ]);
    expect(parsed.skipped).toBe(2);
  });

  it('reads Statistikbanken’s quoted table export in Latin-1, keeping totals of other breakdowns', () => {
    const csv = [
      '"Befolkningen den 1. i kvartalet efter område, køn og tid"',
      '"";"";"2023K4";"2024K1"',
      '"I alt";"Ringkøbing-Skjern";"56201";"56241"',
      '"";"Århus";"361000";"361417"',
      '"Mænd";"Ringkøbing-Skjern";"28100";"28120"',
      '',
      '"Kilde: Danmarks Statistik"',
    ].join('\r\n');
    const parsed = parseFolk1a(latin1(csv), 'statbank.csv');
    expect(parsed.figures.map((f) => `${f.municipality} ${f.period} ${f.count}`)).toEqual([
      'Ringkøbing-Skjern 2023K4 56201',
      'Ringkøbing-Skjern 2024K1 56241',
      'Aarhus 2023K4 361000',
      'Aarhus 2024K1 361417',
    ]);
    expect(parsed.skipped).toBe(1);
  });

  it('names the file and line of a bad row', () => {
    expect(() => parseFolk1a(utf8('OMRÅDE;TID;INDHOLD\nAarhus;2024K1;361417\nAtlantis;2024K1;12\n'), 'x.csv')).toThrow('x.csv, linje 3: »Atlantis« er ikke en dansk kommune');
    expect(() => parseFolk1a(utf8('OMRÅDE;TID;INDHOLD\nAarhus;2024K1;..\n'), 'x.csv')).toThrow(/x\.csv, linje 2: antallet »\.\.« for Aarhus er ikke et helt tal/);
    expect(() => parseFolk1a(utf8('OMRÅDE;TID;INDHOLD\nAarhus;2024K1;1\nÅrhus;2024K1;2\n'), 'x.csv')).toThrow(/linje 3: Aarhus 2024K1 står også i linje 2/);
    expect(() => parseFolk1a(utf8('OMRÅDE;TID;INDHOLD\nAarhus;januar;1\n'), 'x.csv')).toThrow(/linje 2: perioden »januar«/);
    expect(() => parseFolk1a(utf8('noget helt andet\n'), 'x.csv')).toThrow(PopulationCsvError);
  });
});
