import { describe, expect, it } from 'vitest';
import { joinBroken, joinLines } from './join.js';

describe('joinBroken (hyphenation at line ends)', () => {
  it('mends a word broken by a hyphen when the rest starts in lower case', () => {
    expect(joinBroken('mellem KKR Midtjylland og Er-', 'hvervshus Midtjylland')).toBe('mellem KKR Midtjylland og Erhvervshus Midtjylland');
  });
  it('mends a broken word written with a space before the hyphen ("Er -")', () => {
    expect(joinBroken('rammerne for Er -', 'hvervshuse')).toBe('rammerne for Erhvervshuse');
  });
  it('keeps a real compound hyphen before a capital ("KKR-" + "Midtjylland")', () => {
    expect(joinBroken('udkast til KKR-', 'Midtjyllands Klimastrategi')).toBe('udkast til KKR-Midtjyllands Klimastrategi');
    expect(joinBroken('ansatte i Region', 'Midtjylland')).toBe('ansatte i Region Midtjylland');
  });
  it('keeps hyphen and space before og/eller ("social- og sundhed")', () => {
    expect(joinBroken('samarbejds-', 'og informationspligt')).toBe('samarbejds- og informationspligt');
  });
  it('joins ordinary lines with one space', () => {
    expect(joinLines(['KL bidrager til at udvikle ', ' og fastholde'])).toBe('KL bidrager til at udvikle og fastholde');
  });
  it('continues a web address broken at the line end without a space', () => {
    expect(joinBroken('jf. https://erhvervsfremmebestyrelsen.dk/hoering-', 'udkast-til-strategi-2020-2023')).toBe(
      'jf. https://erhvervsfremmebestyrelsen.dk/hoering-udkast-til-strategi-2020-2023',
    );
  });
});

describe('mendSpacedHyphens', () => {
  it('mends a split word but keeps a suspended hyphen', async () => {
    const { mendSpacedHyphens } = await import('./join.js');
    expect(mendSpacedHyphens('møde i kommunaldirektør- netværket')).toBe('møde i kommunaldirektørnetværket');
    expect(mendSpacedHyphens('møde i Børne- og Skoleudvalget')).toBe('møde i Børne- og Skoleudvalget');
  });
});
