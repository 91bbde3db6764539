import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** A minimal ZIP local header naming one entry, enough for content sniffing. */
function zipWith(entry: string): Uint8Array {
  const name = Buffer.from(entry, 'latin1');
  const data = deflateRawSync(Buffer.from('<w:document/>'));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return new Uint8Array(Buffer.concat([header, name, data]));
}

describe('detectFormat', () => {
  it('finds PDF by its header, also after leading junk and whatever the extension', () => {
    expect(detectFormat(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'referat.docx')).toBe('pdf');
    expect(detectFormat(bytes('\r\n\r\n%PDF-1.4\n'), 'x.bin')).toBe('pdf');
  });

  it('tells DOCX from other ZIP files by word/document.xml', () => {
    expect(detectFormat(zipWith('word/document.xml'), 'referat.doc')).toBe('docx');
    expect(detectFormat(zipWith('content.xml'), 'referat.odt')).toBe('binary');
  });

  it('finds HTML by doctype, <html>, or an HTML fragment, and XML by declaration or root', () => {
    expect(detectFormat(bytes('\uFEFF  <!DOCTYPE html><html><body></body></html>'), 'a.pdf')).toBe('html');
    expect(detectFormat(bytes('<!-- saved --><HTML><BODY>x'), 'a.txt')).toBe('html');
    expect(detectFormat(bytes('<div class="dagsorden"><h1>Byrådet</h1></div>'), 'a')).toBe('html');
    expect(detectFormat(bytes('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'), 'a')).toBe('html');
    expect(detectFormat(bytes('<?xml version="1.0" encoding="utf-8"?><Sag><Nummer>1</Nummer></Sag>'), 'a.txt')).toBe('xml');
    expect(detectFormat(bytes('<Dagsorden><Punkt/></Dagsorden>'), 'a.dat')).toBe('xml');
  });

  it('reads UTF-8, Windows-1252 and UTF-16 text as text', () => {
    expect(detectFormat(bytes('REFERAT\n\n1. Godkendelse\tside 3\n'), 'a.pdf')).toBe('text');
    expect(detectFormat(new Uint8Array([0x4b, 0x4b, 0x52, 0x20, 0xe6, 0xf8, 0xe5, 0x96, 0x0a]), 'a.txt')).toBe('text');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Møde <i>', 'utf16le')]);
    expect(detectFormat(utf16, 'a.txt')).toBe('text');
    expect(detectFormat(new Uint8Array([0xff, 0xfe, ...Buffer.from('<html><body>', 'utf16le')]), 'a')).toBe('html');
  });

  it('calls an empty file text (the importer reports it as empty)', () => {
    expect(detectFormat(new Uint8Array(), 'tom.pdf')).toBe('text');
  });

  it('calls files with NUL or many control bytes binary', () => {
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'a.png')).toBe('binary');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 32);
    expect(detectFormat(noise, 'a.txt')).toBe('binary');
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'gammel.doc')).toBe('binary');
  });
});
