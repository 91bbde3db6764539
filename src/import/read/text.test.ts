import { describe, expect, it } from 'vitest';
import { decodeText, isDoubleSpaced, readText } from './text.js';

describe('text reader', () => {
  it('decodes UTF-8 with BOM and Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x6b, 0xc3, 0xb8, 0x0d, 0x0a]))).toBe('kø\n');
    expect(decodeText(new Uint8Array([0x4d, 0xf8, 0x64, 0x65, 0x20, 0xe6, 0xe5]))).toBe('Møde æå');
  });
  it('reads Markdown style: heading level, whole-line bold, lists, tables, links', () => {
    const lines = readText('### **Beslutning**\n\n**KKR Midtjylland** godkendte referatet [her](#).\n\n- ./. Bilag A\n\nJuni\tKKR drøfter');
    expect(lines.map((l) => [l.text, l.heading, l.bold, l.list?.marker ?? null, l.cells])).toEqual([
      ['Beslutning', 3, true, null, null],
      ['KKR Midtjylland godkendte referatet her.', 0, false, null, null],
      ['./. Bilag A', 0, false, '-', null],
      ['Juni\tKKR drøfter', 0, false, null, ['Juni', 'KKR drøfter']],
    ]);
    expect(lines[1]!.links).toEqual([{ text: 'her', url: null }]);
  });
  it('tells PDF-extracted text (whitespace-only paragraph lines) from Markdown', () => {
    const pdf = ['Linje et ', '', 'linje to. ', '', ' ', '', ...Array.from({ length: 12 }, (_, i) => [`Tekst ${i} `, '']).flat()];
    expect(isDoubleSpaced(pdf)).toBe(true);
    expect(isDoubleSpaced(Array.from({ length: 12 }, (_, i) => [`Afsnit ${i}.`, '']).flat())).toBe(false);
  });
  it('marks page starts and takes URL lines at a page end for link annotations', () => {
    const raw = ['Første side og en lang linje der bliver ved ', '', 'koordi-', '', ' ', 'https://example.dk/side', ' neres med andre. ', '', ...Array.from({ length: 12 }, () => ['Mere tekst ', '']).flat()].join('\n');
    const lines = readText(raw);
    const annotation = lines.find((l) => l.annotation)!;
    expect(annotation.links).toEqual([{ text: null, url: 'https://example.dk/side' }]);
    const next = lines[lines.indexOf(annotation) + 1]!;
    expect([next.text, next.pageBreakBefore]).toEqual(['neres med andre.', true]);
  });
});

describe('text copied from a web page', () => {
  it('drops the page controls that stand as lines of their own ("Til toppen", "Udskriv"), keeping a paragraph break', () => {
    const lines = readText('Beslutning\n\nGodkendt.\n\nTil toppen\n2. Næste punkt\nUdskriv');
    expect(lines.map((l) => l.text)).toEqual(['Beslutning', 'Godkendt.', '2. Næste punkt']);
    expect(lines[2]!.breakBefore).toBe(true);
  });
});

describe('mojibake', () => {
  it('puts back Danish letters read as code page 852 ("Regionsr├ądet")', async () => {
    const { repairMojibake } = await import('./text.js');
    expect(repairMojibake('Regionsr├ądet')).toBe('Regionsrådet');
    expect(repairMojibake('K├Ž Bj├╕rn')).toBe('Kæ Bjørn');
    expect(repairMojibake('Tabel ├── kant')).toBe('Tabel ├── kant');
  });
});
