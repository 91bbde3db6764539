/** The shared pieces of the case-system readers: dates, captions, access, attendance, detection. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingDocument } from '../../model/index.js';
import { captionType, contentBlocks, fieldSection } from './content.js';
import { decodeXml, parseXml, rootOf, textAt } from './dom.js';
import { closedCounts, detectCaseSystem, readCaseSystemXml, siblingLoader } from './index.js';
import { attendance, bodyName, parseDateTime, participant, titleSaysClosed } from './meta.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('dates in every shape the exports use', () => {
  it.each([
    ['15-05-2013 16:30:00', '2013-05-15', '16:30'], // SBSYS, eDoc
    ['02-05-2017 10:00', '2017-05-02', '10:00'], // eDoc 4
    ['2013-06-20 10:30', '2013-06-20', '10:30'], // Acadre
    ['2024-03-12T09:05:00+01:00', '2024-03-12', '09:05'],
    ['04.12.2012', '2012-12-04', null],
    ['31-02-2024 10:00', null, null],
    ['', null, null],
  ])('%s', (text, date, time) => {
    expect(parseDateTime(text)).toEqual({ date, time });
  });
});

describe('field captions', () => {
  it.each([
    ['Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 10-04-2013', 'decision'],
    ['FORRETNINGSUDVALGETS BESLUTNING', 'decision'],
    ['Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2', 'decision'],
    ['Beslutningen træffes af', 'other'],
    ['ADMINISTRATIONENS INDSTILLING', 'recommendation'],
    ['Forvaltningen foreslår', 'recommendation'],
    ['Sammendrag', 'summary'],
    ['Præsentation', 'summary'],
    ['PUNKTET BEHANDLET TIDLIGERE', 'history'],
    ['Økonomiske konsekvenser og finansiering', 'economy'],
    ['Supplerende Sagsfremstilling', 'presentation'],
    ['KOMMUNIKATION', 'other'],
  ])('%s → %s', (caption, type) => {
    expect(captionType(caption)).toBe(type);
  });

  it('the system flag decides a decision either way', () => {
    expect(fieldSection('Bemærkninger', '<p>Godkendt.</p>', true)?.section.type).toBe('decision');
    expect(fieldSection('Beslutning', '<p>Udsat.</p>', false)?.section.type).toBe('other');
    expect(fieldSection('Beslutning', '<p>Tomt indhold</p>', true)).toBeNull();
  });

  it('plain text keeps its lines, bullets and tabs and is not read as Markdown', () => {
    expect(contentBlocks('Første afsnit med *stjerne*.\n\n- punkt et\n- punkt to\n\nÅr\tBeløb\n2024\t12')).toEqual([
      { kind: 'paragraph', text: 'Første afsnit med *stjerne*.' },
      { kind: 'list', items: [{ text: 'punkt et', depth: 0 }, { text: 'punkt to', depth: 0 }] },
      { kind: 'table', rows: [['År', 'Beløb'], ['2024', '12']] },
    ]);
  });
});

describe('names, roles and access words', () => {
  it('splits party letters and drops the plain member role', () => {
    expect(participant('Anne  Holm (A)', null, 'Medlem')).toEqual({ name: 'Anne Holm', party: 'A', municipality: null, role: null });
    expect(participant('Yasmin Ødegaard (SF)', null, 'Næstformand')).toMatchObject({ party: 'SF', role: 'næstformand' });
  });

  it('links a substitute to the afbud they stand in for', () => {
    const m = (name: string) => participant(name, null, '');
    const result = attendance([
      { member: m('Anne Holm'), present: false, note: '', replaces: null },
      { member: m('Ib Frost'), present: true, note: '', replaces: 'Anne Holm' },
      { member: m('Eva Lind'), present: false, note: 'Stedfortræder: Ole Bak', replaces: null },
      { member: m('Per Dam'), present: true, note: '', replaces: null },
    ]);
    expect(result.participants.map((p) => p.name)).toEqual(['Per Dam']);
    expect(result.absent.map((a) => [a.name, a.substitute])).toEqual([['Anne Holm', 'Ib Frost'], ['Eva Lind', 'Ole Bak']]);
  });

  it('recognises bilag titles that say they are not public', () => {
    expect(titleSaysClosed('Ikke offentliggjort - Bilag 2 til sag nr. 3')).toBe(true);
    expect(titleSaysClosed('Pkt 4 - EJ OFFENTLIGTGJORT - notat')).toBe(true);
    expect(titleSaysClosed('Notat, ikke offentliggjort')).toBe(true);
    expect(titleSaysClosed('Offentliggørelse af regnskab')).toBe(false);
  });

  it('writes an all-capitals committee name in sentence case and leaves abbreviations', () => {
    expect(bodyName('FORRETNINGSUDVALGET')).toBe('Forretningsudvalget');
    expect(bodyName('KMB IT-udvalget')).toBe('KMB IT-udvalget');
    expect(bodyName('  ')).toBeNull();
  });
});

describe('reading XML', () => {
  it('tolerates control-character references, a BOM and CRLF', () => {
    const doc = parseXml(decodeXml(utf8('\uFEFF<?xml version="1.0"?>\r\n<Meeting><FullText>side 1&#xC;side 2&#x1;</FullText></Meeting>')));
    expect(textAt(rootOf(doc), 'FullText')).toBe('side 1\nside 2');
  });

  it('decodes the declared encoding', () => {
    const latin1 = Uint8Array.from([...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xf8, ...utf8('</a>')]);
    expect(decodeXml(latin1)).toContain('<a>ø</a>');
  });

  it('refuses XML that no case system wrote, and detects from content only', async () => {
    expect(detectCaseSystem(utf8('<rss><channel/></rss>'))).toBeNull();
    await expect(readCaseSystemXml(utf8('<rss><channel/></rss>'), 'Publication.xml')).rejects.toThrow(/root <rss>/);
    expect(detectCaseSystem(utf8('<Publication><Agendas><Agenda ID="7"/></Agendas></Publication>'))).toBe('sbsys');
  });
});

describe('closedCounts', () => {
  const item = (number: string, closed: boolean, attachments: boolean[]): AgendaItem => ({
    number, title: `Punkt ${number}`, caseNumber: null, caseOfficers: [], presenters: [], sections: [], links: [], decision: null, absent: [], access: closed ? 'closed' : 'public',
    attachments: attachments.map((c, i) => ({ title: `Bilag ${i + 1}`, access: c ? 'closed' : 'public', fileName: null })),
  });

  it('counts closed items with their sub-items, and closed bilag with those of closed items', () => {
    const doc = { items: [item('1', false, [false, true]), item('2', true, [false]), item('2.1', false, [false, false]), item('3', false, [])] } as MeetingDocument;
    expect(closedCounts(doc)).toEqual({ items: 2, attachments: 4 });
  });
});

describe('siblingLoader', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('finds a named file whatever its case and never leaves the manifest folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'referat-sibling-'));
    dirs.push(root);
    await mkdir(join(root, 'pub', 'Files_1_2'), { recursive: true });
    await writeFile(join(root, 'pub', 'Files_1_2', '2.XML'), '<root/>');
    await writeFile(join(root, 'secret.xml'), '<root/>');
    const load = siblingLoader(join(root, 'pub', 'XML_1.xml'));
    expect(new TextDecoder().decode((await load('Files_1_2/2.xml'))!)).toBe('<root/>');
    expect(await load('Files_1_2\\2.xml')).not.toBeNull();
    expect(await load('../secret.xml')).toBeNull();
    expect(await load(join(root, 'secret.xml'))).toBeNull();
    expect(await load('Files_1_2/3.xml')).toBeNull();
  });
});
