import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { titleCase } from './front.js';

const item = '\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.';

describe('front matter', () => {
  it('title-cases an all-capital body name, keeping acronyms and small words', () => {
    expect(titleCase('KKR MIDTJYLLAND')).toBe('KKR Midtjylland');
    expect(titleCase('TEKNIK- OG MILJØUDVALGET')).toBe('Teknik- og Miljøudvalget');
  });
  it('reads body and kind from "Byrådet – Referat" and the body under a banner', () => {
    expect(parseText(`# Byrådet – Referat\n\nDato: 14-03-2024 16:00${item}`)).toMatchObject({ body: 'Byrådet', kind: 'minutes', date: '2024-03-14' });
    expect(parseText(`Dagsorden\n\nRegional Udviklingsudvalg\n\nMødedato: 8. april 2024, kl. 13.00 – 15.30\nMødested: Regionshuset Viborg${item}`)).toMatchObject({
      body: 'Regional Udviklingsudvalg', kind: 'agenda', date: '2024-04-08', startTime: '13:00', endTime: '15:30', location: 'Regionshuset Viborg',
    });
  });
  it('reads members listed on one line, with roles', () => {
    const doc = parseText(`Medlemmer: Birgitte Aaen (A), formand, Poul Erik Nygaard (V), Hanne Stisen (F)${item}`);
    expect(doc.participants).toEqual([
      { name: 'Birgitte Aaen', party: 'A', municipality: null, role: 'formand' },
      { name: 'Poul Erik Nygaard', party: 'V', municipality: null, role: null },
      { name: 'Hanne Stisen', party: 'F', municipality: null, role: null },
    ]);
  });
  it('reads afbud list entries separated by blank lines, and "i stedet mødte"', () => {
    const doc = parseText(`### Fraværende\n\nThomas Krogh (V)\n\nIda Rasmussen (Ø), i stedet mødte Peter Holt (Ø)\n\nEvt. afbud sendes til sekretariatet@kommune.dk${item}`);
    expect(doc.absent.map((a) => [a.name, a.party, a.substitute])).toEqual([['Thomas Krogh', 'V', null], ['Ida Rasmussen', 'Ø', 'Peter Holt']]);
    expect(doc.frontMatter).toEqual([{ kind: 'paragraph', text: 'Evt. afbud sendes til sekretariatet@kommune.dk' }]);
  });
});

describe('closed items', () => {
  it('closes an item marked "Lukket punkt" in its heading or on a line of its own', () => {
    const doc = parseText('1. Lukket punkt: Køb af ejendom\n\nBeslutning\n\nGodkendt.\n\n2. Salg af grund\n\n**Lukket punkt**\n\nSagsnr.: 02.34.02-G01-5-24\n\nBeslutning\n\nGodkendt.');
    expect(doc.items.map((i) => [i.title, i.access !== 'public', i.caseNumber])).toEqual([['Køb af ejendom', true, null], ['Salg af grund', true, '02.34.02-G01-5-24']]);
  });
});
