/**
 * Inputs the fuzzer (test/fuzz, `npm run fuzz`) found slow or failing, cut down to what made them
 * so. Each took seconds to minutes growing with the square of its size, or was refused wrongly,
 * before its fix. The time bounds tell quadratic from linear work on a loaded machine; speed
 * itself is the bench's business.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeZip } from '../../test/fixtures/make/zip.js';
import { fileAccessOf, ImportError, importBytes, parseText } from './index.js';
import { authorityOf } from './structure/authority.js';
import { parseAbsence } from './structure/participants.js';
import { openZip } from './read/zip.js';
import { plainLine } from './line.js';
import { splitRunInHeading } from './structure/run-in.js';
import { plainTextLines } from './xml/content.js';
import { zeroNumbering } from './xml/sbsys.js';

const seconds = (f: () => unknown) => {
  const start = performance.now();
  f();
  return (performance.now() - start) / 1000;
};
const secondsAsync = async (f: () => Promise<unknown>) => {
  const start = performance.now();
  await f();
  return (performance.now() - start) / 1000;
};
const doc = (paragraph: string) => `Dagsorden\n\n1. Punkt\n\n${paragraph}\n\n2. Punkt\n\nTekst.\n`;

describe('inputs the fuzzer found', () => {
  it('a 60 KB word in capitals, or 60 KB of capitalised names, in an item reads in seconds (a name pattern scanned from every letter)', () => {
    // Before: ~20 s and ~10 s; the pattern for "X indkaldes for Y" started a name at every capital.
    expect(seconds(() => parseText(doc('BAGGRUND'.repeat(7500))))).toBeLessThan(5);
    expect(seconds(() => parseText(doc('Anna Holm '.repeat(6000))))).toBeLessThan(5);
  });

  it('sixty thousand pages of one word each read in seconds (index lists copied, lines joined onto a growing text)', () => {
    // Before: ~30 s for 40,000 pages, quadratic in their number; after, a few seconds for 60,000.
    expect(seconds(() => parseText(`${'ord\f'.repeat(60_000)}\n1. Punkt\n\nTekst.\n`))).toBeLessThan(30);
  });

  it('a case-system text field with a long run of spaces inside a line reads at once (/\\s+$/ is quadratic in it)', () => {
    // Before: ~12 s.
    expect(seconds(() => plainTextLines(`a${' '.repeat(100_000)}b`))).toBeLessThan(2);
    expect(plainTextLines('Tekst  \nmere ').map((l) => l.text)).toEqual(['Tekst', 'mere']);
  });

  it('a UTF-16 text file with its BOM (Notepad\'s "Unicode") is read as text, not as Windows-1252 with a NUL between letters', async () => {
    const text = 'Dagsorden\r\n\r\n1. Budget for næste år\r\n\r\nTekst om budgettet.\r\n\r\n2. Eventuelt\r\n\r\nIntet.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    for (const bytes of [le, be]) {
      const imported = await importBytes(bytes, 'unicode.txt');
      expect(imported.document.items.map((i) => i.title)).toEqual(['Budget for næste år', 'Eventuelt']);
    }
  });

  it('a DOCX with a relationships part that holds no element is refused with a reason, not a TypeError\'s words', async () => {
    const zip = openZip(makeDocx('<w:p><w:r><w:t>1. Punkt</w:t></w:r></w:p>'));
    const entries = [...zip.entries.keys()].map((name) => ({ name, data: name === 'word/_rels/document.xml.rels' ? '<?xml version="1.0" encoding="UTF-8"?>' : zip.read(name) }));
    const error = await importBytes(makeZip(entries), 'tom-rels.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('tom-rels.docx: not a readable Word document (a part of the package is malformed)');
  });

  it('SBSYS items numbered 0 after an item numbered past 2^53, or after half a million items, get whole numbers (not "1e+23", no stack overflow)', () => {
    expect([...zeroNumbering(['3', '99999999999999999999999', '0']).values()]).toEqual(['100000000000000000000000']);
    const many = [...Array.from({ length: 500_000 }, (_, i) => String(i + 1)), '0'];
    expect(zeroNumbering(many).get(500_000)).toBe('500001');
  });

  it('a section heading run onto a sentence is parted by the line\'s end alone (a pattern from the start overflowed on a 29 MB line)', () => {
    const split = (text: string) => splitRunInHeading(plainLine(text)).map((l) => l.text);
    expect(split('Sagen blev drøftet den 20. oktober 2014.Beslutning')).toEqual(['Sagen blev drøftet den 20. oktober 2014.', 'Beslutning']);
    expect(split('Godkendt.Ikke en overskrift')).toEqual(['Godkendt.Ikke en overskrift']);
    const long = `${'Tekst (a) og. '.repeat(200_000)}Sagen er drøftet.Beslutning`;
    expect(split(long)).toEqual([long.slice(0, -'Beslutning'.length), 'Beslutning']);
  });

  it('a table row of 40,000 cells before the first item reads in seconds (body and banner patterns backtracked over its tabs)', () => {
    // Before: ~50 s.
    expect(seconds(() => parseText(`x${'\t'.repeat(40_000)}y\n\n1. Punkt\n\nTekst.\n`))).toBeLessThan(10);
  });

  it('a long afbud line of capitalised words reads at once (the substitute patterns are unanchored and lazy)', () => {
    // Before: ~10 s.
    expect(seconds(() => parseAbsence(`${'Anna Holm '.repeat(4000)}mødte x`))).toBeLessThan(2);
    expect(parseAbsence('Anna Holm (A), i stedet deltog Bo Berg (A)').substitute).toBe('Bo Berg');
  });

  it('a DOCX with a character reference past U+10FFFF is judged for access, not a RangeError', () => {
    const bytes = makeDocx('<w:p><w:r><w:t>1. Punkt &#1114112; &#x110000; &#65;</w:t></w:r></w:p>');
    expect(fileAccessOf(bytes, 'docx')).toBe('public');
  });
  it('an unspaced run of capitals with a non-ASCII letter in the header reads at once (a name was tried from every word boundary)', () => {
    // Before: ~16 s (a minute for the 300 KB line the fuzzer made); `\b` is ASCII, so "RESUMÉRESUMÉ…" has a boundary after every É.
    expect(seconds(() => parseText(`Dagsorden\n\n${'RESUMÉ'.repeat(20_000)}\n\n1. Punkt\n\nTekst.\n`))).toBeLessThan(2);
    expect(authorityOf(null, ['RESUMÉ Norddal Kommune'])).toBe('Norddal Kommune');
    expect(authorityOf(null, ['Mødet i Ringkøbing-Skjern Byråd', 'Norddal Kommune'])).toBe('Ringkøbing-Skjern Kommune');
    expect(authorityOf(null, ['Kommunes Kommunalbestyrelse x', 'Kommunesvej'])).toBe('Kommunes Kommune');
  });

  it("a web page of a hundred thousand unclosed tags is refused at once (the parser's stack is shifted at the front on every tag)", async () => {
    // Before: ~7 s; <thead> does not close itself, so each one nests and each tag costs the depth.
    const page = `<html><body><p>1. Punkt</p>${'<thead>'.repeat(100_000)}Tekst</body></html>`;
    let error: unknown;
    expect(await secondsAsync(async () => (error = await importBytes(Buffer.from(page), 'dyb.html').catch((e: unknown) => e)))).toBeLessThan(2);
    expect((error as Error).message).toBe('dyb.html: nested deeper than 400 levels');
  });

  it('a DOCX whose document.xml nests a hundred thousand paragraphs is refused at once (as the web page above, in XML)', async () => {
    // Before: ~9 s in the rewrite of the numbers, then mammoth's own parse and a stack overflow.
    const bytes = makeDocx(`<w:p><w:r><w:t>1. Punkt</w:t></w:r></w:p>${'<w:p>'.repeat(100_000)}`);
    let error: unknown;
    expect(await secondsAsync(async () => (error = await importBytes(bytes, 'dyb.docx').catch((e: unknown) => e)))).toBeLessThan(2);
    expect((error as Error).message).toBe('dyb.docx: nested deeper than 400 levels');
  });
  it('a Markdown heading with a long run of spaces inside reads at once (its closing hashes were cut by a cubic pattern)', () => {
    // Before: ~50 s for 3,000 spaces on a loaded machine (0.8 s for 1,000).
    let parsed: ReturnType<typeof parseText> | undefined;
    expect(seconds(() => (parsed = parseText(`# Dagsorden${' '.repeat(3000)}x\n\n1. Punkt\n\nTekst.\n`)))).toBeLessThan(2);
    expect(parsed!.items.map((i) => i.title)).toEqual(['Punkt']);
    expect(parseText('# Dagsorden ##\n\n## 1. Punkt #\n\nTekst.\n').items.map((i) => i.title)).toEqual(['Punkt']);
  });

  it('a case number or a web address followed by a long run of dots inside its token reads at once (/[.,;]+$/ retried from every dot)', () => {
    // Before: ~13 s for the two; the fuzzer's 250 KB token took 9 s.
    expect(seconds(() => parseText(doc(`Sagsnr.: 12345${'.'.repeat(30_000)}x`)))).toBeLessThan(2);
    expect(seconds(() => parseText(doc(`Se http://example.org/${'.'.repeat(40_000)}x`)))).toBeLessThan(2);
    expect(parseText(doc('Se https://example.org/plan.pdf).')).items[0]!.links.map((l) => l.url)).toEqual(['https://example.org/plan.pdf']);
    expect(parseText('Dagsorden\n\n1. Punkt\n\nSagsnr.: 27.00.00-A00-1-19.;\n\nTekst.\n').items[0]!.caseNumber).toBe('27.00.00-A00-1-19');
  });
  it("a mutated DOCX that xmldom cannot parse is refused as XML that is not well-formed, not in xmldom's words", async () => {
    // Seed 20261205 #30416, as the fuzzer made it (generated, no real text): before, the reason was
    // "[xmldom error]\tend tag name:  is not complete:undefined".
    const bytes = readFileSync(new URL('../../test/fixtures/fuzz/xmldom-end-tag.docx', import.meta.url));
    const error = await importBytes(bytes, 'slutmærke.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('slutmærke.docx: not a readable Word document (a part of the package is not well-formed XML)');
  });
  it('XML whose root element has a name of kilobytes is refused with a reason of one short line (seed 20261205 #54736: 1,967 characters)', async () => {
    const error = await importBytes(Buffer.from(`<?xml version="1.0"?><${'x'.repeat(2000)}>1. Punkt</${'x'.repeat(2000)}>`), 'rod.xml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(`rod.xml: XML with root <${'x'.repeat(60)}…> is not an agenda export Referat knows (SBSYS, Acadre, eDoc, eDoc 4)`);
  });
});
