/** Titles compared by subject; a case number's items threaded by subject. */
import { describe, expect, it } from 'vitest';
import { threadsBySubject } from './paper.js';
import { subjectWords, titleSimilarity } from './title.js';

describe('titleSimilarity', () => {
  it('compares subjects, not treatments', () => {
    expect(subjectWords('Godkendelse af referat fra mødet')).toEqual(['referat', 'mødet']);
    expect(titleSimilarity('Godkendelse af referat', 'Godkendelse af budget')).toBe(0);
    expect(titleSimilarity('Status på DK2020', 'DK2020 status')).toBe(1);
    expect(titleSimilarity('Klimastrategi og DK 2020 - drøftelse', 'Klimastrategien og DK2020')).toBeGreaterThanOrEqual(0.5);
    expect(titleSimilarity('', 'DK2020')).toBe(0);
  });
});

describe('threadsBySubject', () => {
  it('splits one case number used for unrelated matters, and keeps one matter together', () => {
    const items = [
      { title: 'Fordeling af flygtninge for 2021' },
      { title: 'Udpegning af ny suppleant fra Alternativet' },
      { title: 'Status på sundhedsaftalen' },
      { title: 'Flygtninge 2021 – fordeling på kommunerne' },
      { title: 'Sundhedsaftalen – godkendelse' },
    ];
    expect(threadsBySubject(items).map((t) => t.map((i) => items.indexOf(i)))).toEqual([[0, 3], [1], [2, 4]]);
    expect(threadsBySubject([])).toEqual([]);
  });
});
