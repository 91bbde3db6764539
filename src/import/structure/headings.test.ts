import { describe, expect, it } from 'vitest';
import { readText } from '../read/text.js';
import { findItemHeadings, headingCandidate, isSuccessor } from './headings.js';
import { plainLine } from '../line.js';

describe('item headings', () => {
  it('does not take a date or a year at a line start for an item heading', () => {
    expect(headingCandidate(plainLine('24. november 2019.'))).toBeNull();
    expect(headingCandidate(plainLine('2021.'))).toBeNull();
    expect(headingCandidate(plainLine('1. runde med opstart i dette efterår'))).toBeNull();
    expect(headingCandidate(plainLine('3.1. KL\'s strategiske klimaarbejde'))).toEqual({ number: '3.1', title: "KL's strategiske klimaarbejde" });
  });
  it('accepts numbers only in agenda order', () => {
    expect(isSuccessor([3], [3, 1])).toBe(true);
    expect(isSuccessor([3, 1], [3, 2])).toBe(true);
    expect(isSuccessor([3, 2], [4])).toBe(true);
    expect(isSuccessor([3, 2], [24])).toBe(false);
    expect(isSuccessor([3, 2], [1])).toBe(false);
  });
  it('finds headings in a text and skips a numbered line out of sequence', () => {
    const lines = readText(['1. Godkendelse af referat', '', 'Tekst.', '', '2. Siden sidst', '', '7. Ikke et punkt her', '', '3. KKR'].join('\n'));
    expect(findItemHeadings(lines, new Set(), []).map((h) => h.number)).toEqual(['1', '2', '3']);
  });
});

describe('item headings with a table of contents', () => {
  it('takes the heading the contents name, not a numbered point inside an earlier item', () => {
    const text = [
      '1. Godkendelse af dagsorden\t2',
      '2. Budget 2025\t3',
      '3. Eventuelt\t4',
      '',
      '1. Godkendelse af dagsorden',
      '',
      '2. Budget 2025',
      '',
      'Forslaget har tre dele:',
      '',
      '3. Anlæg på skoleområdet',
      '',
      'Tekst om anlæg.',
      '',
      '3. Eventuelt',
      '',
      'Intet.',
    ].join('\n');
    const lines = readText(text);
    const headings = findItemHeadings(lines, new Set([0, 1, 2]), [
      { number: '1', title: 'Godkendelse af dagsorden', page: 2, hasAttachments: false },
      { number: '2', title: 'Budget 2025', page: 3, hasAttachments: false },
      { number: '3', title: 'Eventuelt', page: 4, hasAttachments: false },
    ]);
    expect(headings.map((h) => `${h.number} ${h.title}`)).toEqual(['1 Godkendelse af dagsorden', '2 Budget 2025', '3 Eventuelt']);
  });
});
