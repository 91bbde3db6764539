import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';

const body = '1. Godkendelse af dagsorden\n\nDet indstilles, at KD-Net godkender dagsordenen.\n\n2. Eventuelt\n\nIntet.';

describe('document level', () => {
  it('decides agenda vs minutes from the content when no banner says so', () => {
    expect(parseText(body).kind).toBe('agenda');
    expect(parseText(body.replace('Intet.', 'Beslutning\n\nIntet.')).kind).toBe('minutes');
  });
  it('takes the text of a headless item in minutes for what was recorded', () => {
    const doc = parseText(`REFERAT 2020\n\n${body.replace('Det indstilles, at KD-Net godkender dagsordenen.', 'Beslutning\n\nGodkendt.')}`);
    expect(doc.items[1]!.sections[0]!.type).toBe('decision');
    expect(doc.items[1]!.decision).toBe('Intet.');
  });
  it('warns when the banner and the content disagree', () => {
    expect(parseText(`REFERAT 2020\n\n${body}`).warnings).toContain('Marked as minutes (referat) but records no decisions.');
  });
  it('never invents a date: null and a warning, unless --date supplies it', () => {
    const undated = parseText(body);
    expect(undated.date).toBeNull();
    expect(undated.warnings).toContain('No meeting date stated in the document; supply it with --date.');
    expect(parseText(body, { date: '2020-08-28', body: 'KD-Net' })).toMatchObject({ date: '2020-08-28', body: 'KD-Net' });
    expect(() => parseText(body, { date: '28-08-2020' })).toThrow(/YYYY-MM-DD/);
  });
  it('reads "Tid og sted" with weekday, times and an online place', () => {
    const doc = parseText(`Tid og sted: Fredag den 28. august 2020, kl. 10.00 – 13.00, via Skype\n\n${body}`);
    expect(doc).toMatchObject({ date: '2020-08-28', startTime: '10:00', endTime: '13:00', location: 'via Skype', online: true });
  });
  it('cross-checks the table of contents and makes an item it lists without a heading in the text', () => {
    const toc = 'Punkt\tIndhold\tBilag\n1\tGodkendelse af dagsorden\t\n2\tEventuelt\t\n3\tKommende møder\t./.\n\n';
    const doc = parseText(toc + body);
    expect(doc.toc.map((e) => [e.number, e.hasAttachments])).toEqual([['1', false], ['2', false], ['3', true]]);
    expect(doc.warnings).toContain('Item 3 "Kommende møder" has no heading in the text; taken from the table of contents.');
    expect(doc.items.map((i) => [i.number, i.title, i.sections.length])).toEqual([
      ['1', 'Godkendelse af dagsorden', 1],
      ['2', 'Eventuelt', 1],
      ['3', 'Kommende møder', 0],
    ]);
  });
});

describe('documents with one line per paragraph and no blank lines', () => {
  const doc = parseText(
    [
      'Referat', 'Økonomiudvalget', 'Mødedato: 12.03.2024', 'Mødetidspunkt: 15:00 - 17:30',
      'Indholdsfortegnelse', '1. Godkendelse af dagsorden', '2. Regnskab 2023',
      '1. Godkendelse af dagsorden', 'Beslutning:', 'Godkendt.',
      '2. Regnskab 2023', 'Sagsfremstilling:', 'Regnskabet viser et overskud.', 'Revisionen har ingen bemærkninger.', 'Beslutning:', 'Godkendt.',
    ].join('\n'),
  );
  it('takes numbered lines that the items repeat for a table of contents without page numbers', () => {
    expect(doc.toc.map((e) => [e.number, e.title, e.page])).toEqual([['1', 'Godkendelse af dagsorden', null], ['2', 'Regnskab 2023', null]]);
    expect(doc.items.map((i) => [i.number, i.decision])).toEqual([['1', 'Godkendt.'], ['2', 'Godkendt.']]);
  });
  it('keeps each line its own paragraph (the text is not wrapped)', () => {
    expect(doc.items[1]!.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Regnskabet viser et overskud.' },
      { kind: 'paragraph', text: 'Revisionen har ingen bemærkninger.' },
    ]);
  });
  it('reads "Mødetidspunkt" for the times', () => {
    expect(doc).toMatchObject({ body: 'Økonomiudvalget', date: '2024-03-12', startTime: '15:00', endTime: '17:30' });
  });
});

describe('"Punkt N:" agendas with the meeting on one line', () => {
  it('reads items numbered "Punkt 1:", the date line and the body named in the title', () => {
    const doc = parseText(
      'Dagsorden til møde i Børne- og Skoleudvalget\n\nTirsdag den 5. marts 2024 kl. 16.00 i Udvalgsværelse 2\n\nPunkt 1: Godkendelse af dagsorden\n\nIndstilling:\nForvaltningen indstiller, at dagsordenen godkendes.\n\nPunkt 2: Eventuelt',
    );
    expect(doc).toMatchObject({ body: 'Børne- og Skoleudvalget', kind: 'agenda', date: '2024-03-05', startTime: '16:00', location: 'Udvalgsværelse 2' });
    expect(doc.items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Godkendelse af dagsorden', '2 Eventuelt']);
  });
});
