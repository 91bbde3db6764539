/**
 * Layouts of the ninth unseen round (test/corpus entries 79–83), each in invented text: a council's
 * item page whose table header "Punkt Titel" stands over the bare number and title, its agenda's
 * group headings in capitals ("DIVERSE SAGER") under "Dagsorden", "Møde lokation" as the place's
 * label; and a council's own minutes that never say "Referat": "Mødet afholdt på X" as the place,
 * "3.Godkendelse af dagsorden." with "Godkendt …" under it making the page minutes.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';

describe('an item page: "Punkt Titel" over "16 Title", capital group headings, "Møde lokation"', () => {
  const page = (columns: string) =>
    parseText(
      [
        'Mødedeltagere',
        '',
        'Hanne Bech, Jens Ravn, Ole Skov',
        '',
        'Møde lokation',
        '',
        'Rådhuset',
        '',
        'Dagsorden',
        '',
        'DIVERSE SAGER',
        'SAGER REJST AF MEDLEMMERNE',
        '',
        'DIVERSE SAGER',
        columns,
        '16 Udpegning til råd og nævn 2024 - 2027',
        'Resume',
        '',
        'Byrådet skal udpege 16 medlemmer til en række råd.',
        '',
        'Sagsfremstilling',
        '',
        'Der henvises til oversigten.',
      ].join('\n'),
    );
  it('reads the bare number under the column headers as the item\'s', () => {
    const doc = page('Punkt Titel');
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([['16', 'Udpegning til råd og nævn 2024 - 2027']]);
  });
  it('leaves a bare number without the column headers over it as text', () => {
    expect(page('Oversigt').items.map((i) => i.number)).not.toContain('16');
  });
  it('takes no group heading for the body, and the place from "Møde lokation"', () => {
    const doc = page('Punkt Titel');
    expect(doc.body).not.toBe('Diverse Sager');
    expect(doc.location).toBe('Rådhuset');
    expect(doc.participants.map((p) => p.name)).toEqual(['Hanne Bech', 'Jens Ravn', 'Ole Skov']);
  });
});

describe('a council\'s minutes that never say so: "Mødet afholdt på X", the agenda approved in an item', () => {
  const minutes = (verdict: string, held = 'Mødet afholdt på Plejecentret') =>
    parseText(
      [
        held,
        '',
        'Afbud Bent Holm.',
        '',
        'Dagsorden:',
        '',
        '1.Valg af ordstyrer.',
        'Lone ordstyrer',
        '',
        '2.Godkendelse af dagsorden.',
        verdict,
        '',
        '3.Eventuelt.',
        'Intet.',
      ].join('\n'),
    );
  it('reads the place from the meeting\'s sentence', () => {
    expect(minutes('Godkendt.').location).toBe('Plejecentret');
  });
  it('reads the date and times the sentence gives before the place', () => {
    const doc = minutes('Godkendt.', 'Mødet afholdt torsdag den 12. maj 2022 kl. 09.00 – 12.30 på Plejecentret');
    expect([doc.date, doc.startTime, doc.endTime, doc.location]).toEqual(['2022-05-12', '09:00', '12:30', 'Plejecentret']);
  });
  it('makes minutes of a page whose agenda-approval item records the verdict, each item\'s text its minutes', () => {
    const doc = minutes('Godkendt med en tilføjelse.');
    expect(doc.kind).toBe('minutes');
    expect(doc.items.map((i) => i.decision)).toEqual(['Lone ordstyrer', 'Godkendt med en tilføjelse.', 'Intet.']);
    expect(doc.absent.map((a) => a.name)).toEqual(['Bent Holm']);
  });
  it('leaves an agenda that asks for the approval an agenda', () => {
    const doc = minutes('Dagsordenen godkendes.');
    expect(doc.kind).toBe('agenda');
    expect(doc.items.every((i) => i.decision === null)).toBe(true);
  });
});
