import { describe, expect, it } from 'vitest';
import { importBytes, ImportError } from './index.js';
import { seedText } from '../../test/seeds.js';

const oneLine = async (bytes: Uint8Array, name: string) => {
  const error = await importBytes(bytes, name).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  const message = (error as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message.startsWith(`${name}: `)).toBe(true);
  expect(message.indexOf(name, 1)).toBe(-1);
  return message;
};

describe('importBytes: format told from the content, clear one-line failures', () => {
  it('rejects an empty file, a binary file and a corrupt PDF with the file name and the reason', async () => {
    expect(await oneLine(new Uint8Array(), 'tom.pdf')).toMatch(/empty/);
    expect(await oneLine(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7, 8]), 'billede.bin')).toMatch(/binary/);
    expect(await oneLine(new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage'), 'ødelagt.pdf')).toMatch(/PDF/);
  });
  it('imports the header of a meeting document without items, and refuses a text that is no meeting document', async () => {
    const header = new TextEncoder().encode('REFERAT 2024\n\n# Økonomiudvalget\n\nDato: 12-03-2024 15:00\n\nMødet blev aflyst.');
    const { document } = await importBytes(header, 'aflyst.txt');
    expect(document).toMatchObject({ body: 'Økonomiudvalget', date: '2024-03-12', kind: 'minutes', items: [] });
    expect(document.warnings).toContain('No numbered agenda items found; only the meeting header was imported.');
    const letter = new TextEncoder().encode('Kære alle\n\nTak for en god sommer.\n\nMange hilsner');
    expect(await oneLine(letter, 'brev.txt')).toBe('brev.txt: no numbered agenda items found (not an agenda or minutes?)');
  });
  it('reads a Windows-1252 text file as Danish text', async () => {
    const cp1252 = Uint8Array.from(seedText('002_08ab96e69793d179.txt').replace(/[–’]/g, '-'), (ch) => {
      const code = ch.charCodeAt(0);
      if (code > 255) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    });
    const { document, format } = await importBytes(cp1252, 'dagsorden-1252.txt');
    expect(format).toBe('text');
    expect(document.items.find((i) => i.number === '3.1')?.title).toBe('Ny femårig aftale og fordeling af lærepladser på SOSU-uddannelserne 2022');
  });
  it('imports a web page through the same structure stage', async () => {
    const html = '<html><body><nav>Menu</nav><h1>Byrådet – Referat</h1><p>Dato: 02-03-2024 17:00</p><h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p></body></html>';
    const { document, format } = await importBytes(new TextEncoder().encode(html), 'referat.html');
    expect(format).toBe('html');
    expect(document).toMatchObject({ date: '2024-03-02', kind: 'minutes' });
    expect(document.items[0]).toMatchObject({ number: '1', title: 'Godkendelse af dagsorden', decision: 'Godkendt.' });
  });
});
