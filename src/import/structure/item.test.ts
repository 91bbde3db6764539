import { describe, expect, it } from 'vitest';
import { parseText } from '../index.js';
import { parseCaseLine, splitPresenters } from './item.js';

const doc = (body: string) => parseText(`REFERAT 2020\n\nKKR MIDTJYLLAND\n\nDato: 17-06-2020 10:00\n\n${body}`);

describe('item head', () => {
  it('reads case number and officers in their spellings', () => {
    // Unlabelled, a token counts only in the shape the document repeats under its headings (A-9-9).
    expect(parseCaseLine('SAG-2020-01697 chbo/jhp', 'A-9-9')).toEqual({ caseNumber: 'SAG-2020-01697', officers: ['chbo', 'jhp'] });
    expect(parseCaseLine('SAG-2023-02073 snm / jhp / chbn', 'A-9-9')).toEqual({ caseNumber: 'SAG-2023-02073', officers: ['snm', 'jhp', 'chbn'] });
    expect(parseCaseLine('SAG-2020-01697 chbo/jhp')).toBeNull();
    expect(parseCaseLine('Sagsnr.: 1-51-71-3321-08')).toEqual({ caseNumber: '1-51-71-3321-08', officers: [] });
    expect(parseCaseLine('SAG-2020-01697 Klimastrategien blev vedtaget', 'A-9-9')).toBeNull();
  });
  it('splits presenters off the title', () => {
    expect(splitPresenters('GovTech Midtjylland v. Jesper Thyrring Møller og Steinar Eggen Kristensen.')).toEqual({
      title: 'GovTech Midtjylland', presenters: ['Jesper Thyrring Møller', 'Steinar Eggen Kristensen'],
    });
    expect(splitPresenters('Status på sundhedsaftalen')).toEqual({ title: 'Status på sundhedsaftalen', presenters: [] });
  });
  it('starts the first section with a recommendation run into the heading line', () => {
    const item = doc('1. Opsamling v. Erik Hattens *Det indstilles, at KD-Net tager orienteringen til efterretning*\n\nReferat:\n\nTaget til efterretning.').items[0]!;
    expect(item.title).toBe('Opsamling');
    expect(item.presenters).toEqual(['Erik Hattens']);
    expect(item.sections.map((s) => [s.heading, s.type])).toEqual([[null, 'recommendation'], ['Referat', 'decision']]);
    expect(item.decision).toBe('Taget til efterretning.');
  });
  it('takes "Indstilling: text" as a heading with its text', () => {
    const item = doc('1. Punkt\n\nIndstilling: Det indstilles, at KD-Net godkender.\n\nReferat:\n\nGodkendt.').items[0]!;
    expect(item.sections[0]).toEqual({ heading: 'Indstilling', type: 'recommendation', blocks: [{ kind: 'paragraph', text: 'Det indstilles, at KD-Net godkender.' }] });
  });
  it('collects bilag: titled markers and bare markers followed by their titles', () => {
    const item = doc('1. Punkt\n\nSagsfremstilling\n\n./. Notat om sagen\n\n./.\n./.\n\nAftale A\n\n[Link til bilag B](#)').items[0]!;
    expect(item.attachments.map((a) => a.title)).toEqual(['Notat om sagen', 'Aftale A', 'Link til bilag B']);
    expect(item.links).toEqual([{ text: 'Link til bilag B', url: null }]);
  });
});

describe('bilag titles', () => {
  it('drops the sentence around a bilag name', async () => {
    const { attachmentTitle } = await import('../../model/index.js');
    expect(attachmentTitle('Udkast til KKR Midtjyllands høringssvar er vedlagt som bilag.')).toBe('Udkast til KKR Midtjyllands høringssvar');
    expect(attachmentTitle('Brev til KL om Landstal 2021.')).toBe('Brev til KL om Landstal 2021');
  });
});
